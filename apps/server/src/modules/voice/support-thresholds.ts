import { desc } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.js';
import { todayInVietnam } from '../../kernel/time.js';
import { voiceSupportThresholds } from './voice.schema.js';

/** The support that obliges an official answer, by scope, as in force on a day. */
export type SupportThresholds = (scope: string, at: Date) => number | null;

/** The dated rules (a handful of rows), read once for a page of proposals. */
export async function loadSupportThresholds(db: Db): Promise<SupportThresholds> {
  const rules = await db
    .select()
    .from(voiceSupportThresholds)
    .orderBy(desc(voiceSupportThresholds.effectiveFrom), desc(voiceSupportThresholds.id));
  return (scope, at) => {
    const day = todayInVietnam(at);
    return rules.find((rule) => rule.scope === scope && rule.effectiveFrom <= day)?.minSupports ?? null;
  };
}
