import type { Cleanup } from './cleanup.js';
import type { LoadGenerator } from './load-generator.js';
import type { SuiteReport } from './report.js';

/** An option a suite adds to the command line, e.g. `--communes 60`. */
export interface SuiteOption {
  type: 'string' | 'boolean';
  default?: string | boolean;
  description: string;
}

export interface BenchOptions {
  durationSeconds: number;
  warmupSeconds: number;
  connections: number;
  /** Figures compared with each other are measured in this many alternating rounds. */
  rounds: number;
  /** Set: run on PostgreSQL (a scratch database on this server). Unset: PGlite. */
  databaseUrl: string | undefined;
  /** Print query plans next to the figures. */
  explain: boolean;
  /** Raw values of every suite's own options, by name. */
  values: Record<string, string | boolean | undefined>;
}

export interface SuiteContext {
  options: BenchOptions;
  report: SuiteReport;
  /** Register everything the suite opens; it is closed when the suite ends, even on error. */
  cleanup: Cleanup;
  load: LoadGenerator;
  /** Progress, on stderr: stdout carries only the tables. */
  log(message: string): void;
}

export interface Suite {
  name: string;
  description: string;
  options?: Record<string, SuiteOption>;
  run(context: SuiteContext): Promise<void>;
}

/** A command-line mistake: reported with the usage, without a stack trace. */
export class UsageError extends Error {}

/** A suite option read as a number within bounds, with a clear message when it is not. */
export function numberOption(
  options: BenchOptions,
  name: string,
  bounds: { min: number; max?: number; integer?: boolean },
): number {
  const raw = options.values[name];
  const value = Number(raw);
  const ok =
    typeof raw === 'string' &&
    raw !== '' &&
    Number.isFinite(value) &&
    value >= bounds.min &&
    (bounds.max === undefined || value <= bounds.max) &&
    (!bounds.integer || Number.isInteger(value));
  if (!ok) {
    const range = `${bounds.min}…${bounds.max ?? '∞'}`;
    throw new UsageError(
      `--${name} must be ${bounds.integer ? 'an integer' : 'a number'} in ${range}, got "${raw}"`,
    );
  }
  return value;
}
