import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import { sql, type SQL } from 'drizzle-orm';
import type { LoginResponse, RoleCode } from '@union/contracts/auth';
import type { UnitPage } from '@union/contracts/units';
import { buildApp } from '../../apps/server/src/app.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { queryRows, type Db } from '../../apps/server/src/kernel/db/database.js';
import {
  resolveActor,
  unsafeAssignOffice,
  unsafeCreateAccount,
} from '../../apps/server/src/modules/accounts/index.js';
import { findUnit } from '../../apps/server/src/modules/units/index.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { LoadResult, LoadSeries, LoadSpec } from '../harness/load-spec.js';
import { formatNumber, type Figure, type SuiteReport } from '../harness/report.js';
import { timeSerially, type LatencySummary } from '../harness/serial-timing.js';
import { buildBareFastify, fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, UsageError, type Suite, type SuiteContext } from '../harness/suite.js';
import { buildBaselineRoutes } from './baseline-routes.js';
import { childrenQuery, scopePredicate } from './children-query.js';
import { seedTree, type SeededUnit } from './tree-seed.js';

/** The ratio the definition of done asks of a scoped read against the same read unscoped. */
const SCOPED_TARGET = 0.8;
const PAGE = 50;
const LOGIN_ACCOUNTS = 16;

// autocannon measures latency in whole milliseconds; one value per round.
const wholeMs = (ms: number) => (ms < 1 ? '<1' : Math.round(ms).toLocaleString('en-US'));
const latencyNote = (series: LoadSeries) => {
  const per = (pick: (r: LoadResult) => number) => series.rounds.map((r) => wholeMs(pick(r))).join('/');
  return `p50 ${per((r) => r.latencyMs.p50)} ms · p99 ${per((r) => r.latencyMs.p99)} ms`;
};

const serialNote = (summary: LatencySummary) =>
  `p95 ${formatNumber(summary.p95Ms)} ms · ${summary.samples} serial queries`;

interface HttpCase {
  spec: Omit<LoadSpec, 'connections' | 'durationSeconds' | 'title'>;
  key: string;
  label: string;
  baseline?: Figure;
  targetRatio?: number;
}

/**
 * HTTP figures measured together: one alone, or a figure and the baseline it is compared with (the
 * first case), interleaved over --rounds. Records req/s, latency per round in the note, all in the JSON.
 */
async function httpFigures(context: SuiteContext, cases: HttpCase[]): Promise<Figure[]> {
  const { options, load, report, log } = context;
  const rounds = cases.length > 1 ? options.rounds : 1;
  log(
    `  measuring ${cases.map((c) => c.label).join(' vs ')} ` +
      `(${options.durationSeconds} s each${rounds > 1 ? ` in ${rounds} alternating rounds` : ''}, ${options.connections} connections)`,
  );
  const series = await load.measureInterleaved(
    cases.map((c) => ({
      ...c.spec,
      title: c.label,
      connections: options.connections,
      durationSeconds: options.durationSeconds,
    })),
    { rounds, warmupSeconds: options.warmupSeconds },
  );
  const figures: Figure[] = [];
  for (const [i, c] of cases.entries()) {
    const result = series[i]!;
    figures.push(
      report.add({
        key: c.key,
        label: c.label,
        value: result.requestsPerSecond,
        unit: 'req/s',
        better: 'higher',
        ...(i > 0 ? { baseline: figures[0]! } : c.baseline ? { baseline: c.baseline } : {}),
        ...(c.targetRatio === undefined ? {} : { targetRatio: c.targetRatio }),
        note: latencyNote(result),
        details: result,
      }),
    );
  }
  return figures;
}

const httpFigure = async (context: SuiteContext, c: HttpCase): Promise<Figure> =>
  (await httpFigures(context, [c]))[0]!;

async function explain(db: Db, query: SQL): Promise<string> {
  const rows = await queryRows<Record<string, string>>(db, sql`explain (costs off) ${query}`);
  return rows.map((row) => Object.values(row)[0]).join('\n');
}

/** How many of the units table's columns have planner statistics (0: never analysed). */
async function statisticsColumns(db: Db): Promise<number> {
  const [row] = await queryRows<{ count: number }>(
    db,
    sql`select count(*)::int as count from pg_stats where schemaname = 'public' and tablename = 'units'`,
  );
  return row?.count ?? 0;
}

/** argon2id verifications per second in this process, `concurrency` at a time: the ceiling of login. */
async function argon2Ceiling(concurrency: number, seconds: number): Promise<number> {
  const password = 'bench-password';
  const hashed = await hash(password);
  const spin = async (ms: number) => {
    const deadline = performance.now() + ms;
    let done = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          if (!(await verify(hashed, password))) throw new Error('argon2 verify failed');
          done++;
        }
      }),
    );
    return done;
  };
  await spin(500);
  const started = performance.now();
  const done = await spin(seconds * 1000);
  return done / ((performance.now() - started) / 1000);
}

/** In-process, serial: the children statement with and without the scope predicate, interleaved. */
async function timeChildrenSql(
  db: Db,
  parents: SeededUnit[],
  scopePaths: string[],
  iterations: number,
): Promise<{ scoped: LatencySummary; unscoped: LatencySummary }> {
  const scope = scopePredicate(scopePaths);
  const parentAt = (i: number) => parents[i % parents.length]!.id;
  return timeSerially(
    {
      unscoped: (i) => db.execute(childrenQuery(parentAt(i), PAGE)),
      scoped: (i) => db.execute(childrenQuery(parentAt(i), PAGE, scope)),
    },
    { iterations, warmup: Math.min(50, iterations) },
  );
}

function addSqlPair(
  report: SuiteReport,
  timings: { scoped: LatencySummary; unscoped: LatencySummary },
  keyPrefix: string,
  labelSuffix: string,
  percentiles: ('p50' | 'p95')[],
) {
  for (const p of percentiles) {
    const field = p === 'p50' ? 'p50Ms' : 'p95Ms';
    const unscoped = report.add({
      key: `${keyPrefix}.unscoped.${p}`,
      label: `children SQL unscoped, ${p}${labelSuffix}`,
      value: timings.unscoped[field],
      unit: 'ms',
      better: 'lower',
      ...(p === 'p50' ? { note: serialNote(timings.unscoped) } : {}),
      details: timings.unscoped,
    });
    report.add({
      key: `${keyPrefix}.scoped.${p}`,
      label: `children SQL scoped, ${p}${labelSuffix}`,
      value: timings.scoped[field],
      unit: 'ms',
      better: 'lower',
      baseline: unscoped,
      targetRatio: SCOPED_TARGET,
      ...(p === 'p50' ? { note: serialNote(timings.scoped) } : {}),
      details: timings.scoped,
    });
  }
}

async function createOfficer(
  db: Db,
  username: string,
  password: string,
  unit: SeededUnit,
  role: RoleCode,
): Promise<void> {
  const accountId = await unsafeCreateAccount(db, { username, fullName: 'Cán bộ Thử tải', password });
  await unsafeAssignOffice(db, { accountId, unit, role, termStart: '2020-01-01' });
}

/** The same page through the API (scoped) and the raw route (unscoped): same ids in the same order. */
async function assertSamePage(apiUrl: string, rawUrl: string, headers: Record<string, string>) {
  const [api, raw] = await Promise.all([
    fetchJson<UnitPage>(apiUrl, { headers }),
    fetchJson<{ items: { id: number }[]; nextCursor: string | null }>(rawUrl),
  ]);
  const apiIds = api.items.map((item) => item.id).join(',');
  const rawIds = raw.items.map((item) => item.id).join(',');
  if (api.items.length === 0 || apiIds !== rawIds || api.nextCursor !== raw.nextCursor) {
    throw new Error(
      `the unscoped baseline is not the same query: ${apiUrl} gave [${apiIds}], ${rawUrl} gave [${rawIds}]`,
    );
  }
}

export const foundationSuite: Suite = {
  name: 'foundation',
  description:
    'Bare Fastify and raw primary-key baselines; login; listing a unit’s children scoped vs unscoped.',
  options: {
    communes: { type: 'string', default: '60', description: 'commune/industrial-zone unions under Hà Nội' },
    'grassroots-min': { type: 'string', default: '100', description: 'fewest grassroots unions per commune' },
    'grassroots-max': { type: 'string', default: '300', description: 'most grassroots unions per commune' },
    branches: { type: 'string', default: '30', description: 'branches of the grassroots officer’s union' },
    seed: { type: 'string', default: '1', description: 'seed of the tree generator' },
    'serial-iterations': {
      type: 'string',
      default: '500',
      description: 'serial in-process queries per SQL figure',
    },
    'skip-analyze': {
      type: 'boolean',
      default: false,
      description: 'never ANALYZE: measure everything as a fresh PGlite leaves it (no statistics)',
    },
  },

  async run(context) {
    const { options, report, cleanup, log } = context;
    const shape = {
      communes: numberOption(options, 'communes', { min: 1, max: 10_000, integer: true }),
      grassrootsMin: numberOption(options, 'grassroots-min', { min: 1, max: 100_000, integer: true }),
      grassrootsMax: numberOption(options, 'grassroots-max', { min: 1, max: 100_000, integer: true }),
      branches: numberOption(options, 'branches', { min: 1, max: 10_000, integer: true }),
      seed: numberOption(options, 'seed', { min: 0, max: 2 ** 32 - 1, integer: true }),
    };
    if (shape.grassrootsMax < shape.grassrootsMin)
      throw new UsageError('--grassroots-max is below --grassroots-min');
    const serialIterations = numberOption(options, 'serial-iterations', { min: 10, integer: true });
    const analyze = options.values['skip-analyze'] !== true;

    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact('CPUs', `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`);
    report.fact(
      'Load',
      `autocannon, ${options.connections} connections, ${options.durationSeconds} s per figure after ${options.warmupSeconds} s warm-up, in its own process`,
    );

    log('opening a fresh database (migrations, first start)…');
    const bench = await openBenchDatabase('foundation', options.databaseUrl, cleanup);
    const db = bench.database.db;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);

    log(`building the tree (${shape.communes} communes under Hà Nội)…`);
    const seedStarted = performance.now();
    const tree = await seedTree(db, shape, log);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const [counts] = await queryRows<{ total: number; province: number; closed: number }>(
      db,
      sql`select count(*)::int as total,
            count(*) filter (where path like ${`${tree.province.path}%`})::int as province,
            count(*) filter (where status <> 'active')::int as closed
          from units`,
    );
    if (!counts) throw new Error('could not count units');
    report.fact(
      'Units',
      `${formatNumber(counts.total)} (${formatNumber(counts.province)} in ${tree.province.name}, ` +
        `${tree.communes.length} communes there; ${counts.closed} closed), built through insertUnit in ${seedSeconds.toFixed(1)} s`,
    );

    const sampleParent = tree.communes[0]!.id;
    const provinceScope = scopePredicate([tree.province.path]);
    const statisticsBefore = await statisticsColumns(db);
    report.attach(
      'plan, scoped, before ANALYZE',
      await explain(db, childrenQuery(sampleParent, PAGE, provinceScope)),
    );

    // PGlite has no autovacuum: without an ANALYZE it never has statistics. Measure that state too.
    let beforeAnalyze: Awaited<ReturnType<typeof timeChildrenSql>> | undefined;
    if (analyze) {
      log('timing the children SQL before ANALYZE…');
      beforeAnalyze = await timeChildrenSql(db, tree.communes, [tree.province.path], serialIterations);
      await db.execute(sql`analyze`);
    }
    report.fact(
      'Planner statistics',
      analyze
        ? `ANALYZE run after the load (before it, units had statistics on ${statisticsBefore} columns)`
        : `never analysed by the bench (units has statistics on ${statisticsBefore} columns)`,
    );
    report.attach('plan, scoped', await explain(db, childrenQuery(sampleParent, PAGE, provinceScope)));
    report.attach('plan, unscoped', await explain(db, childrenQuery(sampleParent, PAGE)));

    log('creating officers…');
    const password = `bench-${bench.adminPassword}`;
    await createOfficer(db, 'bench.province', password, tree.province, 'federation_officer');
    await createOfficer(db, 'bench.grassroots', password, tree.grassrootsWithBranches, 'grassroots_officer');
    const loginNames = ['bench.province', 'bench.grassroots'];
    for (let i = 0; loginNames.length < LOGIN_ACCOUNTS; i++) {
      const commune = tree.communes[i % tree.communes.length]!;
      const username = `bench.commune.${i}`;
      await createOfficer(db, username, password, commune, 'upper_union_officer');
      loginNames.push(username);
    }

    log('starting the servers…');
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      loginRateLimitPerMinute: 1_000_000,
      webDistDir: '/nonexistent',
    };
    const app = await buildApp({ database: bench.database, config, logger: false });
    const appOrigin = await listenEphemeral(app, 'the app', cleanup);
    const rawApp = buildBaselineRoutes(db);
    const rawOrigin = await listenEphemeral(rawApp, 'the baseline routes', cleanup);
    const bareOrigin = await listenEphemeral(buildBareFastify(), 'bare Fastify', cleanup);

    const signIn = async (login: string, secret = password) => {
      const response = await fetchJson<LoginResponse>(`${appOrigin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password: secret }),
      });
      return response.token;
    };
    // The Confederation administrator's scope is the whole tree: the same request, scope predicate
    // trivially true. Officer ÷ admin on the same route is the cost of scoping a whole request.
    const wholeTree = { authorization: `Bearer ${await signIn('admin', bench.adminPassword)}` };
    const provinceToken = await signIn('bench.province');
    const provinceOfficer = { authorization: `Bearer ${provinceToken}` };
    const grassrootsOfficer = { authorization: `Bearer ${await signIn('bench.grassroots')}` };

    const apiChildren = tree.communes.map((c) => ({ path: `/api/v1/units/${c.id}/children?limit=${PAGE}` }));
    const rawChildren = tree.communes.map((c) => ({ path: `/children/${c.id}?limit=${PAGE}` }));
    const branchesId = tree.grassrootsWithBranches.id;
    for (const commune of tree.communes.slice(0, 3)) {
      await assertSamePage(
        `${appOrigin}/api/v1/units/${commune.id}/children?limit=${PAGE}`,
        `${rawOrigin}/children/${commune.id}?limit=${PAGE}`,
        provinceOfficer,
      );
    }
    await assertSamePage(
      `${appOrigin}/api/v1/units/${branchesId}/children?limit=${PAGE}`,
      `${rawOrigin}/children/${branchesId}?limit=${PAGE}`,
      grassrootsOfficer,
    );

    // Baselines.
    const unitIds = (await queryRows<{ id: number }>(db, sql`select id from units order by id`)).map(
      (r) => r.id,
    );
    const [bare, pkRoute] = (await httpFigures(context, [
      {
        key: 'http.bare',
        label: 'bare Fastify GET /hello',
        spec: { origin: bareOrigin, method: 'GET', requests: [{ path: '/hello' }] },
      },
      {
        key: 'http.pk',
        label: 'raw PK route (Fastify + Drizzle, 1 query)',
        spec: { origin: rawOrigin, method: 'GET', requests: unitIds.map((id) => ({ path: `/pk/${id}` })) },
      },
    ])) as [Figure, Figure];
    log('  timing the raw PK query in process…');
    const pk = (
      await timeSerially(
        {
          pk: (i) =>
            db.execute(
              sql`select id, type, code, name, path, parent_id from units where id = ${unitIds[(i * 7919) % unitIds.length]!}`,
            ),
        },
        { iterations: serialIterations * 4, warmup: 100 },
      )
    ).pk;
    const pkP50 = report.add({
      key: 'sql.pk.p50',
      label: 'raw PK query, p50',
      value: pk.p50Ms,
      unit: 'ms',
      better: 'lower',
      note: `${pk.samples} serial queries`,
      details: pk,
    });
    report.add({
      key: 'sql.pk.p95',
      label: 'raw PK query, p95',
      value: pk.p95Ms,
      unit: 'ms',
      better: 'lower',
      details: pk,
    });

    // Children: the statement alone, in process.
    log('  timing the children SQL in process…');
    addSqlPair(
      report,
      await timeChildrenSql(db, tree.communes, [tree.province.path], serialIterations),
      'children.sql',
      analyze ? '' : ' (no statistics)',
      ['p50', 'p95'],
    );
    if (beforeAnalyze) {
      addSqlPair(report, beforeAnalyze, 'children.sql.unanalysed', ', before ANALYZE', ['p50']);
    }

    // What the API request adds around that statement: the actor, then the parent.
    log('  timing actor resolution and the parent fetch in process…');
    const actor = await resolveActor(db, provinceToken, '127.0.0.1');
    if (!actor) throw new Error('the province officer’s session does not resolve');
    const around = await timeSerially(
      {
        actor: () => resolveActor(db, provinceToken, '127.0.0.1'),
        parent: (i) => findUnit(db, actor, tree.communes[i % tree.communes.length]!.id),
      },
      { iterations: serialIterations, warmup: Math.min(50, serialIterations) },
    );
    report.add({
      key: 'sql.actor.p50',
      label: 'actor resolution (session + grants), p50',
      value: around.actor.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: pkP50,
      note: `${serialNote(around.actor)}; runs before every API request`,
      details: around.actor,
    });
    report.add({
      key: 'sql.parent.p50',
      label: 'parent fetch (findUnit, scoped), p50',
      value: around.parent.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: pkP50,
      note: `${serialNote(around.parent)}; the children route's first query`,
      details: around.parent,
    });

    // The whole request without the network and the load generator: Fastify's inject, serially.
    log('  timing the children request in process (inject)…');
    const inject = async (server: typeof rawApp, url: string, headers?: Record<string, string>) => {
      const response = await server.inject({ method: 'GET', url, ...(headers ? { headers } : {}) });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    };
    const communeAt = (i: number) => tree.communes[i % tree.communes.length]!.id;
    const injected = await timeSerially(
      {
        raw: (i) => inject(rawApp, `/children/${communeAt(i)}?limit=${PAGE}`),
        admin: (i) => inject(app, `/api/v1/units/${communeAt(i)}/children?limit=${PAGE}`, wholeTree),
        api: (i) => inject(app, `/api/v1/units/${communeAt(i)}/children?limit=${PAGE}`, provinceOfficer),
      },
      { iterations: serialIterations, warmup: Math.min(50, serialIterations) },
    );
    const injectedRaw = report.add({
      key: 'inject.children.unscoped.p50',
      label: 'children, unscoped raw route, inject p50',
      value: injected.raw.p50Ms,
      unit: 'ms',
      better: 'lower',
      note: serialNote(injected.raw).replace('queries', 'requests'),
      details: injected.raw,
    });
    const injectedWholeTree = report.add({
      key: 'inject.children.whole_tree.p50',
      label: 'children API, Confederation admin, inject p50',
      value: injected.admin.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: injectedRaw,
      note: `${serialNote(injected.admin).replace('queries', 'requests')}; the whole request vs one raw query`,
      details: injected.admin,
    });
    report.add({
      key: 'inject.children.scoped.p50',
      label: 'children API, province officer, inject p50',
      value: injected.api.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: injectedWholeTree,
      targetRatio: SCOPED_TARGET,
      note: serialNote(injected.api).replace('queries', 'requests'),
      details: injected.api,
    });

    // Children: the whole request, under load.
    await httpFigure(context, {
      key: 'http.auth_floor',
      label: 'app floor: GET /health signed in',
      baseline: bare,
      spec: {
        origin: appOrigin,
        method: 'GET',
        headers: provinceOfficer,
        requests: [{ path: '/api/v1/health' }],
      },
    });
    await httpFigure(context, {
      key: 'http.children.unscoped',
      label: 'children, unscoped raw route',
      baseline: pkRoute,
      spec: { origin: rawOrigin, method: 'GET', requests: rawChildren },
    });
    await httpFigures(context, [
      {
        key: 'http.children.whole_tree',
        label: 'children API, Confederation admin',
        spec: { origin: appOrigin, method: 'GET', headers: wholeTree, requests: apiChildren },
      },
      {
        key: 'http.children.scoped',
        label: 'children API, province officer',
        targetRatio: SCOPED_TARGET,
        spec: { origin: appOrigin, method: 'GET', headers: provinceOfficer, requests: apiChildren },
      },
    ]);
    await httpFigures(context, [
      {
        key: 'http.branches.unscoped',
        label: 'branches, unscoped raw route',
        baseline: pkRoute,
        spec: {
          origin: rawOrigin,
          method: 'GET',
          requests: [{ path: `/children/${branchesId}?limit=${PAGE}` }],
        },
      },
      {
        key: 'http.branches.scoped',
        label: 'branches API, grassroots officer (whole request vs raw)',
        spec: {
          origin: appOrigin,
          method: 'GET',
          headers: grassrootsOfficer,
          requests: [{ path: `/api/v1/units/${branchesId}/children?limit=${PAGE}` }],
        },
      },
    ]);

    // The 2025 reorganisation: every grassroots union of ten communes re-parented in one operation, as
    // the administrator does it (POST /units/bulk-move), against a raw primary-key lookup per unit moved.
    const movedIds = (
      await queryRows<{ id: number }>(
        db,
        sql`select id from units where status = 'active' and type = 'grassroots_union'
              and parent_id in (${sql.join(
                tree.communes.slice(0, 10).map((c) => sql`${c.id}`),
                sql`, `,
              )})`,
      )
    ).map((row) => row.id);
    const destination = tree.communes.at(-1)!;
    log(`  re-parenting ${movedIds.length} grassroots unions in one operation…`);
    const started = performance.now();
    const moved = await app.inject({
      method: 'POST',
      url: '/api/v1/units/bulk-move',
      headers: wholeTree,
      payload: { unitIds: movedIds, newParentId: destination.id, effectiveOn: '2025-07-01', reason: 'bench' },
    });
    const bulkMs = performance.now() - started;
    if (moved.statusCode !== 200) throw new Error(`bulk move: ${moved.statusCode} ${moved.body}`);
    report.add({
      key: 'bulk_move.per_unit',
      label: `bulk move, ${movedIds.length} units: per unit`,
      value: bulkMs / movedIds.length,
      unit: 'ms',
      better: 'lower',
      baseline: pkP50,
      note: `${(bulkMs / 1000).toFixed(2)} s for the whole operation, subtrees and offices included, one transaction`,
    });

    // Login last: it fills sessions and the audit log. Its ceiling is argon2id on this machine's cores.
    log(`  measuring argon2id verify in process (${options.durationSeconds} s)…`);
    const argon2 = report.add({
      key: 'argon2.verify',
      label: `argon2id verify in process, ${options.connections} at a time`,
      value: await argon2Ceiling(options.connections, options.durationSeconds),
      unit: 'verify/s',
      better: 'higher',
      note: 'the ceiling of login on this machine',
    });
    const login = await httpFigure(context, {
      key: 'http.login',
      label: `login (argon2id), ${LOGIN_ACCOUNTS} officers`,
      baseline: bare,
      spec: {
        origin: appOrigin,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: loginNames.map((login) => ({
          path: '/api/v1/auth/login',
          body: JSON.stringify({ login, password }),
        })),
      },
    });
    login.note = `${login.note}; ${(login.value / argon2.value).toFixed(2)} of #${argon2.number}`;
  },
};
