import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { MemberStatus } from '@union/contracts/members';
import type { Database, Db } from '../../apps/server/src/kernel/db/database.js';
import {
  unsafeRebuildStatistics,
  unsafeVerifyStatistics,
  type FigureMismatch,
} from '../../apps/server/src/modules/statistics/index.js';
import { openBulkSession, suspendIndexes, type BulkSession, type Timed } from './bulk.js';
import { writeOffices, writeWorkforce, type OfficeCounts } from './offices.js';
import { EVENT_COLUMNS, NATIONAL_MEMBER_COLUMNS, NationalTally, nationalMemberChunks } from './people.js';
import { Random } from './random.js';
import { buildTree, dayOf, type BuiltTree } from './tree.js';

/**
 * The national seed: a realistic country built in a migrated database after first start — the tree
 * (provinces' commune and industrial-zone unions, central sector and corporate unions, grassroots
 * unions with lognormal sizes and branches), members with their membership histories, chairs and
 * officers with accounts, workforce declarations — all with COPY, then the statistics recounted and
 * checked against the recount.
 */

/**
 * The embedded engine's ceiling (architecture.md §4): one backend in 32-bit WebAssembly memory. A
 * million members load in minutes; the country needs PostgreSQL.
 */
export const PGLITE_MEMBER_CAP = 1_000_000;

/** Rows generated at a time: the unit of memory. */
const PIECE_ROWS = 5_000;
/** Members per COPY statement (their events follow each): PostgreSQL streams them, PGlite takes a Blob. */
const COPY_ROWS = { postgres: 1_000_000, pglite: 100_000 } as const;
/** The big tables whose secondary indexes and foreign keys are built after the load. */
const INDEXED_AFTER = ['members', 'member_events'];
/** Tables the load writes: their statistics triggers are off meanwhile, the recount replaces them. */
const LOADED_TABLES = [
  'units',
  'unit_placements',
  'unit_events',
  'members',
  'member_events',
  'unit_workforce',
];

export interface SeedNationalOptions {
  members: number;
  seed: number;
  /** The day the data is as of (yyyy-mm-dd): ages, join dates and terms count back from it. */
  asOf: string;
  /** The password of every synthetic officer account. */
  officerPassword: string;
  log?: (message: string) => void;
}

export interface SeedSummary {
  engine: Database['kind'];
  members: number;
  events: number;
  byStatus: Record<MemberStatus, number>;
  foreign: number;
  honorary: number;
  duesExempt: number;
  transfers: number;
  units: {
    central: number;
    upper: number;
    industrialZones: number;
    grassroots: number;
    branches: number;
  };
  offices: OfficeCounts;
  workforceDeclarations: number;
  /** Members of each grassroots union with its branches, sorted: for the size distribution. */
  grassrootsSizes: { median: number; mean: number; p99: number; largest: number };
  steps: Timed[];
  totalSeconds: number;
  /** Heap and index size of members after the load. */
  size: string;
}

const seconds = (since: number) => (performance.now() - since) / 1000;
const int = (value: number) => Math.round(value).toLocaleString('en-US');

/** Throws unless the database holds what first start made and nothing more. */
async function assertFreshInstall(session: BulkSession): Promise<void> {
  const [row] = await session.query<{ units: number; members: number; root: number }>(
    `select (select count(*) from units)::int as units, (select count(*) from members)::int as members,
            (select count(*) from units where parent_id is null)::int as root`,
  );
  if (Number(row!.root) !== 1 || Number(row!.units) > 35 || Number(row!.members) > 0) {
    throw new Error(
      `the national seed needs a database with nothing but first start's units (found ${row!.units} units, ` +
        `${row!.members} members)`,
    );
  }
}

/** A statement run inside a transaction with more memory for its sorts and hashes than the default. */
async function withWorkMem<T>(db: Db, workMem: string, run: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${workMem}'`));
    return run(tx as unknown as Db);
  });
}

const describeMismatches = (mismatches: FigureMismatch[]) =>
  mismatches
    .slice(0, 10)
    .map((m) => `unit ${m.unitId} ${m.month ?? ''} ${m.metric}: expected ${m.expected}, stored ${m.stored}`)
    .join('; ');

/**
 * Seeds the country into `database` (migrated, first start done, nothing else). The load runs in one
 * transaction with the statistics triggers off and the big indexes dropped: an interrupted seed leaves
 * the database as it found it. Then the statistics are rebuilt from the data, verified, and the
 * tables vacuumed and analysed.
 */
export async function seedNational(database: Database, options: SeedNationalOptions): Promise<SeedSummary> {
  const log = options.log ?? (() => {});
  const engine = database.kind;
  if (engine === 'pglite' && options.members > PGLITE_MEMBER_CAP) {
    throw new Error(
      `PGlite holds at most ${int(PGLITE_MEMBER_CAP)} members in the national seed (asked for ${int(options.members)}): ` +
        'give a PostgreSQL database with --database-url (or DATABASE_URL) for more',
    );
  }
  const referenceDay = dayOf(options.asOf);
  const started = performance.now();
  const steps: Timed[] = [];
  const step = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    const result = await run();
    steps.push({ name, seconds: seconds(t) });
    return result;
  };
  const random = new Random(options.seed);
  const tally = new NationalTally();

  const session = await openBulkSession(database);
  let tree: BuiltTree;
  let offices: OfficeCounts;
  let workforceDeclarations: number;
  let loadedMembers = 0;
  try {
    await assertFreshInstall(session);
    if (engine === 'postgres') {
      // Commits wait for nothing (a crash loses the load, which restarts from scratch anyway); index
      // builds get memory to sort in.
      await session.exec(`set synchronous_commit = off`);
      await session.exec(`set maintenance_work_mem = '1GB'`);
    } else {
      // PGlite's heap lives in 32-bit WebAssembly memory: a quarter of a gigabyte is what it can spare.
      await session.exec(`set maintenance_work_mem = '256MB'`);
    }
    await session.exec('begin');
    try {
      const triggered = await session.query<{ table: string }>(
        `select distinct c.relname as table from pg_trigger t join pg_class c on c.oid = t.tgrelid
         where not t.tgisinternal and c.relname = any($1) order by 1`,
        [LOADED_TABLES],
      );
      for (const { table } of triggered) await session.exec(`alter table ${table} disable trigger user`);
      const suspended = await suspendIndexes(session, INDEXED_AFTER);

      log(`building the tree for ${int(options.members)} members…`);
      tree = await step('tree (units, placements, events)', () =>
        buildTree(session, random.fork(1), options.members, { centralUnions: true }),
      );
      log(
        `  ${tree.centralUnions.length} central unions, ${int(tree.upperUnits)} commune, industrial-zone and upper ` +
          `unions, ${int(tree.grassroots)} grassroots unions, ${int(tree.branches)} branches`,
      );

      log('loading members and their events (COPY)…');
      const [ids] = await session.query<{ id: number; serial: number }>(
        `select (select coalesce(max(id), 0) from members)::int + 1 as id,
                (select case when is_called then last_value else 0 end from member_code_seq)::int + 1 as serial`,
      );
      const firstId = Number(ids!.id);
      const firstSerial = Number(ids!.serial);
      await step('members and events (generate + COPY)', async () => {
        const pieces = nationalMemberChunks(tree, {
          seed: options.seed,
          chunkRows: PIECE_ROWS,
          firstId,
          firstSerial,
          referenceDay,
          tally,
        });
        const copyStarted = performance.now();
        let nextReport = 0;
        let exhausted = false;
        let events: string[] = [];
        // Pieces of one COPY statement, pulled lazily from the generator; their events wait for the next.
        function* statementPieces(): Generator<string> {
          let rows = 0;
          while (rows < COPY_ROWS[engine]) {
            const next = pieces.next();
            if (next.done) {
              exhausted = true;
              return;
            }
            rows += next.value.rows;
            loadedMembers += next.value.rows;
            events.push(next.value.events);
            if (loadedMembers >= nextReport) {
              log(
                `  ${int(loadedMembers)}/${int(options.members)} members ` +
                  `(${int(loadedMembers / Math.max(seconds(copyStarted), 0.001))} a second)`,
              );
              nextReport += Math.max(100_000, Math.round(options.members / 20));
            }
            yield next.value.text;
          }
        }
        while (!exhausted) {
          await session.copy('members', NATIONAL_MEMBER_COLUMNS, statementPieces());
          const batch = events;
          events = [];
          if (batch.length > 0) await session.copy('member_events', EVENT_COLUMNS, batch);
        }
      });
      if (loadedMembers !== options.members)
        throw new Error(`loaded ${loadedMembers} members, planned ${options.members}`);
      // The next member admitted through the app gets the next code and id.
      await session.query(`select setval('member_code_seq', $1)`, [firstSerial + loadedMembers - 1]);
      await session.query(`select setval(pg_get_serial_sequence('members', 'id'), $1)`, [
        firstId + loadedMembers - 1,
      ]);

      log('officers, their accounts and offices…');
      offices = await step('accounts and offices', () =>
        writeOffices(session, random.fork(2), tree, referenceDay, options.officerPassword),
      );
      workforceDeclarations = await step('workforce declarations', () =>
        writeWorkforce(session, random.fork(3), tree, tally, referenceDay),
      );

      log('building indexes and checking foreign keys…');
      const restored = await step('indexes and foreign keys', () => suspended.restore(log));
      for (const t of [...restored.indexes, ...restored.constraints])
        steps.push({ name: `  ${t.name}`, seconds: t.seconds });
      for (const { table } of triggered) await session.exec(`alter table ${table} enable trigger user`);
      await step('commit', () => session.exec('commit'));
    } catch (error) {
      await session.exec('rollback').catch(() => {});
      throw error;
    }
  } finally {
    session.release();
  }

  // The planner needs statistics of the new rows before the recount's joins and sorts.
  await step('ANALYZE', async () => {
    const after = await openBulkSession(database);
    try {
      await after.exec(`analyze ${LOADED_TABLES.join(', ')}, accounts, offices`);
    } finally {
      after.release();
    }
  });
  // At 11 M members the recount's hash aggregates hold ~20 M (unit, month, metric) groups: room to stay in memory.
  const workMem = engine === 'postgres' ? '2GB' : '128MB';
  log('recounting the statistics…');
  await step('statistics rebuild', () =>
    withWorkMem(database.db, workMem, (tx) => unsafeRebuildStatistics(tx)),
  );
  log('verifying the statistics against a recount…');
  const mismatches = await step('statistics verify', () =>
    withWorkMem(database.db, workMem, (tx) => unsafeVerifyStatistics(tx)),
  );
  if (mismatches.length > 0)
    throw new Error(
      `the statistics disagree with the recount in ${mismatches.length}+ places: ${describeMismatches(mismatches)}`,
    );

  const after = await openBulkSession(database);
  try {
    log('VACUUM ANALYZE…');
    await step('VACUUM ANALYZE', () => after.exec('vacuum analyze'));
    const sizes = await after.query<{ n: number }>(
      `select count(*)::int as n from members group by grassroots_unit_id order by 1`,
    );
    const sorted = sizes.map((r) => Number(r.n));
    const [size] = await after.query<{ heap: string; indexes: string }>(
      `select pg_size_pretty(pg_table_size('members')) as heap,
              pg_size_pretty(pg_indexes_size('members')) as indexes`,
    );
    return {
      engine,
      members: loadedMembers,
      events: tally.events,
      byStatus: { ...tally.byStatus },
      foreign: tally.foreign,
      honorary: tally.honorary,
      duesExempt: tally.duesExempt,
      transfers: tally.transfers,
      units: {
        central: tree.centralUnions.length,
        upper: tree.upperUnits,
        industrialZones: tree.industrialZones,
        grassroots: tree.grassroots,
        branches: tree.branches,
      },
      offices,
      workforceDeclarations,
      grassrootsSizes: {
        median: sorted[Math.floor(sorted.length / 2)] ?? 0,
        mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
        p99: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0,
        largest: sorted.at(-1) ?? 0,
      },
      steps,
      totalSeconds: seconds(started),
      size: `members ${size!.heap} + indexes ${size!.indexes}`,
    };
  } finally {
    after.release();
  }
}

/** The summary as lines of text, for the command line and the benchmark's facts. */
export function describeSeed(summary: SeedSummary): string[] {
  const s = summary;
  return [
    `members: ${int(s.members)} (${Object.entries(s.byStatus)
      .map(([status, n]) => `${status} ${int(n)}`)
      .join(
        ', ',
      )}); foreign ${int(s.foreign)}, honorary ${int(s.honorary)}, dues-exempt ${int(s.duesExempt)}, ` +
      `transferred ${int(s.transfers)}`,
    `member events: ${int(s.events)}`,
    `units: ${s.units.central} central unions, ${int(s.units.upper)} commune/industrial-zone/upper unions ` +
      `(${int(s.units.industrialZones)} industrial zones), ${int(s.units.grassroots)} grassroots unions, ` +
      `${int(s.units.branches)} branches`,
    `grassroots sizes: median ${s.grassrootsSizes.median}, mean ${s.grassrootsSizes.mean.toFixed(1)}, ` +
      `p99 ${int(s.grassrootsSizes.p99)}, largest ${int(s.grassrootsSizes.largest)}`,
    `officers: ${int(s.offices.accounts)} accounts, ${int(s.offices.offices)} offices; ` +
      `${int(s.offices.chairs)} grassroots chairs in office, ${int(s.offices.expiredChairs)} with an expired term, ` +
      `${int(s.offices.grassrootsWithoutChair)} without a chair`,
    `workforce declarations: ${int(s.workforceDeclarations)}`,
    `size: ${s.size}`,
    ...s.steps.map((t) => `${t.name.padEnd(48)} ${t.seconds.toFixed(1).padStart(8)} s`),
    `${'total'.padEnd(48)} ${s.totalSeconds.toFixed(1).padStart(8)} s`,
  ];
}
