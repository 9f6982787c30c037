import { z } from 'zod';
import { Id, IsoDate, pageOf, PageQuery } from './common.js';

/**
 * The legal assistant (mission M7): answers workers' labour-law questions in everyday Vietnamese with the
 * articles it rests on, computes entitlements, declines what is not labour or union law, and hands to the
 * union's legal advisers what needs a person. Design: apps/server/src/modules/assistant/README.md.
 */

export const ASSISTANT_OUTCOMES = ['answered', 'needs_info', 'handover', 'out_of_scope'] as const;
export const AssistantOutcome = z.enum(ASSISTANT_OUTCOMES);
export type AssistantOutcome = z.infer<typeof AssistantOutcome>;

/** A question longer than this is refused with a clear message: a real question fits in a few lines. */
export const QUESTION_MAX_CHARS = 2_000;

export const AskBody = z.object({
  question: z.string().max(QUESTION_MAX_CHARS),
  /** Continue a conversation: follow-ups ("thế nếu tôi làm 5 năm thì sao?") read what came before. */
  conversationId: z.uuid().optional(),
});
export type AskBody = z.infer<typeof AskBody>;

/** One article an answer rests on. `number` is the document number, `article` reads "Điều 113". */
export const CitationDto = z.object({
  document: z.string(),
  number: z.string(),
  article: z.string(),
  title: z.string(),
  /** The article's page in the platform: GET /law/articles/:articleId. */
  articleId: z.number().int(),
});
export type CitationDto = z.infer<typeof CitationDto>;

export const AskResponse = z.object({
  conversationId: z.uuid(),
  answer: z.string(),
  outcome: AssistantOutcome,
  citations: z.array(CitationDto),
  /** Set when a signed-in member's question was handed to the legal advisers. */
  caseId: z.number().int().optional(),
  /** 0–1: how sure the assistant is that the cited articles answer the question. */
  confidence: z.number(),
  /** The message this answer is stored as, for thumbs up or down. */
  messageId: z.number().int(),
  /** A handover without a session: the person may sign in, or leave a contact for the advisers. */
  contactRequested: z.boolean().optional(),
  /** The computation shown, when the answer came from a calculator. */
  formula: z.string().optional(),
  /** Questions the person may ask next, one tap each. */
  suggestions: z.array(z.string()).optional(),
});
export type AskResponse = z.infer<typeof AskResponse>;

export const MESSAGE_ROLES = ['user', 'assistant', 'adviser'] as const;
export const MessageRole = z.enum(MESSAGE_ROLES);
export type MessageRole = z.infer<typeof MessageRole>;

export const ConversationMessageDto = z.object({
  id: z.number().int(),
  role: MessageRole,
  text: z.string(),
  outcome: AssistantOutcome.nullable(),
  citations: z.array(CitationDto),
  formula: z.string().nullable(),
  /** The adviser's name on an adviser's reply. */
  authorName: z.string().nullable(),
  /** The person's own thumbs on an assistant message. */
  helpful: z.boolean().nullable(),
  at: z.iso.datetime({ offset: true }),
});
export type ConversationMessageDto = z.infer<typeof ConversationMessageDto>;

export const ConversationDto = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime({ offset: true }),
  messages: z.array(ConversationMessageDto),
  caseId: z.number().int().nullable(),
  caseStatus: z.lazy(() => LegalCaseStatus).nullable(),
});
export type ConversationDto = z.infer<typeof ConversationDto>;

export const ConversationSummaryDto = z.object({
  id: z.uuid(),
  startedAt: z.iso.datetime({ offset: true }),
  lastAt: z.iso.datetime({ offset: true }),
  firstQuestion: z.string(),
  caseStatus: z.lazy(() => LegalCaseStatus).nullable(),
});
export const ConversationList = z.object({ items: z.array(ConversationSummaryDto) });
export type ConversationList = z.infer<typeof ConversationList>;

export const FeedbackBody = z.object({
  helpful: z.boolean(),
  comment: z.string().trim().max(1_000).optional(),
});
export type FeedbackBody = z.infer<typeof FeedbackBody>;

/** A person without a session leaves a way to reach them; the case goes to the union they choose. */
export const ContactBody = z.object({
  conversationId: z.uuid(),
  name: z.string().trim().min(1).max(120),
  phone: z.string().trim().min(8).max(20),
  /** A province-level union from GET /assistant/advice-centres. */
  unitId: Id,
  consent: z.literal(true),
});
export type ContactBody = z.infer<typeof ContactBody>;

export const AdviceCentreDto = z.object({ unitId: z.number().int(), name: z.string() });
export const AdviceCentreList = z.object({ items: z.array(AdviceCentreDto) });
export type AdviceCentreList = z.infer<typeof AdviceCentreList>;

// ——— The law as the platform shows it ———

export const LegalDocumentDto = z.object({
  number: z.string(),
  kind: z.string(),
  title: z.string(),
  shortTitle: z.string(),
  issuer: z.string(),
  issuedOn: IsoDate.nullable(),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  /** Whether it applies today. An expired document is shown as such and never cited as current law. */
  inForce: z.boolean(),
  amends: z.array(z.string()),
  replaces: z.array(z.string()),
  amendedBy: z.array(z.string()),
  replacedBy: z.array(z.string()),
  sourceUrl: z.string().nullable(),
  articleCount: z.number().int(),
});
export type LegalDocumentDto = z.infer<typeof LegalDocumentDto>;
export const LegalDocumentList = z.object({ items: z.array(LegalDocumentDto) });
export type LegalDocumentList = z.infer<typeof LegalDocumentList>;

export const LegalArticleDto = z.object({
  id: z.number().int(),
  document: LegalDocumentDto,
  article: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  clauses: z.array(z.object({ number: z.string(), text: z.string() })),
  sourceUrl: z.string().nullable(),
  verified: z.string().nullable(),
});
export type LegalArticleDto = z.infer<typeof LegalArticleDto>;

export const LegalArticleListItem = z.object({
  id: z.number().int(),
  article: z.string(),
  number: z.number().int(),
  title: z.string(),
});
export const LegalDocumentDetailDto = z.object({
  document: LegalDocumentDto,
  articles: z.array(LegalArticleListItem),
});
export type LegalDocumentDetailDto = z.infer<typeof LegalDocumentDetailDto>;

// ——— Consultation cases: what the assistant hands to the union's legal advisers ———

export const LEGAL_CASE_STATUSES = ['waiting', 'assigned', 'answered', 'closed'] as const;
export const LegalCaseStatus = z.enum(LEGAL_CASE_STATUSES);
export type LegalCaseStatus = z.infer<typeof LegalCaseStatus>;

export const LegalCaseSummaryDto = z.object({
  id: z.number().int(),
  status: LegalCaseStatus,
  question: z.string(),
  handlingUnitId: z.number().int(),
  handlingUnitName: z.string(),
  assigneeName: z.string().nullable(),
  /** A signed-in member, or a contact left on the public page. */
  requester: z.enum(['member', 'contact']),
  openedAt: z.iso.datetime({ offset: true }),
  answeredAt: z.iso.datetime({ offset: true }).nullable(),
});
export type LegalCaseSummaryDto = z.infer<typeof LegalCaseSummaryDto>;

export const LegalCaseListQuery = PageQuery.extend({
  status: LegalCaseStatus.optional(),
  mine: z.enum(['true', 'false']).optional(),
});
export type LegalCaseListQuery = z.infer<typeof LegalCaseListQuery>;
export const LegalCasePage = pageOf(LegalCaseSummaryDto);
export type LegalCasePage = z.infer<typeof LegalCasePage>;

export const LegalCaseDto = LegalCaseSummaryDto.extend({
  /** The requester's name and phone: only legal advisers of the handling union or above read a case. */
  requesterName: z.string().nullable(),
  requesterPhone: z.string().nullable(),
  transcript: z.array(ConversationMessageDto),
  /** The curated answer drafted from this case, if any. */
  draftAnswerId: z.number().int().nullable(),
});
export type LegalCaseDto = z.infer<typeof LegalCaseDto>;

export const REPLY_MAX_CHARS = 5_000;
export const ReplyCaseBody = z.object({
  text: z.string().trim().min(1).max(REPLY_MAX_CHARS),
  /** Closes the case with the reply; otherwise it stays answered and the member may write back. */
  close: z.boolean().optional(),
});
export type ReplyCaseBody = z.infer<typeof ReplyCaseBody>;

// ——— Curated answers, versioned and reviewed before they go live ———

export const ANSWER_VERSION_STATUSES = ['draft', 'in_review', 'live', 'rejected', 'superseded'] as const;
export const AnswerVersionStatus = z.enum(ANSWER_VERSION_STATUSES);
export type AnswerVersionStatus = z.infer<typeof AnswerVersionStatus>;

export const CALCULATOR_KINDS = [
  'overtime_pay',
  'severance',
  'job_loss',
  'annual_leave',
  'probation_pay',
  'unemployment_benefit',
  'member_dues',
] as const;
export const CalculatorKind = z.enum(CALCULATOR_KINDS);
export type CalculatorKind = z.infer<typeof CalculatorKind>;

export const ArticleRef = z.object({
  document: z.string().trim().min(1).max(40),
  article: z.number().int().positive(),
});
export type ArticleRef = z.infer<typeof ArticleRef>;

export const AnswerDraftBody = z.object({
  topic: z.string().trim().min(1).max(60),
  questions: z.array(z.string().trim().min(3).max(300)).min(1).max(20),
  answer: z.string().trim().min(10).max(5_000),
  citations: z.array(ArticleRef).min(1).max(10),
  calculator: CalculatorKind.nullable().optional(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable().optional(),
  /** Submit for review at once instead of keeping a draft. */
  submit: z.boolean().optional(),
});
export type AnswerDraftBody = z.infer<typeof AnswerDraftBody>;

export const ReviewBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().max(1_000).optional(),
});
export type ReviewBody = z.infer<typeof ReviewBody>;

export const AnswerVersionDto = z.object({
  id: z.number().int(),
  answerId: z.number().int(),
  version: z.number().int(),
  status: AnswerVersionStatus,
  topic: z.string(),
  questions: z.array(z.string()),
  answer: z.string(),
  citations: z.array(ArticleRef),
  calculator: CalculatorKind.nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  authorName: z.string(),
  reviewerName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  /** The consultation case this version was drafted from. */
  fromCaseId: z.number().int().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type AnswerVersionDto = z.infer<typeof AnswerVersionDto>;

export const CuratedAnswerSummaryDto = z.object({
  id: z.number().int(),
  key: z.string(),
  topic: z.string(),
  firstQuestion: z.string(),
  liveVersion: z.number().int().nullable(),
  pendingVersion: z.number().int().nullable(),
  status: AnswerVersionStatus,
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
});
export const CuratedAnswerListQuery = PageQuery.extend({
  status: AnswerVersionStatus.optional(),
  q: z.string().trim().max(200).optional(),
});
export type CuratedAnswerListQuery = z.infer<typeof CuratedAnswerListQuery>;
export const CuratedAnswerPage = pageOf(CuratedAnswerSummaryDto);
export type CuratedAnswerPage = z.infer<typeof CuratedAnswerPage>;

export const CuratedAnswerDto = z.object({
  id: z.number().int(),
  key: z.string(),
  versions: z.array(AnswerVersionDto),
});
export type CuratedAnswerDto = z.infer<typeof CuratedAnswerDto>;

/** Thumbs down (and thumbs up) for the people who keep the knowledge. */
export const FeedbackItemDto = z.object({
  messageId: z.number().int(),
  helpful: z.boolean(),
  comment: z.string().nullable(),
  question: z.string(),
  answer: z.string(),
  outcome: AssistantOutcome,
  /** The curated answer the reply came from, if any: where a fix would go. */
  answerId: z.number().int().nullable(),
  at: z.iso.datetime({ offset: true }),
});
export const FeedbackListQuery = PageQuery.extend({ helpful: z.enum(['true', 'false']).optional() });
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;
export const FeedbackPage = pageOf(FeedbackItemDto);
export type FeedbackPage = z.infer<typeof FeedbackPage>;
