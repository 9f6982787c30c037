import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../apps/server/src/app.js';
import { DEMO_LOGINS, DEMO_PASSWORD, loadDemoData } from '../../apps/server/src/bootstrap/demo-data.js';
import { readConfig, type Config } from '../../apps/server/src/kernel/config.js';
import { refreshPlannerStatistics } from '../../apps/server/src/kernel/db/database.js';
import { openBenchDatabase } from '../harness/bench-database.js';
import { formatNumber, type Figure, type SuiteReport } from '../harness/report.js';
import { percentile } from '../harness/serial-timing.js';
import { listenEphemeral } from '../harness/servers.js';
import { numberOption, type Suite, type SuiteContext } from '../harness/suite.js';
import { launchPhoneBrowser, PhonePage, type PhaseTotals, type Throttling } from './phone-browser.js';

// The build the server would serve: apps/web/dist, or WEB_DIST_DIR as the server reads it.
const DIST = process.env.WEB_DIST_DIR
  ? path.resolve(process.env.WEB_DIST_DIR)
  : fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
const BASELINE_PATH = '/bench/baseline.html';

/**
 * The floor every figure is compared with: a static page holding a login form, served by the same
 * server under the same throttling. No favicon request (the SPA fallback would answer it with the app).
 */
const BASELINE_HTML = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>Đăng nhập</title></head>
<body><form id="bench-baseline" method="post" action="#"><h1>Đăng nhập</h1>
<label>Số điện thoại <input name="login" autocomplete="username"></label>
<label>Mật khẩu <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Đăng nhập</button></form></body>
</html>
`;

interface BaselineRun {
  ms: number;
  bytes: number;
}

interface MemberRun {
  loginInteractiveMs: number;
  loginRenderedMs: number;
  login: PhaseTotals;
  loginLongTaskMs: number;
  signInToHomeMs: number;
  signIn: PhaseTotals;
  /** What the home page showed in an alert instead of its content, if anything. */
  homeAlert: string | undefined;
  returningHomeMs: number;
  returning: PhaseTotals;
  returningLongTaskMs: number;
}

const kB = (bytes: number) => bytes / 1000;
const median = (values: readonly number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
const perRun = (values: readonly number[], unit: (value: number) => string) => values.map(unit).join('/');
const wholeMs = (value: number) => Math.round(value).toLocaleString('en-US');
const wholeKB = (bytes: number) => Math.round(kB(bytes)).toLocaleString('en-US');

/** Gzip size of the scripts as the build wrote them: what they would weigh if the server compressed. */
function gzipOfScripts(totals: PhaseTotals, cache: Map<string, number>): number {
  let bytes = 0;
  for (const script of totals.scripts) {
    const file = path.join(DIST, new URL(script.url).pathname);
    if (!cache.has(file)) cache.set(file, existsSync(file) ? gzipSync(readFileSync(file)).length : 0);
    bytes += cache.get(file)!;
  }
  return bytes;
}

/** What the service worker precaches (blocked during the runs): it would download this after a first visit. */
function precacheBytes(): { entries: number; bytes: number } | undefined {
  const sw = path.join(DIST, 'sw.js');
  if (!existsSync(sw)) return undefined;
  const urls = [...readFileSync(sw, 'utf8').matchAll(/url:"([^"]+)"/g)].map((match) => match[1]!);
  const bytes = urls.reduce((total, url) => {
    const file = path.join(DIST, url);
    return total + (existsSync(file) ? readFileSync(file).length : 0);
  }, 0);
  return { entries: urls.length, bytes };
}

async function measureBaseline(
  browser: Browser,
  origin: string,
  throttling: Throttling,
): Promise<BaselineRun> {
  const probe = await PhonePage.open(browser, origin, throttling);
  try {
    await probe.page.goto(BASELINE_PATH, { waitUntil: 'commit' });
    const ms = await probe.interactiveAfter('baselineForm');
    await probe.networkIdle();
    return { ms, bytes: probe.takePhase().totalBytes };
  } finally {
    await probe.close();
  }
}

async function measureMember(
  browser: Browser,
  origin: string,
  throttling: Throttling,
  login: string,
): Promise<MemberRun> {
  const probe = await PhonePage.open(browser, origin, throttling);
  let storageState;
  let partial: Omit<MemberRun, 'returningHomeMs' | 'returning' | 'returningLongTaskMs'>;
  try {
    // (a) A cold /login, as a member opens the link they were sent.
    await probe.page.goto('/login', { waitUntil: 'commit' });
    const loginRenderedMs = await probe.mark('loginForm');
    const loginInteractiveMs = await probe.interactiveAfter('loginForm');
    await probe.networkIdle();
    const loginTotals = probe.takePhase();
    const loginLongTasks = await probe.longTasks();

    // (b) Signing in, until the member home shows its content.
    await probe.page.getByRole('textbox', { name: /Tên đăng nhập/ }).fill(login);
    await probe.page.locator('input[type="password"]').fill(DEMO_PASSWORD);
    await probe.page.locator('form button[type="submit"]').click();
    const submittedAt = await probe.mark('submit');
    const homeAt = await probe.mark('memberHome');
    await probe.networkIdle();
    const alerts = probe.page.locator('main [role="alert"]');
    const homeAlert = (await alerts.count()) > 0 ? (await alerts.first().innerText()).trim() : undefined;
    partial = {
      loginInteractiveMs,
      loginRenderedMs,
      login: loginTotals,
      loginLongTaskMs: loginLongTasks.totalMs,
      signInToHomeMs: homeAt - submittedAt,
      signIn: probe.takePhase(),
      homeAlert,
    };
    storageState = await probe.context.storageState();
  } finally {
    await probe.close();
  }

  // (c) The next day: the member opens the app, still signed in, with nothing cached.
  const returning = await PhonePage.open(browser, origin, throttling, storageState);
  try {
    await returning.page.goto('/', { waitUntil: 'commit' });
    const returningHomeMs = await returning.mark('memberHome');
    await returning.networkIdle();
    const totals = returning.takePhase();
    const longTasks = await returning.longTasks();
    return { ...partial, returningHomeMs, returning: totals, returningLongTaskMs: longTasks.totalMs };
  } finally {
    await returning.close();
  }
}

function throttlingOf(context: SuiteContext): Throttling {
  const { options } = context;
  return {
    latencyMs: numberOption(options, 'web-latency', { min: 0, max: 10_000 }),
    downloadKbps: numberOption(options, 'web-download-kbps', { min: 1, max: 10_000_000 }),
    uploadKbps: numberOption(options, 'web-upload-kbps', { min: 1, max: 10_000_000 }),
    cpuSlowdown: numberOption(options, 'web-cpu-slowdown', { min: 1, max: 20 }),
  };
}

function addFigures(report: SuiteReport, baselines: BaselineRun[], runs: MemberRun[]): void {
  const gzipCache = new Map<string, number>();
  const msNote = (values: number[]) => `runs ${perRun(values, wholeMs)} ms`;
  const kBNote = (values: number[]) => `runs ${perRun(values, wholeKB)} kB`;
  const time = (key: string, label: string, values: number[], baseline: Figure, note: string) =>
    report.add({ key, label, value: median(values), unit: 'ms', better: 'lower', baseline, note });
  const bytes = (
    key: string,
    label: string,
    values: number[],
    baseline: Figure,
    note: string,
    details?: unknown,
  ) => {
    const value = kB(median(values));
    // Nothing transferred has no ratio to a baseline (it would read "Infinity").
    const compared = value > 0 ? { baseline } : {};
    report.add({ key, label, value, unit: 'kB', better: 'lower', ...compared, note, details });
  };

  const baselineMs = baselines.map((run) => run.ms);
  const baselineTime = report.add({
    key: 'baseline.time',
    label: 'baseline: static HTML login form, interactive',
    value: median(baselineMs),
    unit: 'ms',
    better: 'lower',
    note: msNote(baselineMs),
  });
  const loginMs = runs.map((run) => run.loginInteractiveMs);
  time(
    'login.interactive',
    '/login: form interactive (cold)',
    loginMs,
    baselineTime,
    `${msNote(loginMs)} · rendered at ${perRun(
      runs.map((run) => run.loginRenderedMs),
      wholeMs,
    )} ms · long tasks ${perRun(
      runs.map((run) => run.loginLongTaskMs),
      wholeMs,
    )} ms`,
  );
  const signInMs = runs.map((run) => run.signInToHomeMs);
  time(
    'signin.home',
    'sign in → member home content',
    signInMs,
    baselineTime,
    `${msNote(signInMs)} · from the submit`,
  );
  const returningMs = runs.map((run) => run.returningHomeMs);
  time(
    'returning.home',
    'signed in, cold cache: / → member home content',
    returningMs,
    baselineTime,
    `${msNote(returningMs)} · long tasks ${perRun(
      runs.map((run) => run.returningLongTaskMs),
      wholeMs,
    )} ms`,
  );

  const baselineBytes = baselines.map((run) => run.bytes);
  const baselineSize = report.add({
    key: 'baseline.bytes',
    label: 'baseline: static HTML login form, transferred',
    value: kB(median(baselineBytes)),
    unit: 'kB',
    better: 'lower',
    note: `${perRun(baselineBytes, (b) => String(b))} B`,
  });
  const phases: [string, string, (run: MemberRun) => PhaseTotals][] = [
    ['login', '/login', (run) => run.login],
    ['signin', 'sign in → member home', (run) => run.signIn],
    ['returning', 'signed in, cold cache: / → member home', (run) => run.returning],
  ];
  for (const [key, label, phase] of phases) {
    const js = runs.map((run) => phase(run).scriptBytes);
    const gzip = runs.map((run) => gzipOfScripts(phase(run), gzipCache));
    const scripts = runs.map((run) => phase(run).scripts.length);
    bytes(
      `${key}.js`,
      `${label}: JavaScript transferred`,
      js,
      baselineSize,
      `${kBNote(js)} · ${median(scripts)} files · gzip would be ${wholeKB(median(gzip))} kB`,
    );
    const total = runs.map((run) => phase(run).totalBytes);
    const requests = runs.map((run) => phase(run).requests);
    const byType: Record<string, number> = {};
    for (const transfer of phase(runs[0]!).all)
      byType[transfer.type] = (byType[transfer.type] ?? 0) + transfer.bytes;
    bytes(
      `${key}.total`,
      `${label}: everything transferred`,
      total,
      baselineSize,
      `${kBNote(total)} · ${median(requests)} requests`,
      { firstRunBytesByType: byType },
    );
  }
}

export const webSuite: Suite = {
  name: 'web',
  description:
    'The member app on a throttled phone (Slow 4G, 4× CPU) in Chromium: bytes and time of /login, signing in, and a cold open signed in, vs a static HTML page.',
  options: {
    'web-runs': {
      type: 'string',
      default: '3',
      description: 'cold runs of each page (the median is reported)',
    },
    'web-warmup': { type: 'string', default: '1', description: 'unmeasured runs first (server caches)' },
    'web-latency': {
      type: 'string',
      default: '150',
      description: 'ms added to each request (Lighthouse "Slow 4G": 150 ms RTT)',
    },
    'web-download-kbps': { type: 'string', default: '1600', description: 'download throughput, kbit/s' },
    'web-upload-kbps': { type: 'string', default: '750', description: 'upload throughput, kbit/s' },
    'web-cpu-slowdown': { type: 'string', default: '4', description: 'CPU slowdown factor' },
    chromium: {
      type: 'string',
      default: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      description: 'the Chromium to drive (playwright-core)',
    },
  },

  async run(context: SuiteContext) {
    const { options, report, cleanup, log } = context;
    if (!existsSync(path.join(DIST, 'index.html'))) {
      throw new Error(`${path.relative(process.cwd(), DIST)} has no build: run "npm run build:web" first`);
    }
    const runs = numberOption(options, 'web-runs', { min: 1, max: 50, integer: true });
    const warmup = numberOption(options, 'web-warmup', { min: 0, max: 10, integer: true });
    const throttling = throttlingOf(context);
    const chromiumPath = String(options.values.chromium);
    if (!existsSync(chromiumPath)) {
      throw new Error(`no Chromium at ${chromiumPath}: install Debian's chromium or pass --chromium`);
    }

    log('opening a fresh database with the demo data…');
    const pgliteDataDir = options.databaseUrl
      ? undefined
      : await mkdtemp(path.join(os.tmpdir(), 'cds-bench-web-'));
    const bench = await openBenchDatabase('web', options.databaseUrl, cleanup, { pgliteDataDir });
    await loadDemoData(bench.database.db);
    await refreshPlannerStatistics(bench.database);
    const member = DEMO_LOGINS.find((demo) => demo.role === 'member');
    if (!member) throw new Error('the demo data has no member login');

    const config: Config = {
      ...readConfig({}),
      demoData: false,
      secureCookies: false,
      loginRateLimitPerMinute: 1_000_000,
      webDistDir: DIST,
    };
    const app = await buildApp({ database: bench.database, config, logger: false });
    app.get(BASELINE_PATH, (_request, reply) =>
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(BASELINE_HTML),
    );
    const origin = await listenEphemeral(app, 'the app', cleanup);

    const browser = await launchPhoneBrowser(chromiumPath);
    cleanup.defer('Chromium', () => browser.close());

    report.fact(
      'Database',
      `${bench.description} (${bench.version.split(' ').slice(0, 2).join(' ')}), demo data`,
    );
    report.fact(
      'Browser',
      `Chromium ${browser.version()} (playwright-core), 360×740 phone, cold cache each run`,
    );
    report.fact(
      'Throttling',
      `${throttling.latencyMs} ms per request, ${formatNumber(throttling.downloadKbps / 1000)} Mbit/s down, ` +
        `${throttling.uploadKbps} kbit/s up (DevTools, per request), CPU ${throttling.cpuSlowdown}× slower`,
    );
    report.fact('Member', `${member.login} (${member.fullName}), demo password`);
    const precache = precacheBytes();
    if (precache) {
      report.fact(
        'Service worker',
        `blocked in the runs; after a first visit it precaches ${precache.entries} files, ${wholeKB(precache.bytes)} kB`,
      );
    }

    for (let i = 0; i < warmup; i++) {
      log(`warm-up run ${i + 1}/${warmup}…`);
      await measureMember(browser, origin, throttling, member.login);
    }
    const baselines: BaselineRun[] = [];
    const members: MemberRun[] = [];
    for (let i = 0; i < runs; i++) {
      log(`run ${i + 1}/${runs}: the static page, then the member app…`);
      baselines.push(await measureBaseline(browser, origin, throttling));
      members.push(await measureMember(browser, origin, throttling, member.login));
    }

    const encodings = new Set(
      members.flatMap((run) => run.login.scripts.map((script) => script.contentEncoding ?? 'none')),
    );
    report.fact('Script encoding', [...encodings].join(', '));
    const alerts = [...new Set(members.flatMap((run) => (run.homeAlert ? [run.homeAlert] : [])))];
    if (alerts.length > 0) report.fact('Member home showed', alerts.join(' | '));
    addFigures(report, baselines, members);
  },
};
