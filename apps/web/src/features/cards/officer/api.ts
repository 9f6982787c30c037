import {
  BenefitSummaryDto,
  BenefitUsePage,
  MemberCardsDto,
  PrintedCardDto,
  type RecordBenefitBody,
  RecordBenefitResponse,
  type RevokeCardBody,
} from '@union/contracts/cards';
import { z } from 'zod';
import { api, apiResponse } from '../../../app/api-client';
import { type DownloadedFile, downloadedFile } from '../../statistics/save-file';

/** A period as the API takes it: `yyyy-mm-dd`, either end left open when blank. */
export type BenefitPeriod = { from: string; to: string };

export const fetchMemberCards = (memberId: number) =>
  api(`/members/${memberId}/cards`, { schema: MemberCardsDto });

/** The printed card's presentation: asking for it makes the card on the first request. */
export const fetchPrintedCard = (memberId: number) =>
  api(`/members/${memberId}/card`, { schema: PrintedCardDto });

export async function fetchPrintedCardPdf(memberId: number, fallbackName: string): Promise<DownloadedFile> {
  return downloadedFile(await apiResponse(`/members/${memberId}/card.pdf`), fallbackName);
}

export const revokeMemberCard = (memberId: number, body: RevokeCardBody) =>
  api(`/members/${memberId}/cards/revoke`, { method: 'POST', body });

const BulkIssueAnswer = z.object({ jobId: z.number() });

export const startBulkIssue = (unitId: number, reissue: boolean) =>
  api(`/units/${unitId}/cards/issue`, { method: 'POST', body: { reissue }, schema: BulkIssueAnswer });

/** What a finished bulk issue reports (`JobDto.result`). */
export const BulkIssueResult = z.object({
  issued: z.number(),
  replaced: z.number(),
  alreadyValid: z.number(),
  members: z.number(),
  sheet: z.boolean(),
});
export type BulkIssueResult = z.infer<typeof BulkIssueResult>;

export async function fetchPrintFile(jobId: number, fallbackName: string): Promise<DownloadedFile> {
  return downloadedFile(await apiResponse(`/cards/print-files/${jobId}`), fallbackName);
}

export const fetchBenefitSummary = (unitId: number, period: BenefitPeriod) =>
  api(`/units/${unitId}/benefit-uses/summary`, { query: period, schema: BenefitSummaryDto });

export const fetchBenefitUses = (unitId: number, period: BenefitPeriod, cursor: string | undefined) =>
  api(`/units/${unitId}/benefit-uses`, {
    query: { ...period, cursor, limit: 20 },
    schema: BenefitUsePage,
  });

export const recordBenefitUse = (body: RecordBenefitBody) =>
  api('/cards/benefit-uses', { method: 'POST', body, schema: RecordBenefitResponse });
