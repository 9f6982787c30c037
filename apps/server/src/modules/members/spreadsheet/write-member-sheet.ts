import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import type { ContractType, MemberField, MemberFields, Sex } from '@union/contracts/members';
import { displayDate } from './cell-values.js';
import { INFORMATIONAL_HEADERS, MEMBER_FIELD_HEADERS, MEMBER_FIELDS } from './member-columns.js';
import { EXAMPLE_MEMBER, FIELD_GUIDES, GENERAL_GUIDES, REQUIRED_FIELDS } from './member-import-guide.js';

/** A member as exported: the record, and where they stand (the status as a Vietnamese label). */
export type ExportRow = MemberFields & { memberCode: string; unitName: string; status: string };

type ExportCell = string | number | Date | null;

interface SheetColumn {
  width: number;
  style: Partial<ExcelJS.Style>;
}

const SEX_LABELS: Readonly<Record<Sex, string>> = { male: 'Nam', female: 'Nữ' };
const CONTRACT_TYPE_LABELS: Readonly<Record<ContractType, string>> = {
  indefinite: 'Không xác định thời hạn',
  fixed_term: 'Xác định thời hạn',
  none: 'Không có HĐLĐ',
};
const DATE_FIELDS: ReadonlySet<MemberField> = new Set(['birthDate', 'joinedAt']);
/** Identifiers kept as text, so leading zeros and long digit strings survive Excel. */
const TEXT_FIELDS: ReadonlySet<MemberField> = new Set([
  'citizenId',
  'legacyIdNumber',
  'passportNumber',
  'phone',
  'provinceCode',
  'communeCode',
  'employerTaxCode',
  'cardNumber',
]);
const WIDE_FIELDS: Partial<Record<MemberField, number>> = {
  fullName: 26,
  email: 28,
  addressLine: 40,
  employerName: 32,
  occupation: 20,
  qualification: 20,
};

const PLAIN_STYLE: Partial<ExcelJS.Style> = {};
const TEXT_STYLE: Partial<ExcelJS.Style> = { numFmt: '@' };
const DATE_STYLE: Partial<ExcelJS.Style> = { numFmt: 'dd/mm/yyyy' };
const MONEY_STYLE: Partial<ExcelJS.Style> = { numFmt: '#,##0' };

const styleOf = (field: MemberField): Partial<ExcelJS.Style> =>
  DATE_FIELDS.has(field)
    ? DATE_STYLE
    : TEXT_FIELDS.has(field)
      ? TEXT_STYLE
      : field === 'insuredSalary'
        ? MONEY_STYLE
        : PLAIN_STYLE;

/** The header's length sets the width, within reason; long free text gets more room. */
const memberFieldColumn = (field: MemberField): SheetColumn => ({
  width: WIDE_FIELDS[field] ?? Math.min(24, Math.max(12, MEMBER_FIELD_HEADERS[field].length + 2)),
  style: styleOf(field),
});

const labelOf = (labels: Readonly<Record<string, string>>, value: string): string => labels[value] ?? value;

/** A date field as a real date cell; anything that is not yyyy-mm-dd stays as it was. */
const dateCell = (value: string): Date | string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : value;

function fieldCell(fields: MemberFields, field: MemberField): ExportCell {
  const value = fields[field];
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'Có' : 'Không';
  if (typeof value === 'number') return value;
  if (field === 'sex') return labelOf(SEX_LABELS, value);
  if (field === 'contractType') return labelOf(CONTRACT_TYPE_LABELS, value);
  return DATE_FIELDS.has(field) ? dateCell(value) : value;
}

/** The member's fields in column order, as a spreadsheet shows them. */
const memberFieldCells = (fields: MemberFields): ExportCell[] =>
  MEMBER_FIELDS.map((field) => fieldCell(fields, field));

const EXPORT_HEADERS: readonly string[] = [
  INFORMATIONAL_HEADERS.rowNumber,
  INFORMATIONAL_HEADERS.memberCode,
  ...MEMBER_FIELDS.map((field) => MEMBER_FIELD_HEADERS[field]),
  INFORMATIONAL_HEADERS.unitName,
  INFORMATIONAL_HEADERS.status,
];

const EXPORT_COLUMNS: readonly SheetColumn[] = [
  { width: 6, style: PLAIN_STYLE },
  { width: 15, style: TEXT_STYLE },
  ...MEMBER_FIELDS.map(memberFieldColumn),
  { width: 32, style: PLAIN_STYLE },
  { width: 14, style: PLAIN_STYLE },
];

const exportCells = (row: ExportRow, position: number): ExportCell[] => [
  position,
  row.memberCode,
  ...memberFieldCells(row),
  row.unitName,
  row.status,
];

/**
 * Sets the widths and the formats (which Excel also gives what a user types in later), and returns
 * the column styles: this workbook's own copies, never the shared constants.
 */
function setColumns(sheet: ExcelJS.Worksheet, columns: readonly SheetColumn[]): Partial<ExcelJS.Style>[] {
  const styles = columns.map(({ style }) => ({ ...style }));
  sheet.columns = columns.map(({ width }, index) => ({ width, style: styles[index] }));
  return styles;
}

/**
 * exceljs looks a cell's style up by its style object, and each new cell gets its own copy: paid per
 * cell, that look-up would dominate a large export. One object per column makes it a cache hit.
 */
function shareColumnStyles(row: ExcelJS.Row, styles: readonly Partial<ExcelJS.Style>[]): ExcelJS.Row {
  row.eachCell((cell, column) => {
    cell.style = styles[column - 1]!;
  });
  return row;
}

/** Rows written between looks at whether the destination has caught up. */
const ROWS_PER_DRAIN_CHECK = 1000;

const drainedOrClosed = (out: Writable) =>
  new Promise<void>((resolve) => {
    const settle = () => {
      out.off('drain', settle);
      out.off('close', settle);
      resolve();
    };
    out.on('drain', settle);
    out.on('close', settle);
  });

/**
 * Committed rows wait in exceljs's buffers until its zip stream takes them: let it, and let a slow
 * client drain, before making more. A client that went away ends the export (and its row source).
 */
async function caughtUp(out: Writable): Promise<void> {
  await setImmediate();
  if (out.writableNeedDrain && !out.destroyed) await drainedOrClosed(out);
  if (out.destroyed) throw new Error('The export stream closed before the export ended.');
}

/**
 * Streams members to an .xlsx: each row is committed as it comes, so a province's list never sits in
 * memory. Ends `out`.
 */
export async function writeMemberXlsx(rows: AsyncIterable<ExportRow>, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('Đoàn viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = setColumns(sheet, EXPORT_COLUMNS);
  const header = sheet.addRow(EXPORT_HEADERS);
  header.font = { bold: true };
  header.commit();
  let position = 0;
  for await (const row of rows) {
    position += 1;
    shareColumnStyles(sheet.addRow(exportCells(row, position)), styles).commit();
    if (position % ROWS_PER_DRAIN_CHECK === 0) await caughtUp(out);
  }
  sheet.commit();
  await workbook.commit();
}

const csvField = (cell: ExportCell): string =>
  cell instanceof Date ? displayDate(cell.toISOString().slice(0, 10)) : cell === null ? '' : String(cell);

async function* csvRecords(rows: AsyncIterable<ExportRow>): AsyncGenerator<string[]> {
  yield [...EXPORT_HEADERS];
  let position = 0;
  for await (const row of rows) {
    position += 1;
    yield exportCells(row, position).map(csvField);
  }
}

/** Streams members to CSV: UTF-8 with a BOM (without it Excel misreads Vietnamese), dd/mm/yyyy dates. Ends `out`. */
export async function writeMemberCsv(rows: AsyncIterable<ExportRow>, out: Writable): Promise<void> {
  await pipeline(Readable.from(csvRecords(rows)), stringify({ bom: true, record_delimiter: 'windows' }), out);
}

const MEMBER_HEADERS = MEMBER_FIELDS.map((field) => MEMBER_FIELD_HEADERS[field]);

function addGuideSheet(workbook: ExcelJS.Workbook): void {
  const guide = workbook.addWorksheet('Hướng dẫn', { views: [{ state: 'frozen', ySplit: 1 }] });
  guide.columns = [{ width: 30 }, { width: 10 }, { width: 90 }].map((column) => ({
    ...column,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']).font = { bold: true };
  for (const field of MEMBER_FIELDS)
    guide.addRow([MEMBER_FIELD_HEADERS[field], REQUIRED_FIELDS.has(field) ? 'Có' : '', FIELD_GUIDES[field]]);
  guide.addRow([]);
  guide.addRow(['Lưu ý chung']).font = { bold: true };
  GENERAL_GUIDES.forEach((note, index) => guide.addRow([`${index + 1}.`, '', note]));
}

/** The .xlsx officers fill in: the headers, one example row, and a sheet explaining every column. */
export async function memberImportTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const list = workbook.addWorksheet('Danh sách đoàn viên', { views: [{ state: 'frozen', ySplit: 1 }] });
  setColumns(list, MEMBER_FIELDS.map(memberFieldColumn));
  list.addRow(MEMBER_HEADERS).font = { bold: true };
  list.addRow(memberFieldCells(EXAMPLE_MEMBER));
  addGuideSheet(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
