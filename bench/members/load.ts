import { performance } from 'node:perf_hooks';
import type { EngineKind } from '../../apps/server/src/kernel/db/database.js';
import { suspendIndexes, type BulkSession, type Timed } from '../../scripts/national/bulk.js';
import { MEMBER_COLUMNS, memberChunks } from '../../scripts/national/people.js';
import type { BuiltTree } from '../../scripts/national/tree.js';

/** Rows generated at a time: the unit of memory. */
const PIECE_ROWS = 5_000;
/** Rows per COPY statement: PostgreSQL streams them; PGlite takes them as one Blob. */
const COPY_ROWS = { postgres: 1_000_000, pglite: 100_000 } as const;
const BULK_TABLES = ['members', 'member_events'];

export interface LoadStats {
  members: number;
  copySeconds: number;
  eventsSeconds: number;
  indexes: Timed[];
  constraints: Timed[];
  vacuumSeconds: number;
}

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Loads `tree`'s members with COPY and one 'admit' event each, with the app's own indexes and foreign
 * keys on members and member_events dropped during the load and recreated after from the definitions
 * the migrations created (pg_indexes, pg_get_constraintdef): the same indexes, built once instead of
 * maintained row by row. Then VACUUM ANALYZE, as autovacuum would leave a table after a bulk load.
 */
export async function loadMembers(
  session: BulkSession,
  engine: EngineKind,
  tree: BuiltTree,
  seed: number,
  log: (message: string) => void,
): Promise<LoadStats> {
  const suspended = await suspendIndexes(session, BULK_TABLES);
  if (engine === 'postgres') {
    // A bench database: a crash may lose the last commits, nothing else changes.
    await session.exec(`set synchronous_commit = off`);
    await session.exec(`set maintenance_work_mem = '1GB'`);
  } else {
    // PGlite's heap lives in 32-bit WebAssembly memory: a quarter of a gigabyte is what it can spare.
    await session.exec(`set maintenance_work_mem = '256MB'`);
  }

  const total = tree.homes.reduce((sum, home) => sum + home.members, 0);
  const pieces = memberChunks(tree, seed, PIECE_ROWS);
  let loaded = 0;
  let nextReport = 0;
  const started = performance.now();
  const statementRows = COPY_ROWS[engine];
  let exhausted = false;
  // Pieces of one COPY statement, pulled lazily from the shared generator.
  function* statementPieces(): Generator<string> {
    let rows = 0;
    while (rows < statementRows) {
      const next = pieces.next();
      if (next.done) {
        exhausted = true;
        return;
      }
      rows += next.value.rows;
      loaded += next.value.rows;
      if (loaded >= nextReport) {
        const elapsed = seconds(started);
        log(
          `  ${loaded.toLocaleString('en-US')}/${total.toLocaleString('en-US')} members ` +
            `(${Math.round(loaded / Math.max(elapsed, 0.001)).toLocaleString('en-US')} rows/s)`,
        );
        nextReport += Math.max(100_000, Math.round(total / 20));
      }
      yield next.value.text;
    }
  }
  while (!exhausted) await session.copy('members', MEMBER_COLUMNS, statementPieces());
  const copySeconds = seconds(started);
  if (loaded !== total) throw new Error(`loaded ${loaded} members, planned ${total}`);

  log('  admission events…');
  const eventsStarted = performance.now();
  await session.exec(
    `insert into member_events (member_id, type, effective_on, unit_id)
     select id, 'admit', joined_at, unit_id from members order by id`,
  );
  const eventsSeconds = seconds(eventsStarted);
  // The next member admitted through the app gets the next code.
  await session.query(`select setval('member_code_seq', $1)`, [total]);

  const { indexes: indexTimes, constraints: constraintTimes } = await suspended.restore(log);
  log('  VACUUM ANALYZE…');
  const vacuumStarted = performance.now();
  await session.exec(`vacuum analyze members, member_events, units, unit_placements, unit_events`);
  return {
    members: loaded,
    copySeconds,
    eventsSeconds,
    indexes: indexTimes,
    constraints: constraintTimes,
    vacuumSeconds: seconds(vacuumStarted),
  };
}
