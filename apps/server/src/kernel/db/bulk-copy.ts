import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database, Db } from './database.js';

export type CopyValue = string | number | boolean | null;

/** A transaction that can also take rows through COPY: ~8x a multi-row INSERT on both engines. */
export interface BulkTransaction {
  db: Db;
  copyInto(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
}

// COPY's text format: tab-separated, \N for null, backslash escapes for the four special characters.
const copyField = (value: CopyValue): string =>
  value === null
    ? '\\N'
    : String(value).replace(
        /[\\\t\n\r]/g,
        (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]!,
      );

const copyText = (rows: readonly (readonly CopyValue[])[]): string =>
  rows.map((row) => `${row.map(copyField).join('\t')}\n`).join('');

const copyStatement = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.map((c) => `"${c}"`).join(', ')}) FROM ${source}`;

/**
 * Drizzle opens nested transactions through `client.transaction`, which a PGlite Transaction lacks:
 * nested work simply joins the open transaction (what it is for here: the audit's grouping).
 */
function asNestable(tx: Transaction): PGlite {
  const nestable = Object.create(tx) as Transaction & { transaction: unknown };
  nestable.transaction = (work: (inner: Transaction) => Promise<unknown>) => work(tx);
  return nestable as unknown as PGlite;
}

/**
 * Runs `work` in one transaction on one connection, with COPY available. Table and column names are
 * the caller's constants, never input.
 */
export async function bulkTransaction<T>(database: Database, work: (bulk: BulkTransaction) => Promise<T>) {
  if (database.kind === 'pglite') {
    return database.pglite!.transaction(async (tx: Transaction) =>
      work({
        db: drizzlePglite(asNestable(tx)) as unknown as Db,
        async copyInto(table, columns, rows) {
          if (rows.length === 0) return;
          await tx.query(copyStatement(table, columns, `'/dev/blob'`), [], {
            blob: new Blob([copyText(rows)]),
          });
        },
      }),
    );
  }
  const client = await database.pool!.connect();
  try {
    await client.query('begin');
    const result = await work({
      db: drizzleNodePg(client) as unknown as Db,
      async copyInto(table, columns, rows) {
        if (rows.length === 0) return;
        await pipeline(
          Readable.from([copyText(rows)]),
          client.query(copyFrom(copyStatement(table, columns, 'STDIN'))),
        );
      },
    });
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
