import {
  AdviceCentreList,
  type AnswerDraftBody,
  AnswerVersionDto,
  type AnswerVersionStatus,
  type AskBody,
  AskResponse,
  type ContactBody,
  ConversationDto,
  ConversationList,
  CuratedAnswerDto,
  CuratedAnswerPage,
  type FeedbackBody,
  FeedbackPage,
  LegalArticleDto,
  LegalCaseDto,
  LegalCasePage,
  type LegalCaseStatus,
  LegalDocumentDetailDto,
  LegalDocumentList,
  type ReplyCaseBody,
  type ReviewBody,
} from '@union/contracts/assistant';
import { z } from 'zod';
import { api } from '../../app/api-client';

const PAGE_SIZE = 20;

// ——— The chat: public, signed in or not ———

export const ask = (body: AskBody) => api('/assistant/ask', { method: 'POST', body, schema: AskResponse });

export const fetchConversations = (signal?: AbortSignal) =>
  api('/assistant/conversations', { schema: ConversationList, signal });

export const fetchConversation = (conversationId: string, signal?: AbortSignal) =>
  api(`/assistant/conversations/${conversationId}`, { schema: ConversationDto, signal });

export const sendFeedback = (messageId: number, body: FeedbackBody & { conversationId: string }) =>
  api(`/assistant/messages/${String(messageId)}/feedback`, { method: 'POST', body });

export const leaveContact = (body: ContactBody) =>
  api('/assistant/contact', { method: 'POST', body, schema: z.object({ caseId: z.number().int() }) });

export const fetchAdviceCentres = (signal?: AbortSignal) =>
  api('/assistant/advice-centres', { schema: AdviceCentreList, signal });

// ——— The law, public ———

export const fetchLawDocuments = (signal?: AbortSignal) =>
  api('/law/documents', { schema: LegalDocumentList, signal });

export const fetchLawDocument = (number: string, signal?: AbortSignal) =>
  api('/law/document', { query: { number }, schema: LegalDocumentDetailDto, signal });

export const fetchLawArticle = (articleId: number, signal?: AbortSignal) =>
  api(`/law/articles/${String(articleId)}`, { schema: LegalArticleDto, signal });

// ——— Consultation cases, for the legal advisers ———

export type CaseFilters = { status?: LegalCaseStatus; mine?: boolean };

export const fetchLegalCases = (filters: CaseFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api('/legal-cases', {
    query: { status: filters.status, mine: filters.mine ? 'true' : undefined, limit: PAGE_SIZE, cursor },
    schema: LegalCasePage,
    signal,
  });

export const fetchLegalCase = (caseId: number, signal?: AbortSignal) =>
  api(`/legal-cases/${String(caseId)}`, { schema: LegalCaseDto, signal });

export const assignLegalCase = (caseId: number) =>
  api(`/legal-cases/${String(caseId)}/assign`, { method: 'POST', schema: LegalCaseDto });

export const replyToLegalCase = (caseId: number, body: ReplyCaseBody) =>
  api(`/legal-cases/${String(caseId)}/reply`, { method: 'POST', body, schema: LegalCaseDto });

export const draftAnswerFromCase = (caseId: number, body: AnswerDraftBody) =>
  api(`/legal-cases/${String(caseId)}/draft-answer`, { method: 'POST', body, schema: AnswerVersionDto });

// ——— Curated answers, versioned and reviewed ———

export type AnswerFilters = { status?: AnswerVersionStatus; q?: string };

export const fetchCuratedAnswers = (
  filters: AnswerFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
) =>
  api('/legal-knowledge/answers', {
    query: { status: filters.status, q: filters.q, limit: PAGE_SIZE, cursor },
    schema: CuratedAnswerPage,
    signal,
  });

export const fetchCuratedAnswer = (answerId: number, signal?: AbortSignal) =>
  api(`/legal-knowledge/answers/${String(answerId)}`, { schema: CuratedAnswerDto, signal });

export const createCuratedAnswer = (body: AnswerDraftBody) =>
  api('/legal-knowledge/answers', { method: 'POST', body, schema: AnswerVersionDto });

export const createAnswerVersion = (answerId: number, body: AnswerDraftBody) =>
  api(`/legal-knowledge/answers/${String(answerId)}/versions`, {
    method: 'POST',
    body,
    schema: AnswerVersionDto,
  });

export const submitAnswerVersion = (versionId: number) =>
  api(`/legal-knowledge/versions/${String(versionId)}/submit`, { method: 'POST', schema: AnswerVersionDto });

export const reviewAnswerVersion = (versionId: number, body: ReviewBody) =>
  api(`/legal-knowledge/versions/${String(versionId)}/review`, {
    method: 'POST',
    body,
    schema: AnswerVersionDto,
  });

export const fetchUnhelpfulFeedback = (cursor: string | undefined, signal?: AbortSignal) =>
  api('/legal-knowledge/feedback', {
    query: { helpful: 'false', limit: PAGE_SIZE, cursor },
    schema: FeedbackPage,
    signal,
  });
