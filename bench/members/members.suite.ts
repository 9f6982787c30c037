import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import type { LoginResponse } from '@union/contracts/auth';
import { MemberListQuery, type MemberPage } from '@union/contracts/members';
import { buildApp } from '../../apps/server/src/app.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { queryRows, type Db } from '../../apps/server/src/kernel/db/database.js';
import { unsafeAssignOffice, unsafeCreateAccount } from '../../apps/server/src/modules/accounts/index.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { SuiteReport } from '../harness/report.js';
import { latencyFigures, summarise } from '../harness/serial-timing.js';
import { fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, UsageError, type Suite } from '../harness/suite.js';
import { searchMembers } from './app-internals.js';
import { openBulkSession, type BulkSession } from '../../scripts/national/bulk.js';
import {
  importEndpointStatus,
  importPeople,
  refreshConnections,
  runImport,
  timeBaselineCopy,
  toCopyText,
  toCsv,
  type ImportTarget,
} from './import.js';
import { loadMembers, type LoadStats } from './load.js';
import { PROVINCE_PROFILES } from '../../scripts/national/places.js';
import { Random } from '../../scripts/national/random.js';
import {
  breakdown,
  buildCases,
  captureStatements,
  chooseActors,
  explainCases,
  LEVEL_LABELS,
  LEVEL_ROLES,
  patternOrder,
  replayPair,
  SCOPE_LEVELS,
  timeHttpSearches,
  timeSearches,
  type ScopeActor,
  type ScopeLevel,
  type TimedCase,
} from './search.js';
import { buildTree } from '../../scripts/national/tree.js';

/** The issue's bounds: search p95 ≤ 50 ms; import ≥ 0.3 of a raw COPY on PostgreSQL. */
const SEARCH_P95_LIMIT_MS = 50;
const IMPORT_TARGET_RATIO = 0.3;
const WARMUP = 20;
/** Bumped when the generator changes what it writes: a kept database from another version is refused. */
const GENERATOR_VERSION = 2;

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
const int = (value: number) => Math.round(value).toLocaleString('en-US');

const describeActors = (actors: ScopeActor[]) =>
  actors.map((a) => `${a.unit.name} (${int(a.unit.members)})`).join('; ');

/** Keeps the dataset's identity in the database, so a kept one is reused only for the same data. */
async function datasetMarker(session: BulkSession): Promise<string | undefined> {
  await session.exec(
    `create table if not exists bench_members_meta (key text primary key, value text not null)`,
  );
  const [row] = await session.query<{ value: string }>(
    `select value from bench_members_meta where key = 'dataset'`,
  );
  return row?.value;
}

async function nextImportRun(session: BulkSession): Promise<number> {
  const [row] = await session.query<{ value: string }>(
    `insert into bench_members_meta (key, value) values ('import_runs', '1')
     on conflict (key) do update set value = (bench_members_meta.value::int + 1)::text
     returning value`,
  );
  return Number(row!.value) - 1;
}

/** Sizes that tell whether the data looks like the country: rows, units, the big provinces' shares. */
async function datasetFacts(report: SuiteReport, session: BulkSession, kind: string) {
  const [units] = await session.query<Record<string, number>>(
    `select count(*) filter (where type in ('commune_union', 'industrial_zone_union'))::int as uppers,
            count(*) filter (where type = 'industrial_zone_union')::int as zones,
            count(*) filter (where type = 'grassroots_union')::int as grassroots,
            count(*) filter (where type = 'union_branch')::int as branches
     from units`,
  );
  const sizes = await session.query<{ n: number }>(
    `select count(*)::int as n from members group by grassroots_unit_id order by 1`,
  );
  const sorted = sizes.map((r) => Number(r.n));
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
  const total = sorted.reduce((a, b) => a + b, 0);
  const top = await session.query<{ name: string; n: number }>(
    `select u.name, count(*)::int as n from members m join units u on u.id = m.province_id
     group by u.name order by n desc limit 3`,
  );
  const [events] = await session.query<{ n: number }>(`select count(*)::int as n from member_events`);
  const [names] = await session.query<{ distinct: number; top: string; topCount: number }>(
    `select (select count(distinct full_name_folded) from members)::int as distinct,
            f.full_name_folded as top, f.n::int as "topCount"
     from (select full_name_folded, count(*) as n from members group by 1 order by 2 desc limit 1) f`,
  );
  report.fact(
    'Members',
    `${int(total)} in ${int(units!.grassroots!)} grassroots unions ` +
      `(${int(units!.branches!)} branches) under ${int(units!.uppers!)} commune unions ` +
      `(${units!.zones} industrial zones) in 34 provinces; ${int(Number(events!.n))} member events`,
  );
  report.fact(
    'Grassroots sizes',
    `p50 ${at(50)}, p90 ${at(90)}, p99 ${at(99)}, largest ${int(sorted.at(-1) ?? 0)} members; ` +
      `largest provinces ${top.map((t) => `${t.name.replace('Liên đoàn Lao động ', '')} ${((100 * Number(t.n)) / total).toFixed(1)} %`).join(', ')}`,
  );
  report.fact(
    'Names',
    `${int(Number(names!.distinct))} distinct folded names; the most common, "${names!.top}", ` +
      `${int(Number(names!.topCount))} times`,
  );
  const [size] = await session.query<{ heap: string; indexes: string; events: string }>(
    `select pg_size_pretty(pg_table_size('members')) as heap,
            pg_size_pretty(pg_indexes_size('members')) as indexes,
            pg_size_pretty(pg_total_relation_size('member_events')) as events`,
  );
  report.fact(
    'Size',
    `members ${size!.heap} + indexes ${size!.indexes}; member_events ${size!.events} (${kind})`,
  );
}

function loadFacts(report: SuiteReport, stats: LoadStats, treeSeconds: number) {
  const indexSeconds = stats.indexes.reduce((sum, t) => sum + t.seconds, 0);
  const constraintSeconds = stats.constraints.reduce((sum, t) => sum + t.seconds, 0);
  report.fact(
    'Load',
    `tree ${treeSeconds.toFixed(1)} s; generate + COPY ${stats.copySeconds.toFixed(1)} s ` +
      `(${int(stats.members / stats.copySeconds)} rows/s); admit events ${stats.eventsSeconds.toFixed(1)} s; ` +
      `${stats.indexes.length} indexes ${indexSeconds.toFixed(1)} s; foreign keys ${constraintSeconds.toFixed(1)} s; ` +
      `VACUUM ANALYZE ${stats.vacuumSeconds.toFixed(1)} s`,
  );
  report.attach(
    'index builds',
    [...stats.indexes, ...stats.constraints]
      .map((t) => `${t.name.padEnd(40)} ${t.seconds.toFixed(2)} s`)
      .join('\n'),
  );
}

export const membersSuite: Suite = {
  name: 'members',
  description:
    'Synthetic national member registry; scoped name search (in process and HTTP) vs a PK lookup; import vs raw COPY.',
  options: {
    members: {
      type: 'string',
      default: '100000',
      description: 'members to generate (11000000 is the country; grassroots unions scale with it)',
    },
    'members-seed': { type: 'string', default: '1', description: 'seed of the data and query generators' },
    queries: {
      type: 'string',
      default: '250',
      description: 'name searches per scope level, in process (after 20 warm-up)',
    },
    'http-requests': {
      type: 'string',
      default: '200',
      description: 'search requests per scope level over HTTP (0: skip)',
    },
    'import-rows': {
      type: 'string',
      default: '20000',
      description: 'rows of the imported CSV (0: skip the import figures)',
    },
    'explain-slowest': {
      type: 'string',
      default: '4',
      description: 'EXPLAIN (ANALYZE, BUFFERS) this many of the slowest searches (their every statement)',
    },
    'try-index': {
      type: 'string',
      description:
        'a CREATE INDEX to prototype: built after the measurements, the searches timed again, then dropped',
    },
    'try-order-using': {
      type: 'boolean',
      default: false,
      description:
        'also replay the search statements with ORDER BY full_name_folded USING ~<~ (the text_pattern_ops order) against the same statements as they are',
    },
    levels: {
      type: 'string',
      default: 'confederation,province,commune,grassroots',
      description: 'scope levels to time searches for, comma-separated',
    },
    'keep-database': {
      type: 'boolean',
      default: false,
      description:
        'keep the data for the next run (PostgreSQL: database cds_bench_members_<members>_s<seed>; PGlite: needs --pglite-dir) and reuse it',
    },
    'pglite-dir': {
      type: 'string',
      description:
        'PGlite data directory (default: a new one in the system temp folder, removed at the end unless kept); "memory" for in-memory, which slows down quadratically past ~300k members',
    },
  },

  async run(context) {
    const { options, report, cleanup, log } = context;
    const members = numberOption(options, 'members', { min: 1_000, max: 30_000_000, integer: true });
    const seed = numberOption(options, 'members-seed', { min: 0, max: 2 ** 31 - 1, integer: true });
    const queries = numberOption(options, 'queries', { min: 10, max: 100_000, integer: true });
    const httpRequests = numberOption(options, 'http-requests', { min: 0, max: 100_000, integer: true });
    const importRows = numberOption(options, 'import-rows', { min: 0, max: 1_000_000, integer: true });
    const explainCount = numberOption(options, 'explain-slowest', { min: 0, max: 50, integer: true });
    const keep = options.values['keep-database'] === true;
    const pgliteDirOption = options.values['pglite-dir'] as string | undefined;
    // An in-memory PGlite grows its files by copying them: COPY slows down with every chunk (0.1 s of
    // CPU per 1,000 rows at 500k members). The app's embedded mode runs on a data directory; so do we.
    const pgliteDir =
      options.databaseUrl || pgliteDirOption === 'memory'
        ? undefined
        : (pgliteDirOption ?? path.join(os.tmpdir(), `cds-bench-members-${process.pid}`));
    const tryIndex = options.values['try-index'] as string | undefined;
    const tryOrder = options.values['try-order-using'] === true;
    const levels = String(options.values.levels)
      .split(',')
      .map((l) => l.trim()) as ScopeLevel[];
    if (levels.length === 0 || levels.some((l) => !SCOPE_LEVELS.includes(l)))
      throw new UsageError(`--levels takes some of ${SCOPE_LEVELS.join(',')}`);
    if (tryIndex !== undefined && !/^\s*create\s+(unique\s+)?index\s/i.test(tryIndex))
      throw new UsageError('--try-index must be a CREATE INDEX statement');
    if (keep && !options.databaseUrl && !pgliteDirOption)
      throw new UsageError('--keep-database on PGlite needs --pglite-dir');

    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact(
      'CPUs',
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );

    log('opening the database (migrations, first start)…');
    const bench = await openBenchDatabase('members', options.databaseUrl, cleanup, {
      ...(keep ? { keepAs: `cds_bench_members_${members}_s${seed}` } : {}),
      ...(pgliteDir ? { pgliteDataDir: path.resolve(pgliteDir) } : {}),
    });
    const { database } = bench;
    const db = database.db;
    const engine = database.kind;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);
    const session = await openBulkSession(database);
    cleanup.defer('bulk session', () => session.release());

    // ——— Data ———
    const fingerprint = JSON.stringify({ members, seed, generator: GENERATOR_VERSION });
    const marker = await datasetMarker(session);
    if (bench.reused && marker !== fingerprint) {
      throw new Error(
        `the kept database holds ${marker ?? 'an unfinished load'}, not ${fingerprint}: drop it and run again`,
      );
    }
    if (!bench.reused || marker === undefined) {
      log(`building the tree for ${int(members)} members…`);
      const treeStarted = performance.now();
      const tree = await buildTree(session, new Random(seed), members);
      const treeSeconds = (performance.now() - treeStarted) / 1000;
      log(
        `  ${tree.upperUnits} commune unions, ${int(tree.grassroots)} grassroots unions, ${int(tree.branches)} branches`,
      );
      log('loading members (COPY)…');
      const stats = await loadMembers(session, engine, tree, seed, log);
      loadFacts(report, stats, treeSeconds);
      await session.query(`insert into bench_members_meta (key, value) values ('dataset', $1)`, [
        fingerprint,
      ]);
    } else {
      report.fact('Load', 'reused the kept database: nothing generated');
    }
    await datasetFacts(report, session, engine === 'pglite' ? 'PGlite' : 'PostgreSQL');

    // ——— Who searches, and what they type ———
    log('choosing scopes and queries…');
    const actors = await chooseActors(session, seed, { commune: 6, grassroots: 8 });
    for (const level of SCOPE_LEVELS) {
      report.fact(`Scope: ${LEVEL_LABELS[level]}`, describeActors(actors[level]));
    }
    const cases = buildCases(actors, queries + WARMUP, seed);
    const [{ maxId }] = (await queryRows<{ maxId: number }>(
      db,
      sql`select max(id)::int as "maxId" from members`,
    )) as [{ maxId: number }];
    const idRandom = new Random(seed ^ 0x1d5);
    const pkIds = Array.from({ length: 5_000 }, () => idRandom.int(1, maxId));

    // ——— In process ———
    // A shared machine: the load average tells whether the absolute figures can be trusted.
    const loadAtStart = loadAverage();
    const timed = {} as Record<ScopeLevel, TimedCase[]>;
    const pkSamples: number[] = [];
    for (const level of levels) {
      log(`  timing ${queries} searches as ${LEVEL_LABELS[level]} officers, with a PK lookup between each…`);
      const result = await timeSearches(db, actors[level], cases[level], pkIds, WARMUP);
      timed[level] = result.searches;
      pkSamples.push(...result.pk);
    }
    const pk = summarise(pkSamples);
    const pkFigures = latencyFigures(
      report,
      'sql.pk',
      'raw PK lookup `select * from members where id = $1`, in process',
      pk,
      undefined,
      `${pk.samples} serial queries, one between every two searches`,
    );
    for (const level of levels) {
      const s = summarise(timed[level].map((c) => c.ms));
      latencyFigures(
        report,
        `search.${level}`,
        `searchMembers as ${LEVEL_LABELS[level]} (${actors[level].length}), in process`,
        s,
        pkFigures,
        `${s.samples} queries, ${(timed[level].reduce((n, c) => n + c.hits, 0) / s.samples).toFixed(1)} hits on average`,
        SEARCH_P95_LIMIT_MS,
      );
    }
    const table = breakdown(timed);
    report.attach('search latency by scope and shape (in process)', table);
    log(table);

    // ——— Plans of the slowest searches ———
    const slowest = levels
      .flatMap((level) => timed[level])
      .sort((a, b) => b.ms - a.ms)
      .filter((c, i, all) => all.findIndex((o) => o.level === c.level && o.shape === c.shape) === i)
      .slice(0, explainCount);
    if (slowest.length > 0) {
      log(
        `  EXPLAIN (ANALYZE, BUFFERS) of the ${slowest.length} slowest searches (one per scope and shape)…`,
      );
      for (const [i, plan] of (await explainCases(database, session, actors, slowest)).entries()) {
        report.attach(`plan ${i + 1}: ${plan.title}`, plan.plan);
      }
    }

    // ——— Over HTTP ———
    const password = `bench-${Math.random().toString(36).slice(2)}-Aa1!`;
    const runTag = `${process.pid.toString(36)}${Date.now().toString(36)}`;
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      loginRateLimitPerMinute: 1_000_000,
      webDistDir: '/nonexistent',
    };
    let appOrigin: string | undefined;
    const tokens = {} as Record<ScopeLevel, string[]>;
    const needApp = httpRequests > 0 || importRows > 0;
    if (needApp) {
      log('starting the app and signing officers in…');
      const app = await buildApp({ database, config, logger: false });
      appOrigin = await listenEphemeral(app, 'the app', cleanup);
      for (const level of SCOPE_LEVELS) {
        tokens[level] = [];
        for (const [k, a] of actors[level].entries()) {
          const username = `bench.${runTag}.${level}.${k}`;
          const accountId = await unsafeCreateAccount(db, { username, fullName: 'Cán bộ Thử tải', password });
          await unsafeAssignOffice(db, {
            accountId,
            unit: a.unit,
            role: LEVEL_ROLES[level],
            termStart: '2020-01-01',
          });
          const login = await fetchJson<LoginResponse>(`${appOrigin}/api/v1/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ login: username, password }),
          });
          tokens[level].push(login.token);
        }
      }
    }
    if (httpRequests > 0 && appOrigin) {
      const raw = Fastify({ logger: false });
      raw.get<{ Params: { id: string } }>('/pk/:id', async (request) => {
        const [row] = await queryRows(db, sql`select * from members where id = ${Number(request.params.id)}`);
        return row ?? {};
      });
      const rawOrigin = await listenEphemeral(raw, 'the raw PK route', cleanup);
      await refreshConnections(`${rawOrigin}/pk/1`, {});
      await refreshConnections(`${appOrigin}/api/v1/health`, {});
      // The API and the function answer the same query with the same page.
      for (const level of levels) {
        for (const c of cases[level].slice(0, 3)) {
          const api = await fetchJson<MemberPage>(
            `${appOrigin}/api/v1/members?q=${encodeURIComponent(c.q)}`,
            { headers: { authorization: `Bearer ${tokens[level][c.actorIndex]!}` } },
          );
          const direct = await searchMembers(
            db as Db,
            actors[level][c.actorIndex]!.actor,
            MemberListQuery.parse({ q: c.q }),
          );
          const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id).join(',');
          if (ids(api) !== ids(direct)) {
            throw new Error(
              `GET /members?q=${c.q} as ${level} differs from searchMembers: [${ids(api)}] vs [${ids(direct)}]`,
            );
          }
        }
      }
      const httpTimed = {} as Record<ScopeLevel, TimedCase[]>;
      const httpPk: number[] = [];
      for (const level of levels) {
        log(
          `  ${httpRequests} search requests as ${LEVEL_LABELS[level]} officers, a PK request between each…`,
        );
        const result = await timeHttpSearches(
          appOrigin,
          rawOrigin,
          tokens[level],
          cases[level].slice(0, httpRequests + WARMUP),
          pkIds,
          WARMUP,
        );
        httpTimed[level] = result.searches;
        httpPk.push(...result.pk);
      }
      const pkHttp = summarise(httpPk);
      const pkRoute = latencyFigures(
        report,
        'http.pk',
        'raw PK route (Fastify + Drizzle, one query), HTTP',
        pkHttp,
        undefined,
        `${pkHttp.samples} serial requests over keep-alive`,
      );
      for (const level of levels) {
        const s = summarise(httpTimed[level].map((c) => c.ms));
        latencyFigures(
          report,
          `http.search.${level}`,
          `GET /api/v1/members?q= as ${LEVEL_LABELS[level]}, HTTP`,
          s,
          pkRoute,
          `${s.samples} serial requests, signed in (auth, search, unit names, JSON)`,
          SEARCH_P95_LIMIT_MS,
        );
      }
      report.attach('search latency by scope and shape (HTTP)', breakdown(httpTimed));
    }

    // ——— Prototypes: the same searches with a changed query, then with a trial index ———
    const measured = levels.flatMap((level) => cases[level]);
    const statements = tryOrder ? await captureStatements(database, actors, measured) : [];
    const replayOrder = async (label: string, keyPrefix: string) => {
      log(`  replaying the search statements, as they are and ordered USING ~<~ (${label})…`);
      const original = {} as Record<ScopeLevel, TimedCase[]>;
      const rewritten = {} as Record<ScopeLevel, TimedCase[]>;
      let offset = 0;
      for (const level of levels) {
        const n = cases[level].length;
        const result = await replayPair(
          session,
          cases[level],
          statements.slice(offset, offset + n),
          patternOrder,
          WARMUP,
        );
        offset += n;
        original[level] = result.original;
        rewritten[level] = result.rewritten;
        const a = summarise(result.original.map((c) => c.ms));
        const b = summarise(result.rewritten.map((c) => c.ms));
        const asIs = latencyFigures(
          report,
          `${keyPrefix}.${level}.replay`,
          `replayed search SQL as ${LEVEL_LABELS[level]}${label}`,
          a,
          undefined,
          `${a.samples} searches, raw SQL on one connection`,
        );
        latencyFigures(
          report,
          `${keyPrefix}.${level}.order_using`,
          `… ordered USING ~<~ as ${LEVEL_LABELS[level]}${label}`,
          b,
          asIs,
          'speed-up over the statements as they are',
          SEARCH_P95_LIMIT_MS,
        );
      }
      const table = breakdown(rewritten);
      report.attach(`replayed search SQL ordered USING ~<~${label}, by scope and shape`, table);
      log(table);
      const slowRewritten = levels
        .flatMap((level) => rewritten[level])
        .sort((x, y) => y.ms - x.ms)
        .filter((c, i, all) => all.findIndex((o) => o.level === c.level && o.shape === c.shape) === i)
        .slice(0, explainCount);
      for (const [i, plan] of (
        await explainCases(database, session, actors, slowRewritten, patternOrder)
      ).entries()) {
        report.attach(`ordered USING ~<~${label}, plan ${i + 1}: ${plan.title}`, plan.plan);
      }
    };
    if (tryOrder) await replayOrder('', 'prototype');

    if (tryIndex) {
      log(`  prototype: ${tryIndex}`);
      const before = await session.query<{ name: string }>(
        `select indexname as name from pg_indexes where tablename = 'members'`,
      );
      const started = performance.now();
      await session.exec(tryIndex);
      const buildSeconds = (performance.now() - started) / 1000;
      const added = (
        await session.query<{ name: string }>(
          `select indexname as name from pg_indexes where tablename = 'members'`,
        )
      ).filter((r) => !before.some((b) => b.name === r.name));
      cleanup.defer('prototype index', async () => {
        for (const index of added) await session.exec(`drop index if exists ${index.name}`);
      });
      await session.exec('analyze members');
      const [indexSize] = await session.query<{ size: string }>(
        `select pg_size_pretty(sum(pg_relation_size(indexrelid))) as size from pg_index
         where indexrelid::regclass::text = any($1)`,
        [added.map((r) => r.name)],
      );
      report.fact(
        'Prototype index',
        `${tryIndex.trim()} — built in ${buildSeconds.toFixed(1)} s, ${indexSize?.size ?? '?'}; dropped after`,
      );
      const retimed = {} as Record<ScopeLevel, TimedCase[]>;
      for (const level of levels) {
        const result = await timeSearches(db, actors[level], cases[level], pkIds, WARMUP);
        retimed[level] = result.searches;
        const s = summarise(result.searches.map((c) => c.ms));
        latencyFigures(
          report,
          `search.${level}.prototype`,
          `searchMembers as ${LEVEL_LABELS[level]}, with the prototype index`,
          s,
          pkFigures,
          `${s.samples} queries`,
          SEARCH_P95_LIMIT_MS,
        );
      }
      const retable = breakdown(retimed);
      report.attach('search latency by scope and shape, with the prototype index', retable);
      log(retable);
      const slowAgain = levels
        .flatMap((level) => retimed[level])
        .sort((a, b) => b.ms - a.ms)
        .filter((c, i, all) => all.findIndex((o) => o.level === c.level && o.shape === c.shape) === i)
        .slice(0, explainCount);
      for (const [i, plan] of (await explainCases(database, session, actors, slowAgain)).entries()) {
        report.attach(`prototype index, plan ${i + 1}: ${plan.title}`, plan.plan);
      }
      for (const [i, plan] of (await explainCases(database, session, actors, slowest)).entries()) {
        report.attach(`prototype index, same search as plan ${i + 1}: ${plan.title}`, plan.plan);
      }
      if (tryOrder) await replayOrder(', with the prototype index', 'prototype_index');
    }

    // ——— Import ———
    if (importRows > 0 && appOrigin) {
      const chair = actors.grassroots[0]!;
      const token = tokens.grassroots[0]!;
      const [unit] = await session.query<{ province_id: number; code: string; established_on: string }>(
        `select u.province_id, p.code, to_char(u.established_on, 'YYYY-MM-DD') as established_on
         from units u join units p on p.id = u.province_id where u.id = $1`,
        [chair.unit.id],
      );
      const profile = PROVINCE_PROFILES.find((p) => p.code === unit!.code)!;
      const target: ImportTarget = {
        unitId: chair.unit.id,
        grassrootsId: chair.unit.id,
        path: chair.unit.path,
        provinceId: unit!.province_id,
        profile,
        establishedDay: Math.round(Date.parse(`${unit!.established_on}T00:00:00Z`) / 86_400_000),
      };
      const run = await nextImportRun(session);
      const people = importPeople(seed, importRows, target, run);
      const csv = toCsv(people);
      report.fact(
        'Import file',
        `${int(importRows)} rows, ${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MiB CSV (${IMPORT_HEADERS_NOTE}), into ${chair.unit.name} as its chair`,
      );
      log(`  raw COPY of the ${int(importRows)} rows into members (rolled back after)…`);
      const baseline = await timeBaselineCopy(session, toCopyText(people, target), importRows);
      const copyFigure = report.add({
        key: 'import.copy',
        label: `raw COPY of the same ${int(importRows)} rows into members`,
        value: importRows / baseline.copySeconds,
        unit: 'rows/s',
        better: 'higher',
        note: `${baseline.copySeconds.toFixed(2)} s, all of members' indexes and triggers; rolled back`,
      });
      report.add({
        key: 'import.copy_and_events',
        label: '… and their admit events (INSERT … SELECT)',
        value: importRows / (baseline.copySeconds + baseline.eventsSeconds),
        unit: 'rows/s',
        better: 'higher',
        baseline: copyFigure,
        note: `${(baseline.copySeconds + baseline.eventsSeconds).toFixed(2)} s: the least an import writes`,
      });
      await refreshConnections(`${appOrigin}/api/v1/health`, { authorization: `Bearer ${token}` });
      const probe = await importEndpointStatus(appOrigin, token, target.unitId);
      if (probe.available) log('  import: dry run…');
      const dry = probe.available
        ? await runImport(appOrigin, token, target.unitId, csv, { dryRun: true, timeoutSeconds: 600 })
        : undefined;
      if (!dry?.available) {
        log('import: endpoint not available');
        report.fact(
          'Import',
          `import: endpoint not available (POST /api/v1/members/import answered ${probe.status})`,
        );
      } else {
        report.add({
          key: 'import.dry_run',
          label: 'import dry run (upload, parse, validate, report)',
          value: importRows / dry.seconds,
          unit: 'rows/s',
          better: 'higher',
          baseline: copyFigure,
          note: `${dry.seconds.toFixed(2)} s; ${JSON.stringify(dry.dryRunReport).slice(0, 120)}`,
        });
        log('  import: commit, polling the job…');
        const [{ before }] = (await session.query<{ before: number }>(
          `select coalesce(max(id), 0)::int as before from members`,
        )) as [{ before: number }];
        const done = await runImport(appOrigin, token, target.unitId, csv, {
          dryRun: false,
          timeoutSeconds: Math.max(300, importRows / 50),
        });
        if (done.available) {
          const [{ added }] = (await session.query<{ added: number }>(
            `select count(*)::int as added from members where id > $1 and unit_id = $2`,
            [before, target.unitId],
          )) as [{ added: number }];
          if (added !== importRows)
            throw new Error(`the import added ${added} members of ${importRows} (job ${done.jobId})`);
          report.add({
            key: 'import.commit',
            label: 'import end to end (upload, parse, validate, insert, job)',
            value: importRows / done.seconds,
            unit: 'rows/s',
            better: 'higher',
            baseline: copyFigure,
            ...(engine === 'postgres' ? { targetRatio: IMPORT_TARGET_RATIO } : {}),
            note: `${done.seconds.toFixed(2)} s, job ${done.jobId}, ${done.polls} polls; result ${JSON.stringify(done.job.result).slice(0, 100)}`,
          });
        }
      }
    }
    report.fact('Peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (this process)`);
    report.fact(
      'Machine load',
      `${loadAtStart} at the first search, ${loadAverage()} at the end (1/5/15-min load averages)`,
    );
  },
};

const IMPORT_HEADERS_NOTE =
  'Họ và tên, Ngày sinh dd/mm/yyyy, Giới tính Nam/Nữ, CCCD, SĐT, Ngày vào Công đoàn';
