import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { LoginResponse } from '@union/contracts/auth';
import {
  VOICE_CATEGORIES,
  VoiceListQuery,
  type SubmitVoiceBody,
  type VoiceCategory,
} from '@union/contracts/voice';
import { buildApp } from '../../apps/server/src/app.js';
import type { Actor } from '../../apps/server/src/kernel/access/actor.js';
import { isPermission, type Permission } from '../../apps/server/src/kernel/access/permissions.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { foldVietnamese } from '../../apps/server/src/kernel/text/fold.js';
import {
  defaultCategoryClassifier,
  escalateOverdueItems,
} from '../../apps/server/src/modules/voice/index.js';
import { openBulkSession, type BulkSession } from '../../scripts/national/bulk.js';
import { Random } from '../../scripts/national/random.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { LoadRequest, LoadResult, LoadSeries, LoadSpec } from '../harness/load-spec.js';
import type { Figure } from '../harness/report.js';
import { latencyFigures, timeSerially, type LatencySummary } from '../harness/serial-timing.js';
import { buildBareFastify, fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, UsageError, type Suite, type SuiteContext } from '../harness/suite.js';
import { crossValidate, listItems, submitItem, voiceAnalytics, type VoiceContext } from './app-internals.js';
import { loadItems, loadTree, readAuthors, type Author, type ItemLoad } from './load.js';
import {
  captureQueries,
  explainQueries,
  explainReplay,
  renderCosts,
  renderTimings,
  timeQueries,
} from './queries.js';

/** The issue's bounds. */
const INBOX_P95_MS = 50;
const ANALYTICS_P95_MS = 200;
const CLASSIFY_PER_SECOND = 1_000;
const WARMUP = 10;
/** Texts classified per timed pass (the labelled set, repeated). */
const CLASSIFY_PASS = 5_000;
const CLASSIFY_PASSES = 5;
/** Bumped when what a kept database holds changes: one from another version is refused. */
const DATASET_VERSION = 1;

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const pct = (value: number) => `${(value * 100).toFixed(1)} %`;
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

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - started) / 1000 };
}

interface ScopeUnit {
  id: number;
  name: string;
  path: string;
}

const rolePermissions = new Map<string, Set<Permission>>();

/** An officer as the auth hook builds one: an office at the unit, with the role's permissions. */
async function actorAt(session: BulkSession, unit: ScopeUnit, role: string, k: number): Promise<Actor> {
  let permissions = rolePermissions.get(role);
  if (!permissions) {
    const rows = await session.query<{ permission: string }>(
      `select permission from role_permissions where role = $1`,
      [role],
    );
    permissions = new Set(rows.map((row) => row.permission).filter(isPermission) as Permission[]);
    rolePermissions.set(role, permissions);
  }
  return {
    accountId: -1 - k,
    fullName: `Bench ${role} ${k}`,
    sessionId: -1,
    ip: '127.0.0.1',
    grants: [{ officeId: -1 - k, unitId: unit.id, unitPath: unit.path, role, permissions }],
    totpSetupRequired: false,
  };
}

interface LabelledExample {
  text: string;
  category: VoiceCategory;
}

function labelledSet(): LabelledExample[] {
  return JSON.parse(
    readFileSync(
      new URL('../../apps/server/src/modules/voice/classifier/labelled-concerns.json', import.meta.url),
      'utf8',
    ),
  ) as LabelledExample[];
}

export const voiceSuite: Suite = {
  name: 'voice',
  description:
    "Members' voice at national scale: a million items loaded through the counting triggers vs a plain COPY; officers' inboxes and the Confederation's analytics vs a PK lookup; the classifier's speed and cross-validated accuracy; intake over HTTP vs bare Fastify; the escalation sweep.",
  options: {
    items: {
      type: 'string',
      default: '1000000',
      description: 'voice items over 24 months (PGlite: 100000 is a fair size)',
    },
    'tree-members': {
      type: 'string',
      default: '1200000',
      description:
        'members the tree is built for (1,200,000: about 13,800 grassroots unions, 360 commune, zone and upper unions)',
    },
    'member-share': {
      type: 'string',
      default: '0.25',
      description: 'share of each union’s members loaded (at least one a union or branch)',
    },
    seed: { type: 'string', default: '1', description: 'seed of the tree, the members and the items' },
    'inbox-requests': {
      type: 'string',
      default: '200',
      description: 'serial inbox calls per case, in process (after 10 warm-up)',
    },
    'analytics-requests': {
      type: 'string',
      default: '40',
      description: 'serial analytics calls per unit, in process (after 10 warm-up)',
    },
    'intake-members': {
      type: 'string',
      default: '200',
      description: 'members signed in to raise items over HTTP',
    },
    escalate: {
      type: 'string',
      default: '10000',
      description: 'overdue items for the escalation sweep (fewer when fewer are open)',
    },
    'copy-rows': { type: 'string', default: '100000', description: 'items per COPY statement' },
    'keep-database': {
      type: 'boolean',
      default: false,
      description:
        'keep the data for the next run (PostgreSQL: database cds_bench_voice_<items>_<tree-members>_s<seed>; PGlite: needs --pglite-dir) and reuse it; intake and the sweep change it',
    },
    'pglite-dir': {
      type: 'string',
      description: 'PGlite data directory (default: a new one in the system temp folder, removed at the end)',
    },
  },

  async run(context: SuiteContext) {
    const { options, report, cleanup, log, load } = context;
    const engine = options.databaseUrl ? 'postgres' : 'pglite';
    const itemCount = numberOption(options, 'items', { min: 1_000, max: 50_000_000, integer: true });
    const treeMembers = numberOption(options, 'tree-members', {
      min: 10_000,
      max: 11_000_000,
      integer: true,
    });
    const memberShare = numberOption(options, 'member-share', { min: 0.001, max: 1 });
    const seed = numberOption(options, 'seed', { min: 0, max: 2 ** 31 - 1, integer: true });
    const inboxRequests = numberOption(options, 'inbox-requests', { min: 10, max: 100_000, integer: true });
    const analyticsRequests = numberOption(options, 'analytics-requests', {
      min: 5,
      max: 10_000,
      integer: true,
    });
    const intakeMembers = numberOption(options, 'intake-members', { min: 1, max: 10_000, integer: true });
    const escalate = numberOption(options, 'escalate', { min: 0, max: 1_000_000, integer: true });
    const copyRows = numberOption(options, 'copy-rows', { min: 1_000, max: 10_000_000, integer: true });
    const pgliteDir =
      engine === 'pglite'
        ? ((options.values['pglite-dir'] as string | undefined) ??
          path.join(os.tmpdir(), `cds-bench-voice-${process.pid}`))
        : undefined;

    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact(
      'CPUs',
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );

    // ——— The classifier trains on first use: before anything else touches it ———
    const training = await timed(async () => defaultCategoryClassifier());
    const classifier = training.result;

    log('opening the database (migrations, first start)…');
    const keep = options.values['keep-database'] === true;
    if (keep && engine === 'pglite' && options.values['pglite-dir'] === undefined)
      throw new UsageError('--keep-database on PGlite needs --pglite-dir');
    const bench = await openBenchDatabase('voice', options.databaseUrl, cleanup, {
      ...(keep ? { keepAs: `cds_bench_voice_${itemCount}_${treeMembers}_s${seed}` } : {}),
      ...(pgliteDir ? { pgliteDataDir: path.resolve(pgliteDir) } : {}),
    });
    const { database } = bench;
    const db = database.db;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);
    const session = await openBulkSession(database);
    cleanup.defer('bulk session', () => session.release());

    // ——— Data: the tree, its members, their accounts, then the items through the triggers ———
    await session.exec(
      `create table if not exists bench_voice_meta (key text primary key, value text not null)`,
    );
    const meta = new Map(
      (await session.query<{ key: string; value: string }>(`select key, value from bench_voice_meta`)).map(
        (row) => [row.key, row.value],
      ),
    );
    const fingerprint = JSON.stringify({
      itemCount,
      treeMembers,
      memberShare,
      seed,
      version: DATASET_VERSION,
    });
    const reuse = bench.reused && meta.get('dataset') === fingerprint;
    if (bench.reused && !reuse)
      throw new Error(
        `the kept database holds ${meta.get('dataset') ?? 'an unfinished load'}, not ${fingerprint}: drop it and run again`,
      );
    const memberPassword = reuse
      ? meta.get('password')!
      : `voice-${randomBytes(9).toString('base64url')}-Aa1!`;
    const now = reuse ? new Date(meta.get('now')!) : new Date();
    const tree = reuse
      ? undefined
      : await loadTree(session, engine, treeMembers, memberShare, seed, memberPassword, log);
    const { authors, units } = await readAuthors(session);
    let items: ItemLoad | undefined;
    if (!reuse) {
      log(`generating and loading ${int(itemCount)} items (${int(copyRows)} a COPY statement)…`);
      items = await loadItems(
        session,
        authors,
        units,
        { count: itemCount, seed, now, perStatement: copyRows, sampleStatements: 1 },
        log,
      );
      await session.query(
        `insert into bench_voice_meta (key, value) values ('dataset', $1), ('password', $2), ('now', $3)`,
        [fingerprint, memberPassword, now.toISOString()],
      );
    }
    const counted = await session.query<{ status: string; n: number }>(
      `select status, count(*)::int as n from voice_items group by status order by 2 desc`,
    );
    const [shape] = await session.query<{
      open: number;
      overdue: number;
      escalated: number;
      upper: number;
      concerns: number;
      proposals: number;
      complaints: number;
      anonymous: number;
      counters: number;
      terms: number;
      size: string;
    }>(
      `select count(*) filter (where status in ('received', 'in_progress'))::int as open,
              count(*) filter (where status in ('received', 'in_progress') and due_at < $1)::int as overdue,
              count(*) filter (where escalations > 0)::int as escalated,
              count(*) filter (where status in ('received', 'in_progress') and escalations > 0)::int as upper,
              count(*) filter (where kind = 'concern')::int as concerns,
              count(*) filter (where kind = 'proposal')::int as proposals,
              count(*) filter (where kind = 'complaint')::int as complaints,
              count(*) filter (where anonymous)::int as anonymous,
              (select count(*)::int from voice_monthly_counts) as counters,
              (select count(*)::int from voice_term_counts) as terms,
              pg_size_pretty(pg_total_relation_size('voice_items')) as size
       from voice_items`,
      [now.toISOString()],
    );
    const shares = (n: number) => `${int(n)} (${pct(n / itemCount)})`;
    if (tree) {
      const { tree: built } = tree;
      report.fact(
        'Tree',
        `the national generator for ${int(treeMembers)} members: 34 provinces, ${built.centralUnions.length} central sector ` +
          `and corporate unions, ${int(built.upperUnits)} commune, industrial-zone (${int(built.industrialZones)}) and upper unions, ` +
          `${int(built.grassroots)} grassroots unions, ${int(built.branches)} branches (${tree.treeSeconds.toFixed(1)} s); ` +
          `${int(tree.members.members)} members (${memberShare} of each union's, at least one; COPY ${tree.members.copySeconds.toFixed(1)} s), ` +
          `${int(tree.accounts)} of them with an account (${tree.accountsSeconds.toFixed(1)} s)`,
      );
    } else {
      report.fact('Tree', `reused the kept database (loaded ${meta.get('now')}): nothing generated`);
    }
    report.fact(
      'Items',
      `${int(itemCount)} over 24 months; ` +
        counted.map((row) => `${row.status} ${shares(Number(row.n))}`).join(', ') +
        `; open ${shares(Number(shape!.open))}, of which ${int(Number(shape!.overdue))} overdue (at the Confederation) ` +
        `and ${int(Number(shape!.upper))} escalated; ever escalated ${shares(Number(shape!.escalated))}; ` +
        `concerns ${shares(Number(shape!.concerns))}, proposals ${shares(Number(shape!.proposals))}, ` +
        `complaints ${shares(Number(shape!.complaints))}, anonymous ${shares(Number(shape!.anonymous))}; ` +
        `voice_items ${shape!.size} with its indexes`,
    );
    report.fact(
      'Counters',
      `voice_monthly_counts ${int(Number(shape!.counters))} rows, voice_term_counts ${int(Number(shape!.terms))} rows, kept by the triggers during the COPY`,
    );
    if (items) {
      report.fact(
        'Load',
        `${int(items.statements)} COPY statements of ${int(copyRows)} rows in ${items.loadSeconds.toFixed(1)} s (the sample's three extra COPYs not counted) ` +
          `(${int(itemCount / items.loadSeconds)} items/s, generation included: the sample's rows took ` +
          `${items.sampleGenerateSeconds.toFixed(1)} s to generate, ${int(items.distinctWordings)} distinct wordings ` +
          `classified in all; the others are generated while the database takes in the rows before); VACUUM ANALYZE ${items.analyzeSeconds.toFixed(1)} s`,
      );
      const sample = int(items.sampleRows);
      const plain = report.add({
        key: 'load.plain',
        label: `baseline: COPY of ${sample} item rows into a plain table of the same columns`,
        value: items.sampleRows / items.plainSeconds,
        unit: 'items/s',
        better: 'higher',
        note: `${items.plainSeconds.toFixed(1)} s; no index, constraint or trigger`,
      });
      report.add({
        key: 'load.without_triggers',
        label: `the same rows into voice_items, counting triggers disabled (rolled back)`,
        value: items.sampleRows / items.untriggeredSeconds,
        unit: 'items/s',
        better: 'higher',
        baseline: plain,
        note: `${items.untriggeredSeconds.toFixed(1)} s: the 13 indexes and the constraints`,
      });
      report.add({
        key: 'load.without_terms',
        label: `the same with the monthly counts trigger only (topic terms disabled, rolled back)`,
        value: items.sampleRows / items.withoutTermsSeconds,
        unit: 'items/s',
        better: 'higher',
        baseline: plain,
        note: `${items.withoutTermsSeconds.toFixed(1)} s`,
      });
      report.add({
        key: 'load.voice_items',
        label: `COPY into voice_items: indexes and both counting triggers, as loaded`,
        value: items.sampleRows / items.pairedSeconds,
        unit: 'items/s',
        better: 'higher',
        baseline: plain,
        note: `${items.pairedSeconds.toFixed(1)} s; the whole load ${int(itemCount / items.loadSeconds)} items/s`,
      });
    }

    // ——— Who asks: officers built as the auth hook builds them ———
    const random = new Random(seed ^ 0x1b0c);
    const [root] = await session.query<ScopeUnit>(`select id, name, path from units where parent_id is null`);
    const provinces = await session.query<ScopeUnit & { open: number }>(
      `select u.id, u.name, u.path,
              (select count(*)::int from voice_items v
               where v.handling_province_id = u.id and v.status in ('received', 'in_progress')) as open
       from units u where u.type = 'provincial_federation' order by u.id`,
    );
    const largest = provinces.reduce((a, b) => (Number(b.open) > Number(a.open) ? b : a));
    const communes = await session.query<ScopeUnit>(
      `select id, name, path from units where type in ('commune_union', 'industrial_zone_union') order by id`,
    );
    const rootActor = await actorAt(session, root!, 'confederation_admin', 0);
    const actorsAt = async (list: readonly ScopeUnit[], role: string, from: number) => {
      const actors: Actor[] = [];
      for (const [k, unit] of list.entries()) actors.push(await actorAt(session, unit, role, from + k));
      return actors;
    };
    const provinceActors = await actorsAt(provinces, 'federation_officer', 100);
    const pick = <T>(list: readonly T[], n: number) => Array.from({ length: n }, () => random.pick(list));
    const grassrootsUnits = pick(authors, 200).map((a) => units.get(a.grassrootsUnitId)!);
    const grassrootsActors = await actorsAt(grassrootsUnits, 'grassroots_officer', 1_000);
    const communeActors = await actorsAt(pick(communes, 200), 'upper_union_officer', 2_000);
    const voice: VoiceContext = { db, now: () => now, classifier };
    const firstPage = VoiceListQuery.parse({});
    report.fact(
      'Inbox page',
      `${firstPage.limit} items, open ones by deadline (the inbox's default); the largest province's inbox: ` +
        `${largest.name}, ${int(Number(largest.open))} open items handled in its subtree`,
    );

    // A cursor page per province: the second page of its inbox.
    const cursors = new Map<number, string>();
    for (const [k, unit] of provinces.entries()) {
      const page = await listItems(voice, provinceActors[k]!, firstPage);
      if (page.nextCursor) cursors.set(unit.id, page.nextCursor);
    }
    const withCursor = provinces.flatMap((unit, k) => (cursors.has(unit.id) ? [k] : []));
    const [{ maxId }] = (await session.query<{ maxId: number }>(
      `select max(id)::int as "maxId" from voice_items`,
    )) as [{ maxId: number }];
    const pkIds = Array.from({ length: 5_000 }, () => random.int(1, Number(maxId)));
    const provinceDraws = Array.from({ length: inboxRequests + WARMUP }, () =>
      random.int(0, provinces.length - 1),
    );
    const cursorDraws = Array.from({ length: inboxRequests + WARMUP }, () =>
      withCursor.length ? random.pick(withCursor) : undefined,
    );
    const pkQuery = (i: number) =>
      db.execute(sql`select * from voice_items where id = ${pkIds[i % pkIds.length]!}`);

    // ——— Inboxes, in process, serially, interleaved with a PK lookup ———
    log(`timing ${inboxRequests} inbox calls per case, interleaved with a PK lookup…`);
    const loadBeforeInbox = loadAverage();
    const inbox = await timeSerially(
      {
        pk: pkQuery,
        province: (i: number) => listItems(voice, provinceActors[provinceDraws[i]!]!, firstPage),
        cursor: (i: number) => {
          const k = cursorDraws[i];
          // No province has a second page (a small run): the first page stands in.
          if (k === undefined) return listItems(voice, provinceActors[provinceDraws[i]!]!, firstPage);
          return listItems(voice, provinceActors[k]!, {
            ...firstPage,
            cursor: cursors.get(provinces[k]!.id)!,
          });
        },
        grassroots: (i: number) =>
          listItems(voice, grassrootsActors[i % grassrootsActors.length]!, firstPage),
        commune: (i: number) => listItems(voice, communeActors[i % communeActors.length]!, firstPage),
      },
      { iterations: inboxRequests, warmup: WARMUP },
    );
    const pk = latencyFigures(
      report,
      'sql.pk',
      'raw PK query `select * from voice_items where id = $1`, in process',
      inbox.pk,
      undefined,
      `${inbox.pk.samples} serial queries, interleaved with the inbox calls`,
    );
    const inboxLimit = engine === 'postgres' ? INBOX_P95_MS : undefined;
    const inboxCases: [keyof typeof inbox, string, string][] = [
      ['province', 'listItems: a provincial federation officer’s inbox, first page', 'random provinces'],
      [
        'cursor',
        'listItems: the same, the second page (cursor)',
        `random provinces with a second page (${withCursor.length})`,
      ],
      [
        'grassroots',
        'listItems: a grassroots officer’s inbox, first page',
        '200 grassroots unions drawn by members',
      ],
      ['commune', 'listItems: a commune or industrial-zone officer’s inbox', '200 commune and zone unions'],
    ];
    const inboxFigures: Record<string, { p50: Figure; p95: Figure }> = {};
    for (const [key, label, who] of inboxCases) {
      inboxFigures[key] = latencyFigures(
        report,
        `inbox.${key}`,
        label,
        inbox[key],
        pk,
        `${inbox[key].samples} serial calls, ${who}`,
        inboxLimit,
      );
    }
    const inboxVerdict = (s: LatencySummary) => (s.p95Ms <= INBOX_P95_MS ? 'met' : 'MISSED');
    report.fact(
      'Inbox target',
      `p95 ≤ ${INBOX_P95_MS} ms on PostgreSQL (${engine === 'postgres' ? 'this run' : 'not this engine: shown for comparison'}): ` +
        `province first page ${inbox.province.p95Ms.toFixed(1)} ms ${inboxVerdict(inbox.province)}, ` +
        `cursor page ${inbox.cursor.p95Ms.toFixed(1)} ms ${inboxVerdict(inbox.cursor)}, ` +
        `grassroots ${inbox.grassroots.p95Ms.toFixed(1)} ms ${inboxVerdict(inbox.grassroots)}, ` +
        `commune ${inbox.commune.p95Ms.toFixed(1)} ms ${inboxVerdict(inbox.commune)}; load ${loadBeforeInbox} before`,
    );
    const largestActor = provinceActors[provinces.indexOf(largest)]!;
    const inboxQueries = await captureQueries(database, (captureDb) =>
      listItems({ ...voice, db: captureDb }, largestActor, firstPage),
    );
    report.attach(
      `inbox of ${largest.name}, first page: statement by statement (median of 5)`,
      renderTimings(await timeQueries(session, inboxQueries.queries, 5)),
    );
    report.attach(
      `inbox of ${largest.name}, first page (EXPLAIN ANALYZE)`,
      await explainQueries(session, inboxQueries.queries),
    );

    // ——— Analytics: the Confederation's twelve months, a province's, a commune's ———
    const commune = communes.find((unit) => unit.path.startsWith(largest.path))!;
    const communeActor = await actorAt(session, commune, 'upper_union_officer', 3_000);
    log(`timing ${analyticsRequests} analytics calls per unit, interleaved with a PK lookup…`);
    const loadBeforeAnalytics = loadAverage();
    const analytics = await timeSerially(
      {
        pk: pkQuery,
        root: () => voiceAnalytics(voice, rootActor, root!.id, {}),
        province: () => voiceAnalytics(voice, largestActor, largest.id, {}),
        commune: () => voiceAnalytics(voice, communeActor, commune.id, {}),
      },
      { iterations: analyticsRequests, warmup: WARMUP },
    );
    const analyticsPk = latencyFigures(
      report,
      'analytics.pk',
      'raw PK query, between the analytics calls',
      analytics.pk,
      undefined,
      `${analytics.pk.samples} serial queries`,
    );
    for (const [key, label, limit] of [
      ['root', `voiceAnalytics: the Confederation, 12 months`, ANALYTICS_P95_MS],
      ['province', `voiceAnalytics: ${largest.name}, 12 months`, undefined],
      ['commune', `voiceAnalytics: ${commune.name} (${largest.name}), 12 months`, undefined],
    ] as const) {
      latencyFigures(
        report,
        `analytics.${key}`,
        label,
        analytics[key],
        analyticsPk,
        `${analytics[key].samples} serial calls`,
        limit,
      );
    }
    const rootCall = await captureQueries(database, (captureDb) =>
      voiceAnalytics({ ...voice, db: captureDb }, rootActor, root!.id, {}),
    );
    const rootParts = await timeQueries(session, rootCall.queries, 5);
    const slowest = [...rootParts].sort((a, b) => b.p50Ms - a.p50Ms)[0]!;
    report.fact(
      'Analytics target',
      `the Confederation's 12 months p95 ≤ ${ANALYTICS_P95_MS} ms: ${analytics.root.p95Ms <= ANALYTICS_P95_MS ? 'met' : 'MISSED'} ` +
        `(${analytics.root.p95Ms.toFixed(1)} ms; ${rootCall.queries.length} statements, the slowest ` +
        `${slowest.p50Ms.toFixed(1)} ms: ${slowest.label}); load ${loadBeforeAnalytics} before`,
    );
    report.attach('Confederation analytics: statement by statement (median of 5)', renderTimings(rootParts));
    report.attach(
      'Confederation analytics (EXPLAIN ANALYZE)',
      await explainQueries(session, rootCall.queries),
    );
    const provinceCall = await captureQueries(database, (captureDb) =>
      voiceAnalytics({ ...voice, db: captureDb }, largestActor, largest.id, {}),
    );
    report.attach(
      `${largest.name} analytics: statement by statement (median of 5)`,
      renderTimings(await timeQueries(session, provinceCall.queries, 5)),
    );
    report.attach(
      `${largest.name} analytics (EXPLAIN ANALYZE)`,
      await explainQueries(session, provinceCall.queries),
    );
    const communeCall = await captureQueries(database, (captureDb) =>
      voiceAnalytics({ ...voice, db: captureDb }, communeActor, commune.id, {}),
    );
    report.attach(
      `${commune.name} analytics: statement by statement (median of 5)`,
      renderTimings(await timeQueries(session, communeCall.queries, 5)),
    );
    report.attach(
      `${commune.name} analytics (EXPLAIN ANALYZE)`,
      await explainQueries(session, communeCall.queries),
    );

    // ——— The classifier: speed, and accuracy by 5-fold cross-validation ———
    const examples = labelledSet();
    const texts = Array.from({ length: CLASSIFY_PASS }, (_, i) => examples[i % examples.length]!.text);
    log(`classifier: ${CLASSIFY_PASSES} passes of ${int(CLASSIFY_PASS)} texts, and 5-fold cross-validation…`);
    const rates = { fold: [] as number[], classify: [] as number[] };
    for (let pass = 0; pass <= CLASSIFY_PASSES; pass++) {
      let started = performance.now();
      for (const text of texts) foldVietnamese(text);
      const foldSeconds = (performance.now() - started) / 1000;
      started = performance.now();
      for (const text of texts) classifier.classify(text);
      const classifySeconds = (performance.now() - started) / 1000;
      // The first pass warms the JIT up.
      if (pass === 0) continue;
      rates.fold.push(CLASSIFY_PASS / foldSeconds);
      rates.classify.push(CLASSIFY_PASS / classifySeconds);
    }
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const foldFigure = report.add({
      key: 'classify.fold',
      label: 'baseline: foldVietnamese of the same texts (reading each text once)',
      value: mean(rates.fold),
      unit: 'texts/s',
      better: 'higher',
      note: `per pass ${rates.fold.map((r) => int(r)).join('/')}`,
    });
    report.add({
      key: 'classify.speed',
      label: 'defaultCategoryClassifier().classify over the labelled texts, one thread',
      value: mean(rates.classify),
      unit: 'texts/s',
      better: 'higher',
      baseline: foldFigure,
      limit: CLASSIFY_PER_SECOND,
      note: `${CLASSIFY_PASSES} passes of ${int(CLASSIFY_PASS)}; per pass ${rates.classify.map((r) => int(r)).join('/')}`,
    });
    const validation = await timed(async () => crossValidate(examples));
    const cv = validation.result;
    const counts = new Map<VoiceCategory, number>();
    for (const example of examples) counts.set(example.category, (counts.get(example.category) ?? 0) + 1);
    const majority = Math.max(...counts.values()) / examples.length;
    const majorityFigure = report.add({
      key: 'classify.majority',
      label: 'baseline: always the largest category of the labelled set',
      value: majority * 100,
      unit: '%',
      better: 'higher',
      note: `${examples.length} labelled texts in ${counts.size} categories`,
    });
    report.add({
      key: 'classify.accuracy',
      label: 'accuracy, 5-fold cross-validated (crossValidate, stratified, seed 1)',
      value: cv.accuracy * 100,
      unit: '%',
      better: 'higher',
      baseline: majorityFigure,
      note: `${validation.seconds.toFixed(1)} s for the five trainings and predictions`,
    });
    report.add({
      key: 'classify.macro_f1',
      label: 'macro-F1, the same folds',
      value: cv.macroF1 * 100,
      unit: '%',
      better: 'higher',
      note: `recall by category: ${VOICE_CATEGORIES.map((c) => `${c} ${(cv.perCategory[c].recall * 100).toFixed(0)}`).join(', ')}`,
    });
    report.fact(
      'Classifier',
      `trained on ${examples.length} labelled texts in ${training.seconds.toFixed(2)} s at the first call ` +
        `(defaultCategoryClassifier, before the app starts); accuracy ${pct(cv.accuracy)}, macro-F1 ${pct(cv.macroF1)} ` +
        `(5-fold); classify ${int(mean(rates.classify))} texts/s (target ≥ ${int(CLASSIFY_PER_SECOND)}: ` +
        `${mean(rates.classify) >= CLASSIFY_PER_SECOND ? 'met' : 'MISSED'})`,
    );
    const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
    report.attach(
      'classifier: per category, 5-fold cross-validation',
      [
        'category           support  precision  recall     F1',
        ...VOICE_CATEGORIES.map((c) => {
          const row = cv.perCategory[c];
          return `${c.padEnd(18)} ${String(row.support).padStart(7)}  ${(row.precision * 100).toFixed(1).padStart(9)}  ${(row.recall * 100).toFixed(1).padStart(6)}  ${(f1(row.precision, row.recall) * 100).toFixed(1).padStart(5)}`;
        }),
        `accuracy ${pct(cv.accuracy)}, macro-F1 ${pct(cv.macroF1)}`,
      ].join('\n'),
    );

    // ——— Intake in process: one member at a time, the service alone, beside a PK lookup ———
    const memberActors: Actor[] = pick(authors, 50).map((someone, k) => ({
      accountId: someone.accountId,
      fullName: `Bench member ${k}`,
      sessionId: -1,
      ip: '127.0.0.1',
      grants: [],
      totpSetupRequired: false,
    }));
    const submitBodies = Array.from({ length: 60 + WARMUP }, () => intakeBody(random, examples));
    log('timing submitItem in process, interleaved with a PK lookup…');
    const serialSubmit = await timeSerially(
      {
        pk: pkQuery,
        submit: (i: number) =>
          submitItem(
            { ...voice, now: () => new Date() },
            memberActors[i % memberActors.length]!,
            submitBodies[i]!,
          ),
      },
      { iterations: 60, warmup: WARMUP },
    );
    const submitPk = latencyFigures(
      report,
      'submit.pk',
      'raw PK query, between the submissions',
      serialSubmit.pk,
      undefined,
      `${serialSubmit.pk.samples} serial queries`,
    );
    latencyFigures(
      report,
      'submit.service',
      'submitItem in process (a member raising an item), serially',
      serialSubmit.submit,
      submitPk,
      `${serialSubmit.submit.samples} serial calls by 50 members: classify, route, deadline, insert + triggers, notices, early warning`,
    );
    // One member's item replayed statement by statement (rolled back): where intake's time goes.
    const submitted = await captureQueries(database, (captureDb) =>
      submitItem(
        { ...voice, db: captureDb, now: () => new Date() },
        memberActors[0]!,
        intakeBody(random, examples),
      ),
    );
    // The item the call wrote is removed first (in the same rolled-back transaction): its insert replays.
    const itemId = Number(submitted.result.id);
    const replay = await explainReplay(session, submitted.queries, [
      `delete from voice_item_events where item_id = ${itemId}`,
      `delete from voice_items where id = ${itemId}`,
    ]);
    report.attach(
      'submitItem: statement by statement (EXPLAIN ANALYZE, rolled back)',
      renderCosts(replay.costs),
    );
    report.attach('submitItem (EXPLAIN ANALYZE, rolled back)', replay.plans);

    // ——— The escalation sweep: the overdue items after an outage of a few days ———
    if (escalate > 0) {
      // Deadlines fall at the end of working days, many items at once: the sweep's clock is set just after
      // the deadline at which the number of overdue items comes closest to --escalate.
      const [closest] = await session.query<{ due: string }>(
        `select due::text as due from (
           select due_at as due, sum(count(*)) over (order by due_at) as overdue from voice_items
           where status in ('received', 'in_progress') and handling_province_id is not null
           group by due_at
         ) d order by abs(overdue - $1), due limit 1`,
        [escalate],
      );
      const sweepAt = new Date(new Date(closest!.due).getTime() + 1);
      const overdue = `status in ('received', 'in_progress') and handling_province_id is not null and due_at < $1`;
      const [ready] = await session.query<{ n: number }>(
        `select count(*)::int as n from voice_items where ${overdue}`,
        [sweepAt.toISOString()],
      );
      const n = Number(ready!.n);
      log(`escalation sweep: ${int(n)} items overdue at ${sweepAt.toISOString()}…`);
      const touched = await timed(() =>
        session.query(`update voice_items set updated_at = updated_at where ${overdue}`, [
          sweepAt.toISOString(),
        ]),
      );
      const floor = report.add({
        key: 'escalation.update',
        label: `baseline: one UPDATE of the same ${int(n)} rows (their update trigger included)`,
        value: n / touched.seconds,
        unit: 'items/s',
        better: 'higher',
        note: `${touched.seconds.toFixed(2)} s; set-based, nothing computed`,
      });
      const [notesBefore] = await session.query<{ n: number }>(
        `select count(*)::int as n from notifications`,
      );
      const swept = await timed(() => escalateOverdueItems(db, sweepAt));
      const [notesAfter] = await session.query<{ n: number }>(`select count(*)::int as n from notifications`);
      const [left] = await session.query<{ n: number }>(
        `select count(*)::int as n from voice_items where ${overdue}`,
        [sweepAt.toISOString()],
      );
      report.add({
        key: 'escalation.sweep',
        label: `escalateOverdueItems: ${int(swept.result)} overdue items moved up`,
        value: swept.result / swept.seconds,
        unit: 'items/s',
        better: 'higher',
        baseline: floor,
        note:
          `${swept.seconds.toFixed(1)} s, 200 a transaction: deadline, move, history step, notices ` +
          `(${int(Number(notesAfter!.n) - Number(notesBefore!.n))} written); ${int(Number(left!.n))} left overdue`,
      });
      report.fact(
        'Escalation',
        `the sweep's clock set to ${sweepAt.toISOString()}, when ${int(n)} open items were past their deadline ` +
          `(as after an outage): ${int(swept.result)} moved in ${swept.seconds.toFixed(1)} s`,
      );
    }

    // ——— Intake over HTTP: members raising items, against the bare route (last: it may fail) ———
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      loginRateLimitPerMinute: 1_000_000,
      voiceSubmitRateLimitPerHour: 1_000_000_000,
      webDistDir: '/nonexistent',
    };
    const app = await buildApp({ database, config, logger: false });
    // The app logs nothing here: why requests failed is counted for the report.
    const serverErrors = new Map<string, number>();
    app.addHook('onError', async (_request, _reply, error) => {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.message
        ? `${cause.code ?? ''} ${cause.message}`.trim()
        : error.message.slice(0, 200);
      serverErrors.set(reason, (serverErrors.get(reason) ?? 0) + 1);
    });
    const appOrigin = await listenEphemeral(app, 'the app', cleanup);
    const bareOrigin = await listenEphemeral(buildBareFastify(), 'bare Fastify', cleanup);
    log(`signing in ${intakeMembers} members…`);
    const signedIn = await timed(() => signIn(appOrigin, pick(authors, intakeMembers), memberPassword));
    const tokens = signedIn.result;
    const requests: LoadRequest[] = Array.from({ length: 4_000 }, (_, i) => ({
      path: '/api/v1/concerns',
      headers: { authorization: `Bearer ${tokens[i % tokens.length]!}` },
      body: JSON.stringify(intakeBody(random, examples)),
    }));
    const [before] = await session.query<{ n: number }>(`select count(*)::int as n from voice_items`);
    log(`  POST /concerns vs the bare route (${options.connections} connections)…`);
    const loadBeforeHttp = loadAverage();
    const specs: LoadSpec[] = [
      {
        title: 'bare Fastify GET /hello',
        origin: bareOrigin,
        method: 'GET',
        requests: [{ path: '/hello' }],
        connections: options.connections,
        durationSeconds: options.durationSeconds / options.rounds,
      },
      {
        title: 'POST /concerns',
        origin: appOrigin,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests,
        connections: options.connections,
        durationSeconds: options.durationSeconds / options.rounds,
      },
    ];
    // Alternating rounds as measureInterleaved runs them, but a failed request is counted, not thrown:
    // the figures before this one are kept, and the run fails after the table.
    const rounds: LoadResult[][] = [[], []];
    for (let round = 0; round < options.rounds; round++) {
      for (const [i, spec] of specs.entries()) {
        if (round === 0 && options.warmupSeconds > 0)
          await load.run({
            ...spec,
            title: `${spec.title} (warm-up)`,
            durationSeconds: options.warmupSeconds,
          });
        rounds[i]!.push(await load.run(spec));
      }
    }
    const [after] = await session.query<{ n: number; alerts: number }>(
      `select count(*)::int as n, (select count(*)::int from voice_alerts) as alerts from voice_items`,
    );
    const answered = (results: LoadResult[]) => {
      const completed = results.reduce((n, r) => n + r.completed, 0);
      const failed = results.reduce((n, r) => n + r.non2xx + r.errors, 0);
      const seconds = results.reduce((n, r) => n + r.durationSeconds, 0);
      return {
        completed,
        failed,
        ok: completed - failed,
        seconds,
        perSecond: (completed - failed) / seconds,
      };
    };
    const bareRun = answered(rounds[0]!);
    const intakeRun = answered(rounds[1]!);
    const series = (title: string, results: LoadResult[]): LoadSeries => ({
      title,
      requestsPerSecond: answered(results).perSecond,
      completed: answered(results).completed,
      durationSeconds: answered(results).seconds,
      rounds: results,
    });
    const bare = report.add({
      key: 'http.bare',
      label: `bare Fastify GET /hello, ${options.connections} connections`,
      value: bareRun.perSecond,
      unit: 'req/s',
      better: 'higher',
      note: latencyNote(series('bare', rounds[0]!)),
      details: rounds[0],
    });
    const failures = [...serverErrors].map(([reason, n]) => `${int(n)} × ${reason}`).join('; ');
    report.add({
      key: 'http.concerns',
      label: `POST /concerns by ${tokens.length} signed-in members, ${options.connections} connections (201s)`,
      value: intakeRun.perSecond,
      unit: 'req/s',
      better: 'higher',
      baseline: bare,
      note:
        `${latencyNote(series('intake', rounds[1]!))}; classification, routing, deadline, notices, early warning` +
        (intakeRun.failed > 0 ? `; ${int(intakeRun.failed)} of ${int(intakeRun.completed)} FAILED` : ''),
      details: rounds[1],
    });
    report.fact(
      'Intake',
      `${int(Number(after!.n) - Number(before!.n))} items raised over HTTP (warm-ups included), ` +
        `${int(Number(after!.alerts))} early-warning alerts in all; ${tokens.length} members signed in ` +
        `in ${signedIn.seconds.toFixed(1)} s; load ${loadBeforeHttp} before, ${loadAverage()} after` +
        (failures ? `; server errors (warm-ups included): ${failures}` : ''),
    );
    const intakeFailed =
      intakeRun.failed > 0
        ? `POST /concerns: ${intakeRun.failed} of ${intakeRun.completed} responses not 201 (${failures})`
        : '';

    report.fact('Peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (this process)`);
    report.fact('Machine load at the end', `${loadAverage()} (1/5/15-min load averages)`);
    // As the harness does for any figure: a failed request fails the run, after the table is printed.
    if (intakeFailed) throw new Error(intakeFailed);
  },
};

/** Members sign in through the app, a few at a time (argon2 is slow on purpose). */
async function signIn(origin: string, people: readonly Author[], password: string): Promise<string[]> {
  const unique = [...new Map(people.map((p) => [p.memberId, p])).values()];
  const tokens: string[] = new Array<string>(unique.length);
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const i = next++;
      const login = await fetchJson<LoginResponse>(`${origin}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: unique[i]!.phone, password }),
      });
      tokens[i] = login.token;
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return tokens;
}

/** What a member's phone sends: a labelled text, a title from its first words, mostly concerns. */
function intakeBody(random: Random, examples: readonly LabelledExample[]): SubmitVoiceBody {
  const example = random.pick(examples);
  const roll = random.next();
  const kind = roll < 0.75 ? 'concern' : roll < 0.9 ? 'proposal' : 'complaint';
  const words = example.text.split(/\s+/);
  return {
    kind,
    title: words.slice(0, Math.min(words.length, 10)).join(' ').slice(0, 200),
    body: example.text,
    ...(kind !== 'proposal' && random.chance(0.12) ? { anonymous: true } : {}),
    ...(kind === 'proposal' && random.chance(0.15) ? { scope: 'province' as const } : {}),
  };
}
