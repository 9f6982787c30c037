import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PageSizes } from 'pdf-lib';
import type { OrganisationReportDto, OrganisationReportLine } from '@union/contracts/statistics';
import {
  DOCUMENT_AUTHOR,
  FIGURE_COLUMNS,
  HEADING_GROUPS,
  NO_FIGURE,
  ROW_NUMBER_HEADING,
  TOTAL_LABEL,
  UNIT_HEADING,
  cleanText,
  documentTitleOf,
  reportHeadingOf,
  reportSignaturesOf,
  type FigureColumn,
  type HeadingGroup,
} from './organisation-report-content.js';
import {
  drawFrame,
  drawRule,
  drawTextAt,
  finishPage,
  startPage,
  textFaceOf,
  textWidth,
  wrapText,
  type PageContent,
  type TextFace,
  type TextOptions,
} from './pdf-page-content.js';
import { loadPdfFonts } from '../../../kernel/pdf/pdf-fonts.js';

// A4 turned landscape: thirteen figure columns need the width.
const [PAGE_HEIGHT, PAGE_WIDTH] = PageSizes.A4 as [number, number];
const MARGIN = { left: 28, right: 28, top: 30, bottom: 22 } as const;
/** Room kept at the foot of each page for the note and the page number. */
const FOOTER_HEIGHT = 18;
const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;
const CONTENT_TOP = PAGE_HEIGHT - MARGIN.top;
const CONTENT_BOTTOM = MARGIN.bottom + FOOTER_HEIGHT;

const BODY_SIZE = 7.5;
const HEADING_SIZE = 7;
const LINE_HEIGHT = 1.3;
const CELL_PADDING = { x: 3, y: 2.5 } as const;
/** Stacked diacritics on capitals (Ể, Ộ) rise above the line; headings get a little more air. */
const HEADING_AIR = 3;
/** Excel characters to points, so both files keep the same proportions. */
const POINTS_PER_CHARACTER = 3.6;
const ROW_NUMBER_WIDTH = 25;
/** The signature block is never split from itself: it moves to a new page whole. */
const SIGNATURE_BLOCK_HEIGHT = 118;

/** Greys: 0 black, 1 white. */
const HEADING_FILL = 0.93;
const TOTAL_FILL = 0.97;

const countFormat = new Intl.NumberFormat('vi-VN');
const percentFormat = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** A figure as the paper form prints it: 1.234.567, a ratio as a percentage 45,3 under a "(%)" heading. */
function displayFigure(column: FigureColumn, line: OrganisationReportLine): string {
  const value = column.value(line);
  if (value === null) return NO_FIGURE;
  return column.kind === 'ratio' ? percentFormat.format(value * 100) : countFormat.format(value);
}

interface ReportFaces {
  regular: TextFace;
  bold: TextFace;
  italic: TextFace;
}

const lineHeightOf = (size: number): number => size * LINE_HEIGHT;
const blockHeightOf = (lineCount: number, size: number): number =>
  lineCount * lineHeightOf(size) + 2 * CELL_PADDING.y;

interface Box {
  x: number;
  width: number;
}

interface TextStyle extends TextOptions {
  face: TextFace;
  size: number;
}

/** Draws lines of text vertically centred in a cell from `top` down `height`. */
function drawLinesInCell(
  page: PageContent,
  lines: readonly string[],
  box: Box,
  top: number,
  height: number,
  style: TextStyle,
  align: 'left' | 'center' | 'right',
): void {
  const lineHeight = lineHeightOf(style.size);
  // Centre the block of lines in the cell, and each line's capitals (~0.7 em tall) within the line.
  const firstBaseline = top - (height - lines.length * lineHeight) / 2 - (lineHeight + style.size * 0.7) / 2;
  lines.forEach((line, index) => {
    const width = textWidth(style.face, line, style.size, style);
    const x =
      align === 'left'
        ? box.x + CELL_PADDING.x
        : align === 'right'
          ? box.x + box.width - CELL_PADDING.x - width
          : box.x + (box.width - width) / 2;
    drawTextAt(page, line, { x, y: firstBaseline - index * lineHeight }, style.face, style.size, style);
  });
}

/** A figure too wide for its column (a national total in bold) is set smaller rather than overflow. */
function fittedSize(text: string, face: TextFace, box: Box): number {
  const available = box.width - 2 * CELL_PADDING.x;
  const width = textWidth(face, text, BODY_SIZE, { tabularDigits: true });
  return width <= available ? BODY_SIZE : (BODY_SIZE * available) / width;
}

interface TableLayout {
  rowNumber: Box;
  unit: Box;
  figures: Box[];
  /** The heading rows, measured once and drawn at the top of every page. */
  groupRowHeight: number;
  headingRowHeight: number;
  groupLines: string[][];
  headingLines: string[][];
}

const isGrouped = (group: HeadingGroup): boolean => FIGURE_COLUMNS[group.first]?.group !== undefined;
const spanOf = (boxes: readonly Box[]): Box => ({
  x: boxes[0]?.x ?? 0,
  width: boxes.reduce((sum, box) => sum + box.width, 0),
});

function tableLayoutOf(faces: ReportFaces): TableLayout {
  const figureWidths = FIGURE_COLUMNS.map((column) => column.width * POINTS_PER_CHARACTER);
  const unitWidth = CONTENT_WIDTH - ROW_NUMBER_WIDTH - figureWidths.reduce((sum, width) => sum + width, 0);
  const rowNumber = { x: MARGIN.left, width: ROW_NUMBER_WIDTH };
  const unit = { x: rowNumber.x + rowNumber.width, width: unitWidth };
  let x = unit.x + unit.width;
  const figures = figureWidths.map((width) => {
    const box = { x, width };
    x += width;
    return box;
  });
  const wrapHeading = (text: string, box: Box) =>
    wrapText(text, faces.bold, HEADING_SIZE, box.width - 2 * CELL_PADDING.x);
  const groupLines = HEADING_GROUPS.map((group) =>
    wrapHeading(group.heading, spanOf(figures.slice(group.first, group.first + group.count))),
  );
  const headingLines = FIGURE_COLUMNS.map((column, index) => wrapHeading(column.heading, figures[index]!));
  const lineCounts = (spanning: boolean) =>
    FIGURE_COLUMNS.map((column, index) =>
      (column.group === undefined) === spanning ? headingLines[index]!.length : 0,
    );
  const groupRowHeight = blockHeightOf(
    Math.max(...HEADING_GROUPS.map((group, index) => (isGrouped(group) ? groupLines[index]!.length : 0))),
    HEADING_SIZE,
  );
  // A column without a group spans both rows, so the second row grows if it needs more room.
  const headingRowHeight =
    Math.max(
      blockHeightOf(Math.max(...lineCounts(false)), HEADING_SIZE),
      blockHeightOf(Math.max(...lineCounts(true)), HEADING_SIZE) - groupRowHeight,
    ) + HEADING_AIR;
  return { rowNumber, unit, figures, groupRowHeight, headingRowHeight, groupLines, headingLines };
}

interface Drawing {
  pdf: PDFDocument;
  faces: ReportFaces;
  table: TableLayout;
}

const drawCellFrame = (page: PageContent, box: Box, top: number, height: number, grey: number): void =>
  drawFrame(page, { x: box.x, y: top - height }, box.width, height, grey);

/** Draws the two heading rows from `top` and returns where the lines start. */
function drawTableHeadings(page: PageContent, top: number, { faces, table }: Drawing): number {
  const style = { face: faces.bold, size: HEADING_SIZE };
  const fullHeight = table.groupRowHeight + table.headingRowHeight;
  const headingCell = (box: Box, cellTop: number, height: number, lines: readonly string[]) => {
    drawCellFrame(page, box, cellTop, height, HEADING_FILL);
    drawLinesInCell(page, lines, box, cellTop, height, style, 'center');
  };
  headingCell(table.rowNumber, top, fullHeight, [ROW_NUMBER_HEADING]);
  headingCell(table.unit, top, fullHeight, [UNIT_HEADING]);
  HEADING_GROUPS.forEach((group, groupIndex) => {
    const boxes = table.figures.slice(group.first, group.first + group.count);
    if (!isGrouped(group)) {
      headingCell(boxes[0]!, top, fullHeight, table.headingLines[group.first]!);
      return;
    }
    headingCell(spanOf(boxes), top, table.groupRowHeight, table.groupLines[groupIndex]!);
    boxes.forEach((box, index) => {
      const lines = table.headingLines[group.first + index]!;
      headingCell(box, top - table.groupRowHeight, table.headingRowHeight, lines);
    });
  });
  return top - fullHeight;
}

/** The column rules of one page's run of lines, drawn once per page rather than once per cell. */
function drawColumnRules(page: PageContent, top: number, bottom: number, { table }: Drawing): void {
  if (bottom >= top) return;
  const edges = [
    table.rowNumber.x,
    table.unit.x,
    ...table.figures.map((box) => box.x),
    MARGIN.left + CONTENT_WIDTH,
  ];
  for (const x of edges) drawRule(page, { x, y: top }, { x, y: bottom });
}

function drawFigures(
  page: PageContent,
  line: OrganisationReportLine,
  top: number,
  height: number,
  face: TextFace,
  { table }: Drawing,
): void {
  FIGURE_COLUMNS.forEach((column, index) => {
    const box = table.figures[index]!;
    const text = displayFigure(column, line);
    const style = { face, size: fittedSize(text, face, box), tabularDigits: true };
    drawLinesInCell(page, [text], box, top, height, style, 'right');
  });
}

const SIDE_BLOCK_WIDTH = 320;
const LEFT_CENTRE = MARGIN.left + SIDE_BLOCK_WIDTH / 2;
const RIGHT_CENTRE = PAGE_WIDTH - MARGIN.right - SIDE_BLOCK_WIDTH / 2;

/** Draws a line centred on `centre` and returns its width. */
function drawCentred(
  page: PageContent,
  text: string,
  centre: number,
  y: number,
  face: TextFace,
  size: number,
): number {
  const width = textWidth(face, text, size);
  drawTextAt(page, text, { x: centre - width / 2, y }, face, size);
  return width;
}

/** Draws the heading block of the first page and returns where the table starts. */
function drawReportHeading(page: PageContent, report: OrganisationReportDto, { faces }: Drawing): number {
  const heading = reportHeadingOf(report);
  const shortRule = (centre: number, y: number, width: number) =>
    drawRule(page, { x: centre - width / 2, y }, { x: centre + width / 2, y });

  let leftY = CONTENT_TOP - 9;
  if (heading.superior !== null) {
    drawCentred(page, heading.superior, LEFT_CENTRE, leftY, faces.regular, 9);
    leftY -= 12;
  }
  for (const line of wrapText(heading.unitName, faces.bold, 9, SIDE_BLOCK_WIDTH)) {
    drawCentred(page, line, LEFT_CENTRE, leftY, faces.bold, 9);
    leftY -= 12;
  }
  shortRule(LEFT_CENTRE, leftY + 5, 70);

  let rightY = CONTENT_TOP - 9;
  drawCentred(page, heading.republic, RIGHT_CENTRE, rightY, faces.bold, 9);
  rightY -= 13;
  const mottoWidth = drawCentred(page, heading.motto, RIGHT_CENTRE, rightY, faces.bold, 10);
  shortRule(RIGHT_CENTRE, rightY - 4, mottoWidth);
  rightY -= 12;

  let y = Math.min(leftY, rightY) - 20;
  drawCentred(page, heading.title, PAGE_WIDTH / 2, y, faces.bold, 13);
  y -= 16;
  drawCentred(page, heading.period, PAGE_WIDTH / 2, y, faces.bold, 10);
  y -= 14;
  drawCentred(page, heading.cutOff, PAGE_WIDTH / 2, y, faces.italic, 10);
  return y - 12;
}

function drawSignatures(
  page: PageContent,
  report: OrganisationReportDto,
  top: number,
  { faces }: Drawing,
): void {
  const { preparer, approver } = reportSignaturesOf(report);
  const lineGap = 13;
  const first = top - 16;
  drawCentred(page, approver.placeAndDate, RIGHT_CENTRE, first, faces.italic, 9.5);
  drawCentred(page, preparer.role, LEFT_CENTRE, first - lineGap, faces.bold, 9.5);
  drawCentred(page, approver.mandate, RIGHT_CENTRE, first - lineGap, faces.bold, 9.5);
  drawCentred(page, preparer.hint, LEFT_CENTRE, first - 2 * lineGap, faces.italic, 8.5);
  drawCentred(page, approver.role, RIGHT_CENTRE, first - 2 * lineGap, faces.bold, 9.5);
  drawCentred(page, approver.hint, RIGHT_CENTRE, first - 3 * lineGap, faces.italic, 8.5);
}

/** The note and "Trang i/n" on every page, once the number of pages is known. */
function drawPageFooters(
  report: OrganisationReportDto,
  pages: readonly PageContent[],
  { faces }: Drawing,
): void {
  const { note } = reportSignaturesOf(report);
  pages.forEach((page, index) => {
    drawTextAt(page, note, { x: MARGIN.left, y: MARGIN.bottom }, faces.italic, 6.5);
    const pageLabel = `Trang ${index + 1}/${pages.length}`;
    const x = PAGE_WIDTH - MARGIN.right - textWidth(faces.regular, pageLabel, 7.5);
    drawTextAt(page, pageLabel, { x, y: MARGIN.bottom }, faces.regular, 7.5);
  });
}

function drawReport(report: OrganisationReportDto, drawing: Drawing): void {
  const { pdf, faces, table } = drawing;
  const pages: PageContent[] = [];
  const addPage = () => {
    const content = startPage(pdf, [PAGE_WIDTH, PAGE_HEIGHT]);
    pages.push(content);
    return content;
  };
  let page = addPage();
  let y = drawTableHeadings(page, drawReportHeading(page, report, drawing), drawing);
  let runTop = y;
  const unitTextWidth = table.unit.width - 2 * CELL_PADDING.x;
  const bodyStyle = { face: faces.regular, size: BODY_SIZE };

  /** Starts a new page under the heading rows when a row of `height` would reach the footer. */
  const makeRoomFor = (height: number) => {
    if (y - height >= CONTENT_BOTTOM) return;
    drawColumnRules(page, runTop, y, drawing);
    page = addPage();
    y = drawTableHeadings(page, CONTENT_TOP, drawing);
    runTop = y;
  };

  report.lines.forEach((line, index) => {
    const nameLines = wrapText(cleanText(line.name), faces.regular, BODY_SIZE, unitTextWidth);
    const height = blockHeightOf(nameLines.length, BODY_SIZE);
    makeRoomFor(height);
    drawLinesInCell(page, [String(index + 1)], table.rowNumber, y, height, bodyStyle, 'center');
    drawLinesInCell(page, nameLines, table.unit, y, height, bodyStyle, 'left');
    drawFigures(page, line, y, height, faces.regular, drawing);
    y -= height;
    drawRule(page, { x: MARGIN.left, y }, { x: MARGIN.left + CONTENT_WIDTH, y });
  });

  const totalHeight = blockHeightOf(1, BODY_SIZE);
  makeRoomFor(totalHeight);
  drawColumnRules(page, runTop, y, drawing);
  // The total spans the number and name columns, so its frame is its own.
  const labelBox = spanOf([table.rowNumber, table.unit]);
  drawCellFrame(page, labelBox, y, totalHeight, TOTAL_FILL);
  for (const box of table.figures) drawCellFrame(page, box, y, totalHeight, TOTAL_FILL);
  drawLinesInCell(
    page,
    [TOTAL_LABEL],
    labelBox,
    y,
    totalHeight,
    { face: faces.bold, size: BODY_SIZE },
    'center',
  );
  drawFigures(page, report.total, y, totalHeight, faces.bold, drawing);
  y -= totalHeight;

  if (y - SIGNATURE_BLOCK_HEIGHT < CONTENT_BOTTOM) {
    page = addPage();
    y = CONTENT_TOP + 16;
  }
  drawSignatures(page, report, y, drawing);
  drawPageFooters(report, pages, drawing);
  for (const content of pages) finishPage(pdf, content);
}

/** The organisation report as an A4 landscape PDF laid out like the paper form, in Be Vietnam Pro. */
export async function writeOrganisationReportPdf(report: OrganisationReportDto): Promise<Buffer> {
  const fontBytes = await loadPdfFonts();
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  // Subset: only the glyphs used travel in the file (~0.5 MB of fonts otherwise); ToUnicode keeps
  // the text searchable and copyable as Vietnamese.
  const [regular, bold, italic] = await Promise.all([
    pdf.embedFont(fontBytes.regular, { subset: true }),
    pdf.embedFont(fontBytes.bold, { subset: true }),
    pdf.embedFont(fontBytes.italic, { subset: true }),
  ]);
  const faces = { regular: textFaceOf(regular), bold: textFaceOf(bold), italic: textFaceOf(italic) };
  drawReport(report, { pdf, faces, table: tableLayoutOf(faces) });

  const generatedAt = new Date(report.generatedAt);
  pdf.setTitle(documentTitleOf(report), { showInWindowTitleBar: true });
  pdf.setSubject(cleanText(report.period.label));
  pdf.setAuthor(DOCUMENT_AUTHOR);
  pdf.setCreator(DOCUMENT_AUTHOR);
  pdf.setLanguage('vi-VN');
  pdf.setCreationDate(generatedAt);
  pdf.setModificationDate(generatedAt);
  // No object streams: PDF/A and older readers refuse them, and a report has few objects to pack.
  const bytes = await pdf.save({ useObjectStreams: false });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
