import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import type { JSONWebKeySet } from 'jose';
import type { LoginResponse } from '@union/contracts/auth';
import type { VerifyCardResponse } from '@union/contracts/cards';
import { buildApp } from '../../apps/server/src/app.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { unsafeAssignOffice, unsafeCreateAccount } from '../../apps/server/src/modules/accounts/index.js';
import { openBulkSession } from '../../scripts/national/bulk.js';
import { PGLITE_MEMBER_CAP } from '../../scripts/national/seed.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { LoadResult, LoadSpec } from '../harness/load-spec.js';
import { formatNumber } from '../harness/report.js';
import { summarise, type LatencySummary } from '../harness/serial-timing.js';
import { buildBareFastify, fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, UsageError, type Suite, type SuiteContext } from '../harness/suite.js';
import { issueThroughJob, timeRawCopy, timeSigning } from './bulk-issue.js';
import { timeOffline } from './offline.js';
import { makePhoneCards, presentAll } from './phone-cards.js';
import { loadProvince } from './province.js';

/** The issue's bounds. */
const OFFLINE_TARGET_PER_SECOND = 10_000;
const VERIFY_TARGET = 0.5;
/** Default province size on each engine: PGlite's ceiling is the whole national seed's. */
const DEFAULT_MEMBERS = { postgres: 1_000_000, pglite: 100_000 } as const;
/**
 * A proof made in window w is accepted until the end of window w + 2 (PROOF_WINDOWS_BEHIND): 60–90 s.
 * Fresh proofs are made before every measured slice of the verify load, and no slice with its warm-up
 * may run longer than this.
 */
const MAX_SLICE_SECONDS = 40;
const MAX_VERIFY_WARMUP_SECONDS = 10;
const VERIFY_PATH = '/api/v1/cards/verify';
/** Signatures timed alone, for the bulk issue's signing floor. */
const SIGNING_SAMPLE = 20_000;
/** Single-member edits timed with and without the cards trigger on members. */
const MEMBER_EDITS = 10;

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join('/');
const wholeMs = (value: number) => (value < 1 ? '<1' : Math.round(value).toLocaleString('en-US'));
const latencyNote = (rounds: LoadResult[]) => {
  const per = (pick: (r: LoadResult) => number) => rounds.map((r) => wholeMs(pick(r))).join('/');
  return `p50 ${per((r) => r.latencyMs.p50)} ms · p99 ${per((r) => r.latencyMs.p99)} ms`;
};
const perSecond = (rounds: LoadResult[]) =>
  rounds.reduce((n, r) => n + r.completed, 0) / rounds.reduce((s, r) => s + r.durationSeconds, 0);

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export const cardsSuite: Suite = {
  name: 'cards',
  description:
    'Union cards: offline verification of phone cards (library vs raw Ed25519), the verify endpoint under 50 clients vs bare Fastify, bulk issue of a province vs raw COPY, the status list.',
  options: {
    members: {
      type: 'string',
      description: `members of the province whose cards are issued (default ${DEFAULT_MEMBERS.postgres} on PostgreSQL, ${DEFAULT_MEMBERS.pglite} on PGlite; at most ${PGLITE_MEMBER_CAP} there)`,
    },
    'members-seed': { type: 'string', default: '1', description: 'seed of the data generator' },
    presentations: {
      type: 'string',
      default: '2000',
      description: 'phone cards made through the app (distinct members, each with its own P-256 key)',
    },
    'verify-passes': {
      type: 'string',
      default: '5',
      description: 'timed passes over the presentations per offline case (after one unmeasured)',
    },
    'verify-connections': {
      type: 'string',
      default: '50',
      description: 'concurrent clients on the verify endpoint and on the bare route',
    },
    'pglite-dir': {
      type: 'string',
      description: 'PGlite data directory (default: a new one in the system temp folder, removed at the end)',
    },
  },

  async run(context: SuiteContext) {
    const { options, report, cleanup, log, load } = context;
    const engine = options.databaseUrl ? 'postgres' : 'pglite';
    const members =
      options.values.members === undefined
        ? DEFAULT_MEMBERS[engine]
        : numberOption(options, 'members', { min: 5_000, max: 30_000_000, integer: true });
    const seed = numberOption(options, 'members-seed', { min: 0, max: 2 ** 31 - 1, integer: true });
    const count = numberOption(options, 'presentations', { min: 10, max: 100_000, integer: true });
    const passes = numberOption(options, 'verify-passes', { min: 1, max: 1_000, integer: true });
    const connections = numberOption(options, 'verify-connections', { min: 1, max: 10_000, integer: true });
    if (engine === 'pglite' && members > PGLITE_MEMBER_CAP)
      throw new UsageError(
        `--members ${members} on PGlite: its cap is ${PGLITE_MEMBER_CAP}; give --database-url for more`,
      );
    if (count > members / 2)
      throw new UsageError(`--presentations ${count} needs --members of at least ${count * 2}`);
    const pgliteDir =
      engine === 'pglite'
        ? ((options.values['pglite-dir'] as string | undefined) ??
          path.join(os.tmpdir(), `cds-bench-cards-${process.pid}`))
        : undefined;

    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact(
      'CPUs',
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );
    log('opening the database (migrations, first start)…');
    const bench = await openBenchDatabase('cards', options.databaseUrl, cleanup, {
      ...(pgliteDir ? { pgliteDataDir: path.resolve(pgliteDir) } : {}),
    });
    const { database } = bench;
    const db = database.db;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);
    const session = await openBulkSession(database);
    cleanup.defer('bulk session', () => session.release());

    // ——— Data: one province, national-shaped ———
    const province = await loadProvince(session, engine, members, seed, log);
    const { stats } = province;
    const indexSeconds = [...stats.indexes, ...stats.constraints].reduce((s, t) => s + t.seconds, 0);
    report.fact(
      'Province',
      `${province.name}: ${int(province.members)} active members in ${int(province.homes)} grassroots unions ` +
        `and branches (the country's tree around it: ${int(province.countryUnits)} units, the other provinces empty)`,
    );
    report.fact(
      'Load',
      `tree ${province.treeSeconds.toFixed(1)} s; members COPY ${stats.copySeconds.toFixed(1)} s; events ` +
        `${stats.eventsSeconds.toFixed(1)} s; indexes and keys ${indexSeconds.toFixed(1)} s; VACUUM ANALYZE ` +
        `${stats.vacuumSeconds.toFixed(1)} s (statistics triggers off during the load)`,
    );

    // ——— The app and the bare route ———
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      loginRateLimitPerMinute: 1_000_000,
      cardVerifyRateLimitPerMinute: 1_000_000_000,
      webDistDir: '/nonexistent',
    };
    const app = await buildApp({ database, config, logger: false });
    // Every answer of the verify route is read: a fast `valid:false` is not a verification.
    const answers = { valid: 0, invalid: 0, reasons: new Map<string, number>() };
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.routeOptions.url === VERIFY_PATH && typeof payload === 'string') {
        if (payload.includes('"valid":true')) answers.valid++;
        else {
          answers.invalid++;
          const reason = /"reason":"([a-z_]+)"/.exec(payload)?.[1] ?? 'unreadable';
          answers.reasons.set(reason, (answers.reasons.get(reason) ?? 0) + 1);
        }
      }
      return payload;
    });
    const appOrigin = await listenEphemeral(app, 'the app', cleanup);
    const bareOrigin = await listenEphemeral(buildBareFastify(), 'bare Fastify', cleanup);

    // ——— Phone cards through the app ———
    log(`making ${int(count)} phone cards: accounts, sign-in, POST /me/card/device…`);
    const made = await timed(() => makePhoneCards(db, session, appOrigin, province.id, count, log));
    const phoneCards = made.result.cards;
    report.fact(
      'Phone cards',
      `${int(count)} distinct members of ${province.name}, each with its own P-256 key, bound through ` +
        `POST /me/card/device after POST /auth/login, in ${made.seconds.toFixed(1)} s; per card ${made.result.perCard}`,
    );

    // ——— 1. Offline verification, one thread ———
    const jwks = await fetchJson<JSONWebKeySet>(`${appOrigin}/.well-known/jwks.json`);
    const statusResponse = await fetch(`${appOrigin}/api/v1/cards/status-list`);
    const statusListJwt = await statusResponse.text();
    if (!statusResponse.ok) throw new Error(`status list: ${statusResponse.status}`);
    const madeAt = Date.now();
    const offlinePresentations = await presentAll(phoneCards, madeAt);
    const loadBeforeOffline = loadAverage();
    log(`offline verification: ${passes} passes over ${int(count)} presentations per case, one thread…`);
    const offline = await timeOffline(offlinePresentations, jwks, statusListJwt, madeAt, { passes });
    const passNote = (name: keyof typeof offline) =>
      `per pass ${offline[name].passes.map((v) => formatNumber(v)).join('/')}`;
    const ed25519 = report.add({
      key: 'offline.raw_ed25519',
      label: 'raw node:crypto verify of the platform Ed25519 signature, one thread',
      value: offline.ed25519.perSecond,
      unit: 'checks/s',
      better: 'higher',
      note: `${int(offline.ed25519.checks)} checks, pieces decoded beforehand; ${passNote('ed25519')}`,
      details: offline.ed25519,
    });
    report.add({
      key: 'offline.raw_both',
      label: 'raw node:crypto Ed25519 + P-256 proof (device key imported per card), one thread',
      value: offline.both.perSecond,
      unit: 'checks/s',
      better: 'higher',
      baseline: ed25519,
      note: `the two signatures a phone card needs, nothing else; ${passNote('both')}`,
      details: offline.both,
    });
    const nodeFigure = report.add({
      key: 'offline.library_node',
      label: 'verifyPresentation with nodeSignatureVerifier, one thread',
      value: offline.node.perSecond,
      unit: 'checks/s',
      better: 'higher',
      baseline: ed25519,
      limit: OFFLINE_TARGET_PER_SECOND,
      note: `published keys + status list, distinct members; ${passNote('node')}`,
      details: offline.node,
    });
    report.add({
      key: 'offline.library_webcrypto',
      label: 'verifyPresentation with webCryptoVerifier, serially',
      value: offline.webcrypto.perSecond,
      unit: 'checks/s',
      better: 'higher',
      baseline: ed25519,
      note: `what a browser runs (Node's WebCrypto: each check a job on the thread pool); ${passNote('webcrypto')}`,
      details: offline.webcrypto,
    });
    report.add({
      key: 'offline.library_parsing',
      label: 'verifyPresentation with a verifier accepting every signature (the library without crypto)',
      value: offline.parsing.perSecond,
      unit: 'checks/s',
      better: 'higher',
      baseline: ed25519,
      note: `splitting, base64url, JSON, the claims' zod schema, windows, status bit; ${passNote('parsing')}`,
      details: offline.parsing,
    });
    report.add({
      key: 'offline.p256_import',
      label: "createPublicKey of the phone's P-256 JWK alone (node:crypto)",
      value: offline.p256import.perSecond,
      unit: 'checks/s',
      better: 'higher',
      baseline: ed25519,
      note: `done for every presentation: every member's key is different; ${passNote('p256import')}`,
      details: offline.p256import,
    });
    // What the device proof alone costs, from the two raw figures: 1/both − 1/ed25519 seconds per card.
    const p256PerSecond = 1 / (1 / offline.both.perSecond - 1 / offline.ed25519.perSecond);
    report.fact(
      'Offline target',
      `${int(OFFLINE_TARGET_PER_SECOND)} presentations/s on one core: ${nodeFigure.limit!.met ? 'MET' : 'MISSED'} ` +
        `(${int(offline.node.perSecond)}/s with nodeSignatureVerifier). On this machine one Ed25519 verify alone ` +
        `runs ${int(offline.ed25519.perSecond)}/s and one P-256 verify with its key import ≈ ${int(p256PerSecond)}/s, ` +
        `so the two signatures of a phone card alone cap it at ${int(offline.both.perSecond)}/s (the library runs at ` +
        `${(offline.node.perSecond / offline.both.perSecond).toFixed(2)} of that). Load ${loadBeforeOffline} before.`,
    );

    // ——— 2. The verify endpoint under load, against the bare route ———
    const check = await presentAll(phoneCards.slice(0, 5));
    for (const presentation of check) {
      const answer = await fetchJson<VerifyCardResponse>(`${appOrigin}${VERIFY_PATH}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ presentation }),
      });
      if (!answer.valid)
        throw new Error(`verify endpoint: a fresh presentation answered ${JSON.stringify(answer)}`);
    }
    const rounds = Math.max(options.rounds, Math.ceil(options.durationSeconds / MAX_SLICE_SECONDS));
    const slice = options.durationSeconds / rounds;
    const verifyWarmup = Math.min(options.warmupSeconds, MAX_VERIFY_WARMUP_SECONDS);
    log(
      `verify endpoint vs bare route: ${connections} connections, ${rounds} rounds of ${slice.toFixed(1)} s, ` +
        `fresh proofs each round…`,
    );
    const bareRounds: LoadResult[] = [];
    const verifyRounds: LoadResult[] = [];
    const loadBeforeHttp = loadAverage();
    answers.valid = 0;
    answers.invalid = 0;
    answers.reasons.clear();
    for (let round = 0; round < rounds; round++) {
      const bareSpec: LoadSpec = {
        title: 'bare Fastify GET /hello',
        origin: bareOrigin,
        method: 'GET',
        requests: [{ path: '/hello' }],
        connections,
        durationSeconds: slice,
      };
      const [bare] = await load.measureInterleaved([bareSpec], {
        rounds: 1,
        warmupSeconds: round === 0 ? options.warmupSeconds : 0,
      });
      bareRounds.push(bare!.rounds[0]!);
      // Each phone shows a proof over the current window, made just before the slice.
      const presentations = await presentAll(phoneCards);
      const verifySpec: LoadSpec = {
        title: 'POST /cards/verify',
        origin: appOrigin,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: presentations.map((presentation) => ({
          path: VERIFY_PATH,
          body: JSON.stringify({ presentation }),
        })),
        connections,
        durationSeconds: slice,
      };
      const [verified] = await load.measureInterleaved([verifySpec], {
        rounds: 1,
        warmupSeconds: round === 0 ? verifyWarmup : 0,
      });
      verifyRounds.push(verified!.rounds[0]!);
    }
    if (answers.invalid > 0) {
      throw new Error(
        `verify endpoint: ${answers.invalid} of ${answers.valid + answers.invalid} answers were valid:false ` +
          `(${[...answers.reasons].map(([r, n]) => `${r} ${n}`).join(', ')})`,
      );
    }
    const bareFigure = report.add({
      key: 'http.bare',
      label: `bare Fastify GET /hello, ${connections} connections`,
      value: perSecond(bareRounds),
      unit: 'req/s',
      better: 'higher',
      note: latencyNote(bareRounds),
      details: bareRounds,
    });
    report.add({
      key: 'http.verify',
      label: `POST /cards/verify, phone cards of distinct members, ${connections} connections`,
      value: perSecond(verifyRounds),
      unit: 'req/s',
      better: 'higher',
      baseline: bareFigure,
      targetRatio: VERIFY_TARGET,
      note:
        `${latencyNote(verifyRounds)}; every answer valid:true (${int(answers.valid)} counted by an onSend hook, ` +
        `warm-up included); ${int(count)} presentations drawn at random`,
      details: verifyRounds,
    });
    report.fact(
      'Verify load',
      `${rounds} rounds of ${slice.toFixed(1)} s each, bare then verify; load ${loadBeforeHttp} before, ${loadAverage()} after. ` +
        `The server answers on one event loop, which verifyPresentation alone caps at ${int(offline.node.perSecond)}/s (#${nodeFigure.number}): ` +
        `the endpoint ran at ${(perSecond(verifyRounds) / offline.node.perSecond).toFixed(2)} of that, ` +
        `with the card and the holder read from the database (three queries) around it`,
    );

    // ——— 3. Bulk issue for the province ———
    const [active] = await session.query<{ n: number }>(
      `select count(*)::int as n from members where province_id = $1 and status = 'active'`,
      [province.id],
    );
    const holders = Number(active!.n);
    log(`signing alone: ${int(SIGNING_SAMPLE)} printed-card credentials…`);
    const signing = await timeSigning(SIGNING_SAMPLE);
    log(`raw COPY baseline: ${int(holders)} card rows into a scratch table like cards…`);
    const copy = await timeRawCopy(session, engine, holders, signing.credentialLength);
    const copyFigure = report.add({
      key: 'issue.raw_copy',
      label: `baseline: raw COPY of ${int(holders)} card-shaped rows into a table LIKE cards (its indexes)`,
      value: copy.perSecond,
      unit: 'cards/s',
      better: 'higher',
      note: `${copy.seconds.toFixed(1)} s; credential ${signing.credentialLength} characters, no signing, no triggers`,
    });
    report.add({
      key: 'issue.signing',
      label: 'Ed25519 signing alone: jose CompactSign of printed-card claims, 2,000 at a time',
      value: signing.perSecond,
      unit: 'cards/s',
      better: 'higher',
      baseline: copyFigure,
      note: `${int(SIGNING_SAMPLE)} signatures, in process, a fresh key`,
    });

    const password = `bench-${randomBytes(9).toString('base64url')}-Aa1!`;
    const username = `bench.cards.${process.pid.toString(36)}${Date.now().toString(36)}`;
    const officerId = await unsafeCreateAccount(db, { username, fullName: 'Cán bộ Thử tải', password });
    await unsafeAssignOffice(db, {
      accountId: officerId,
      unit: { id: province.id, path: province.path },
      role: 'federation_officer',
      termStart: '2020-01-01',
    });
    const officer = await fetchJson<LoginResponse>(`${appOrigin}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: username, password }),
    });
    const loadBeforeIssue = loadAverage();
    log(`bulk issue: POST /units/${province.id}/cards/issue, ${int(holders)} active members…`);
    const issue = await issueThroughJob(appOrigin, officer.token, province.id, 250, log);
    const issued = Number(issue.result.issued);
    const [written] = await session.query<{ n: number }>(
      `select count(*)::int as n from cards where kind = 'printed' and revoked_at is null and credential is not null`,
    );
    if (issued !== holders || Number(written!.n) !== holders)
      throw new Error(
        `bulk issue: ${issued} issued, ${written!.n} printed cards with a credential, ${holders} active members`,
      );
    report.add({
      key: 'issue.job',
      label: `bulk issue of printed cards for ${province.name}, job end to end (POST, job runner, polling)`,
      value: issued / issue.seconds,
      unit: 'cards/s',
      better: 'higher',
      baseline: copyFigure,
      note: `${int(issued)} cards in ${issue.seconds.toFixed(1)} s (job ${issue.jobId}, ${issue.polls} polls every 250 ms); load ${loadBeforeIssue} before`,
      details: issue,
    });

    // ——— The status list after the issue: built once, then cached ———
    const getList = async () => {
      const started = performance.now();
      const response = await fetch(`${appOrigin}/api/v1/cards/status-list`).catch(
        // A keep-alive socket the server closed while idle fails at once: try again on a new one.
        () => fetch(`${appOrigin}/api/v1/cards/status-list`),
      );
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`status list: ${response.status}`);
      return { ms: performance.now() - started, bytes: body.length };
    };
    const [allCards] = await session.query<{ n: number }>(`select count(*)::int as n from cards`);
    const cardsTotal = Number(allCards!.n);
    // The W3C minimum is 16 KiB: a short list does not tell how many cards exist.
    const bitstringBytes = Math.max(16 * 1024, Math.ceil(cardsTotal / 8));
    const listFigures = (
      key: string,
      label: string,
      cold: { ms: number; bytes: number },
      warm: { ms: number },
    ) => {
      const warmFigure = report.add({
        key: `${key}.warm`,
        label: `GET /cards/status-list, cached (${label})`,
        value: warm.ms,
        unit: 'ms',
        better: 'lower',
        note: 'one request right after the first: the version query and the cached JWT',
      });
      report.add({
        key: `${key}.cold`,
        label: `GET /cards/status-list, first after the change (${label})`,
        value: cold.ms,
        unit: 'ms',
        better: 'lower',
        baseline: warmFigure,
        note: `one request: ${int(cold.bytes)} bytes (the signed JWT of a ${int(bitstringBytes)}-byte bitstring, GZIP'd)`,
      });
    };
    log('status list after the issue…');
    const cold = await getList();
    const warm = await getList();
    listFigures('status_list.issued', `${int(cardsTotal)} cards, no bit set`, cold, warm);

    // ——— What every edit of a member pays for the cards: the statement trigger on members ———
    const editIds = phoneCards.slice(0, MEMBER_EDITS).map((card) => card.memberId);
    const editMembers = async () => {
      const times: number[] = [];
      for (const id of editIds) {
        const started = performance.now();
        await session.query(`update members set phone = phone where id = $1`, [id]);
        times.push(performance.now() - started);
      }
      return summarise(times);
    };
    log(`one-member edits with and without the cards trigger (${MEMBER_EDITS} each)…`);
    await session.exec(`alter table members disable trigger cards_members_updated`);
    let withoutTrigger: LatencySummary;
    try {
      withoutTrigger = await editMembers();
    } finally {
      await session.exec(`alter table members enable trigger cards_members_updated`);
    }
    const [analyseState] = await session.query<{ last: string | null; auto: string | null }>(
      `select last_analyze::text as last, last_autoanalyze::text as auto from pg_stat_user_tables where relname = 'cards'`,
    );
    const analysedBefore = analyseState?.auto ?? analyseState?.last ?? null;
    const unanalysed = await editMembers();
    await session.exec('analyze cards');
    const analysed = await editMembers();
    const editBaseline = report.add({
      key: 'member_edit.without_cards_trigger',
      label: 'UPDATE of one member (a field cards ignore), cards_members_updated disabled, p50',
      value: withoutTrigger.p50Ms,
      unit: 'ms',
      better: 'lower',
      note: `${MEMBER_EDITS} serial statements; max ${withoutTrigger.maxMs.toFixed(1)} ms`,
      details: withoutTrigger,
    });
    report.add({
      key: 'member_edit.cards_unanalysed',
      label: 'the same with the cards trigger, cards as the bulk issue left them, p50',
      value: unanalysed.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: editBaseline,
      note:
        `max ${unanalysed.maxMs.toFixed(1)} ms; cards last analysed: ${analysedBefore ?? 'never'}` +
        (engine === 'pglite' ? ' (PGlite has no autovacuum)' : ''),
      details: unanalysed,
    });
    report.add({
      key: 'member_edit.cards_analysed',
      label: 'the same with the cards trigger, after ANALYZE cards, p50',
      value: analysed.p50Ms,
      unit: 'ms',
      better: 'lower',
      baseline: editBaseline,
      note: `max ${analysed.maxMs.toFixed(1)} ms`,
      details: analysed,
    });

    // A realistic list has set bits: every 100th member suspended, through the cards trigger on members.
    log('suspending 1 % of the members (the cards trigger sets their bits)…');
    await session.exec('begin');
    let plan: string;
    let updateSeconds: number;
    let commitSeconds: number;
    try {
      const update = await timed(() =>
        session.query<Record<string, string>>(
          `explain (analyze, buffers, costs off)
           update members set status = 'suspended' where province_id = $1 and status = 'active' and id % 100 = 0`,
          [province.id],
        ),
      );
      plan = update.result.map((row) => Object.values(row)[0]).join('\n');
      updateSeconds = update.seconds;
      // The statistics are added at commit.
      commitSeconds = (await timed(() => session.exec('commit'))).seconds;
    } catch (error) {
      await session.exec('rollback').catch(() => {});
      throw error;
    }
    report.attach('suspension of 1 % of the members (EXPLAIN ANALYZE, with its triggers)', plan);
    const [bits] = await session.query<{ n: number }>(
      `select count(*)::int as n from cards c join members m on m.id = c.member_id
       where m.province_id = $1 and m.status = 'suspended' and c.revoked_at is null`,
      [province.id],
    );
    const coldSuspended = await getList();
    const warmSuspended = await getList();
    listFigures(
      'status_list.suspended',
      `1 % of members suspended: ${int(Number(bits!.n))} bits set`,
      coldSuspended,
      warmSuspended,
    );
    report.fact(
      'Status list',
      `${int(cold.bytes)} bytes with no bit set, ${int(coldSuspended.bytes)} bytes with 1 % of members suspended ` +
        `(the UPDATE of members with its triggers ${updateSeconds.toFixed(1)} s, its commit ${commitSeconds.toFixed(1)} s)`,
    );

    report.fact('Peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (this process)`);
    report.fact('Machine load at the end', `${loadAverage()} (1/5/15-min load averages)`);
  },
};
