import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type {
  AnswerSurveyBody,
  ClassifyVoiceBody,
  CreateSurveyBody,
  SubmitVoiceBody,
  SurveyBreakdown,
  VoiceItemDto,
} from '@union/contracts/voice';
import { saveFile } from '../statistics/save-file';
import {
  acknowledgeVoiceAlert,
  actOnVoiceItem,
  answerSurvey,
  closeSurvey,
  createSurvey,
  fetchSurvey,
  fetchSurveyResults,
  fetchSurveyResultsXlsx,
  fetchSurveys,
  fetchVoiceAnalytics,
  fetchVoiceAttachment,
  fetchVoiceItem,
  fetchVoiceItems,
  submitVoice,
  suggestVoice,
  supportVoiceItem,
  type SurveyView,
  uploadVoiceAttachment,
  type VoiceAction,
  type VoiceActionBodies,
  type VoiceFilters,
  type VoicePeriod,
} from './api';

export const voiceKeys = {
  all: ['voice'] as const,
  lists: () => [...voiceKeys.all, 'list'] as const,
  list: (filters: VoiceFilters) => [...voiceKeys.lists(), filters] as const,
  detail: (itemId: number) => [...voiceKeys.all, 'detail', itemId] as const,
  suggestion: (body: ClassifyVoiceBody) => [...voiceKeys.all, 'suggestion', body] as const,
  analytics: (unitId: number, period: VoicePeriod) =>
    [...voiceKeys.all, 'analytics', unitId, period] as const,
  surveys: () => [...voiceKeys.all, 'surveys'] as const,
  surveyList: (view: SurveyView) => [...voiceKeys.surveys(), 'list', view] as const,
  survey: (surveyId: number) => [...voiceKeys.surveys(), 'detail', surveyId] as const,
  results: (surveyId: number, breakdown: SurveyBreakdown | undefined) =>
    [...voiceKeys.surveys(), 'results', surveyId, breakdown ?? 'none'] as const,
};

export function useVoiceItems(filters: VoiceFilters) {
  return useInfiniteQuery({
    queryKey: voiceKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchVoiceItems(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useVoiceItem(itemId: number) {
  return useQuery({
    queryKey: voiceKeys.detail(itemId),
    queryFn: ({ signal }) => fetchVoiceItem(itemId, signal),
  });
}

/** The classifier's guess and similar items for what is typed so far (the caller debounces). */
export function useVoiceSuggestion(body: ClassifyVoiceBody, enabled: boolean) {
  return useQuery({
    queryKey: voiceKeys.suggestion(body),
    queryFn: ({ signal }) => suggestVoice(body, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export function useSubmitVoice() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitVoiceBody) => submitVoice(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.lists() }),
  });
}

/** A step on an item answers the item as it now stands: the page shows it at once, the lists refresh. */
export function useVoiceAction<A extends VoiceAction>(itemId: number, action: A) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: VoiceActionBodies[A]) => actOnVoiceItem(itemId, action, body),
    onSuccess: (item) => {
      queryClient.setQueryData(voiceKeys.detail(itemId), item);
      return queryClient.invalidateQueries({ queryKey: voiceKeys.lists() });
    },
  });
}

export function useSupportVoiceItem(itemId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (support: boolean) => supportVoiceItem(itemId, support),
    onSuccess: (answer, support) => {
      queryClient.setQueryData<VoiceItemDto>(
        voiceKeys.detail(itemId),
        (item) =>
          item && {
            ...item,
            supportCount: answer.supportCount,
            answerRequired: answer.answerRequired,
            supportedByMe: support,
          },
      );
      return queryClient.invalidateQueries({ queryKey: voiceKeys.lists() });
    },
  });
}

/** One file at a time: on a phone network five photos at once would all crawl. */
export function useUploadVoiceAttachment(itemId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadVoiceAttachment(itemId, file),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.detail(itemId) }),
  });
}

export function useDownloadVoiceAttachment(itemId: number) {
  return useMutation({
    mutationFn: ({ id, fileName }: { id: number; fileName: string }) =>
      fetchVoiceAttachment(itemId, id, fileName),
    onSuccess: saveFile,
  });
}

export function useVoiceAnalytics(unitId: number, period: VoicePeriod, enabled = true) {
  return useQuery({
    queryKey: voiceKeys.analytics(unitId, period),
    queryFn: ({ signal }) => fetchVoiceAnalytics(unitId, period, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAcknowledgeVoiceAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: acknowledgeVoiceAlert,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...voiceKeys.all, 'analytics'] }),
  });
}

export function useSurveys(view: SurveyView) {
  return useInfiniteQuery({
    queryKey: voiceKeys.surveyList(view),
    queryFn: ({ pageParam, signal }) => fetchSurveys(view, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useSurvey(surveyId: number) {
  return useQuery({
    queryKey: voiceKeys.survey(surveyId),
    queryFn: ({ signal }) => fetchSurvey(surveyId, signal),
  });
}

export function useCreateSurvey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSurveyBody) => createSurvey(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.surveys() }),
  });
}

export function useAnswerSurvey(surveyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerSurveyBody) => answerSurvey(surveyId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.surveys() }),
  });
}

export function useSurveyResults(surveyId: number, breakdown: SurveyBreakdown | undefined) {
  return useQuery({
    queryKey: voiceKeys.results(surveyId, breakdown),
    queryFn: ({ signal }) => fetchSurveyResults(surveyId, breakdown, signal),
    placeholderData: keepPreviousData,
  });
}

export function useExportSurveyResults(surveyId: number) {
  return useMutation({ mutationFn: () => fetchSurveyResultsXlsx(surveyId), onSuccess: saveFile });
}

export function useCloseSurvey(surveyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => closeSurvey(surveyId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: voiceKeys.surveys() }),
  });
}
