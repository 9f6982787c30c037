/** Figures, each beside a baseline measured in the same run, and how they are printed. */

/** Which way is better: throughput up, latency down. */
export type Better = 'higher' | 'lower';

export interface Figure {
  /** Position in the suite's table (#1, #2…), used to name a baseline. */
  number: number;
  key: string;
  label: string;
  value: number;
  unit: string;
  better: Better;
  baseline?: { number: number; key: string; label: string; value: number; unit: string };
  /**
   * Speed relative to the baseline: value/baseline for throughput, baseline/value for latency.
   * 1 means as fast as the baseline, 0.5 half as fast.
   */
  ratio?: number;
  target?: { minRatio: number; met: boolean };
  /** An absolute bound the project sets (e.g. p95 ≤ 50 ms), in the figure's unit. */
  limit?: { value: number; met: boolean };
  note?: string;
  details?: unknown;
}

export interface FigureInput {
  key: string;
  label: string;
  value: number;
  unit: string;
  better: Better;
  baseline?: Figure;
  /** The ratio the project aims for; printed with the figure, never asserted. */
  targetRatio?: number;
  /** An absolute bound, never above (latency) or below (throughput) it; printed, never asserted. */
  limit?: number;
  note?: string;
  details?: unknown;
}

export interface Fact {
  label: string;
  value: string;
}

export class SuiteReport {
  readonly figures: Figure[] = [];
  readonly facts: Fact[] = [];
  /** Longer text kept with the results (query plans): in the JSON, and printed with --explain. */
  readonly attachments: Record<string, string> = {};

  constructor(readonly suite: string) {}

  fact(label: string, value: string | number): void {
    this.facts.push({ label, value: typeof value === 'number' ? formatNumber(value) : value });
  }

  attach(name: string, text: string): void {
    this.attachments[name] = text;
  }

  add(input: FigureInput): Figure {
    const { baseline, targetRatio, limit, ...rest } = input;
    if (baseline && baseline.unit !== input.unit) {
      throw new Error(`${input.key}: baseline ${baseline.key} is in ${baseline.unit}, not ${input.unit}`);
    }
    const ratio = baseline
      ? input.better === 'higher'
        ? input.value / baseline.value
        : baseline.value / input.value
      : undefined;
    const figure: Figure = {
      ...rest,
      number: this.figures.length + 1,
      ...(baseline
        ? {
            baseline: {
              number: baseline.number,
              key: baseline.key,
              label: baseline.label,
              value: baseline.value,
              unit: baseline.unit,
            },
          }
        : {}),
      ...(ratio === undefined ? {} : { ratio }),
      ...(targetRatio === undefined || ratio === undefined
        ? {}
        : { target: { minRatio: targetRatio, met: ratio >= targetRatio } }),
      ...(limit === undefined
        ? {}
        : {
            limit: {
              value: limit,
              met: input.better === 'lower' ? input.value <= limit : input.value >= limit,
            },
          }),
    };
    this.figures.push(figure);
    return figure;
  }

  /** Figures whose ratio fell below the project's target. */
  missedTargets(): Figure[] {
    return this.figures.filter(
      (figure) => (figure.target && !figure.target.met) || (figure.limit && !figure.limit.met),
    );
  }
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

const formatRatio = (ratio: number): string => (ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(3));

function renderTable(header: string[], rows: string[][], alignRight: boolean[]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (alignRight[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The suite as text: its facts, then one row per figure (then the attachments, when asked). */
export function renderReport(report: SuiteReport, withAttachments = false): string {
  const facts = report.facts.map((fact) => `  ${fact.label}: ${fact.value}`);
  const rows = report.figures.map((figure) => [
    `#${figure.number}`,
    figure.label,
    formatNumber(figure.value),
    figure.unit,
    figure.baseline ? `#${figure.baseline.number} ${formatNumber(figure.baseline.value)}` : '—',
    figure.ratio === undefined ? '—' : formatRatio(figure.ratio),
    [
      figure.target ? `≥ ${figure.target.minRatio} ${figure.target.met ? 'ok' : 'BELOW'}` : '',
      figure.limit
        ? `${figure.better === 'lower' ? '≤' : '≥'} ${formatNumber(figure.limit.value)} ${figure.unit} ${figure.limit.met ? 'ok' : 'MISSED'}`
        : '',
    ]
      .filter(Boolean)
      .join(', '),
    figure.note ?? '',
  ]);
  const table = renderTable(['#', 'Figure', 'Value', 'Unit', 'Baseline', 'Ratio', 'Target', 'Note'], rows, [
    false,
    false,
    true,
    false,
    true,
    true,
    false,
    false,
  ]);
  const attachments = withAttachments
    ? Object.entries(report.attachments).flatMap(([name, text]) => ['', `${name}:`, text])
    : [];
  return [`Suite "${report.suite}"`, ...facts, '', table, ...attachments].join('\n');
}
