import type { HeatDimension, VoiceAnalyticsDto, VoiceCategory } from '@union/contracts/voice';
import { HEAT_DIMENSIONS, VOICE_CATEGORIES } from '@union/contracts/voice';
import type { VoicePeriod } from './api';

/** The last 12 months, this one included, from the first of the month: whole months on the chart. */
export function defaultAnalyticsPeriod(today: string): VoicePeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const start = new Date(Date.UTC(year, month - 12, 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}

/** Every month from `from` to `to` as `yyyy-mm`, both included. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  // A period of decades is not a chart anyone reads: 20 years at most.
  for (let guard = 0; guard < 240; guard += 1) {
    const current = `${String(year)}-${String(month).padStart(2, '0')}`;
    if (current > last) break;
    months.push(current);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

export type MonthRow = { month: string } & Partial<Record<VoiceCategory, number>>;

/** One row per month of the period, a count per category (months without items included, as zeros). */
export function monthlyRows(analytics: Pick<VoiceAnalyticsDto, 'monthly' | 'from' | 'to'>): MonthRow[] {
  const rows = new Map<string, MonthRow>(
    monthsBetween(analytics.from, analytics.to).map((month) => [month, { month }]),
  );
  for (const { month, category, count } of analytics.monthly) {
    const row = rows.get(month) ?? { month };
    row[category] = (row[category] ?? 0) + count;
    rows.set(month, row);
  }
  return [...rows.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/** The categories that have items in the period, in the contract's order (the chart's stacking order). */
export function categoriesIn(monthly: VoiceAnalyticsDto['monthly']): VoiceCategory[] {
  const used = new Set(monthly.filter((row) => row.count > 0).map((row) => row.category));
  return VOICE_CATEGORIES.filter((category) => used.has(category));
}

/** The share answered within the deadline, or `null` when nothing was answered. */
export const onTimeShare = (handling: VoiceAnalyticsDto['handling']) =>
  handling.answered > 0 ? handling.answeredOnTime / handling.answered : null;

export const HEAT_TOP = 10;

/** The ten busiest units of each dimension, busiest first. */
export function heatLists(
  heat: VoiceAnalyticsDto['heat'],
): { dimension: HeatDimension; rows: VoiceAnalyticsDto['heat'] }[] {
  return HEAT_DIMENSIONS.map((dimension) => ({
    dimension,
    rows: heat
      .filter((row) => row.dimension === dimension)
      .sort((a, b) => b.count - a.count || a.unit.name.localeCompare(b.unit.name, 'vi'))
      .slice(0, HEAT_TOP),
  }));
}
