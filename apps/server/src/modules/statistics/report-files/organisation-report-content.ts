import type { OrganisationReportDto, OrganisationReportLine } from '@union/contracts/statistics';

/**
 * What the organisation report says, shared by the xlsx and the PDF so both read like the union's
 * paper form (báo cáo số liệu tổ chức công đoàn) word for word.
 */

export const CONFEDERATION_NAME = 'TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM';
export const REPUBLIC_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
export const REPORT_TITLE = 'BÁO CÁO SỐ LIỆU TỔ CHỨC CÔNG ĐOÀN';
export const ROW_NUMBER_HEADING = 'STT';
export const UNIT_HEADING = 'Đơn vị';
export const TOTAL_LABEL = 'Tổng cộng';
/** Shown in the PDF where a ratio has no denominator; the xlsx leaves the cell empty instead. */
export const NO_FIGURE = '—';

export type FigureKind = 'count' | 'ratio';

export interface FigureColumn {
  heading: string;
  /** The heading over several columns; a column without one spans both heading rows. */
  group?: string;
  kind: FigureKind;
  /** Width in Excel characters; the PDF scales it to points. Counts reach 11.000.000 nationally. */
  width: number;
  /** A count, or a ratio from 0 to 1; null when it cannot be computed. */
  value: (line: OrganisationReportLine) => number | null;
}

const UNITS_GROUP = 'Tổ chức cơ sở';
const MEMBERS_GROUP = 'Đoàn viên';
const MOVEMENTS_GROUP = 'Biến động đoàn viên trong kỳ';

const femaleShare = (line: OrganisationReportLine): number | null =>
  line.members > 0 ? line.femaleMembers / line.members : null;

export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { heading: 'CĐCS', width: 10, group: UNITS_GROUP, kind: 'count', value: (line) => line.grassrootsUnions },
  {
    heading: 'Nghiệp đoàn CS',
    width: 10,
    group: UNITS_GROUP,
    kind: 'count',
    value: (line) => line.grassrootsGuilds,
  },
  {
    heading: 'CĐCS thành lập mới',
    width: 11,
    group: UNITS_GROUP,
    kind: 'count',
    value: (line) => line.newGrassroots,
  },
  {
    heading: 'Tổng số đoàn viên',
    width: 13,
    group: MEMBERS_GROUP,
    kind: 'count',
    value: (line) => line.members,
  },
  {
    heading: 'Đoàn viên nữ',
    width: 13,
    group: MEMBERS_GROUP,
    kind: 'count',
    value: (line) => line.femaleMembers,
  },
  { heading: 'Tỷ lệ nữ (%)', width: 9, group: MEMBERS_GROUP, kind: 'ratio', value: femaleShare },
  {
    heading: 'Kết nạp mới',
    width: 11,
    group: MOVEMENTS_GROUP,
    kind: 'count',
    value: (line) => line.admitted,
  },
  {
    heading: 'Chuyển đến',
    width: 10,
    group: MOVEMENTS_GROUP,
    kind: 'count',
    value: (line) => line.transferredIn,
  },
  {
    heading: 'Chuyển đi',
    width: 10,
    group: MOVEMENTS_GROUP,
    kind: 'count',
    value: (line) => line.transferredOut,
  },
  {
    heading: 'Ra khỏi tổ chức',
    width: 11,
    group: MOVEMENTS_GROUP,
    kind: 'count',
    value: (line) => line.left,
  },
  { heading: 'Khai trừ', width: 9, group: MOVEMENTS_GROUP, kind: 'count', value: (line) => line.expelled },
  { heading: 'Số CNVCLĐ', width: 14, kind: 'count', value: (line) => line.workers },
  { heading: 'Tỷ lệ đoàn viên/CNVCLĐ (%)', width: 12, kind: 'ratio', value: (line) => line.coverage },
];

/** A heading over consecutive columns: `first` and `count` index FIGURE_COLUMNS. */
export interface HeadingGroup {
  heading: string;
  first: number;
  count: number;
}

/** Consecutive columns of one group make one heading; a column alone stands for itself. */
export const HEADING_GROUPS: readonly HeadingGroup[] = FIGURE_COLUMNS.reduce<HeadingGroup[]>(
  (groups, column, index) => {
    const last = groups.at(-1);
    if (column.group !== undefined && last?.heading === column.group) last.count += 1;
    else groups.push({ heading: column.group ?? column.heading, first: index, count: 1 });
    return groups;
  },
  [],
);

/** Names typed on some keyboards arrive decomposed; fonts and Excel both want the composed form. */
export const cleanText = (text: string): string => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** yyyy-mm-dd → dd/mm/yyyy. */
export const displayIsoDate = (iso: string): string => iso.slice(0, 10).split('-').reverse().join('/');

// Built once: an Intl formatter costs ~100 µs to construct.
const vietnamClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

interface VietnamTime {
  day: string;
  month: string;
  year: string;
  hour: string;
  minute: string;
}

/** The wall-clock time in Vietnam of an instant, whatever the server's time zone. */
function vietnamTimeOf(instant: string): VietnamTime {
  const parts = Object.fromEntries(
    vietnamClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    hour: parts.hour ?? '',
    minute: parts.minute ?? '',
  };
}

export interface ReportHeading {
  /** The body above the unit; none above the Confederation itself. */
  superior: string | null;
  unitName: string;
  republic: string;
  motto: string;
  title: string;
  period: string;
  cutOff: string;
}

export function reportHeadingOf(report: OrganisationReportDto): ReportHeading {
  return {
    superior: report.unit.superiorName?.toLocaleUpperCase('vi') ?? null,
    unitName: cleanText(report.unit.name).toLocaleUpperCase('vi-VN'),
    republic: REPUBLIC_NAME,
    motto: NATIONAL_MOTTO,
    title: REPORT_TITLE,
    period: cleanText(report.period.label),
    cutOff: `Số liệu đoàn viên tính đến ngày ${displayIsoDate(report.at)}`,
  };
}

export interface ReportSignatures {
  preparer: { role: string; hint: string };
  approver: { placeAndDate: string; mandate: string; role: string; hint: string };
  note: string;
}

export function reportSignaturesOf(report: OrganisationReportDto): ReportSignatures {
  const time = vietnamTimeOf(report.generatedAt);
  return {
    preparer: { role: 'NGƯỜI LẬP BIỂU', hint: '(Ký, ghi rõ họ tên)' },
    approver: {
      placeAndDate: `……, ngày ${time.day} tháng ${time.month} năm ${time.year}`,
      mandate: 'TM. BAN THƯỜNG VỤ',
      role: 'CHỦ TỊCH',
      hint: '(Ký tên, đóng dấu)',
    },
    note:
      'Báo cáo được lập tự động từ cơ sở dữ liệu Công đoàn số lúc ' +
      `${time.hour}:${time.minute} ${time.day}/${time.month}/${time.year}; ` +
      'các đơn vị cấp dưới không phải gửi báo cáo.',
  };
}

/** The document title for the file's metadata. */
export const documentTitleOf = (report: OrganisationReportDto): string =>
  `Báo cáo số liệu tổ chức công đoàn — ${cleanText(report.unit.name)} — ${cleanText(report.period.label)}`;

export const DOCUMENT_AUTHOR = 'Công đoàn số';
