import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import {
  HEAT_DIMENSIONS,
  VOICE_CATEGORIES,
  VOICE_KINDS,
  type HeatDimension,
  type VoiceAlertDto,
  type VoiceAnalyticsDto,
  type VoiceAnalyticsQuery,
  type VoiceCategory,
  type VoiceKind,
} from '@union/contracts/voice';
import type { Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import { findUnit, unsafeRoutingUnits } from '../units/index.js';
import { forecastNextMonth } from './forecast.js';
import { idsOnPath } from './handling-levels.js';
import type { VoiceContext } from './voice-items.service.js';
import { voiceAlertRules, voiceAlerts } from './voice.schema.js';

/** yyyy-mm-01 of a yyyy-mm-dd day, shifted by whole months. */
function monthStart(day: string, shiftMonths = 0): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + shiftMonths;
  const shifted = new Date(Date.UTC(year, month, 1));
  return shifted.toISOString().slice(0, 10);
}

const HEAT_UNIT_TYPES: Record<HeatDimension, string> = {
  province: 'provincial_federation',
  sector: 'sector_union',
  industrial_zone: 'industrial_zone_union',
  employer: 'grassroots_union',
};
const HEAT_TOP = 10;
/** Employers are many (127,000): their heat covers the period's last month, "where it is hot now". */
const EMPLOYER_HEAT_MONTHS = 1;
const TOPICS_TOP = 15;
const TOPIC_MIN_RECENT = 3;
const FORECAST_MONTHS = 36;

interface CountRow {
  month: string;
  category: VoiceCategory;
  kind: VoiceKind;
  items: number;
  answered: number;
  onTime: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * What members raised in a unit's subtree over a period: read from the counters the triggers keep
 * (one unit's rows, whatever the number of items), plus the open items by deadline, topic terms,
 * heat, alerts and a forecast per category.
 */
export async function voiceAnalytics(
  context: VoiceContext,
  actor: Actor,
  unitId: number,
  query: VoiceAnalyticsQuery,
): Promise<VoiceAnalyticsDto> {
  const { db } = context;
  const unit = await findUnit(db, actor, unitId, 'voice.analytics');
  if (!unit) throw new DomainError('unit.not_found');
  const now = context.now();
  const today = todayInVietnam(now);
  const to = query.to ?? today;
  const from = query.from ?? monthStart(to, -11);
  if (from > to)
    throw new DomainError('validation.failed', [
      { path: 'from', message: 'Ngày bắt đầu phải trước ngày kết thúc.' },
    ]);
  const firstMonth = monthStart(from);
  const lastMonth = monthStart(to);

  const counts = await queryRows<CountRow>(
    db,
    sql`select to_char(month, 'YYYY-MM') as month, category, kind, items, answered, answered_on_time as "onTime",
               rating_sum as "ratingSum", rating_count as "ratingCount"
        from voice_monthly_counts
        where unit_id = ${unit.id} and month between ${firstMonth} and ${lastMonth}`,
  );
  const byCategory = new Map<VoiceCategory, number>();
  const byKind = new Map<VoiceKind, number>();
  const monthly = new Map<string, number>();
  let total = 0;
  let answered = 0;
  let onTime = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  for (const row of counts) {
    const items = Number(row.items);
    total += items;
    answered += Number(row.answered);
    onTime += Number(row.onTime);
    ratingSum += Number(row.ratingSum);
    ratingCount += Number(row.ratingCount);
    byCategory.set(row.category, (byCategory.get(row.category) ?? 0) + items);
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + items);
    const key = `${row.month}|${row.category}`;
    monthly.set(key, (monthly.get(key) ?? 0) + items);
  }

  const [open] = await queryRows<{ open: number; overdue: number }>(
    db,
    sql`select count(*)::int as open, count(*) filter (where due_at < ${now})::int as overdue
        from voice_items
        where status in ('received', 'in_progress') and ${handlingSubtree(unit.path)}`,
  );

  const [topics, heat, alerts, forecast] = [
    await emergingTopics(db, unit, lastMonth, to),
    await heatOf(db, unit.path, firstMonth, lastMonth),
    await alertsIn(db, actor, unit.path),
    await forecasts(db, unit.id, monthStart(today)),
  ];

  return {
    unit: { id: unit.id, name: unit.name },
    from,
    to,
    total,
    byCategory: VOICE_CATEGORIES.map((category) => ({ category, count: byCategory.get(category) ?? 0 })),
    byKind: VOICE_KINDS.map((kind) => ({ kind, count: byKind.get(kind) ?? 0 })),
    monthly: [...monthly.entries()]
      .map(([key, count]) => {
        const [month, category] = key.split('|') as [string, VoiceCategory];
        return { month, category, count };
      })
      .sort((a, b) => a.month.localeCompare(b.month) || a.category.localeCompare(b.category)),
    handling: {
      open: Number(open?.open ?? 0),
      overdue: Number(open?.overdue ?? 0),
      answered,
      answeredOnTime: onTime,
      averageRating: ratingCount === 0 ? null : Math.round((ratingSum / ratingCount) * 100) / 100,
    },
    emergingTopics: topics.terms,
    topicWindow: topics.window,
    heat,
    alerts,
    forecast,
  };
}

/** Open items handled in a subtree: a province's share through its own index range. */
function handlingSubtree(path: string) {
  const ids = idsOnPath(path);
  // The Confederation's is every open item (an index-only count); a province's is its own id's range.
  if (ids.length === 1) return sql`true`;
  if (ids.length === 2) return sql`handling_province_id = ${ids[1]}`;
  return sql`handling_province_id = ${ids[1]} and handling_unit_path like ${`${path}%`}`;
}

/**
 * Terms whose frequency rises: the last month of the period against the three before it. The
 * Confederation and each province (or sector) read the per-province counters; a smaller unit counts
 * its own items' terms, which are few.
 */
async function emergingTopics(db: Db, unit: { path: string; depth: number }, lastMonth: string, to: string) {
  const previousFrom = monthStart(lastMonth, -3);
  const window = { recentFrom: lastMonth, previousFrom };
  const ids = idsOnPath(unit.path);
  const rows =
    ids.length <= 2
      ? await queryRows<{ term: string; recent: number; previous: number }>(
          db,
          sql`select term, sum(items) filter (where month = ${lastMonth})::int as recent,
                     coalesce(sum(items) filter (where month < ${lastMonth}), 0)::int as previous
              from voice_term_counts
              where province_id = ${ids.length === 1 ? 0 : ids[1]!} and month between ${previousFrom} and ${lastMonth}
                -- Only terms frequent enough last month can be emerging: the earlier months are read for those.
                and term in (select term from voice_term_counts
                             where province_id = ${ids.length === 1 ? 0 : ids[1]!} and month = ${lastMonth}
                               and items >= ${TOPIC_MIN_RECENT})
              group by term`,
        )
      : await queryRows<{ term: string; recent: number; previous: number }>(
          db,
          sql`select term, count(*) filter (where created_at >= ${lastMonth}::date)::int as recent,
                     count(*) filter (where created_at < ${lastMonth}::date)::int as previous
              from voice_items, unnest(terms) as term
              where province_id = ${ids[1]!} and origin_unit_path like ${`${unit.path}%`}
                and created_at >= ${previousFrom}::date and created_at < (${to}::date + 1)
              group by term
              having count(*) filter (where created_at >= ${lastMonth}::date) >= ${TOPIC_MIN_RECENT}`,
        );
  const terms = rows
    .map((row) => {
      const recent = Number(row.recent);
      const previous = Number(row.previous);
      // Growth of the monthly rate, smoothed so a term seen once before does not dwarf steady ones.
      const growth = (recent + 1) / (previous / 3 + 1);
      return { term: row.term, recent, previous, growth: Math.round(growth * 100) / 100 };
    })
    .filter((row) => row.growth > 1)
    .sort((a, b) => b.growth - a.growth || b.recent - a.recent || a.term.localeCompare(b.term))
    .slice(0, TOPICS_TOP);
  return { terms, window };
}

async function heatOf(db: Db, path: string, firstMonth: string, lastMonth: string) {
  const result: VoiceAnalyticsDto['heat'] = [];
  for (const dimension of HEAT_DIMENSIONS) {
    const since =
      dimension === 'employer'
        ? maxMonth(firstMonth, monthStart(lastMonth, 1 - EMPLOYER_HEAT_MONTHS))
        : firstMonth;
    const rows = await queryRows<{ unitId: number; count: number }>(
      db,
      sql`select unit_id as "unitId", sum(items)::int as count
          from voice_monthly_counts
          where unit_type = ${HEAT_UNIT_TYPES[dimension]} and month between ${since} and ${lastMonth}
            and unit_path like ${`${path}%`}
          group by unit_id
          order by count desc, unit_id
          limit ${HEAT_TOP}`,
    );
    const names = await unsafeRoutingUnits(
      db,
      rows.map((row) => row.unitId),
    );
    for (const row of rows) {
      result.push({
        dimension,
        unit: { id: row.unitId, name: names.get(row.unitId)?.name ?? '' },
        count: Number(row.count),
      });
    }
  }
  return result;
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);

async function alertsIn(db: Db, actor: Actor, path: string): Promise<VoiceAlertDto[]> {
  const rows = await db
    .select({ alert: voiceAlerts, rule: voiceAlertRules })
    .from(voiceAlerts)
    .innerJoin(voiceAlertRules, eq(voiceAlertRules.id, voiceAlerts.ruleId))
    .where(
      and(
        sql`${voiceAlerts.unitPath} like ${`${path}%`}`,
        withinScope(voiceAlerts.unitPath, actor, 'voice.analytics'),
      ),
    )
    .orderBy(isNull(voiceAlerts.acknowledgedAt), desc(voiceAlerts.raisedAt))
    .limit(20);
  const names = await unsafeRoutingUnits(
    db,
    rows.map((row) => row.alert.unitId),
  );
  return rows
    .map(({ alert, rule }) => ({
      id: alert.id,
      unit: { id: alert.unitId, name: names.get(alert.unitId)?.name ?? '' },
      scopeKind: alert.scopeKind as VoiceAlertDto['scopeKind'],
      category: alert.category as VoiceCategory | null,
      count: alert.count,
      baselinePerWindow: Math.round(alert.baselinePerWindow * 10) / 10,
      raisedAt: alert.raisedAt.toISOString(),
      rule: {
        id: rule.id,
        description: rule.description,
        windowDays: rule.windowDays,
        baselineWeeks: rule.baselineWeeks,
        minCount: rule.minCount,
        ratio: rule.ratio,
      },
      acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    }))
    .sort(
      (a, b) =>
        Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
        b.raisedAt.localeCompare(a.raisedAt),
    );
}

/** Next month per category from the complete months before the current one. */
async function forecasts(db: Db, unitId: number, currentMonth: string) {
  const since = monthStart(currentMonth, -FORECAST_MONTHS);
  const rows = await queryRows<{ month: string; category: VoiceCategory; items: number }>(
    db,
    sql`select to_char(month, 'YYYY-MM-DD') as month, category, sum(items)::int as items
        from voice_monthly_counts
        where unit_id = ${unitId} and month >= ${since} and month < ${currentMonth}
        group by month, category`,
  );
  const firstSeen = rows.reduce((first, row) => (row.month < first ? row.month : first), currentMonth);
  const months: string[] = [];
  for (let month = firstSeen; month < currentMonth; month = monthStart(month, 1)) months.push(month);
  const index = new Map(months.map((month, i) => [month, i]));
  const series = new Map<VoiceCategory, number[]>(
    VOICE_CATEGORIES.map((category) => [category, months.map(() => 0)]),
  );
  for (const row of rows) series.get(row.category)![index.get(row.month)!] = Number(row.items);
  return VOICE_CATEGORIES.map((category) => {
    const forecast = forecastNextMonth(series.get(category)!);
    const round = (value: number) => Math.round(value * 10) / 10;
    return {
      category,
      month: currentMonth.slice(0, 7),
      method: forecast.method,
      next: round(forecast.next),
      low: round(forecast.low),
      high: round(forecast.high),
      backtest: {
        months: forecast.backtest.months,
        mae: round(forecast.backtest.mae),
        mape: forecast.backtest.mape === null ? null : round(forecast.backtest.mape),
        smape: round(forecast.backtest.smape),
      },
    };
  });
}

/** An officer who can see the alert's unit marks it seen. */
export async function acknowledgeAlert(context: VoiceContext, actor: Actor, id: number): Promise<void> {
  const updated = await context.db
    .update(voiceAlerts)
    .set({ acknowledgedAt: context.now(), acknowledgedBy: actor.accountId })
    .where(
      and(
        eq(voiceAlerts.id, id),
        isNull(voiceAlerts.acknowledgedAt),
        withinScope(voiceAlerts.unitPath, actor, 'voice.analytics'),
      ),
    )
    .returning({ id: voiceAlerts.id });
  if (updated.length > 0) return;
  const [exists] = await context.db
    .select({ id: voiceAlerts.id })
    .from(voiceAlerts)
    .where(and(eq(voiceAlerts.id, id), withinScope(voiceAlerts.unitPath, actor, 'voice.analytics')));
  if (!exists) throw new DomainError('voice.alert_not_found');
}
