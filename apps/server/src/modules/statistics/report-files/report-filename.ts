import type { OrganisationReportDto } from '@union/contracts/statistics';

export type ReportFileFormat = 'xlsx' | 'pdf';

/** Letters without diacritics, so the name survives every browser, mail client and file system. */
const asciiSlug = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');

/** bao-cao-to-chuc_<unit code>_<period code>.xlsx, for Content-Disposition and the saved file. */
export const reportFilename = (report: OrganisationReportDto, format: ReportFileFormat): string =>
  `bao-cao-to-chuc_${asciiSlug(report.unit.code)}_${asciiSlug(report.period.code)}.${format}`;
