import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../apps/server/src/kernel/db/database.js';

/**
 * One connection for bulk work on either engine: COPY of text-format rows (pg-copy-streams'
 * `COPY … FROM STDIN` on PostgreSQL, `COPY … FROM '/dev/blob'` on PGlite), plain statements and
 * parameterised queries. Session settings (maintenance_work_mem for index builds) stay on it.
 */
export interface BulkSession {
  /** COPY text-format rows, given whole or as pieces pulled one at a time (PostgreSQL streams them). */
  copy(table: string, columns: readonly string[], text: string | Iterable<string>): Promise<number>;
  exec(statement: string): Promise<void>;
  query<Row>(statement: string, params?: unknown[]): Promise<Row[]>;
  release(): void;
}

export async function openBulkSession(database: Database): Promise<BulkSession> {
  if (database.kind === 'pglite') {
    const pglite = database.pglite!;
    return {
      async copy(table, columns, text) {
        // The pieces become one Blob without being joined into one string first.
        const blob = new Blob(typeof text === 'string' ? [text] : [...text]);
        const result = await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], {
          blob,
        });
        return result.affectedRows ?? 0;
      },
      async exec(statement) {
        await pglite.exec(statement);
      },
      async query<Row>(statement: string, params: unknown[] = []) {
        return (await pglite.query<Row>(statement, params)).rows;
      },
      release() {},
    };
  }
  const client: pg.PoolClient = await database.pool!.connect();
  return {
    async copy(table, columns, text) {
      const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
      // Readable.from pulls the next piece only when the socket drains: generation and the server's
      // COPY run side by side, and only a few pieces exist at a time.
      await pipeline(Readable.from(typeof text === 'string' ? [text] : text), stream);
      return stream.rowCount ?? 0;
    },
    async exec(statement) {
      await client.query(statement);
    },
    async query<Row>(statement: string, params: unknown[] = []) {
      return (await client.query(statement, params)).rows as Row[];
    },
    release() {
      client.release();
    },
  };
}

/** A value for COPY's text format: \N for null; the generator never writes tabs, newlines or backslashes. */
export const copyValue = (value: string | number | null | undefined): string =>
  value === null || value === undefined ? '\\N' : String(value);

/** A JSON value inside COPY text: only the backslash needs doubling (the generator writes no tabs). */
export const copyJson = (value: unknown): string => JSON.stringify(value).replace(/\\/g, '\\\\');

export interface Timed {
  name: string;
  seconds: number;
}

export interface SuspendedIndexes {
  /** Recreates every index and foreign key that was dropped, each timed. */
  restore(log: (message: string) => void): Promise<{ indexes: Timed[]; constraints: Timed[] }>;
}

/**
 * Drops the secondary indexes and foreign keys of `tables` for a bulk load, keeping their definitions
 * as the migrations made them (pg_indexes, pg_get_constraintdef): the same indexes are then built once
 * from sorted data instead of maintained row by row, and each key is checked in one join.
 */
export async function suspendIndexes(
  session: BulkSession,
  tables: readonly string[],
): Promise<SuspendedIndexes> {
  const indexes = await session.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = 'public' and tablename = any($1)
       and indexname not in (select conname from pg_constraint where contype = 'p')
     order by tablename, indexname`,
    [tables],
  );
  const constraints = await session.query<{ name: string; table: string; definition: string }>(
    `select conname as name, conrelid::regclass::text as table, pg_get_constraintdef(oid) as definition
     from pg_constraint where contype = 'f' and conrelid::regclass::text = any($1) order by conname`,
    [tables],
  );
  for (const c of constraints) await session.exec(`alter table ${c.table} drop constraint ${c.name}`);
  for (const index of indexes) await session.exec(`drop index ${index.name}`);
  return {
    async restore(log) {
      const indexTimes: Timed[] = [];
      for (const index of indexes) {
        log(`  building ${index.name}…`);
        const started = performance.now();
        await session.exec(index.definition);
        indexTimes.push({ name: index.name, seconds: (performance.now() - started) / 1000 });
      }
      const constraintTimes: Timed[] = [];
      for (const c of constraints) {
        log(`  checking ${c.name}…`);
        const started = performance.now();
        await session.exec(`alter table ${c.table} add constraint ${c.name} ${c.definition}`);
        constraintTimes.push({ name: c.name, seconds: (performance.now() - started) / 1000 });
      }
      return { indexes: indexTimes, constraints: constraintTimes };
    },
  };
}
