import { performance } from 'node:perf_hooks';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type { Database, Db } from '../../apps/server/src/kernel/db/database.js';
import type { BulkSession } from '../../scripts/national/bulk.js';
import { percentile } from '../harness/serial-timing.js';

export interface CapturedQuery {
  text: string;
  params: unknown[];
}

/**
 * Runs `work` with a query layer over the same connections that records every statement it sends:
 * the service's own SQL, to be timed and explained one statement at a time.
 */
export async function captureQueries<T>(
  database: Database,
  work: (db: Db) => Promise<T>,
): Promise<{ result: T; queries: CapturedQuery[] }> {
  const queries: CapturedQuery[] = [];
  const logger = { logQuery: (text: string, params: unknown[]) => void queries.push({ text, params }) };
  const db =
    database.kind === 'postgres'
      ? (drizzleNodePg(database.pool!, { logger }) as unknown as Db)
      : (drizzlePglite(database.pglite!, { logger }) as unknown as Db);
  const result = await work(db);
  return { result, queries };
}

/** A statement in one line, shortened: what the breakdown table names each part by. */
export function describeQuery(query: CapturedQuery): string {
  const oneLine = query.text.replace(/\s+/g, ' ').trim();
  const write = /^(insert into|update|delete from) "?([a-z_]+)"?/i.exec(oneLine);
  if (write) return `${write[1]!.toLowerCase()} ${write[2]} (${query.params.length} values)`;
  const table = /\bfrom "?([a-z_]+)"?/i.exec(oneLine)?.[1];
  if (!table) return oneLine.length > 80 ? `${oneLine.slice(0, 77)}…` : oneLine;
  const where = /\bwhere (.*?)(?: group by| order by| limit|$)/i.exec(oneLine)?.[1] ?? '';
  const params = query.params
    .map((p) => (p instanceof Date ? p.toISOString().slice(0, 10) : String(p)))
    .map((p) => (p.length > 24 ? `${p.slice(0, 21)}…` : p))
    .join(', ');
  const shortWhere = where.length > 110 ? `${where.slice(0, 107)}…` : where;
  return `${table}: ${shortWhere}${params ? ` [${params}]` : ''}`;
}

export interface QueryTiming {
  query: CapturedQuery;
  label: string;
  p50Ms: number;
  maxMs: number;
  rows: number;
}

const asParam = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** Each statement run `runs` times on the bulk session, serially: which part of a service call costs what. */
export async function timeQueries(
  session: BulkSession,
  queries: readonly CapturedQuery[],
  runs: number,
): Promise<QueryTiming[]> {
  const timings: QueryTiming[] = [];
  for (const query of queries) {
    const durations: number[] = [];
    let rows = 0;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      rows = (await session.query(query.text, query.params.map(asParam))).length;
      durations.push(performance.now() - started);
    }
    durations.sort((a, b) => a - b);
    timings.push({
      query,
      label: describeQuery(query),
      p50Ms: percentile(durations, 50),
      maxMs: durations.at(-1)!,
      rows,
    });
  }
  return timings;
}

/** `EXPLAIN (ANALYZE, BUFFERS)` of each statement, with its SQL and parameters above the plan. */
export async function explainQueries(
  session: BulkSession,
  queries: readonly CapturedQuery[],
): Promise<string> {
  const parts: string[] = [];
  for (const [i, query] of queries.entries()) {
    const rows = await session.query<Record<string, string>>(
      `explain (analyze, buffers) ${query.text}`,
      query.params.map(asParam),
    );
    parts.push(
      `-- ${i + 1}. ${query.text.replace(/\s+/g, ' ').trim()}`,
      `-- params: ${JSON.stringify(query.params.map(asParam))}`,
      rows.map((row) => Object.values(row)[0]).join('\n'),
      '',
    );
  }
  return parts.join('\n');
}

/** The breakdown as a small table: statement, median, rows. */
export function renderTimings(timings: readonly QueryTiming[]): string {
  const total = timings.reduce((sum, t) => sum + t.p50Ms, 0);
  const lines = timings.map(
    (t, i) =>
      `${String(i + 1).padStart(2)}. ${t.p50Ms.toFixed(2).padStart(8)} ms  ${String(t.rows).padStart(5)} rows  ${t.label}`,
  );
  return [...lines, `    ${total.toFixed(2).padStart(8)} ms  in all (medians)`].join('\n');
}

export interface StatementCost {
  label: string;
  executionMs: number;
  /** The statement triggers' lines of the plan ("Trigger voice_items_counted_insert: time=… calls=1"). */
  triggers: string[];
}

/**
 * Replays a service call's statements, writes included, each under `EXPLAIN (ANALYZE, BUFFERS)`, in one
 * transaction that is rolled back: what each statement cost, with the time of the triggers it fired.
 */
export async function explainReplay(
  session: BulkSession,
  queries: readonly CapturedQuery[],
  /** Run first in the same transaction: undoing what the captured call wrote, so its writes replay. */
  before: readonly string[] = [],
): Promise<{ costs: StatementCost[]; plans: string }> {
  const costs: StatementCost[] = [];
  const parts: string[] = [];
  await session.exec('begin');
  try {
    for (const statement of before) await session.exec(statement);
    for (const [i, query] of queries.entries()) {
      if (/^\s*(begin|commit|rollback|savepoint|release)/i.test(query.text)) continue;
      const rows = await session.query<Record<string, string>>(
        `explain (analyze, buffers) ${query.text}`,
        query.params.map(asParam),
      );
      const lines = rows.map((row) => Object.values(row)[0]!);
      const execution = lines.find((line) => line.startsWith('Execution Time'));
      costs.push({
        label: describeQuery(query),
        executionMs: Number(/([\d.]+) ms/.exec(execution ?? '')?.[1] ?? Number.NaN),
        triggers: lines.filter((line) => line.startsWith('Trigger')),
      });
      parts.push(`-- ${i + 1}. ${query.text.replace(/\s+/g, ' ').trim()}`, lines.join('\n'), '');
    }
  } finally {
    await session.exec('rollback');
  }
  return { costs, plans: parts.join('\n') };
}

export function renderCosts(costs: readonly StatementCost[]): string {
  const total = costs.reduce((sum, c) => sum + c.executionMs, 0);
  return [
    ...costs.flatMap((c, i) => [
      `${String(i + 1).padStart(2)}. ${c.executionMs.toFixed(2).padStart(8)} ms  ${c.label}`,
      ...c.triggers.map((t) => `              ${t}`),
    ]),
    `    ${total.toFixed(2).padStart(8)} ms  in all (execution times, planning not included)`,
  ].join('\n');
}
