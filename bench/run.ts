/**
 * `npm run bench [-- suite… --duration 5 --database-url postgres://…]`: runs the named suites (all of
 * them when none is named), prints each suite's table on stdout and writes the results as JSON under
 * bench/results/. Exit status: 0 done, 1 a suite or its cleanup failed, 2 with --strict when a figure
 * missed its target ratio.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Cleanup } from './harness/cleanup.js';
import { LoadGenerator } from './harness/load-generator.js';
import { renderReport, SuiteReport } from './harness/report.js';
import {
  numberOption,
  UsageError,
  type BenchOptions,
  type Suite,
  type SuiteOption,
} from './harness/suite.js';
import { SUITES } from './suites.js';

const GLOBAL_OPTIONS: Record<string, SuiteOption> = {
  duration: { type: 'string', default: '5', description: 'seconds of load per HTTP figure' },
  warmup: { type: 'string', default: '1', description: 'seconds of warm-up load before each HTTP figure' },
  connections: { type: 'string', default: '10', description: 'concurrent connections of the load generator' },
  rounds: {
    type: 'string',
    default: '2',
    description:
      'alternating rounds (A B A B…) splitting the duration of HTTP figures compared with each other',
  },
  'database-url': {
    type: 'string',
    description:
      'run on PostgreSQL, in a scratch database on this server (default: $DATABASE_URL; empty or unset: PGlite)',
  },
  explain: { type: 'boolean', default: false, description: 'print the query plans after each table' },
  strict: {
    type: 'boolean',
    default: false,
    description: 'exit with status 2 when a figure misses its target',
  },
  help: { type: 'boolean', default: false, description: 'show this help' },
};

/**
 * Every option on the command line. Suites may share an option of the same type (`--members`): it is
 * given once and reaches each of them; when it is not given, each suite gets its own default.
 */
function allOptions(): Record<string, SuiteOption> {
  const options = { ...GLOBAL_OPTIONS };
  for (const suite of SUITES) {
    for (const [name, option] of Object.entries(suite.options ?? {})) {
      const known = options[name];
      if (known && (name in GLOBAL_OPTIONS || known.type !== option.type))
        throw new Error(`suite ${suite.name} redefines the option --${name}`);
      options[name] = known ?? option;
    }
  }
  return options;
}

/** The command line's values as one suite sees them: its own defaults where an option was not given. */
function suiteValues(suite: Suite, values: BenchOptions['values']): BenchOptions['values'] {
  const own = { ...values };
  for (const [name, option] of Object.entries(suite.options ?? {})) {
    if (own[name] === undefined && option.default !== undefined) own[name] = option.default;
  }
  return own;
}

function usage(): string {
  const describe = (options: Record<string, SuiteOption>) =>
    Object.entries(options).map(([name, option]) => {
      const flag = `--${name}${option.type === 'string' ? ' <value>' : ''}`;
      const fallback =
        option.type === 'string' && option.default !== undefined ? ` (default ${option.default})` : '';
      return `  ${flag.padEnd(30)} ${option.description}${fallback}`;
    });
  return [
    'Usage: npm run bench -- [suite…] [options]',
    '',
    'Suites (all when none is named):',
    ...SUITES.map((suite) => `  ${suite.name.padEnd(30)} ${suite.description}`),
    '',
    'Options:',
    ...describe(GLOBAL_OPTIONS),
    ...SUITES.flatMap((suite) =>
      suite.options ? ['', `Options of ${suite.name}:`, ...describe(suite.options)] : [],
    ),
  ].join('\n');
}

/** Everything a suite opened, for the signal handler: an interrupted run still drops its scratch databases. */
const open = new Set<Cleanup>();

interface SuiteResult {
  suite: string;
  ok: boolean;
  error?: string;
  elapsedSeconds: number;
  facts: SuiteReport['facts'];
  figures: SuiteReport['figures'];
  attachments: SuiteReport['attachments'];
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    // Suite options get their defaults per suite (suiteValues), global ones here.
    options: Object.fromEntries(
      Object.entries(allOptions()).map(([name, option]) => [
        name,
        {
          type: option.type,
          ...(option.default === undefined || !(name in GLOBAL_OPTIONS) ? {} : { default: option.default }),
        },
      ]),
    ),
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(usage());
    return 0;
  }
  const unknown = positionals.filter((name) => !SUITES.some((suite) => suite.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown suite ${unknown.join(', ')}.\n\n${usage()}`);
    return 1;
  }
  const selected: Suite[] = positionals.length
    ? SUITES.filter((suite) => positionals.includes(suite.name))
    : [...SUITES];

  const partial: BenchOptions = {
    durationSeconds: 0,
    warmupSeconds: 0,
    connections: 0,
    rounds: 0,
    // An explicit --database-url wins, even empty (which forces PGlite); otherwise $DATABASE_URL.
    databaseUrl:
      values['database-url'] !== undefined
        ? (values['database-url'] as string) || undefined
        : process.env.DATABASE_URL || undefined,
    explain: values.explain === true,
    values,
  };
  const options: BenchOptions = {
    ...partial,
    durationSeconds: numberOption(partial, 'duration', { min: 1, max: 600 }),
    warmupSeconds: numberOption(partial, 'warmup', { min: 0, max: 600 }),
    connections: numberOption(partial, 'connections', { min: 1, max: 10_000, integer: true }),
    rounds: numberOption(partial, 'rounds', { min: 1, max: 100, integer: true }),
  };
  const engine = options.databaseUrl ? 'postgres' : 'pglite';
  const log = (message: string) => console.error(message);

  const startedAt = new Date();
  const load = new LoadGenerator();
  const results: SuiteResult[] = [];
  let failed = false;
  let missedTargets = 0;
  for (const suite of selected) {
    log(`\n== ${suite.name} on ${engine} ==`);
    const cleanup = new Cleanup();
    open.add(cleanup);
    const report = new SuiteReport(suite.name);
    const started = performance.now();
    let error: unknown;
    try {
      await suite.run({
        options: { ...options, values: suiteValues(suite, values) },
        report,
        cleanup,
        load,
        log,
      });
    } catch (caught) {
      error = caught;
    }
    const cleanupErrors = await cleanup.run();
    open.delete(cleanup);
    const elapsedSeconds = (performance.now() - started) / 1000;
    console.log(`\n${renderReport(report, options.explain)}\n`);
    const problems = [
      ...(error === undefined
        ? []
        : [error instanceof Error ? (error.stack ?? error.message) : String(error)]),
      ...cleanupErrors.map((e) => e.message),
    ];
    for (const problem of problems) console.error(`${suite.name} FAILED: ${problem}`);
    failed ||= problems.length > 0;
    missedTargets += report.missedTargets().length;
    log(`${suite.name}: ${problems.length ? 'failed' : 'done'} in ${elapsedSeconds.toFixed(1)} s`);
    results.push({
      suite: suite.name,
      ok: problems.length === 0,
      ...(problems.length ? { error: problems.join('\n') } : {}),
      elapsedSeconds,
      facts: report.facts,
      figures: report.figures,
      attachments: report.attachments,
    });
  }
  await load.close();

  const folder = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(folder, { recursive: true });
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = `${folder}${stamp}-${selected.map((s) => s.name).join('+')}-${engine}.json`;
  const { 'database-url': _url, ...recordedValues } = values;
  const document = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    engine,
    environment: {
      node: process.version,
      platform: `${os.platform()}/${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model.trim(),
      memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    },
    options: recordedValues,
    results,
  };
  await writeFile(file, `${JSON.stringify(document, null, 2)}\n`);
  log(`results written to ${file}`);
  if (failed) return 1;
  if (missedTargets > 0) {
    log(`${missedTargets} figure(s) missed their target`);
    if (values.strict === true) return 2;
  }
  return 0;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: closing servers and databases…`);
    const closing = Promise.all([...open].map((cleanup) => cleanup.run())).then((errors) => {
      for (const error of errors.flat()) console.error(error.message);
    });
    const patience = new Promise((resolve) => setTimeout(resolve, 20_000).unref());
    void Promise.race([closing, patience]).finally(() => process.exit(130));
  });
}

const flush = () => new Promise<void>((resolve) => process.stdout.write('', () => resolve()));

main().then(
  async (code) => {
    await flush();
    // PGlite and pg leave nothing to wait for once closed; exit explicitly all the same.
    process.exit(code);
  },
  async (error: unknown) => {
    // A mistyped command line gets its message and the usage, not a stack trace.
    const usageError =
      error instanceof UsageError || String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS');
    if (usageError) console.error(`${(error as Error).message}\n\n${usage()}`);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    await flush();
    process.exit(1);
  },
);
