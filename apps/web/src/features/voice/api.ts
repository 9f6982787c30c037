import {
  type AnswerSurveyBody,
  type AnswerVoiceBody,
  type ClassifyVoiceBody,
  type CreateSurveyBody,
  type EscalateVoiceBody,
  type PassOnVoiceBody,
  type RateVoiceBody,
  type RecategoriseVoiceBody,
  type ReopenVoiceBody,
  type SetVoiceStatusBody,
  type SubmitVoiceBody,
  type SurveyBreakdown,
  type VoiceCategory,
  type VoiceKind,
  type VoiceNoteBody,
  type VoiceStatus,
  SubmittedVoiceDto,
  SupportResponse,
  SurveyDto,
  SurveyPage,
  SurveyResultsDto,
  VoiceAnalyticsDto,
  VoiceAttachmentDto,
  VoiceItemDto,
  VoicePage,
  VoiceSuggestionDto,
} from '@union/contracts/voice';
import { z } from 'zod';
import { api, apiResponse } from '../../app/api-client';
import { type DownloadedFile, downloadedFile } from '../statistics/save-file';

const PAGE_SIZE = 20;

/** Which list of items: the officer's inbox, what I raised, or the proposals I may support. */
export type VoiceView = 'inbox' | 'mine' | 'public';

export type VoiceFilters = {
  view: VoiceView;
  status?: VoiceStatus;
  category?: VoiceCategory;
  kind?: VoiceKind;
  overdue?: boolean;
  unitId?: number;
};

export const submitVoice = (body: SubmitVoiceBody) =>
  api('/concerns', { method: 'POST', body, schema: SubmittedVoiceDto });

export const suggestVoice = (body: ClassifyVoiceBody, signal?: AbortSignal) =>
  api('/concerns/suggest', { method: 'POST', body, schema: VoiceSuggestionDto, signal });

export const fetchVoiceItems = (filters: VoiceFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api('/concerns', {
    query: { ...filters, overdue: filters.overdue || undefined, limit: PAGE_SIZE, cursor },
    schema: VoicePage,
    signal,
  });

export const fetchVoiceItem = (itemId: number, signal?: AbortSignal) =>
  api(`/concerns/${itemId}`, { schema: VoiceItemDto, signal });

/** Each step on an item, by its path, with the body it takes; all answer the updated item. */
export type VoiceActionBodies = {
  answer: AnswerVoiceBody;
  escalate: EscalateVoiceBody;
  'pass-on': PassOnVoiceBody;
  notes: VoiceNoteBody;
  status: SetVoiceStatusBody;
  category: RecategoriseVoiceBody;
  rate: RateVoiceBody;
  reopen: ReopenVoiceBody;
};
export type VoiceAction = keyof VoiceActionBodies;

export const actOnVoiceItem = <A extends VoiceAction>(
  itemId: number,
  action: A,
  body: VoiceActionBodies[A],
) => api(`/concerns/${itemId}/${action}`, { method: 'POST', body, schema: VoiceItemDto });

export const supportVoiceItem = (itemId: number, support: boolean) =>
  api(`/concerns/${itemId}/support`, { method: support ? 'POST' : 'DELETE', schema: SupportResponse });

export function uploadVoiceAttachment(itemId: number, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return api(`/concerns/${itemId}/attachments`, { method: 'POST', body: form, schema: VoiceAttachmentDto });
}

export async function fetchVoiceAttachment(
  itemId: number,
  attachmentId: number,
  fileName: string,
): Promise<DownloadedFile> {
  return downloadedFile(await apiResponse(`/concerns/${itemId}/attachments/${attachmentId}`), fileName);
}

/** A period as the API takes it, `yyyy-mm-dd` at both ends. */
export type VoicePeriod = { from: string; to: string };

export const fetchVoiceAnalytics = (unitId: number, period: VoicePeriod, signal?: AbortSignal) =>
  api(`/units/${unitId}/voice/analytics`, { query: period, schema: VoiceAnalyticsDto, signal });

export const acknowledgeVoiceAlert = (alertId: number) =>
  api(`/voice/alerts/${alertId}/acknowledge`, { method: 'POST' });

/** `mine`: surveys I may answer; `managed`: surveys of the units I manage. */
export type SurveyView = 'mine' | 'managed';

export const fetchSurveys = (view: SurveyView, cursor: string | undefined, signal?: AbortSignal) =>
  api('/surveys', { query: { view, limit: PAGE_SIZE, cursor }, schema: SurveyPage, signal });

export const fetchSurvey = (surveyId: number, signal?: AbortSignal) =>
  api(`/surveys/${surveyId}`, { schema: SurveyDto, signal });

export const createSurvey = (body: CreateSurveyBody) =>
  api('/surveys', { method: 'POST', body, schema: SurveyDto });

export const answerSurvey = (surveyId: number, body: AnswerSurveyBody) =>
  api(`/surveys/${surveyId}/responses`, { method: 'POST', body, schema: z.object({ id: z.number() }) });

export const fetchSurveyResults = (
  surveyId: number,
  breakdown: SurveyBreakdown | undefined,
  signal?: AbortSignal,
) => api(`/surveys/${surveyId}/results`, { query: { breakdown }, schema: SurveyResultsDto, signal });

export async function fetchSurveyResultsXlsx(surveyId: number): Promise<DownloadedFile> {
  return downloadedFile(await apiResponse(`/surveys/${surveyId}/results.xlsx`), `khao-sat-${surveyId}.xlsx`);
}

export const closeSurvey = (surveyId: number) => api(`/surveys/${surveyId}/close`, { method: 'POST' });
