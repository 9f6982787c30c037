import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, openPglite, PGLITE_EXTENSIONS, type Database } from '../../src/kernel/db/database.js';

/** Tests run on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set (CI runs both). */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database holding the migrated template: a PGlite loaded from the template's dump (~0.5 s),
 * or a PostgreSQL database created from the template database (tens of ms).
 */
export async function openTestDatabase(template: string): Promise<Database> {
  const url = testDatabaseUrl();
  if (!url) {
    const dump = await readFile(template);
    const pglite = await PGlite.create({ loadDataDir: new Blob([dump]), extensions: PGLITE_EXTENSIONS });
    return openPglite(pglite);
  }
  const name = `cds_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name} template ${template}`);
  const database = await openDatabase({ databaseUrl: withDatabaseName(url, name) });
  return {
    ...database,
    async close() {
      await database.close();
      await adminQuery(url, `drop database if exists ${name} with (force)`);
    },
  };
}
