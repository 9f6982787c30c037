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

/**
 * The seed knowledge names topics by key; advisers type theirs in words. Known keys read in Vietnamese,
 * anything else as written.
 */
const TOPIC_NAMES: Record<string, string> = {
  annual_leave: 'Nghỉ hằng năm',
  base_salary: 'Lương cơ sở',
  collective_agreement: 'Thỏa ước lao động tập thể',
  collective_bargaining: 'Thương lượng tập thể',
  contract: 'Hợp đồng lao động',
  contracts: 'Hợp đồng lao động',
  dialogue: 'Đối thoại tại nơi làm việc',
  discipline: 'Kỷ luật lao động',
  female_workers: 'Lao động nữ',
  holidays: 'Nghỉ lễ, Tết',
  labour_dispute: 'Tranh chấp lao động',
  material_liability: 'Trách nhiệm vật chất',
  maternity: 'Thai sản',
  minimum_wage: 'Lương tối thiểu vùng',
  minors: 'Lao động chưa thành niên',
  overtime: 'Làm thêm giờ',
  paternity: 'Nghỉ khi vợ sinh con',
  pension: 'Lương hưu',
  personal_leave: 'Nghỉ việc riêng',
  probation: 'Thử việc',
  rest: 'Nghỉ ngơi',
  retirement: 'Tuổi nghỉ hưu',
  severance: 'Trợ cấp thôi việc, mất việc',
  sexual_harassment: 'Quấy rối tình dục',
  si_contribution: 'Đóng bảo hiểm xã hội',
  si_evasion: 'Trốn đóng bảo hiểm xã hội',
  si_lump_sum: 'Bảo hiểm xã hội một lần',
  si_participation: 'Tham gia bảo hiểm xã hội',
  sickness: 'Ốm đau',
  social_pension: 'Trợ cấp hưu trí xã hội',
  strike: 'Đình công',
  survivor: 'Tử tuất',
  termination: 'Chấm dứt hợp đồng',
  unemployment_insurance: 'Bảo hiểm thất nghiệp',
  union_dues: 'Đoàn phí',
  union_employer_duties: 'Trách nhiệm của người sử dụng lao động với công đoàn',
  union_finance: 'Kinh phí công đoàn',
  union_legal_support: 'Công đoàn hỗ trợ pháp lý',
  union_membership: 'Gia nhập công đoàn',
  union_protection: 'Bảo vệ cán bộ công đoàn',
  union_time_off: 'Thời gian hoạt động công đoàn',
  wages: 'Tiền lương',
  working_hours: 'Thời giờ làm việc',
};

export const topicLabel = (topic: string): string => TOPIC_NAMES[topic] ?? topic;

/** Document kinds as the law names them. */
const DOCUMENT_KIND_NAMES: Record<string, string> = {
  code: 'Bộ luật',
  law: 'Luật',
  decree: 'Nghị định',
  circular: 'Thông tư',
  decision: 'Quyết định',
  resolution: 'Nghị quyết',
  consolidated: 'Văn bản hợp nhất',
};

export const documentKindLabel = (kind: string): string => DOCUMENT_KIND_NAMES[kind] ?? kind;
