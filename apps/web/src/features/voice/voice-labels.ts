import type { MantineColor } from '@mantine/core';
import type { SurveyStatus, VoiceCategory, VoiceKind, VoiceStatus } from '@union/contracts/voice';
import { VOICE_CATEGORIES, VOICE_KINDS, VOICE_STATUSES } from '@union/contracts/voice';
import type { TFunction } from 'i18next';

/** The voice screens' `t`: their texts live in the `voice` namespace (locales/vi.ts). */
export type VoiceT = TFunction<'voice'>;

export const STATUS_COLORS: Record<VoiceStatus, MantineColor> = {
  received: 'blue',
  in_progress: 'orange',
  answered: 'green',
  closed: 'gray',
};

export const KIND_COLORS: Record<VoiceKind, MantineColor> = {
  concern: 'indigo',
  proposal: 'teal',
  complaint: 'grape',
};

/** One hue per category, the same in every chart and legend. */
export const CATEGORY_COLORS: Record<VoiceCategory, MantineColor> = {
  wages: 'blue',
  working_hours: 'orange',
  social_insurance: 'teal',
  safety: 'red',
  contracts: 'grape',
  housing: 'yellow',
  welfare: 'green',
  union_activity: 'indigo',
  other: 'gray',
};

export const SURVEY_STATUS_COLORS: Record<SurveyStatus, MantineColor> = {
  scheduled: 'gray',
  open: 'green',
  closed: 'dark',
};

/** The nine categories in the contract's order, "Khác" last, as select options. */
export const categoryOptions = (t: VoiceT) =>
  VOICE_CATEGORIES.map((category) => ({ value: category, label: t(`category.${category}`) }));

export const kindOptions = (t: VoiceT) =>
  VOICE_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }));

export const statusOptions = (t: VoiceT) =>
  VOICE_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }));

export const isVoiceCategory = (value: string | null | undefined): value is VoiceCategory =>
  (VOICE_CATEGORIES as readonly (string | null | undefined)[]).includes(value);

export const isVoiceKind = (value: string | null | undefined): value is VoiceKind =>
  (VOICE_KINDS as readonly (string | null | undefined)[]).includes(value);

export const isVoiceStatus = (value: string | null | undefined): value is VoiceStatus =>
  (VOICE_STATUSES as readonly (string | null | undefined)[]).includes(value);
