import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ensureFirstStart } from '../../apps/server/src/bootstrap/first-start.js';
import {
  openDatabase,
  openPglite,
  PGLITE_EXTENSIONS,
  queryRows,
  type Database,
} from '../../apps/server/src/kernel/db/database.js';
import { migrateDatabase } from '../../apps/server/src/kernel/db/migrate.js';
import type { Cleanup } from './cleanup.js';

export interface BenchDatabase {
  database: Database;
  /** "PGlite (in memory)" or "PostgreSQL cds_bench_…" */
  description: string;
  /** `select version()` */
  version: string;
  /** The administrator's password, generated for this run. */
  adminPassword: string;
}

function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database holding what every install has after its first start (the Confederation,
 * the 34 provinces, an administrator). On PostgreSQL it is a scratch database `cds_bench_<pid>_<suite>`
 * on the server of `databaseUrl`, dropped when the run ends; otherwise an in-memory PGlite.
 */
export async function openBenchDatabase(
  suite: string,
  databaseUrl: string | undefined,
  cleanup: Cleanup,
): Promise<BenchDatabase> {
  let database: Database;
  let description: string;
  if (databaseUrl) {
    const name = `cds_bench_${process.pid}_${suite.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
    await adminQuery(databaseUrl, `drop database if exists ${name} with (force)`);
    await adminQuery(databaseUrl, `create database ${name}`);
    cleanup.defer(`scratch database ${name}`, () =>
      adminQuery(databaseUrl, `drop database if exists ${name} with (force)`),
    );
    database = await openDatabase({ databaseUrl: withDatabaseName(databaseUrl, name) });
    description = `PostgreSQL, scratch database ${name}`;
  } else {
    database = await openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    description = 'PGlite, in memory';
  }
  cleanup.defer(`${database.kind} connection`, () => database.close());
  await migrateDatabase(database);
  const adminPassword = randomBytes(12).toString('base64url');
  await ensureFirstStart(database.db, adminPassword);
  const [row] = await queryRows<{ version: string }>(database.db, sql`select version() as version`);
  return { database, description, version: row?.version ?? 'unknown', adminPassword };
}
