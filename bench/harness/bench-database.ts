import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
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
  /** The administrator's password, generated for this run; empty when the database was reused. */
  adminPassword: string;
  /** A kept database from an earlier run was opened: first start had already run, data may be there. */
  reused: boolean;
}

export interface BenchDatabaseOptions {
  /**
   * Keep the database after the run under this name (PostgreSQL) and reuse it when it exists: for
   * suites whose data takes minutes to build. On PGlite it needs `pgliteDataDir`, which is then kept.
   */
  keepAs?: string;
  /** PGlite on disk in this directory (created, and removed at the end unless kept) instead of in memory. */
  pgliteDataDir?: string;
}

async function databaseExists(url: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
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
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  let database: Database;
  let description: string;
  let reused = false;
  if (databaseUrl) {
    const kept = options.keepAs;
    const name = kept ?? `cds_bench_${process.pid}_${suite.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}`;
    if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`not a plain database name: ${name}`);
    reused = kept !== undefined && (await databaseExists(databaseUrl, name));
    if (!reused) {
      await adminQuery(databaseUrl, `drop database if exists ${name} with (force)`);
      await adminQuery(databaseUrl, `create database ${name}`);
    }
    if (!kept) {
      cleanup.defer(`scratch database ${name}`, () =>
        adminQuery(databaseUrl, `drop database if exists ${name} with (force)`),
      );
    }
    database = await openDatabase({ databaseUrl: withDatabaseName(databaseUrl, name) });
    description = kept
      ? `PostgreSQL, kept database ${name} (${reused ? 'reused' : 'created'}; drop it by hand when done)`
      : `PostgreSQL, scratch database ${name}`;
  } else if (options.pgliteDataDir) {
    const dir = options.pgliteDataDir;
    const hasData = existsSync(dir) && readdirSync(dir).length > 0;
    if (hasData && !options.keepAs) throw new Error(`${dir} is not empty: give an empty or new directory`);
    reused = hasData;
    if (!options.keepAs) {
      cleanup.defer(`PGlite directory ${dir}`, () => rm(dir, { recursive: true, force: true }));
    }
    mkdirSync(dir, { recursive: true });
    database = await openDatabase({ dataDir: dir });
    description = `PGlite, on disk in ${dir}${options.keepAs ? ` (kept; ${reused ? 'reused' : 'created'})` : ''}`;
  } else {
    if (options.keepAs) throw new Error('keeping a PGlite database needs a data directory');
    database = await openPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
    description = 'PGlite, in memory';
  }
  cleanup.defer(`${database.kind} connection`, () => database.close());
  await migrateDatabase(database);
  const adminPassword = reused ? '' : randomBytes(12).toString('base64url');
  await ensureFirstStart(database.db, adminPassword || undefined);
  const [row] = await queryRows<{ version: string }>(database.db, sql`select version() as version`);
  return { database, description, version: row?.version ?? 'unknown', adminPassword, reused };
}
