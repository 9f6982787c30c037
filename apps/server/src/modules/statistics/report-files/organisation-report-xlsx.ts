import ExcelJS from 'exceljs';
import type { OrganisationReportDto, OrganisationReportLine } from '@union/contracts/statistics';
import {
  DOCUMENT_AUTHOR,
  FIGURE_COLUMNS,
  HEADING_GROUPS,
  ROW_NUMBER_HEADING,
  TOTAL_LABEL,
  UNIT_HEADING,
  cleanText,
  documentTitleOf,
  reportHeadingOf,
  reportSignaturesOf,
  type FigureKind,
} from './organisation-report-content.js';

export const REPORT_SHEET_NAME = 'Báo cáo tổ chức';

/** Row and column positions of the sheet, 1-based as exceljs counts them. */
export const REPORT_SHEET_LAYOUT = {
  superiorRow: 1,
  unitRow: 2,
  titleRow: 4,
  periodRow: 5,
  cutOffRow: 6,
  groupHeadingRow: 8,
  headingRow: 9,
  firstLineRow: 10,
  rowNumberColumn: 1,
  unitColumn: 2,
  firstFigureColumn: 3,
} as const;

const LAYOUT = REPORT_SHEET_LAYOUT;
const LAST_COLUMN = LAYOUT.firstFigureColumn + FIGURE_COLUMNS.length - 1;
/** The left block (issuing body) and the right block (state heading) share the top rows. */
const LEFT_BLOCK = { first: 1, last: 5 } as const;
const RIGHT_BLOCK = { first: LAST_COLUMN - 5, last: LAST_COLUMN } as const;

// Vietnamese administrative documents are set in Times New Roman; Excel shows every diacritic in it.
const FONT_NAME = 'Times New Roman';
const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({
  name: FONT_NAME,
  size: 11,
  ...extra,
});

const THIN: Partial<ExcelJS.Border> = { style: 'thin' };
const BORDERS: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const CENTERED: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };

const NUMBER_FORMATS: Readonly<Record<FigureKind, string>> = { count: '#,##0', ratio: '0.0%' };

// Whole style objects, assigned and never edited per cell: exceljs would otherwise mutate the shared copy.
const HEADING_STYLE: Partial<ExcelJS.Style> = {
  font: font({ bold: true, size: 10 }),
  alignment: CENTERED,
  border: BORDERS,
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } },
};

interface LineStyles {
  rowNumber: Partial<ExcelJS.Style>;
  unit: Partial<ExcelJS.Style>;
  figures: Readonly<Record<FigureKind, Partial<ExcelJS.Style>>>;
}

function lineStyles(bold: boolean): LineStyles {
  const cellFont = font({ bold });
  const figure = (kind: FigureKind): Partial<ExcelJS.Style> => ({
    font: cellFont,
    border: BORDERS,
    numFmt: NUMBER_FORMATS[kind],
    alignment: { vertical: 'middle' },
  });
  return {
    rowNumber: { font: cellFont, border: BORDERS, alignment: { horizontal: 'center', vertical: 'middle' } },
    unit: {
      font: cellFont,
      border: BORDERS,
      alignment: { vertical: 'middle', wrapText: true, horizontal: bold ? 'center' : 'left' },
    },
    figures: { count: figure('count'), ratio: figure('ratio') },
  };
}

const LINE_STYLES = lineStyles(false);
const TOTAL_STYLES = lineStyles(true);

/** Column widths in characters; the unit name gets the room a long CĐCS name needs. */
const COLUMN_WIDTHS: readonly number[] = [6, 46, ...FIGURE_COLUMNS.map((column) => column.width)];

/** Points per line of 11-point text. */
const LINE_HEIGHT = 15;

/**
 * Neither Excel nor LibreOffice grows a row to fit text wrapped in a file written by a program, so
 * the height is estimated: words laid greedily on lines of `charsPerLine` characters.
 */
function wrappedRowHeight(text: string, charsPerLine: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const length = [...word].length;
    if (used > 0 && used + 1 + length > charsPerLine) {
      lines += 1;
      used = length;
    } else {
      used += (used > 0 ? 1 : 0) + length;
    }
    // A word longer than a line breaks by itself.
    while (used > charsPerLine) {
      lines += 1;
      used -= charsPerLine;
    }
  }
  return lines * LINE_HEIGHT;
}

/**
 * Column widths count the default font's digits; Times New Roman fits ~25 % more mixed-case letters
 * and ~20 % fewer bold capitals.
 */
const MIXED_CASE_PER_WIDTH = 1.25;
const BOLD_CAPITALS_PER_WIDTH = 0.8;

const blockWidth = (block: { first: number; last: number }): number =>
  COLUMN_WIDTHS.slice(block.first - 1, block.last).reduce((sum, width) => sum + width, 0);

function writeBlockText(
  sheet: ExcelJS.Worksheet,
  row: number,
  block: { first: number; last: number },
  text: string,
  style: Partial<ExcelJS.Style>,
): void {
  sheet.mergeCells(row, block.first, row, block.last);
  const cell = sheet.getCell(row, block.first);
  cell.value = text;
  cell.style = { alignment: CENTERED, ...style };
}

function writeHeading(sheet: ExcelJS.Worksheet, report: OrganisationReportDto): void {
  const heading = reportHeadingOf(report);
  const whole = { first: 1, last: LAST_COLUMN };
  if (heading.superior !== null)
    writeBlockText(sheet, LAYOUT.superiorRow, LEFT_BLOCK, heading.superior, { font: font() });
  writeBlockText(sheet, LAYOUT.unitRow, LEFT_BLOCK, heading.unitName, { font: font({ bold: true }) });
  sheet.getRow(LAYOUT.unitRow).height = wrappedRowHeight(
    heading.unitName,
    blockWidth(LEFT_BLOCK) * BOLD_CAPITALS_PER_WIDTH,
  );
  writeBlockText(sheet, LAYOUT.superiorRow, RIGHT_BLOCK, heading.republic, { font: font({ bold: true }) });
  writeBlockText(sheet, LAYOUT.unitRow, RIGHT_BLOCK, heading.motto, {
    font: font({ bold: true, underline: true }),
    alignment: { horizontal: 'center', vertical: 'top' },
  });
  writeBlockText(sheet, LAYOUT.titleRow, whole, heading.title, { font: font({ bold: true, size: 14 }) });
  sheet.getRow(LAYOUT.titleRow).height = 22;
  writeBlockText(sheet, LAYOUT.periodRow, whole, heading.period, { font: font({ bold: true }) });
  writeBlockText(sheet, LAYOUT.cutOffRow, whole, heading.cutOff, { font: font({ italic: true }) });
}

function writeTableHeadings(sheet: ExcelJS.Worksheet): void {
  const { groupHeadingRow: top, headingRow: bottom } = LAYOUT;
  const spanBoth = (column: number, text: string) => {
    sheet.mergeCells(top, column, bottom, column);
    const cell = sheet.getCell(top, column);
    cell.value = text;
    cell.style = HEADING_STYLE;
  };
  spanBoth(LAYOUT.rowNumberColumn, ROW_NUMBER_HEADING);
  spanBoth(LAYOUT.unitColumn, UNIT_HEADING);
  for (const group of HEADING_GROUPS) {
    const first = LAYOUT.firstFigureColumn + group.first;
    if (group.count === 1 && FIGURE_COLUMNS[group.first]?.group === undefined) {
      spanBoth(first, group.heading);
      continue;
    }
    sheet.mergeCells(top, first, top, first + group.count - 1);
    const groupCell = sheet.getCell(top, first);
    groupCell.value = group.heading;
    groupCell.style = HEADING_STYLE;
    for (let index = 0; index < group.count; index += 1) {
      const cell = sheet.getCell(bottom, first + index);
      cell.value = FIGURE_COLUMNS[group.first + index]?.heading ?? '';
      cell.style = HEADING_STYLE;
    }
  }
  // Cells hidden under a merge still need their borders, or the grid shows gaps in print.
  for (let column = 1; column <= LAST_COLUMN; column += 1) {
    for (const row of [top, bottom]) {
      const cell = sheet.getCell(row, column);
      if (cell.isMerged && cell.master !== cell) cell.style = HEADING_STYLE;
    }
  }
  sheet.getRow(top).height = 30;
  sheet.getRow(bottom).height = 48;
}

function writeFigures(row: ExcelJS.Row, line: OrganisationReportLine, styles: LineStyles): void {
  FIGURE_COLUMNS.forEach((column, index) => {
    const cell = row.getCell(LAYOUT.firstFigureColumn + index);
    cell.value = column.value(line);
    cell.style = styles.figures[column.kind];
  });
}

/** Writes the lines then the total, and returns the row after the table. */
function writeTableBody(sheet: ExcelJS.Worksheet, report: OrganisationReportDto): number {
  let rowNumber: number = LAYOUT.firstLineRow;
  const unitCharsPerLine = (COLUMN_WIDTHS[LAYOUT.unitColumn - 1] ?? 0) * MIXED_CASE_PER_WIDTH;
  report.lines.forEach((line, index) => {
    const row = sheet.getRow(rowNumber);
    const name = cleanText(line.name);
    const position = row.getCell(LAYOUT.rowNumberColumn);
    position.value = index + 1;
    position.style = LINE_STYLES.rowNumber;
    const unit = row.getCell(LAYOUT.unitColumn);
    unit.value = name;
    unit.style = LINE_STYLES.unit;
    row.height = wrappedRowHeight(name, unitCharsPerLine);
    writeFigures(row, line, LINE_STYLES);
    rowNumber += 1;
  });
  const totalRow = sheet.getRow(rowNumber);
  sheet.mergeCells(rowNumber, LAYOUT.rowNumberColumn, rowNumber, LAYOUT.unitColumn);
  const label = totalRow.getCell(LAYOUT.rowNumberColumn);
  label.value = TOTAL_LABEL;
  label.style = TOTAL_STYLES.unit;
  totalRow.getCell(LAYOUT.unitColumn).style = TOTAL_STYLES.unit;
  writeFigures(totalRow, report.total, TOTAL_STYLES);
  return rowNumber + 1;
}

function writeSignatures(sheet: ExcelJS.Worksheet, report: OrganisationReportDto, firstRow: number): void {
  const { preparer, approver, note } = reportSignaturesOf(report);
  const italic = { font: font({ italic: true }) };
  const bold = { font: font({ bold: true }) };
  writeBlockText(sheet, firstRow, RIGHT_BLOCK, approver.placeAndDate, italic);
  writeBlockText(sheet, firstRow + 1, LEFT_BLOCK, preparer.role, bold);
  writeBlockText(sheet, firstRow + 1, RIGHT_BLOCK, approver.mandate, bold);
  writeBlockText(sheet, firstRow + 2, LEFT_BLOCK, preparer.hint, italic);
  writeBlockText(sheet, firstRow + 2, RIGHT_BLOCK, approver.role, bold);
  writeBlockText(sheet, firstRow + 3, RIGHT_BLOCK, approver.hint, italic);
  // Room to sign and stamp, then the provenance note.
  const noteRow = firstRow + 9;
  writeBlockText(sheet, noteRow, { first: 1, last: LAST_COLUMN }, note, {
    font: font({ italic: true, size: 9 }),
    alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  });
}

/** The organisation report as an xlsx workbook laid out like the paper form, ready to print on A4. */
export async function writeOrganisationReportXlsx(report: OrganisationReportDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const generatedAt = new Date(report.generatedAt);
  workbook.creator = DOCUMENT_AUTHOR;
  workbook.lastModifiedBy = DOCUMENT_AUTHOR;
  workbook.title = documentTitleOf(report);
  workbook.subject = cleanText(report.period.label);
  workbook.created = generatedAt;
  workbook.modified = generatedAt;

  const sheet = workbook.addWorksheet(REPORT_SHEET_NAME, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      // 0: as many pages tall as the lines need.
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${LAYOUT.groupHeadingRow}:${LAYOUT.headingRow}`,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&9Trang &P/&N' },
    views: [
      {
        state: 'frozen',
        xSplit: LAYOUT.unitColumn,
        ySplit: LAYOUT.headingRow,
        topLeftCell: `${String.fromCharCode(64 + LAYOUT.firstFigureColumn)}${LAYOUT.firstLineRow}`,
      },
    ],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  writeHeading(sheet, report);
  writeTableHeadings(sheet);
  const afterTable = writeTableBody(sheet, report);
  writeSignatures(sheet, report, afterTable + 1);

  const bytes = await workbook.xlsx.writeBuffer();
  return Buffer.from(bytes as ArrayBuffer);
}
