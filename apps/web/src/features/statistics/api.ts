import {
  OfficerFiguresDto,
  type OrganisationReportQuery,
  ReportJobDto,
  StatisticsSeriesDto,
  UnitStatisticsDto,
  type WorkforceBody,
  WorkforceDto,
} from '@union/contracts/statistics';
import { api, ApiError, apiResponse } from '../../app/api-client';
import { type DownloadedFile, downloadedFile } from './save-file';

/** `at` absent: the live counters; a past date: the figures recomputed to that day. */
export const fetchUnitStatistics = (unitId: number, at: string | undefined) =>
  api(`/units/${unitId}/statistics`, { query: { at }, schema: UnitStatisticsDto });

/** Months as `yyyy-mm`, both ends included. */
export const fetchStatisticsSeries = (unitId: number, from: string, to: string) =>
  api(`/units/${unitId}/statistics/series`, { query: { from, to }, schema: StatisticsSeriesDto });

export const fetchOfficerFigures = (unitId: number) =>
  api(`/units/${unitId}/statistics/officers`, { schema: OfficerFiguresDto });

/** The workforce the grassroots union last declared, or `null` when it never has. */
export async function fetchWorkforce(unitId: number): Promise<WorkforceDto | null> {
  try {
    return await api(`/units/${unitId}/workforce`, { schema: WorkforceDto });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const saveWorkforce = (unitId: number, body: WorkforceBody) =>
  api(`/units/${unitId}/workforce`, { method: 'PUT', body, schema: WorkforceDto });

/** The report as a file; its `json` form is for other programs, not for the dashboard. */
export type ReportFormat = Exclude<OrganisationReportQuery['format'], 'json'>;

/** The report answers with its file, or — for the Confederation — with the job that will write it. */
export type OrganisationReportAnswer =
  { kind: 'file'; file: DownloadedFile } | { kind: 'job'; jobId: number };

export async function requestOrganisationReport(
  unitId: number,
  period: string,
  format: ReportFormat,
  fallbackName: string,
): Promise<OrganisationReportAnswer> {
  const response = await apiResponse(`/units/${unitId}/reports/organisation`, { query: { period, format } });
  if (response.status === 202) {
    return { kind: 'job', jobId: ReportJobDto.parse(await response.json()).jobId };
  }
  return { kind: 'file', file: await downloadedFile(response, fallbackName) };
}

/** The finished file as a plain link: the browser fetches it itself, signed by the session cookie. */
export const reportFileUrl = (jobId: number) => `/api/v1/statistics/report-files/${jobId}`;

export async function fetchReportFile(jobId: number, fallbackName: string): Promise<DownloadedFile> {
  return downloadedFile(await apiResponse(`/statistics/report-files/${jobId}`), fallbackName);
}
