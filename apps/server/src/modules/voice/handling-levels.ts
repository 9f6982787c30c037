import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import type { UnitType } from '@union/contracts/units';
import type { VoiceCategory } from '@union/contracts/voice';
import { vietnamCalendar } from '../../kernel/calendar/working-days.js';
import type { Db } from '../../kernel/db/database.js';
import { todayInVietnam } from '../../kernel/time.js';
import type { RoutingUnit } from '../units/index.js';
import { voiceDeadlineRules } from './voice.schema.js';

/** The four levels that handle what members raise; deadlines are set per level. */
export type HandlingLevel = 'grassroots' | 'upper' | 'federation' | 'confederation';

const LEVEL_OF: Record<UnitType, HandlingLevel | null> = {
  confederation: 'confederation',
  provincial_federation: 'federation',
  sector_union: 'federation',
  corporate_union: 'federation',
  upper_union: 'upper',
  commune_union: 'upper',
  industrial_zone_union: 'upper',
  grassroots_union: 'grassroots',
  grassroots_guild: 'grassroots',
  // A branch or a group is part of its grassroots union: it does not handle items of its own.
  union_branch: null,
  union_group: null,
};

export const handlingLevelOf = (type: UnitType): HandlingLevel | null => LEVEL_OF[type];

/** Where an item goes when its handling unit misses the deadline or escalates: the managing unit. */
export const escalationTargetId = (unit: RoutingUnit): number | null => unit.managingUnitId ?? unit.parentId;

/** The unit ids on a materialised path, root first: "/1/14/203/" → [1, 14, 203]. */
export const idsOnPath = (path: string): number[] =>
  path
    .split('/')
    .filter((part) => part !== '')
    .map(Number);

/**
 * The deadline for an item arriving at a level now: the level's rule for the category in force on the
 * day (a category's own rule first, else the level's default), counted in working days.
 */
export async function deadlineFor(
  db: Db,
  level: HandlingLevel,
  category: VoiceCategory,
  now: Date,
): Promise<Date> {
  const day = todayInVietnam(now);
  const [rule] = await db
    .select({ workingDays: voiceDeadlineRules.workingDays })
    .from(voiceDeadlineRules)
    .where(
      and(
        eq(voiceDeadlineRules.level, level),
        or(eq(voiceDeadlineRules.category, category), isNull(voiceDeadlineRules.category)),
        lte(voiceDeadlineRules.effectiveFrom, day),
      ),
    )
    .orderBy(sql`${voiceDeadlineRules.category} is null`, desc(voiceDeadlineRules.effectiveFrom))
    .limit(1);
  // No rule at all (a database emptied by hand): ten working days rather than no deadline.
  return vietnamCalendar.addWorkingDays(now, rule?.workingDays ?? 10);
}
