import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import type { LoginResponse } from '@union/contracts/auth';
import type { JobDto } from '@union/contracts/jobs';
import { reportYearOf } from '@union/contracts/statistics';
import { buildApp } from '../../apps/server/src/app.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { queryRows, type Db } from '../../apps/server/src/kernel/db/database.js';
import { todayInVietnam } from '../../apps/server/src/kernel/time.js';
import { unsafeAssignOffice, unsafeCreateAccount } from '../../apps/server/src/modules/accounts/index.js';
import { unsafeRebuildStatistics } from '../../apps/server/src/modules/statistics/index.js';
import { openBulkSession, type BulkSession } from '../../scripts/national/bulk.js';
import { Random } from '../../scripts/national/random.js';
import { describeSeed, PGLITE_MEMBER_CAP, seedNational } from '../../scripts/national/seed.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { LoadResult, LoadSeries } from '../harness/load-spec.js';
import { formatNumber } from '../harness/report.js';
import { latencyFigures, summarise, timeSerially } from '../harness/serial-timing.js';
import { fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, UsageError, type Suite, type SuiteContext } from '../harness/suite.js';
import { buildCases, chooseActors, timeSearches } from '../members/search.js';
import { admissionBodies, admitConcurrently, countingTriggers, setTriggers } from './admissions.js';

/** The bounds. */
const STATISTICS_P95_MS = { postgres: 20, pglite: 100 } as const;
const SEARCH_P95_MS = 50;
const PROFILES_TARGET = 0.5;
const COUNTERS_TARGET = 0.7;
const WARMUP = 20;
/** Bumped when what a kept database holds changes: one from another version is refused. */
const DATASET_VERSION = 1;

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
const wholeMs = (value: number) => (value < 1 ? '<1' : Math.round(value).toLocaleString('en-US'));
const latencyNote = (series: LoadSeries) => {
  const per = (pick: (r: LoadResult) => number) => series.rounds.map((r) => wholeMs(pick(r))).join('/');
  return `p50 ${per((r) => r.latencyMs.p50)} ms · p99 ${per((r) => r.latencyMs.p99)} ms`;
};

interface ChosenUnits {
  root: { id: number; name: string; path: string };
  province: { id: number; name: string; members: number };
  grassroots: { id: number; name: string; members: number };
}

/** The Confederation, the largest provincial federation and a large grassroots union (with branches). */
async function chooseUnits(session: BulkSession): Promise<ChosenUnits> {
  const [root] = await session.query<{ id: number; name: string; path: string }>(
    `select id, name, path from units where parent_id is null`,
  );
  const [province] = await session.query<{ id: number; name: string; members: number }>(
    `select u.id, u.name, f.value::int as members from units u
     join unit_figures f on f.unit_id = u.id and f.metric = 'status.active'
     where u.type = 'provincial_federation' order by f.value desc limit 1`,
  );
  // The grassroots union at the 99th percentile of size: large enough to have branches, not the giant.
  const [grassroots] = await session.query<{ id: number; name: string; members: number }>(
    `select u.id, u.name, f.value::int as members from units u
     join unit_figures f on f.unit_id = u.id and f.metric = 'status.active'
     where u.type = 'grassroots_union'
     order by f.value desc
     offset (select count(*) / 100 from units where type = 'grassroots_union') limit 1`,
  );
  return {
    root: { ...root!, id: Number(root!.id) },
    province: { ...province!, id: Number(province!.id), members: Number(province!.members) },
    grassroots: { ...grassroots!, id: Number(grassroots!.id), members: Number(grassroots!.members) },
  };
}

/** Keeps the dataset's identity in the database, so a kept one is reused only for the same data. */
async function datasetMarker(session: BulkSession): Promise<string | undefined> {
  await session.exec(
    `create table if not exists bench_statistics_meta (key text primary key, value text not null)`,
  );
  const [row] = await session.query<{ value: string }>(
    `select value from bench_statistics_meta where key = 'dataset'`,
  );
  return row?.value;
}

async function nextRun(session: BulkSession): Promise<number> {
  const [row] = await session.query<{ value: string }>(
    `insert into bench_statistics_meta (key, value) values ('admission_runs', '1')
     on conflict (key) do update set value = (bench_statistics_meta.value::int + 1)::text
     returning value`,
  );
  return Number(row!.value) - 1;
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export const statisticsSuite: Suite = {
  name: 'statistics',
  description:
    'The national seed; live statistics of the Confederation, a province and a grassroots union vs a PK lookup; search in a province; the national report; member profiles under load; the cost of the counters.',
  options: {
    members: {
      type: 'string',
      default: '1000000',
      description: `members to seed (11000000 is the country; at most ${PGLITE_MEMBER_CAP} on PGlite)`,
    },
    'members-seed': { type: 'string', default: '1', description: 'seed of the data and query generators' },
    'statistics-requests': {
      type: 'string',
      default: '200',
      description: 'serial statistics requests per unit, in process (after 10 warm-up)',
    },
    queries: {
      type: 'string',
      default: '250',
      description: 'name searches per scope level, in process (after 20 warm-up)',
    },
    admissions: {
      type: 'string',
      default: '1000',
      description: 'admissions per round, with and without the counting triggers (0: skip)',
    },
    'admit-connections': {
      type: 'string',
      default: '10',
      description: 'admissions in flight at once',
    },
    'profile-connections': {
      type: 'string',
      default: '50',
      description: 'concurrent clients reading member profiles',
    },
    'keep-database': {
      type: 'boolean',
      default: false,
      description:
        'keep the data for the next run (PostgreSQL: database cds_bench_statistics_<members>_s<seed>; PGlite: needs --pglite-dir) and reuse it',
    },
    'pglite-dir': {
      type: 'string',
      description:
        'PGlite data directory (default: a new one in the system temp folder, removed at the end unless kept)',
    },
  },

  async run(context: SuiteContext) {
    const { options, report, cleanup, log, load } = context;
    const members = numberOption(options, 'members', { min: 1_000, max: 30_000_000, integer: true });
    const seed = numberOption(options, 'members-seed', { min: 0, max: 2 ** 31 - 1, integer: true });
    const statisticsRequests = numberOption(options, 'statistics-requests', {
      min: 10,
      max: 100_000,
      integer: true,
    });
    const queries = numberOption(options, 'queries', { min: 10, max: 100_000, integer: true });
    const admissions = numberOption(options, 'admissions', { min: 0, max: 1_000_000, integer: true });
    const admitConnections = numberOption(options, 'admit-connections', { min: 1, max: 500, integer: true });
    const profileConnections = numberOption(options, 'profile-connections', {
      min: 1,
      max: 10_000,
      integer: true,
    });
    const keep = options.values['keep-database'] === true;
    const pgliteDirOption = options.values['pglite-dir'] as string | undefined;
    if (!options.databaseUrl && members > PGLITE_MEMBER_CAP)
      throw new UsageError(
        `--members ${members} on PGlite: its cap is ${PGLITE_MEMBER_CAP}; give --database-url for more`,
      );
    if (keep && !options.databaseUrl && !pgliteDirOption)
      throw new UsageError('--keep-database on PGlite needs --pglite-dir');
    const pgliteDir = options.databaseUrl
      ? undefined
      : (pgliteDirOption ?? path.join(os.tmpdir(), `cds-bench-statistics-${process.pid}`));

    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact(
      'CPUs',
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );

    log('opening the database (migrations, first start)…');
    const bench = await openBenchDatabase('statistics', options.databaseUrl, cleanup, {
      ...(keep ? { keepAs: `cds_bench_statistics_${members}_s${seed}` } : {}),
      ...(pgliteDir ? { pgliteDataDir: path.resolve(pgliteDir) } : {}),
    });
    const { database } = bench;
    const db = database.db;
    const engine = database.kind;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);
    const session = await openBulkSession(database);
    cleanup.defer('bulk session', () => session.release());
    const today = todayInVietnam();

    // ——— Data: the national seed ———
    const fingerprint = JSON.stringify({ members, seed, version: DATASET_VERSION });
    const marker = await datasetMarker(session);
    if (bench.reused && marker !== fingerprint)
      throw new Error(
        `the kept database holds ${marker ?? 'an unfinished seed'}, not ${fingerprint}: drop it and run again`,
      );
    if (!bench.reused || marker === undefined) {
      log(`seeding the country: ${int(members)} members (npm run seed:national)…`);
      const summary = await seedNational(database, {
        members,
        seed,
        asOf: today,
        officerPassword: randomBytes(12).toString('base64url'),
        log,
      });
      const lines = describeSeed(summary);
      report.fact('Seed', `${summary.totalSeconds.toFixed(1)} s for ${int(summary.members)} members`);
      report.fact('Data', lines.slice(0, 6).join('; '));
      report.attach('seed steps', lines.slice(6).join('\n'));
      await session.query(`insert into bench_statistics_meta (key, value) values ('dataset', $1)`, [
        fingerprint,
      ]);
    } else {
      report.fact('Seed', 'reused the kept database: nothing generated');
    }
    const units = await chooseUnits(session);
    report.fact(
      'Units measured',
      `${units.root.name}; ${units.province.name} (${int(units.province.members)} active members); ` +
        `${units.grassroots.name} (${int(units.grassroots.members)})`,
    );

    // ——— The app, and a Confederation administrator signed in ———
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      loginRateLimitPerMinute: 1_000_000,
      webDistDir: '/nonexistent',
    };
    const app = await buildApp({ database, config, logger: false });
    const appOrigin = await listenEphemeral(app, 'the app', cleanup);
    const password = `bench-${randomBytes(9).toString('base64url')}-Aa1!`;
    const username = `bench.statistics.${process.pid.toString(36)}${Date.now().toString(36)}`;
    const accountId = await unsafeCreateAccount(db, { username, fullName: 'Quản trị Thử tải', password });
    await unsafeAssignOffice(db, {
      accountId,
      unit: units.root,
      role: 'confederation_admin',
      termStart: '2020-01-01',
    });
    const login = await fetchJson<LoginResponse>(`${appOrigin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password }),
    });
    const auth = { authorization: `Bearer ${login.token}` };

    // A bench-only route: one primary-key lookup of a member through the app's own `db`.
    const raw = Fastify({ logger: false });
    raw.get<{ Params: { id: string } }>('/pk/:id', async (request) => {
      const [row] = await queryRows(db, sql`select * from members where id = ${Number(request.params.id)}`);
      return row ?? {};
    });
    const rawOrigin = await listenEphemeral(raw, 'the raw PK route', cleanup);
    const [{ maxId }] = (await queryRows<{ maxId: number }>(
      db,
      sql`select max(id)::int as "maxId" from members`,
    )) as [{ maxId: number }];
    const idRandom = new Random(seed ^ 0x1d5);
    const pkIds = Array.from({ length: 5_000 }, () => idRandom.int(1, Number(maxId)));
    const loadAtStart = loadAverage();

    // ——— Statistics, in process (inject), beside a PK lookup ———
    const limit = STATISTICS_P95_MS[engine];
    report.fact(
      'Targets',
      `statistics p95 ≤ ${limit} ms (${engine}); search p95 ≤ ${SEARCH_P95_MS} ms; ` +
        `member profiles ≥ ${PROFILES_TARGET} of the raw PK route; admissions with counters ≥ ${COUNTERS_TARGET} of without`,
    );
    const statisticsOf = (id: number) => async () => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/units/${id}/statistics`,
        headers: auth,
      });
      if (response.statusCode !== 200)
        throw new Error(`GET /units/${id}/statistics: ${response.statusCode} ${response.body.slice(0, 300)}`);
    };
    log(`timing ${statisticsRequests} statistics requests per unit, interleaved with a PK lookup…`);
    const serial = await timeSerially(
      {
        pk: (i: number) => db.execute(sql`select * from members where id = ${pkIds[i % pkIds.length]!}`),
        root: statisticsOf(units.root.id),
        province: statisticsOf(units.province.id),
        grassroots: statisticsOf(units.grassroots.id),
      },
      { iterations: statisticsRequests, warmup: 10 },
    );
    const pk = latencyFigures(
      report,
      'sql.pk',
      'raw PK lookup `select * from members where id = $1`, in process',
      serial.pk,
      undefined,
      `${serial.pk.samples} serial queries, interleaved with the statistics requests`,
    );
    for (const [key, label] of [
      ['root', `GET /units/:id/statistics, the Confederation`],
      ['province', `GET /units/:id/statistics, ${units.province.name}`],
      [
        'grassroots',
        `GET /units/:id/statistics, a grassroots union (${int(units.grassroots.members)} members)`,
      ],
    ] as const) {
      latencyFigures(
        report,
        `statistics.${key}`,
        `${label} (inject)`,
        serial[key],
        pk,
        `${serial[key].samples} serial requests as the Confederation administrator`,
        limit,
      );
    }

    // ——— The province's statistics over HTTP, against the raw PK route ———
    log(
      `  measuring the province's statistics over HTTP vs the raw PK route (${options.connections} connections)…`,
    );
    const statsHttp = await load.measureInterleaved(
      [
        {
          title: 'raw PK route',
          origin: rawOrigin,
          method: 'GET',
          requests: pkIds.slice(0, 1_000).map((id) => ({ path: `/pk/${id}` })),
          connections: options.connections,
          durationSeconds: options.durationSeconds,
        },
        {
          title: 'province statistics',
          origin: appOrigin,
          method: 'GET',
          headers: auth,
          requests: [{ path: `/api/v1/units/${units.province.id}/statistics` }],
          connections: options.connections,
          durationSeconds: options.durationSeconds,
        },
      ],
      { rounds: options.rounds, warmupSeconds: options.warmupSeconds },
    );
    const pkRoute = report.add({
      key: 'http.pk',
      label: `raw PK route over members (Fastify + db), ${options.connections} connections`,
      value: statsHttp[0]!.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      note: latencyNote(statsHttp[0]!),
      details: statsHttp[0],
    });
    report.add({
      key: 'http.statistics.province',
      label: `GET /units/:id/statistics, ${units.province.name}, ${options.connections} connections`,
      value: statsHttp[1]!.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      baseline: pkRoute,
      note: latencyNote(statsHttp[1]!),
      details: statsHttp[1],
    });

    // ——— Member search inside the largest province ———
    log('choosing search queries in the largest province…');
    const actors = await chooseActors(session, seed, { commune: 1, grassroots: 1 });
    const provinceActor = actors.province[0]!;
    const cases = buildCases({ ...actors, province: [provinceActor] }, queries + WARMUP, seed).province;
    log(`  timing ${queries} searches as an officer of ${provinceActor.unit.name}…`);
    const searched = await timeSearches(db, [provinceActor], cases, pkIds, WARMUP);
    const searchPk = latencyFigures(
      report,
      'search.pk',
      'raw PK lookup, between the searches',
      summarise(searched.pk),
      undefined,
      `${searched.pk.length} serial queries`,
    );
    const searchSummary = summarise(searched.searches.map((c) => c.ms));
    latencyFigures(
      report,
      'search.province',
      `searchMembers as an officer of ${provinceActor.unit.name} (${int(provinceActor.unit.members)} members)`,
      searchSummary,
      searchPk,
      `${searchSummary.samples} queries of the members suite's five shapes, ` +
        `${(searched.searches.reduce((n, c) => n + c.hits, 0) / searchSummary.samples).toFixed(1)} hits on average`,
      SEARCH_P95_MS,
    );

    // ——— The national annual report as .xlsx (a job) ———
    const period = `${reportYearOf(today).to.slice(0, 4)}-annual`;
    log(`the national report ${period} as .xlsx (a job)…`);
    const scan = await timed(() =>
      queryRows(db, sql`select province_id, status, sex, count(*) from members group by 1, 2, 3`),
    );
    const scanFigure = report.add({
      key: 'report.scan',
      label: 'baseline: one scan of members grouped by province, status and sex (raw SQL)',
      value: scan.seconds,
      unit: 's',
      better: 'lower',
      note: 'what any report that counts people instead of counters costs at least',
    });
    const reportRun = await timed(async () => {
      const response = await fetch(
        `${appOrigin}/api/v1/units/${units.root.id}/reports/organisation?period=${period}&format=xlsx`,
        { headers: auth },
      );
      const body = await response.text();
      if (response.status !== 202) throw new Error(`report: ${response.status} ${body.slice(0, 300)}`);
      const { jobId } = JSON.parse(body) as { jobId: number };
      let polls = 0;
      for (;;) {
        polls++;
        const job = await fetchJson<JobDto>(`${appOrigin}/api/v1/jobs/${jobId}`, { headers: auth });
        if (job.status === 'succeeded') break;
        if (job.status === 'failed')
          throw new Error(`report job ${jobId} failed: ${JSON.stringify(job.error)}`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const file = await fetch(`${appOrigin}/api/v1/statistics/report-files/${jobId}`, { headers: auth });
      const content = Buffer.from(await file.arrayBuffer());
      if (!file.ok) throw new Error(`report file: ${file.status}`);
      return { jobId, polls, bytes: content.length, type: file.headers.get('content-type') };
    });
    report.add({
      key: 'report.national.xlsx',
      label: `national organisation report ${period}, .xlsx, end to end (request, job, download)`,
      value: reportRun.seconds,
      unit: 's',
      better: 'lower',
      baseline: scanFigure,
      note: `job ${reportRun.result.jobId}, ${reportRun.result.polls} polls, ${int(reportRun.result.bytes)} bytes ${reportRun.result.type ?? ''}`,
    });

    // ——— Member profiles, 50 clients at once, against the raw PK route ———
    log(`  member profiles over HTTP vs the raw PK route (${profileConnections} connections)…`);
    let profiles: LoadSeries[] | undefined;
    try {
      profiles = await load.measureInterleaved(
        [
          {
            title: 'raw PK route',
            origin: rawOrigin,
            method: 'GET',
            requests: pkIds.slice(0, 2_000).map((id) => ({ path: `/pk/${id}` })),
            connections: profileConnections,
            durationSeconds: options.durationSeconds,
          },
          {
            title: 'member profiles',
            origin: appOrigin,
            method: 'GET',
            headers: auth,
            requests: pkIds.slice(0, 2_000).map((id) => ({ path: `/api/v1/members/${id}` })),
            connections: profileConnections,
            durationSeconds: options.durationSeconds,
          },
        ],
        { rounds: options.rounds, warmupSeconds: options.warmupSeconds },
      );
    } catch (error) {
      // A round where no request completed is a result too (every profile read is audited, one at a time).
      report.fact(
        'Member profiles',
        `not measured: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (profiles) {
      const pkRoute50 = report.add({
        key: 'http.pk.profiles',
        label: `raw PK route over members (Fastify + db), ${profileConnections} connections`,
        value: profiles[0]!.requestsPerSecond,
        unit: 'req/s',
        better: 'higher',
        note: latencyNote(profiles[0]!),
        details: profiles[0],
      });
      report.add({
        key: 'http.members.profile',
        label: `GET /members/:id as the Confederation administrator, ${profileConnections} connections`,
        value: profiles[1]!.requestsPerSecond,
        unit: 'req/s',
        better: 'higher',
        baseline: pkRoute50,
        targetRatio: PROFILES_TARGET,
        note: latencyNote(profiles[1]!),
        details: profiles[1],
      });
    }

    // ——— The cost of the counters: admissions with the counting triggers, and without ———
    if (admissions > 0) {
      const triggers = await countingTriggers(session);
      if (triggers.length === 0) throw new Error('no statistics triggers on members or member_events');
      const run = await nextRun(session);
      const bodies = await admissionBodies(session, seed, admissions * options.rounds * 2 + 100, run, today);
      log(
        `admissions: ${options.rounds} rounds of ${admissions} with the counters and ${admissions} without ` +
          `(${admitConnections} in flight; triggers ${triggers.map((t) => t.name).join(', ')})…`,
      );
      // Warm-up: the first requests open connections and fill caches for both.
      await admitConcurrently(appOrigin, login.token, bodies.slice(0, 100), admitConnections);
      const withCounters: number[] = [];
      const without: number[] = [];
      const latencies = { with: [] as number[], without: [] as number[] };
      let offset = 100;
      try {
        for (let round = 0; round < options.rounds; round++) {
          for (const enabled of [true, false]) {
            await setTriggers(session, triggers, enabled);
            const slice = bodies.slice(offset, offset + admissions);
            offset += admissions;
            const result = await admitConcurrently(appOrigin, login.token, slice, admitConnections);
            (enabled ? withCounters : without).push(result.seconds);
            latencies[enabled ? 'with' : 'without'].push(...result.latencies);
          }
        }
      } finally {
        await setTriggers(session, triggers, true);
      }
      const rate = (secs: number[]) => (admissions * secs.length) / secs.reduce((a, b) => a + b, 0);
      const note = (values: number[]) => {
        const s = summarise(values);
        return `latency p50 ${ms(s.p50Ms)} · p95 ${ms(s.p95Ms)}`;
      };
      const off = report.add({
        key: 'admissions.without_counters',
        label: `POST /members without the counting triggers, ${admitConnections} in flight`,
        value: rate(without),
        unit: 'admissions/s',
        better: 'higher',
        note: `${note(latencies.without)}; per round ${without.map((s) => formatNumber(admissions / s)).join('/')}`,
      });
      report.add({
        key: 'admissions.with_counters',
        label: `POST /members with the counters kept by triggers, ${admitConnections} in flight`,
        value: rate(withCounters),
        unit: 'admissions/s',
        better: 'higher',
        baseline: off,
        targetRatio: COUNTERS_TARGET,
        note: `${note(latencies.with)}; per round ${withCounters.map((s) => formatNumber(admissions / s)).join('/')}`,
      });
      // The admissions made without the triggers are missing from the counters: recount them all.
      log('  rebuilding the statistics after the admissions made without triggers…');
      const rebuilt = await timed(() =>
        db.transaction(async (tx) => {
          if (engine === 'postgres') await tx.execute(sql`set local work_mem = '2GB'`);
          await unsafeRebuildStatistics(tx as unknown as Db);
        }),
      );
      const [count] = await session.query<{ n: number }>(`select count(*)::int as n from members`);
      report.fact(
        'Recount after the admissions',
        `unsafeRebuildStatistics ${rebuilt.seconds.toFixed(1)} s at ${int(Number(count!.n))} members`,
      );
    }

    report.fact('Peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (this process)`);
    report.fact(
      'Machine load',
      `${loadAtStart} before the first figure, ${loadAverage()} at the end (1/5/15-min load averages)`,
    );
  },
};
