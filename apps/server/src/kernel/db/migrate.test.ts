import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, openPglite, PGLITE_EXTENSIONS, queryRows, type Database } from './database.js';
import { migrateDatabase, MIGRATIONS_DIR } from './migrate.js';
import { adminQuery, testDatabaseUrl, withDatabaseName } from '../../../test/support/databases.js';

/** A brand-new, empty database on the engine under test. */
async function emptyDatabase(): Promise<Database> {
  const url = testDatabaseUrl();
  if (!url) return openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  const name = `cds_migrate_${process.pid}_${Date.now()}`;
  await adminQuery(url, `create database ${name}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  return {
    ...database,
    close: async () => {
      await database.close();
      await adminQuery(url, `drop database ${name} with (force)`);
    },
  };
}

const tableExists = async (database: Database, table: string) =>
  (
    await queryRows<{ found: boolean }>(database.db, sql`select to_regclass(${table}) is not null as found`)
  )[0]!.found;

describe('migrations', () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it('apply from code on an empty database, once', async () => {
    const database = await emptyDatabase();
    await migrateDatabase(database);
    await migrateDatabase(database);
    expect(await tableExists(database, 'units')).toBe(true);
    const applied = await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from schema_migrations`,
    );
    const journal = JSON.parse(await readFile(path.join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8'));
    expect(applied[0]!.count).toBe(journal.entries.length);
    await database.close();
  });

  it('leave the database unchanged when one of them fails', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'cds-migrations-'));
    folders.push(folder);
    await cp(MIGRATIONS_DIR, folder, { recursive: true });
    const journalPath = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8'));
    const tag = '9999_broken';
    journal.entries.push({
      idx: journal.entries.length,
      version: '7',
      when: Date.now(),
      tag,
      breakpoints: true,
    });
    await writeFile(journalPath, JSON.stringify(journal));
    await writeFile(
      path.join(folder, `${tag}.sql`),
      'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT no_such_function();',
    );

    const database = await emptyDatabase();
    await expect(migrateDatabase(database, folder)).rejects.toThrow();
    expect(await tableExists(database, 'units')).toBe(false);
    expect(await tableExists(database, 'half_done')).toBe(false);
    await database.close();
  });
});
