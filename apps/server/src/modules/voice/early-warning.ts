import { and, desc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { todayInVietnam } from '../../kernel/time.js';
import { unsafeRoutingUnits } from '../units/index.js';
import { escalationTargetId } from './handling-levels.js';
import type { VoiceItemRow } from './voice-access.js';
import { notifyHandlers } from './voice-notices.js';
import { voiceAlertRules, voiceAlerts } from './voice.schema.js';

const DAY_MS = 86_400_000;

/**
 * Early warning, checked as each item arrives (in its transaction): for every rule in force that fits
 * the item, count the employer's (or the zone's) items in the rule's window and compare with its usual
 * rate over the weeks before. A rise past both the floor and the ratio raises one alert per window and
 * tells the officers above the employer — the managing union and the province — not the employer's own.
 */
export async function checkEarlyWarnings(
  tx: Db,
  item: Pick<VoiceItemRow, 'category' | 'grassrootsUnitId' | 'zoneUnitId'>,
  now: Date,
  options: { includingThisOne?: boolean } = {},
): Promise<void> {
  const today = todayInVietnam(now);
  const rules = await tx
    .select()
    .from(voiceAlertRules)
    .where(
      and(
        lte(voiceAlertRules.effectiveFrom, today),
        or(isNull(voiceAlertRules.effectiveTo), gte(voiceAlertRules.effectiveTo, today)),
        or(isNull(voiceAlertRules.category), eq(voiceAlertRules.category, item.category)),
      ),
    );
  for (const rule of rules) {
    const unitId = rule.scopeKind === 'employer' ? item.grassrootsUnitId : item.zoneUnitId;
    if (unitId === null) continue;
    const column = rule.scopeKind === 'employer' ? sql`grassroots_unit_id` : sql`zone_unit_id`;
    const windowStart = new Date(now.getTime() - rule.windowDays * DAY_MS);
    const baselineStart = new Date(windowStart.getTime() - rule.baselineWeeks * 7 * DAY_MS);
    const byCategory = rule.category === null ? sql`true` : sql`category = ${rule.category}`;
    const [counts] = await queryRows<{ recent: number; before: number }>(
      tx,
      sql`select count(*) filter (where created_at > ${windowStart})::int as recent,
                 count(*) filter (where created_at <= ${windowStart})::int as before
          from voice_items
          where ${column} = ${unitId} and created_at > ${baselineStart} and created_at <= ${now} and ${byCategory}`,
    );
    // An item about to be inserted counts too: the check runs before its insert (see submitItem).
    const recent = Number(counts?.recent ?? 0) + (options.includingThisOne ? 1 : 0);
    const baselinePerWindow = (Number(counts?.before ?? 0) * rule.windowDays) / (rule.baselineWeeks * 7);
    if (recent < rule.minCount || recent < rule.ratio * baselinePerWindow) continue;
    const [already] = await tx
      .select({ id: voiceAlerts.id })
      .from(voiceAlerts)
      .where(
        and(
          eq(voiceAlerts.unitId, unitId),
          eq(voiceAlerts.ruleId, rule.id),
          gte(voiceAlerts.raisedAt, windowStart),
        ),
      )
      .orderBy(desc(voiceAlerts.raisedAt))
      .limit(1);
    if (already) continue;
    const units = await unsafeRoutingUnits(tx, [unitId]);
    const unit = units.get(unitId);
    if (!unit) continue;
    await tx.insert(voiceAlerts).values({
      ruleId: rule.id,
      unitId,
      unitPath: unit.path,
      scopeKind: rule.scopeKind,
      category: rule.category,
      count: recent,
      baselinePerWindow,
      raisedAt: now,
    });
    const above = [escalationTargetId(unit), unit.provinceId].filter(
      (id): id is number => id !== null && id !== unit.id,
    );
    await notifyHandlers(tx, above, {
      kind: 'voice_alert',
      title: `Cảnh báo sớm: ${unit.name}`.slice(0, 200),
      body: `${recent} ý kiến trong ${rule.windowDays} ngày (mức thường ${baselinePerWindow.toFixed(1)}). ${rule.description}`,
      link: `/voice/analytics/${unit.provinceId ?? unit.id}`,
    });
  }
}
