import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';
import { AGE_BANDS } from './statistics.js';
import { Sex } from './members.js';

/**
 * Members' voice (mission M5, M6): concerns, proposals and complaints routed up the union tree with
 * deadlines in working days, and surveys. The design is written in apps/server/src/modules/voice/README.md.
 */

/** A concern is private; a proposal is public within its scope and gathers support; a complaint has files. */
export const VOICE_KINDS = ['concern', 'proposal', 'complaint'] as const;
export const VoiceKind = z.enum(VOICE_KINDS);
export type VoiceKind = z.infer<typeof VoiceKind>;

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
export const VoiceCategory = z.enum(VOICE_CATEGORIES);
export type VoiceCategory = z.infer<typeof VoiceCategory>;

/** received → in_progress → answered → closed; a member may reopen an answered item once. */
export const VOICE_STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export const VoiceStatus = z.enum(VOICE_STATUSES);
export type VoiceStatus = z.infer<typeof VoiceStatus>;
/** Statuses still waiting on the handling unit: the inbox and the deadlines are about these. */
export const OPEN_VOICE_STATUSES: readonly VoiceStatus[] = ['received', 'in_progress'];

/** Where a proposal is public: the member's grassroots union, or the whole province. */
export const PROPOSAL_SCOPES = ['unit', 'province'] as const;
export const ProposalScope = z.enum(PROPOSAL_SCOPES);
export type ProposalScope = z.infer<typeof ProposalScope>;

export const VOICE_EVENT_KINDS = [
  'submitted',
  'status_changed',
  'note',
  'answered',
  'escalated',
  'passed_on',
  'auto_escalated',
  'recategorised',
  'rated',
  'reopened',
  'closed',
  'support_threshold_reached',
] as const;
export const VoiceEventKind = z.enum(VOICE_EVENT_KINDS);
export type VoiceEventKind = z.infer<typeof VoiceEventKind>;

export const VOICE_TITLE_MAX = 200;
export const VOICE_BODY_MAX = 10_000;
export const VOICE_ANSWER_MAX = 10_000;
export const VOICE_REASON_MAX = 1_000;
/** Attachments on complaints: images and PDF, checked by their first bytes, not their names. */
export const VOICE_ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const VOICE_ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const VOICE_ATTACHMENTS_PER_ITEM = 5;

const trimmed = (max: number) => z.string().trim().min(1).max(max);

export const SubmitVoiceBody = z.object({
  kind: VoiceKind,
  title: trimmed(VOICE_TITLE_MAX),
  body: trimmed(VOICE_BODY_MAX),
  /** Left out: the classifier's suggestion is used. */
  category: VoiceCategory.optional(),
  /** Hidden from officers too; only concerns and complaints may be anonymous (a proposal is public). */
  anonymous: z.boolean().optional(),
  /** Proposals only; the grassroots union by default. */
  scope: ProposalScope.optional(),
  /** An officer entering on a member's behalf names the member. */
  memberId: Id.optional(),
});
export type SubmitVoiceBody = z.infer<typeof SubmitVoiceBody>;

export const SubmittedVoiceDto = z.object({
  id: z.number(),
  category: VoiceCategory,
  handlingUnitId: z.number(),
  dueAt: z.string(),
  status: VoiceStatus,
});
export type SubmittedVoiceDto = z.infer<typeof SubmittedVoiceDto>;

export const ClassifyVoiceBody = z.object({
  title: z.string().max(VOICE_TITLE_MAX).default(''),
  body: z.string().max(VOICE_BODY_MAX).default(''),
});
export type ClassifyVoiceBody = z.infer<typeof ClassifyVoiceBody>;

/** The category suggestion and similar items the member can see, shown before submitting. */
export const VoiceSuggestionDto = z.object({
  category: VoiceCategory,
  confidence: z.number(),
  ranked: z.array(z.object({ category: VoiceCategory, score: z.number() })),
  similar: z.array(
    z.object({
      id: z.number(),
      kind: VoiceKind,
      title: z.string(),
      status: VoiceStatus,
      supportCount: z.number(),
      mine: z.boolean(),
    }),
  ),
});
export type VoiceSuggestionDto = z.infer<typeof VoiceSuggestionDto>;

export const VoiceListQuery = PageQuery.extend({
  status: VoiceStatus.optional(),
  /** Items handled by this unit or below (officers); the caller's scope still applies. */
  unitId: Id.optional(),
  category: VoiceCategory.optional(),
  kind: VoiceKind.optional(),
  /** `mine`: what I raised (members); `public`: proposals I can see and support; `inbox` (default for officers). */
  view: z.enum(['inbox', 'mine', 'public']).optional(),
  overdue: z.coerce.boolean().optional(),
});
export type VoiceListQuery = z.infer<typeof VoiceListQuery>;

const UnitRef = z.object({ id: z.number(), name: z.string() });

export const VoiceItemSummaryDto = z.object({
  id: z.number(),
  kind: VoiceKind,
  title: z.string(),
  category: VoiceCategory,
  status: VoiceStatus,
  anonymous: z.boolean(),
  /** Null when anonymous, and always null for other members. */
  authorName: z.string().nullable(),
  handlingUnit: UnitRef,
  dueAt: z.string(),
  overdue: z.boolean(),
  escalations: z.number(),
  supportCount: z.number(),
  /** Proposals: the supports that oblige an official answer (the rule in force when it was raised). */
  supportThreshold: z.number().nullable(),
  /** Whether the member reading supports it (always false for officers). */
  supportedByMe: z.boolean(),
  createdAt: z.string(),
});
export type VoiceItemSummaryDto = z.infer<typeof VoiceItemSummaryDto>;

export const VoicePage = pageOf(VoiceItemSummaryDto);
export type VoicePage = z.infer<typeof VoicePage>;

export const VoiceEventDto = z.object({
  id: z.number(),
  kind: VoiceEventKind,
  at: z.string(),
  /** The officer's name; null for the platform, for the member, and for anonymous authors. */
  actorName: z.string().nullable(),
  fromUnit: UnitRef.nullable(),
  toUnit: UnitRef.nullable(),
  /** The reason, note or answer text; internal notes are never sent to the member. */
  text: z.string().nullable(),
  internal: z.boolean(),
});
export type VoiceEventDto = z.infer<typeof VoiceEventDto>;

export const VoiceAttachmentDto = z.object({
  id: z.number(),
  fileName: z.string(),
  contentType: z.enum(VOICE_ATTACHMENT_TYPES),
  size: z.number(),
});
export type VoiceAttachmentDto = z.infer<typeof VoiceAttachmentDto>;

export const VoiceItemDto = VoiceItemSummaryDto.extend({
  body: z.string(),
  scope: ProposalScope.nullable(),
  categorySuggested: VoiceCategory,
  categoryConfidence: z.number(),
  /** The unit the member belongs to (their grassroots union); hidden for anonymous items. */
  originUnit: UnitRef.nullable(),
  answer: z
    .object({ body: z.string(), at: z.string(), unit: UnitRef, officerName: z.string().nullable() })
    .nullable(),
  rating: z.object({ stars: z.number(), comment: z.string().nullable() }).nullable(),
  reopened: z.boolean(),
  /** A proposal that reached its support threshold must get an official answer. */
  answerRequired: z.boolean(),
  mine: z.boolean(),
  attachments: z.array(VoiceAttachmentDto),
  history: z.array(VoiceEventDto),
  can: z.object({
    answer: z.boolean(),
    escalate: z.boolean(),
    passOn: z.boolean(),
    note: z.boolean(),
    setStatus: z.boolean(),
    recategorise: z.boolean(),
    rate: z.boolean(),
    reopen: z.boolean(),
    close: z.boolean(),
    support: z.boolean(),
    attach: z.boolean(),
  }),
});
export type VoiceItemDto = z.infer<typeof VoiceItemDto>;

export const AnswerVoiceBody = z.object({ body: trimmed(VOICE_ANSWER_MAX) });
export type AnswerVoiceBody = z.infer<typeof AnswerVoiceBody>;

export const EscalateVoiceBody = z.object({ reason: trimmed(VOICE_REASON_MAX) });
export type EscalateVoiceBody = z.infer<typeof EscalateVoiceBody>;

/** Passing an item on sideways or down, to a unit the officer's office covers. */
export const PassOnVoiceBody = z.object({ unitId: Id, reason: trimmed(VOICE_REASON_MAX) });
export type PassOnVoiceBody = z.infer<typeof PassOnVoiceBody>;

export const VoiceNoteBody = z.object({ body: trimmed(VOICE_ANSWER_MAX) });
export type VoiceNoteBody = z.infer<typeof VoiceNoteBody>;

export const SetVoiceStatusBody = z.object({ status: z.enum(['in_progress', 'closed']) });
export type SetVoiceStatusBody = z.infer<typeof SetVoiceStatusBody>;

export const RecategoriseVoiceBody = z.object({ category: VoiceCategory });
export type RecategoriseVoiceBody = z.infer<typeof RecategoriseVoiceBody>;

export const RateVoiceBody = z.object({
  stars: z.number().int().min(1).max(5),
  comment: z.string().trim().max(VOICE_REASON_MAX).optional(),
});
export type RateVoiceBody = z.infer<typeof RateVoiceBody>;

export const ReopenVoiceBody = z.object({ reason: trimmed(VOICE_REASON_MAX) });
export type ReopenVoiceBody = z.infer<typeof ReopenVoiceBody>;

export const SupportResponse = z.object({ supportCount: z.number(), answerRequired: z.boolean() });
export type SupportResponse = z.infer<typeof SupportResponse>;

// ── Analytics ────────────────────────────────────────────────────────────────────────────────────────

export const VoiceAnalyticsQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });
export type VoiceAnalyticsQuery = z.infer<typeof VoiceAnalyticsQuery>;

export const HEAT_DIMENSIONS = ['province', 'sector', 'industrial_zone', 'employer'] as const;
export type HeatDimension = (typeof HEAT_DIMENSIONS)[number];

export const VoiceAlertDto = z.object({
  id: z.number(),
  /** The employer's grassroots union, or the industrial zone union. */
  unit: UnitRef,
  scopeKind: z.enum(['employer', 'industrial_zone']),
  category: VoiceCategory.nullable(),
  count: z.number(),
  baselinePerWindow: z.number(),
  raisedAt: z.string(),
  /** The rule in words, with its threshold: officers see why the alert was raised. */
  rule: z.object({
    id: z.number(),
    description: z.string(),
    windowDays: z.number(),
    baselineWeeks: z.number(),
    minCount: z.number(),
    ratio: z.number(),
  }),
  acknowledgedAt: z.string().nullable(),
});
export type VoiceAlertDto = z.infer<typeof VoiceAlertDto>;

export const VoiceForecastDto = z.object({
  category: VoiceCategory,
  month: z.string(),
  method: z.enum(['holt_winters_additive', 'holt_linear', 'mean']),
  next: z.number(),
  low: z.number(),
  high: z.number(),
  backtest: z.object({
    months: z.number(),
    mae: z.number(),
    mape: z.number().nullable(),
    smape: z.number(),
  }),
});
export type VoiceForecastDto = z.infer<typeof VoiceForecastDto>;

export const VoiceAnalyticsDto = z.object({
  unit: UnitRef,
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byCategory: z.array(z.object({ category: VoiceCategory, count: z.number() })),
  byKind: z.array(z.object({ kind: VoiceKind, count: z.number() })),
  /** Volume per month (yyyy-mm) and category. */
  monthly: z.array(z.object({ month: z.string(), category: VoiceCategory, count: z.number() })),
  handling: z.object({
    open: z.number(),
    overdue: z.number(),
    answered: z.number(),
    answeredOnTime: z.number(),
    averageRating: z.number().nullable(),
  }),
  emergingTopics: z.array(
    z.object({ term: z.string(), recent: z.number(), previous: z.number(), growth: z.number() }),
  ),
  /** The topics compare the period's last 30 days with the 90 days before them. */
  topicWindow: z.object({ recentFrom: z.string(), previousFrom: z.string() }),
  heat: z.array(
    z.object({
      dimension: z.enum(HEAT_DIMENSIONS),
      unit: UnitRef,
      count: z.number(),
    }),
  ),
  alerts: z.array(VoiceAlertDto),
  forecast: z.array(VoiceForecastDto),
});
export type VoiceAnalyticsDto = z.infer<typeof VoiceAnalyticsDto>;

// ── Surveys ──────────────────────────────────────────────────────────────────────────────────────────

export const SURVEY_QUESTION_KINDS = ['single', 'multiple', 'scale', 'text'] as const;
export const SurveyQuestionKind = z.enum(SURVEY_QUESTION_KINDS);
export type SurveyQuestionKind = z.infer<typeof SurveyQuestionKind>;

export const SURVEY_QUESTIONS_MAX = 50;
export const SURVEY_OPTIONS_MAX = 20;
export const SURVEY_TEXT_ANSWER_MAX = 2_000;

export const SurveyQuestion = z
  .object({
    /** Stable within the survey: answers refer to it. */
    id: z
      .string()
      .regex(/^[a-z0-9_-]{1,32}$/i)
      .max(32),
    kind: SurveyQuestionKind,
    text: trimmed(500),
    required: z.boolean().default(true),
    options: z.array(trimmed(200)).max(SURVEY_OPTIONS_MAX).optional(),
    /** Scale questions: from 1 to `scaleMax` (2–10). */
    scaleMax: z.number().int().min(2).max(10).optional(),
  })
  .refine(
    (q) =>
      q.kind === 'single' || q.kind === 'multiple' ? (q.options?.length ?? 0) >= 2 : q.options === undefined,
    {
      message: 'Câu hỏi lựa chọn cần ít nhất 2 phương án; câu hỏi khác không có phương án.',
      path: ['options'],
    },
  )
  .refine((q) => (q.kind === 'scale' ? q.scaleMax !== undefined : q.scaleMax === undefined), {
    message: 'Chỉ câu hỏi thang điểm có điểm tối đa.',
    path: ['scaleMax'],
  });
export type SurveyQuestion = z.infer<typeof SurveyQuestion>;

export const CreateSurveyBody = z
  .object({
    /** The subtree the survey is for: members of this unit and below answer it. */
    unitId: Id,
    title: trimmed(VOICE_TITLE_MAX),
    description: z.string().trim().max(VOICE_BODY_MAX).default(''),
    opensOn: IsoDate,
    closesOn: IsoDate,
    questions: z.array(SurveyQuestion).min(1).max(SURVEY_QUESTIONS_MAX),
  })
  .refine((s) => s.closesOn >= s.opensOn, {
    message: 'Ngày kết thúc phải sau ngày bắt đầu.',
    path: ['closesOn'],
  })
  .refine((s) => new Set(s.questions.map((q) => q.id)).size === s.questions.length, {
    message: 'Mã câu hỏi bị trùng.',
    path: ['questions'],
  });
export type CreateSurveyBody = z.infer<typeof CreateSurveyBody>;

export const SurveyStatus = z.enum(['scheduled', 'open', 'closed']);
export type SurveyStatus = z.infer<typeof SurveyStatus>;

export const SurveySummaryDto = z.object({
  id: z.number(),
  unit: UnitRef,
  title: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: SurveyStatus,
  responses: z.number(),
  /** Members only: whether I have answered. */
  answeredByMe: z.boolean(),
});
export type SurveySummaryDto = z.infer<typeof SurveySummaryDto>;

export const SurveyListQuery = PageQuery.extend({
  /** `mine`: surveys I (a member) may answer; `managed` (officers): surveys in my units. */
  view: z.enum(['mine', 'managed']).optional(),
  unitId: Id.optional(),
});
export type SurveyListQuery = z.infer<typeof SurveyListQuery>;

export const SurveyPage = pageOf(SurveySummaryDto);
export type SurveyPage = z.infer<typeof SurveyPage>;

export const SurveyDto = SurveySummaryDto.extend({
  description: z.string(),
  questions: z.array(SurveyQuestion),
  can: z.object({ answer: z.boolean(), viewResults: z.boolean(), close: z.boolean() }),
});
export type SurveyDto = z.infer<typeof SurveyDto>;

/** Answers by question id: an option index (single), indexes (multiple), 1..scaleMax (scale), text. */
export const SurveyAnswerValue = z.union([
  z.number().int().min(0),
  z.array(z.number().int().min(0)).max(SURVEY_OPTIONS_MAX),
  z.string().trim().max(SURVEY_TEXT_ANSWER_MAX),
]);
export const AnswerSurveyBody = z.object({
  answers: z.record(z.string().max(32), SurveyAnswerValue),
});
export type AnswerSurveyBody = z.infer<typeof AnswerSurveyBody>;

/** The stored response: its id only, since answers are anonymous to officers and need no echo. */
export const AnswerSurveyResponse = z.object({ id: z.number() });
export type AnswerSurveyResponse = z.infer<typeof AnswerSurveyResponse>;

export const SURVEY_BREAKDOWNS = ['unit', 'sex', 'age_band'] as const;
export const SurveyBreakdown = z.enum(SURVEY_BREAKDOWNS);
export type SurveyBreakdown = z.infer<typeof SurveyBreakdown>;

export const SurveyResultsQuery = z.object({ breakdown: SurveyBreakdown.optional() });
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

const Counts = z.array(z.number());
export const SurveyResultsDto = z.object({
  surveyId: z.number(),
  responses: z.number(),
  /** Members of the survey's subtree today: the response rate's denominator. */
  eligibleMembers: z.number(),
  breakdown: SurveyBreakdown.nullable(),
  /** The groups of the breakdown: child units, sexes or age bands; one column of counts each. */
  groups: z.array(z.object({ key: z.string(), label: z.string(), responses: z.number() })),
  questions: z.array(
    z.object({
      id: z.string(),
      kind: SurveyQuestionKind,
      text: z.string(),
      answered: z.number(),
      /** single/multiple: a count per option; scale: a count per point 1..scaleMax. */
      counts: Counts.nullable(),
      /** The same counts per group of the breakdown, in `groups` order. */
      byGroup: z.array(Counts).nullable(),
      mean: z.number().nullable(),
      /** Text questions: the latest answers (anonymous). */
      samples: z.array(z.string()).nullable(),
    }),
  ),
});
export type SurveyResultsDto = z.infer<typeof SurveyResultsDto>;

export const SURVEY_SEXES = Sex.options;
export const SURVEY_AGE_BANDS = AGE_BANDS;
