/**
 * The categories a member's concern is filed under, in display order. `@union/contracts/voice` exports the
 * same list; the classifier keeps its own copy so it builds on its own, and a test keeps the two equal.
 */
export const VOICE_CATEGORIES = [
  'wages',
  'working_hours',
  'social_insurance',
  'safety',
  'contracts',
  'housing',
  'welfare',
  'union_activity',
  'other',
] as const;

export type VoiceCategory = (typeof VOICE_CATEGORIES)[number];

const CATEGORY_SET: ReadonlySet<string> = new Set(VOICE_CATEGORIES);

export const isVoiceCategory = (value: unknown): value is VoiceCategory =>
  typeof value === 'string' && CATEGORY_SET.has(value);
