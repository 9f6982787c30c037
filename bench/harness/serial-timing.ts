import { performance } from 'node:perf_hooks';
import type { Figure, SuiteReport } from './report.js';

export interface LatencySummary {
  samples: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarise(durations: readonly number[]): LatencySummary {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    meanMs: sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length),
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Times each case serially, in process, alternating between cases on every iteration so that drift on a
 * noisy machine (another process waking, a GC) falls on all of them alike. `run(i)` gets the iteration.
 */
export async function timeSerially<Name extends string>(
  cases: Record<Name, (iteration: number) => Promise<unknown>>,
  options: { iterations: number; warmup: number },
): Promise<Record<Name, LatencySummary>> {
  const names = Object.keys(cases) as Name[];
  const durations = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let i = 0; i < options.warmup + options.iterations; i++) {
    for (const name of names) {
      const started = performance.now();
      await cases[name](i);
      const elapsed = performance.now() - started;
      if (i >= options.warmup) durations[name].push(elapsed);
    }
  }
  return Object.fromEntries(names.map((name) => [name, summarise(durations[name])])) as Record<
    Name,
    LatencySummary
  >;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

/** A serial latency summary as two figures, p50 and p95 (the p95 carries the target), each beside its baseline. */
export function latencyFigures(
  report: SuiteReport,
  key: string,
  label: string,
  summary: LatencySummary,
  baselines: { p50: Figure; p95: Figure } | undefined,
  note: string,
  limit?: number,
): { p50: Figure; p95: Figure } {
  const p50 = report.add({
    key: `${key}.p50`,
    label: `${label}, p50`,
    value: summary.p50Ms,
    unit: 'ms',
    better: 'lower',
    ...(baselines ? { baseline: baselines.p50 } : {}),
    note,
    details: summary,
  });
  const p95 = report.add({
    key: `${key}.p95`,
    label: `${label}, p95`,
    value: summary.p95Ms,
    unit: 'ms',
    better: 'lower',
    ...(baselines ? { baseline: baselines.p95 } : {}),
    ...(limit === undefined ? {} : { limit }),
    note: `max ${ms(summary.maxMs)}`,
    details: summary,
  });
  return { p50, p95 };
}
