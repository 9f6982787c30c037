import type { MantineColor } from '@mantine/core';
import {
  ANSWER_VERSION_STATUSES,
  type AnswerVersionStatus,
  CALCULATOR_KINDS,
  LEGAL_CASE_STATUSES,
  type LegalCaseStatus,
} from '@union/contracts/assistant';
import type { TFunction } from 'i18next';

/** The assistant screens' `t`: their texts live in the `assistant` namespace (locales/vi.ts). */
export type AssistantT = TFunction<'assistant'>;

export const CASE_STATUS_COLORS: Record<LegalCaseStatus, MantineColor> = {
  waiting: 'orange',
  assigned: 'blue',
  answered: 'green',
  closed: 'gray',
};

export const VERSION_STATUS_COLORS: Record<AnswerVersionStatus, MantineColor> = {
  draft: 'gray',
  in_review: 'orange',
  live: 'green',
  rejected: 'red',
  superseded: 'dark',
};

export const caseStatusOptions = (t: AssistantT) =>
  LEGAL_CASE_STATUSES.map((status) => ({ value: status, label: t(`caseStatus.${status}`) }));

export const versionStatusOptions = (t: AssistantT) =>
  ANSWER_VERSION_STATUSES.map((status) => ({ value: status, label: t(`versionStatus.${status}`) }));

export const calculatorOptions = (t: AssistantT) =>
  CALCULATOR_KINDS.map((kind) => ({ value: kind, label: t(`calculator.${kind}`) }));

export const isCaseStatus = (value: string | null | undefined): value is LegalCaseStatus =>
  (LEGAL_CASE_STATUSES as readonly (string | null | undefined)[]).includes(value);

export const isVersionStatus = (value: string | null | undefined): value is AnswerVersionStatus =>
  (ANSWER_VERSION_STATUSES as readonly (string | null | undefined)[]).includes(value);

export const isCalculatorKind = (
  value: string | null | undefined,
): value is (typeof CALCULATOR_KINDS)[number] =>
  (CALCULATOR_KINDS as readonly (string | null | undefined)[]).includes(value);

/** The four starter questions shown on an empty chat, by their key in `chat.starters`. */
export const STARTER_QUESTIONS = ['severance', 'overtime', 'maternity', 'minimumWage'] as const;
