import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../apps/server/src/app.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { queryRows, type Db } from '../../apps/server/src/kernel/db/database.js';
import {
  AssistantContext,
  evaluate,
  knowledgeFromSeed,
  readKnowledgeSeed,
  type LabelledQuestion,
} from '../../apps/server/src/modules/assistant/index.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import type { LoadResult, LoadSeries, LoadSpec } from '../harness/load-spec.js';
import type { SuiteReport } from '../harness/report.js';
import { latencyFigures, summarise, type LatencySummary } from '../harness/serial-timing.js';
import { buildBareFastify, fetchJson, listenEphemeral } from '../harness/servers.js';
import { numberOption, type Suite, type SuiteContext } from '../harness/suite.js';
import {
  disagreement,
  failuresOf,
  mostCitedBaseline,
  qualityOf,
  renderSlices,
  valueOf,
  type Quality,
  type QuestionResult,
  type Share,
} from './quality.js';
import { scanAccuracy, WordScan } from './word-scan.js';

/**
 * The legal assistant: how well it answers the labelled questions (citations, declines, handovers, by
 * writing style and by tuned / held-out half), how fast one answer is in process, how many answers a
 * second the real server gives over HTTP, and how long its knowledge takes to load.
 */

/** The day every answer is given on: the labelled set's expectations hold on it (rates, validity). */
const EVAL_DATE = '2026-11-29';
/** 10:00 in Vietnam on that day, for the server's clock. */
const EVAL_INSTANT = Date.parse(`${EVAL_DATE}T03:00:00Z`);
/** The bounds. */
const TOP1_MIN = 90;
const DECLINE_RECALL_MIN = 95;
const REPLY_P95_MS = 50;
const ANSWERS_PER_SECOND_MIN = 500;
const LOAD_MS_MAX = 2_000;
const STYLES = ['formal', 'colloquial', 'no_diacritics', 'typos', 'english_mix', 'shorthand'] as const;

const int = (value: number) => Math.round(value).toLocaleString('en-US');
const pct = (share: Share) =>
  share.of === 0 ? '— (none)' : `${((share.hits / share.of) * 100).toFixed(1)} % (${share.hits}/${share.of})`;
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
const median = (values: readonly number[]) => summarise(values).p50Ms;
/** Indented under a fact's label, so a table reads as one block above the suite's table. */
const block = (text: string) => `\n${text.replace(/^/gm, '    ')}`;

function timedSync<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const readSet = (file: string): LabelledQuestion[] =>
  JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as LabelledQuestion[];

/** Written after the knowledge was tuned, by someone who saw neither it nor the labelled set. */
const heldOutQuestions = () => readSet('held-out-questions.json');

function labelledSet(): LabelledQuestion[] {
  return JSON.parse(
    readFileSync(new URL('./labelled-questions.json', import.meta.url), 'utf8'),
  ) as LabelledQuestion[];
}

const countRows = async (db: Db) => {
  const [row] = await queryRows<{ conversations: number; messages: number }>(
    db,
    sql`select (select count(*)::int from assistant_conversations) as conversations,
               (select count(*)::int from assistant_messages) as messages`,
  );
  return { conversations: Number(row!.conversations), messages: Number(row!.messages) };
};

const outcomeMix = (outcomes: Map<string, number>) => {
  const total = [...outcomes.values()].reduce((a, b) => a + b, 0);
  return [...outcomes]
    .sort((a, b) => b[1] - a[1])
    .map(([outcome, n]) => `${outcome} ${((n / total) * 100).toFixed(1)} %`)
    .join(', ');
};

/** Quality figures: the whole set against the word scan, the held-out half against the dev half. */
function qualityFigures(
  report: SuiteReport,
  labelled: readonly LabelledQuestion[],
  all: Quality,
  dev: Quality,
  heldOut: Quality,
  scan: { top1: number; top3: number; of: number },
): void {
  const mostCited: Record<string, Share> = {
    top1: mostCitedBaseline(labelled, 1).share,
    top3: mostCitedBaseline(labelled, 3).share,
  };
  const share = (s: Share) => valueOf(s) * 100;
  const note = (s: Share) => `${s.hits}/${s.of}`;
  const floor = (key: string, label: string, hits: number, k: string) =>
    report.add({
      key: `quality.scan_${key}`,
      label,
      value: (hits / scan.of) * 100,
      unit: '%',
      better: 'higher',
      note: `${hits}/${scan.of}; the most-cited article${k} for every question would score ${pct(mostCited[key]!)}`,
    });
  const top1Floor = floor(
    'top1',
    'baseline: a bag-of-words scan of the same knowledge (IDF-weighted folded words), top-1',
    scan.top1,
    '',
  );
  report.add({
    key: 'quality.top1',
    label: 'top-1 citation accuracy, in-scope questions',
    value: share(all.top1),
    unit: '%',
    better: 'higher',
    baseline: top1Floor,
    limit: TOP1_MIN,
    note: `${note(all.top1)}; the first citation is one the set expects`,
  });
  const top3Floor = floor('top3', 'baseline: the same scan, top-3', scan.top3, 's (three)');
  report.add({
    key: 'quality.top3',
    label: 'top-3 citation accuracy, in-scope questions',
    value: share(all.top3),
    unit: '%',
    better: 'higher',
    baseline: top3Floor,
    note: note(all.top3),
  });
  report.add({
    key: 'quality.handled',
    label: 'in-scope questions answered or asked a figure (not declined, not handed over)',
    value: share(all.handled),
    unit: '%',
    better: 'higher',
    note: note(all.handled),
  });
  const rows: [string, string, (q: Quality) => Share, number | undefined][] = [
    [
      'decline_precision',
      'decline precision (declined questions that were out of scope)',
      (q) => q.decline.precision,
      undefined,
    ],
    [
      'decline_recall',
      'decline recall (out-of-scope questions declined)',
      (q) => q.decline.recall,
      DECLINE_RECALL_MIN,
    ],
    [
      'handover_precision',
      'handover precision (handed-over questions that were disputes)',
      (q) => q.handover.precision,
      undefined,
    ],
    ['handover_recall', 'handover recall (disputes handed over)', (q) => q.handover.recall, undefined],
  ];
  for (const [key, label, pick, limit] of rows) {
    report.add({
      key: `quality.${key}`,
      label,
      value: share(pick(all)),
      unit: '%',
      better: 'higher',
      ...(limit === undefined ? {} : { limit }),
      note: note(pick(all)),
    });
  }
  // Overfitting: the held-out set beside the development set (ratio = held-out ÷ development; 1 = no sign
  // of it). The development set's failures guided the knowledge and the engine; the held-out set was
  // written afterwards by someone who saw neither, and is never used to tune.
  const halves: [string, string, (q: Quality) => Share][] = [
    ['top1', 'top-1', (q) => q.top1],
    ['handled', 'answered or asked', (q) => q.handled],
    ['decline_recall', 'decline recall', (q) => q.decline.recall],
    ['handover_recall', 'handover recall', (q) => q.handover.recall],
  ];
  for (const [key, label, pick] of halves) {
    const devFigure = report.add({
      key: `quality.dev.${key}`,
      label: `${label}, development set (its failures guided the knowledge)`,
      value: share(pick(dev)),
      unit: '%',
      better: 'higher',
      note: note(pick(dev)),
    });
    report.add({
      key: `quality.held_out.${key}`,
      label: `${label}, held-out set (written apart, never tuned on)`,
      value: share(pick(heldOut)),
      unit: '%',
      better: 'higher',
      baseline: devFigure,
      note: `${note(pick(heldOut))}; ratio = held-out ÷ development`,
    });
  }
}

export const assistantSuite: Suite = {
  name: 'assistant',
  description:
    'The legal assistant: quality on the labelled questions (citations, declines, handovers; by style; the development set beside a held-out set never tuned on), engine.reply in process vs a bag-of-words scan, POST /assistant/ask over HTTP vs GET /health, knowledge load vs reading its JSON.',
  options: {
    'show-failures': {
      type: 'boolean',
      default: false,
      description: 'list every labelled question the assistant got wrong (question, expected, got)',
    },
    'reply-passes': {
      type: 'string',
      default: '5',
      description:
        'timed passes over the labelled questions for engine.reply in process (after one unmeasured)',
    },
    'knowledge-repeats': {
      type: 'string',
      default: '5',
      description: 'repeats of each knowledge load figure but the first start (median)',
    },
  },

  async run(context: SuiteContext) {
    const { options, report, cleanup, log, load } = context;
    const replyPasses = numberOption(options, 'reply-passes', { min: 1, max: 1_000, integer: true });
    const repeats = numberOption(options, 'knowledge-repeats', { min: 1, max: 100, integer: true });
    const labelled = labelledSet();
    const cpus = os.cpus();
    report.fact('Node', `${process.version} on ${os.platform()}/${os.arch()}`);
    report.fact(
      'CPUs',
      `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    );

    // ——— 4 (measured first, while the process is as cold as a server starting): the knowledge's load ———
    log('opening the database (migrations, first start)…');
    const bench = await openBenchDatabase('assistant', options.databaseUrl, cleanup);
    const { database } = bench;
    const db = database.db;
    report.fact('Database', bench.description);
    report.fact('Engine version', bench.version);
    const clockShift = EVAL_INSTANT - Date.now();
    const clock = () => new Date(Date.now() + clockShift);

    log('knowledge: first start (imports the seed), later starts, the seed in memory, the JSON alone…');
    const coldRead = timedSync(() => readKnowledgeSeed());
    const seed = coldRead.result;
    const firstContext = new AssistantContext(db, clock);
    const firstStart = await timed(() => firstContext.start());
    if (!firstStart.result.imported) throw new Error('the first start on a fresh database imported nothing');
    const laterStarts: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const start = await timed(() => new AssistantContext(db, clock).start());
      if (start.result.imported) throw new Error('a later start imported the seed again');
      laterStarts.push(start.ms);
    }
    const reads: number[] = [];
    const inMemory: number[] = [];
    for (let i = 0; i < repeats; i++) {
      reads.push(timedSync(() => readKnowledgeSeed()).ms);
      inMemory.push(timedSync(() => knowledgeFromSeed()).ms);
    }
    const [stored] = await queryRows<{
      documents: number;
      articles: number;
      answers: number;
      rates: number;
    }>(
      db,
      sql`select (select count(*)::int from legal_documents) as documents,
                 (select count(*)::int from legal_articles) as articles,
                 (select count(*)::int from curated_answer_versions where status = 'live') as answers,
                 (select count(*)::int from legal_rates) as rates`,
    );

    // ——— 1. Quality on the labelled set ———
    log(`quality: evaluate(knowledgeFromSeed(), ${labelled.length} labelled questions, ${EVAL_DATE})…`);
    const knowledge = knowledgeFromSeed();
    const evaluation = evaluate(knowledge, labelled, EVAL_DATE);
    const results: QuestionResult[] = evaluation.results;
    const all = qualityOf(results);
    const mismatch = disagreement(evaluation, all);
    if (mismatch) throw new Error(`the suite's quality figures disagree with evaluate: ${mismatch}`);
    const slice = (test: (r: QuestionResult, index: number) => boolean) =>
      qualityOf(results.filter((r, index) => test(r, index)));
    const dev = all;
    const heldOutSet = heldOutQuestions();
    const heldOutResults = evaluate(knowledge, heldOutSet, EVAL_DATE).results;
    const heldOut = qualityOf(heldOutResults);
    // A second development set, written later by other imagined workers (long stories, one-liners).
    const secondSet = readSet('development-questions-2.json');
    const second = qualityOf(evaluate(knowledge, secondSet, EVAL_DATE).results);
    const styles = STYLES.map((style) => ({ name: style, quality: slice((r) => r.item.style === style) }));
    const unknownStyles = [...new Set(labelled.map((q) => q.style))].filter(
      (s) => !(STYLES as readonly string[]).includes(s),
    );
    const scan = new WordScan(seed);
    qualityFigures(report, labelled, all, dev, heldOut, scanAccuracy(scan, labelled));
    const expectCounts = (expect: LabelledQuestion['expect']) =>
      labelled.filter((q) => q.expect === expect).length;
    report.fact(
      'Labelled set',
      `${labelled.length} questions (bench/assistant/labelled-questions.json): ${expectCounts('answered')} in scope, ` +
        `${expectCounts('out_of_scope')} out of scope, ${expectCounts('handover')} disputes to hand over; answered on ${EVAL_DATE}; ` +
        `held-out set: ${heldOutSet.length} questions (bench/assistant/held-out-questions.json), written apart and never tuned on` +
        (unknownStyles.length ? `; styles not split out: ${unknownStyles.join(', ')}` : ''),
    );
    report.fact(
      'Knowledge',
      `${seed.documents.length} documents, ${seed.articles.length} articles, ${seed.answers.length} curated answers, ` +
        `${seed.rates.length} rates in the seed; in the database after import: ${stored!.documents} documents, ` +
        `${stored!.articles} articles, ${stored!.answers} live answers, ${stored!.rates} rates`,
    );
    report.fact(
      'Quality',
      `top-1 ${pct(all.top1)} (target ≥ ${TOP1_MIN} %: ${valueOf(all.top1) * 100 >= TOP1_MIN ? 'met' : 'MISSED'}), ` +
        `top-3 ${pct(all.top3)}, answered or asked ${pct(all.handled)}, decline recall ${pct(all.decline.recall)} ` +
        `(target ≥ ${DECLINE_RECALL_MIN} %: ${valueOf(all.decline.recall) * 100 >= DECLINE_RECALL_MIN ? 'met' : 'MISSED'})`,
    );
    report.fact(
      'Quality by slice (% with counts; P precision, R recall; "—" nothing to measure)',
      block(
        renderSlices([
          { name: 'all (labelled set)', quality: all },
          { name: 'development set 2', quality: second },
          { name: 'held-out set', quality: heldOut },
          ...styles,
        ]),
      ),
    );
    const failures = failuresOf(results);
    report.attach(
      `labelled questions the assistant got wrong (${failures.length})`,
      failures.join('\n') || '(none)',
    );
    if (options.values['show-failures'] === true) {
      report.fact(
        `Failures (${failures.length} of ${labelled.length}: question, expected, got)`,
        failures.length ? block(failures.join('\n')) : 'none',
      );
    } else {
      report.fact('Failures', `${failures.length} of ${labelled.length}; --show-failures lists them`);
    }

    // ——— 2. engine.reply in process, serially, beside the word scan answering the same question ———
    // The baseline is the word scan of the quality figures (fold the question, look each of its words up in
    // every passage of the same knowledge): the least work that turns a question into citations, on the
    // same input, thread and data, so the ratio is what the engine's segmentation, cues, calculator and
    // ranking cost over a brute-force search, and it moves with the CPU and the knowledge's size as the
    // engine does. (Folding the question alone takes microseconds: a ratio of 0.002 says nothing.) Timed
    // synchronously, call by call and interleaved, so no await or timer sits inside either measurement.
    const engine = firstContext.engine;
    const dbEvaluation = evaluate(firstContext.knowledge, labelled, EVAL_DATE);
    const sameReplies = dbEvaluation.results.filter(
      (r, i) => r.outcome === results[i]!.outcome && r.cited.join(' ') === results[i]!.cited.join(' '),
    ).length;
    log(
      `engine.reply: ${replyPasses} passes over ${labelled.length} questions, interleaved with the word scan…`,
    );
    const scanTimes: number[] = [];
    const replyTimes: number[] = [];
    let sink = 0;
    for (let pass = 0; pass <= replyPasses; pass++) {
      for (const item of labelled) {
        const t0 = performance.now();
        sink += scan.cite(item.question).length;
        const t1 = performance.now();
        sink += engine.reply(item.question, {}, EVAL_DATE).text.length;
        const t2 = performance.now();
        // The first pass warms the JIT and the caches up.
        if (pass === 0) continue;
        scanTimes.push(t1 - t0);
        replyTimes.push(t2 - t1);
      }
    }
    if (sink === 0) throw new Error('nothing was cited or answered');
    const scanSummary = summarise(scanTimes);
    const replySummary = summarise(replyTimes);
    const scanFigures = latencyFigures(
      report,
      'reply.scan',
      'baseline: the word scan citing for the same question, in process',
      scanSummary,
      undefined,
      `${int(scanSummary.samples)} calls, interleaved with the answers`,
    );
    latencyFigures(
      report,
      'reply.engine',
      'engine.reply (the app’s engine, knowledge from the database), serially',
      replySummary,
      scanFigures,
      `${int(replySummary.samples)} calls: ${replyPasses} passes over the labelled set after one unmeasured`,
      REPLY_P95_MS,
    );
    replyP99(report, scanSummary, replySummary);
    const firstPass = summarise(results.map((r) => r.ms));
    report.fact(
      'In process',
      `engine.reply p50 ${ms(replySummary.p50Ms)}, p95 ${ms(replySummary.p95Ms)} (target ≤ ${REPLY_P95_MS} ms: ` +
        `${replySummary.p95Ms <= REPLY_P95_MS ? 'met' : 'MISSED'}), p99 ${ms(replySummary.p99Ms)}, max ${ms(replySummary.maxMs)}; ` +
        `evaluate's own cold pass p50 ${ms(firstPass.p50Ms)}, p95 ${ms(firstPass.p95Ms)}; the database's knowledge ` +
        `gives the same outcome and citations as the seed's in memory for ${sameReplies} of ${labelled.length} questions`,
    );

    // ——— 3. POST /assistant/ask over HTTP: the whole path, beside the same server's GET /health ———
    const config: Config = {
      ...readConfig({}),
      demoData: false,
      assistantAnonymousRateLimitPerMinute: 1_000_000_000,
      assistantMemberRateLimitPerMinute: 1_000_000_000,
      webDistDir: '/nonexistent',
    };
    const app = await buildApp({ database, config, logger: false, clock });
    const httpOutcomes = new Map<string, number>();
    app.addHook('onSend', async (request, _reply, payload) => {
      if (request.routeOptions.url === '/api/v1/assistant/ask' && typeof payload === 'string') {
        const outcome = /"outcome":"([a-z_]+)"/.exec(payload)?.[1] ?? 'unreadable';
        httpOutcomes.set(outcome, (httpOutcomes.get(outcome) ?? 0) + 1);
      }
      return payload;
    });
    const appOrigin = await listenEphemeral(app, 'the app', cleanup);
    const bareOrigin = await listenEphemeral(buildBareFastify(), 'bare Fastify', cleanup);
    // One question asked before the load: the route answers (fetchJson throws on anything but 2xx).
    const probe = await fetchJson<{ outcome?: string }>(`${appOrigin}/api/v1/assistant/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: labelled[0]!.question }),
    });
    if (typeof probe.outcome !== 'string') throw new Error('POST /assistant/ask answered without an outcome');
    httpOutcomes.clear();
    const before = await countRows(db);
    const loadBefore = loadAverage();
    const specs: LoadSpec[] = [
      {
        title: 'bare Fastify GET /hello',
        origin: bareOrigin,
        method: 'GET',
        requests: [{ path: '/hello' }],
        connections: options.connections,
        durationSeconds: options.durationSeconds,
      },
      {
        title: 'GET /api/v1/health',
        origin: appOrigin,
        method: 'GET',
        requests: [{ path: '/api/v1/health' }],
        connections: options.connections,
        durationSeconds: options.durationSeconds,
      },
      {
        title: 'POST /api/v1/assistant/ask',
        origin: appOrigin,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        requests: labelled.map((q) => ({
          path: '/api/v1/assistant/ask',
          body: JSON.stringify({ question: q.question }),
        })),
        connections: options.connections,
        durationSeconds: options.durationSeconds,
      },
    ];
    log(
      `HTTP: bare vs /health vs /assistant/ask (${options.durationSeconds} s each in ${options.rounds} ` +
        `alternating rounds, ${options.connections} connections)…`,
    );
    const [bareSeries, healthSeries, askSeries] = await load.measureInterleaved(specs, {
      rounds: options.rounds,
      warmupSeconds: options.warmupSeconds,
    });
    const after = await countRows(db);
    const bare = report.add({
      key: 'http.bare',
      label: `bare Fastify GET /hello, ${options.connections} connections`,
      value: bareSeries!.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      note: latencyNote(bareSeries!),
      details: bareSeries,
    });
    const health = report.add({
      key: 'http.health',
      label: 'the app’s GET /api/v1/health (select 1), no session',
      value: healthSeries!.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      baseline: bare,
      note: latencyNote(healthSeries!),
      details: healthSeries,
    });
    const asked = after.conversations - before.conversations;
    report.add({
      key: 'http.ask',
      label: 'POST /api/v1/assistant/ask, labelled questions at random, no session (answers/s)',
      value: askSeries!.requestsPerSecond,
      unit: 'req/s',
      better: 'higher',
      baseline: health,
      limit: ANSWERS_PER_SECOND_MIN,
      note: `${latencyNote(askSeries!)}; each writes a conversation and two messages`,
      details: askSeries,
    });
    report.fact(
      'HTTP',
      `${int(asked)} questions asked over HTTP (warm-ups included): ${int(asked)} conversations and ` +
        `${int(after.messages - before.messages)} messages written; outcomes ${outcomeMix(httpOutcomes)} ` +
        `(in process over the set: ${outcomeMix(countOutcomes(results))}); answers/s target ≥ ${ANSWERS_PER_SECOND_MIN}: ` +
        `${askSeries!.requestsPerSecond >= ANSWERS_PER_SECOND_MIN ? 'met' : 'MISSED'}; load ${loadBefore} before, ${loadAverage()} after`,
    );

    // ——— 4. The knowledge's load, measured at the start ———
    const readCold = report.add({
      key: 'load.read_cold',
      label: 'baseline: readKnowledgeSeed(), the JSON files read and parsed, first call',
      value: coldRead.ms,
      unit: 'ms',
      better: 'lower',
      note: 'the process’s first read, as a starting server does it',
    });
    report.add({
      key: 'load.first_start',
      label: 'new AssistantContext(db).start() on a fresh migrated database (imports the seed)',
      value: firstStart.ms,
      unit: 'ms',
      better: 'lower',
      baseline: readCold,
      limit: LOAD_MS_MAX,
      note: `one sample; its own loadMs ${int(firstStart.result.loadMs)}; includes building the word segmenter`,
    });
    const readWarm = report.add({
      key: 'load.read',
      label: `baseline: readKnowledgeSeed(), median of ${repeats}`,
      value: median(reads),
      unit: 'ms',
      better: 'lower',
      note: `each ${reads.map((v) => wholeMs(v)).join('/')} ms`,
    });
    report.add({
      key: 'load.later_start',
      label: `start() again, the seed already imported (median of ${repeats})`,
      value: median(laterStarts),
      unit: 'ms',
      better: 'lower',
      baseline: readWarm,
      limit: LOAD_MS_MAX,
      note: `each ${laterStarts.map((v) => wholeMs(v)).join('/')} ms: hash check, four queries, the index`,
    });
    report.add({
      key: 'load.in_memory',
      label: `knowledgeFromSeed() in memory (median of ${repeats})`,
      value: median(inMemory),
      unit: 'ms',
      better: 'lower',
      baseline: readWarm,
      note: `each ${inMemory.map((v) => wholeMs(v)).join('/')} ms: the JSON read plus the engine's index`,
    });
    report.fact(
      'Knowledge load',
      `first start ${int(firstStart.ms)} ms, later starts ${int(median(laterStarts))} ms (target ≤ ${int(LOAD_MS_MAX)} ms: ` +
        `${firstStart.ms <= LOAD_MS_MAX && median(laterStarts) <= LOAD_MS_MAX ? 'met' : 'MISSED'})`,
    );
    report.fact('Peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MiB (this process)`);
  },
};

function countOutcomes(results: readonly QuestionResult[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
  return counts;
}

/** The p99, which `latencyFigures` leaves out: beside the scan's p99. */
function replyP99(report: SuiteReport, scan: LatencySummary, reply: LatencySummary): void {
  const scanP99 = report.add({
    key: 'reply.scan.p99',
    label: 'baseline: the word scan, p99',
    value: scan.p99Ms,
    unit: 'ms',
    better: 'lower',
  });
  report.add({
    key: 'reply.engine.p99',
    label: 'engine.reply, p99',
    value: reply.p99Ms,
    unit: 'ms',
    better: 'lower',
    baseline: scanP99,
    note: `max ${ms(reply.maxMs)}`,
  });
}
