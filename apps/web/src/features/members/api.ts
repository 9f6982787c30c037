import { JobDto } from '@union/contracts/jobs';
import {
  type AdmitMemberBody,
  type CorrectionRequestBody,
  CorrectionDto,
  CorrectionPage,
  type DecideCorrectionBody,
  type DecideTransferBody,
  DuplicateCheckDto,
  EventOutcomeDto,
  ImportStartedDto,
  TransferDestinationDto,
  type ExportQuery,
  ImportReportDto,
  type MemberAccountBody,
  MemberAccountDto,
  MemberDto,
  type MemberListQuery,
  MemberPage,
  OwnMemberDto,
  type RecordMemberEventBody,
  type RequestTransferInBody,
  TransferDto,
  TransferPage,
  type TransferListQuery,
  type UpdateMemberBody,
} from '@union/contracts/members';
import { z } from 'zod';
import { api, ApiError } from '../../app/api-client';

const API_BASE = '/api/v1';
const MEMBER_PAGE_SIZE = 50;
const QUEUE_PAGE_SIZE = 30;

// ——— The register ———

/** The list's filters: everything of the list query but the page. */
export type MemberFilters = Omit<MemberListQuery, 'limit' | 'cursor'>;

export const fetchMembers = (filters: MemberFilters, cursor: string | undefined, signal?: AbortSignal) =>
  api('/members', { query: { ...filters, limit: MEMBER_PAGE_SIZE, cursor }, schema: MemberPage, signal });

export const fetchMember = (memberId: number) => api(`/members/${memberId}`, { schema: MemberDto });

export const admitMember = (body: AdmitMemberBody) =>
  api('/members', { method: 'POST', body, schema: MemberDto });

export const updateMember = (memberId: number, body: UpdateMemberBody) =>
  api(`/members/${memberId}`, { method: 'PATCH', body, schema: MemberDto });

export const checkDuplicates = (fullName: string, birthDate: string, signal?: AbortSignal) =>
  api('/members/duplicates', { query: { fullName, birthDate }, schema: DuplicateCheckDto, signal });

export const recordMemberEvent = (memberId: number, body: RecordMemberEventBody) =>
  api(`/members/${memberId}/events`, { method: 'POST', body, schema: EventOutcomeDto });

/** An officer sets up sign-in for the member: the login is their mobile number. */
export const createMemberAccount = (memberId: number, body: MemberAccountBody) =>
  api(`/members/${memberId}/account`, { method: 'POST', body, schema: MemberAccountDto });

/** The file as the list stands (same filters), fetched by the browser itself: the cookie signs it. */
export function exportUrl(filters: MemberFilters, format: ExportQuery['format']): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return `${API_BASE}/members/export?${params}`;
}

// ——— Transfers ———

export const searchTransferDestinations = (q: string, signal?: AbortSignal) =>
  api('/members/transfer-destinations', { query: { q }, schema: z.array(TransferDestinationDto), signal });

export type TransferFilter = Pick<TransferListQuery, 'direction' | 'status'>;

export const fetchTransfers = (filter: TransferFilter, cursor: string | undefined) =>
  api('/members/transfers', {
    query: { ...filter, limit: QUEUE_PAGE_SIZE, cursor },
    schema: TransferPage,
  });

export const requestTransferIn = (body: RequestTransferInBody) =>
  api('/members/transfers', { method: 'POST', body, schema: EventOutcomeDto });

export const decideTransfer = (transferId: number, body: DecideTransferBody) =>
  api(`/members/transfers/${transferId}/decision`, { method: 'POST', body, schema: TransferDto });

// ——— Corrections ———

export type CorrectionStatus = CorrectionDto['status'];

export const fetchCorrections = (status: CorrectionStatus, cursor: string | undefined) =>
  api('/members/corrections', { query: { status, limit: QUEUE_PAGE_SIZE, cursor }, schema: CorrectionPage });

export const decideCorrection = (correctionId: number, body: DecideCorrectionBody) =>
  api(`/members/corrections/${correctionId}/decision`, { method: 'POST', body, schema: CorrectionDto });

// ——— The member's own record ———

/** The signed-in person's record, or `null` when their account is linked to none. */
export async function fetchOwnMember(): Promise<OwnMemberDto | null> {
  try {
    return await api('/me/member', { schema: OwnMemberDto });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'member.no_own_record') return null;
    throw error;
  }
}

export const requestCorrection = (body: CorrectionRequestBody) =>
  api('/me/member/corrections', { method: 'POST', body, schema: CorrectionDto });

// ——— Import ———

export const IMPORT_TEMPLATE_URL = `${API_BASE}/members/import/template`;

function importForm(file: File): FormData {
  const form = new FormData();
  form.append('file', file);
  return form;
}

/** Reads the whole file and reports row by row; nothing is written. */
export const checkImport = (unitId: number, file: File) =>
  api('/members/import', {
    method: 'POST',
    body: importForm(file),
    query: { unitId, dryRun: true },
    schema: ImportReportDto,
  });

/** Starts the import as a job; its progress is polled with `fetchJob`. */
export const startImport = (unitId: number, file: File) =>
  api('/members/import', {
    method: 'POST',
    body: importForm(file),
    query: { unitId, dryRun: false },
    schema: ImportStartedDto,
  });

export const fetchJob = (jobId: number | string) => api(`/jobs/${jobId}`, { schema: JobDto });
