import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';

/** One query layer over both engines; a transaction handle has the same type. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type EngineKind = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  kind: EngineKind;
  /** The PGlite instance in embedded mode (bulk COPY and backups need it). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

export const PGLITE_EXTENSIONS = { pg_trgm };

// int8 and numeric come back from `pg` as strings; PGlite gives numbers. Make `pg` agree for int8,
// which our identity columns and counts use, so raw SQL reads the same on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => {
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : value;
});

export async function openPglite(pglite: PGlite): Promise<Database> {
  await pglite.waitReady;
  // The embedded engine runs one query at a time: give sorts and rollups room so they finish fast.
  await pglite.exec(`SET work_mem = '64MB'`);
  return {
    db: drizzlePglite(pglite) as unknown as Db,
    kind: 'pglite',
    pglite,
    close: () => pglite.close(),
  };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 20 });
    // An idle connection the server drops (a restart, a failover, an administrator) must not crash the
    // process: the pool discards it and opens another on the next query.
    pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
    await pool.query('select 1');
    return { db: drizzleNodePg(pool) as unknown as Db, kind: 'postgres', pool, close: () => pool.end() };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    // relaxedDurability stays off: every commit waits for the filesystem, as a real install needs.
    const pglite = await PGlite.create({ dataDir: options.dataDir, extensions: PGLITE_EXTENSIONS });
    const database = await openPglite(pglite);
    return {
      ...database,
      async close() {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/** Raw SQL returning rows, identical on both drivers. */
export async function queryRows<Row>(db: Db, query: SQL): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The query layer, the same type on both engines. */
    db: Db;
    database: Database;
  }
}

/**
 * PGlite runs no autovacuum, so its planner has no statistics unless asked: without them a scoped
 * prefix scan can read a whole province's index range. PostgreSQL's autovacuum does this by itself.
 */
export async function refreshPlannerStatistics(database: Database): Promise<void> {
  if (database.kind === 'pglite') await database.pglite!.exec('analyze');
}
