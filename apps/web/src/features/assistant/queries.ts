import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AnswerDraftBody,
  AskBody,
  ContactBody,
  FeedbackBody,
  ReplyCaseBody,
  ReviewBody,
} from '@union/contracts/assistant';
import {
  type AnswerFilters,
  ask,
  assignLegalCase,
  type CaseFilters,
  createAnswerVersion,
  createCuratedAnswer,
  draftAnswerFromCase,
  fetchAdviceCentres,
  fetchConversation,
  fetchConversations,
  fetchCuratedAnswer,
  fetchCuratedAnswers,
  fetchLawArticle,
  fetchLawDocument,
  fetchLawDocuments,
  fetchLegalCase,
  fetchLegalCases,
  fetchUnhelpfulFeedback,
  leaveContact,
  replyToLegalCase,
  reviewAnswerVersion,
  sendFeedback,
  submitAnswerVersion,
} from './api';

export const assistantKeys = {
  all: ['assistant'] as const,
  conversations: () => [...assistantKeys.all, 'conversations'] as const,
  conversation: (id: string) => [...assistantKeys.all, 'conversation', id] as const,
  adviceCentres: () => [...assistantKeys.all, 'advice-centres'] as const,
  law: () => [...assistantKeys.all, 'law'] as const,
  lawDocuments: () => [...assistantKeys.law(), 'documents'] as const,
  lawDocument: (number: string) => [...assistantKeys.law(), 'document', number] as const,
  lawArticle: (articleId: number) => [...assistantKeys.law(), 'article', articleId] as const,
  cases: () => [...assistantKeys.all, 'cases'] as const,
  caseList: (filters: CaseFilters) => [...assistantKeys.cases(), 'list', filters] as const,
  case: (caseId: number) => [...assistantKeys.cases(), 'detail', caseId] as const,
  knowledge: () => [...assistantKeys.all, 'knowledge'] as const,
  answerList: (filters: AnswerFilters) => [...assistantKeys.knowledge(), 'list', filters] as const,
  answer: (answerId: number) => [...assistantKeys.knowledge(), 'answer', answerId] as const,
  feedback: () => [...assistantKeys.knowledge(), 'feedback'] as const,
};

// ——— The chat ———

export function useAsk() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AskBody) => ask(body),
    // A member's list of conversations gains or moves the one just used.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.conversations() }),
  });
}

export function useConversations(enabled = true) {
  return useQuery({
    queryKey: assistantKeys.conversations(),
    queryFn: ({ signal }) => fetchConversations(signal),
    enabled,
  });
}

/** A conversation opened again: always asked afresh, an adviser's reply may have come since. */
export function useConversation(conversationId: string | undefined) {
  return useQuery({
    queryKey: assistantKeys.conversation(conversationId ?? ''),
    queryFn: ({ signal }) => fetchConversation(conversationId ?? '', signal),
    enabled: conversationId !== undefined,
    staleTime: 0,
  });
}

export function useSendFeedback(conversationId: string | undefined) {
  return useMutation({
    mutationFn: ({ messageId, ...body }: FeedbackBody & { messageId: number }) =>
      sendFeedback(messageId, { ...body, conversationId: conversationId ?? '' }),
  });
}

export function useLeaveContact() {
  return useMutation({ mutationFn: (body: ContactBody) => leaveContact(body) });
}

export function useAdviceCentres(enabled = true) {
  return useQuery({
    queryKey: assistantKeys.adviceCentres(),
    queryFn: ({ signal }) => fetchAdviceCentres(signal),
    enabled,
    staleTime: 60 * 60_000,
  });
}

// ——— The law ———

/** The law changes on dates known in advance: an hour's cache is fresh enough. */
const LAW_STALE_MS = 60 * 60_000;

export function useLawDocuments() {
  return useQuery({
    queryKey: assistantKeys.lawDocuments(),
    queryFn: ({ signal }) => fetchLawDocuments(signal),
    staleTime: LAW_STALE_MS,
  });
}

export function useLawDocument(number: string) {
  return useQuery({
    queryKey: assistantKeys.lawDocument(number),
    queryFn: ({ signal }) => fetchLawDocument(number, signal),
    enabled: number !== '',
    staleTime: LAW_STALE_MS,
  });
}

export function useLawArticle(articleId: number) {
  return useQuery({
    queryKey: assistantKeys.lawArticle(articleId),
    queryFn: ({ signal }) => fetchLawArticle(articleId, signal),
    staleTime: LAW_STALE_MS,
  });
}

// ——— Consultation cases ———

export function useLegalCases(filters: CaseFilters) {
  return useInfiniteQuery({
    queryKey: assistantKeys.caseList(filters),
    queryFn: ({ pageParam, signal }) => fetchLegalCases(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useLegalCase(caseId: number) {
  return useQuery({
    queryKey: assistantKeys.case(caseId),
    queryFn: ({ signal }) => fetchLegalCase(caseId, signal),
  });
}

/** Taking and replying answer the case as it now stands: the page shows it at once, the queue refreshes. */
export function useAssignLegalCase(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => assignLegalCase(caseId),
    onSuccess: (legalCase) => {
      queryClient.setQueryData(assistantKeys.case(caseId), legalCase);
      return queryClient.invalidateQueries({ queryKey: [...assistantKeys.cases(), 'list'] });
    },
  });
}

export function useReplyToLegalCase(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReplyCaseBody) => replyToLegalCase(caseId, body),
    onSuccess: (legalCase) => {
      queryClient.setQueryData(assistantKeys.case(caseId), legalCase);
      return queryClient.invalidateQueries({ queryKey: [...assistantKeys.cases(), 'list'] });
    },
  });
}

export function useDraftAnswerFromCase(caseId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerDraftBody) => draftAnswerFromCase(caseId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assistantKeys.case(caseId) }),
        queryClient.invalidateQueries({ queryKey: assistantKeys.knowledge() }),
      ]),
  });
}

// ——— Curated answers ———

export function useCuratedAnswers(filters: AnswerFilters) {
  return useInfiniteQuery({
    queryKey: assistantKeys.answerList(filters),
    queryFn: ({ pageParam, signal }) => fetchCuratedAnswers(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCuratedAnswer(answerId: number) {
  return useQuery({
    queryKey: assistantKeys.answer(answerId),
    queryFn: ({ signal }) => fetchCuratedAnswer(answerId, signal),
  });
}

export function useCreateCuratedAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerDraftBody) => createCuratedAnswer(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.knowledge() }),
  });
}

export function useCreateAnswerVersion(answerId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerDraftBody) => createAnswerVersion(answerId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.knowledge() }),
  });
}

export function useSubmitAnswerVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: number) => submitAnswerVersion(versionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.knowledge() }),
  });
}

export function useReviewAnswerVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ versionId, ...body }: ReviewBody & { versionId: number }) =>
      reviewAnswerVersion(versionId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: assistantKeys.knowledge() }),
  });
}

export function useUnhelpfulFeedback() {
  return useInfiniteQuery({
    queryKey: assistantKeys.feedback(),
    queryFn: ({ pageParam, signal }) => fetchUnhelpfulFeedback(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
