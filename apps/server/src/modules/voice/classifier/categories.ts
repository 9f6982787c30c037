import { VOICE_CATEGORIES, type VoiceCategory } from '@union/contracts/voice';

/** The categories a member's concern is filed under, in display order: the contract's list. */
export { VOICE_CATEGORIES, type VoiceCategory };

const CATEGORY_SET: ReadonlySet<string> = new Set(VOICE_CATEGORIES);

export const isVoiceCategory = (value: unknown): value is VoiceCategory =>
  typeof value === 'string' && CATEGORY_SET.has(value);
