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
