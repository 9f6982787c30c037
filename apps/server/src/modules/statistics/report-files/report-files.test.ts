import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as fontkit from '@pdf-lib/fontkit';
import ExcelJS from 'exceljs';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  decodePDFRawStream,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import type { OrganisationReportDto, OrganisationReportLine } from '@union/contracts/statistics';
import { describe, expect, it } from 'vitest';
import { reportFilename, writeOrganisationReportPdf, writeOrganisationReportXlsx } from './index.js';
import {
  FIGURE_COLUMNS,
  HEADING_GROUPS,
  NO_FIGURE,
  ROW_NUMBER_HEADING,
  TOTAL_LABEL,
  UNIT_HEADING,
  reportHeadingOf,
  reportSignaturesOf,
} from './organisation-report-content.js';
import { REPORT_SHEET_LAYOUT, REPORT_SHEET_NAME } from './organisation-report-xlsx.js';
import { textFaceOf, textWidth, wrapText } from './pdf-page-content.js';
import { loadPdfFonts } from '../../../kernel/pdf/pdf-fonts.js';

const UNIT_NAMES = [
  'CĐCS Công ty TNHH Điện tử Đông Á',
  'Công đoàn cơ sở Trường Trung học phổ thông Nguyễn Trãi, phường Ỷ La, thành phố Tuyên Quang',
  'Nghiệp đoàn nghề cá xã Quỳnh Lưu',
  'CĐCS Công ty Cổ phần Dệt may Hưng Yên – Chi nhánh Phố Hiến',
  'Công đoàn Khu công nghiệp Việt Nam – Singapore (VSIP) Bắc Ninh và các doanh nghiệp có vốn đầu tư nước ngoài',
];

function sampleLine(index: number): OrganisationReportLine {
  const members = 1_000 + index * 37;
  const workers = index % 5 === 4 ? 0 : 1_500 + index * 40;
  return {
    unitId: 100 + index,
    name:
      index < UNIT_NAMES.length ? UNIT_NAMES[index]! : `${UNIT_NAMES[index % UNIT_NAMES.length]} số ${index}`,
    code: `HY.${index}`,
    type: 'grassroots_union',
    grassrootsUnions: index % 7,
    grassrootsGuilds: index % 3,
    newGrassroots: index % 2,
    members,
    femaleMembers: 400 + index * 11,
    admitted: index % 50,
    transferredIn: index % 9,
    transferredOut: index % 8,
    left: index % 13,
    expelled: index % 4 === 0 ? 1 : 0,
    workers,
    coverage: workers === 0 ? null : members / workers,
  };
}

function sampleReport(
  lineCount: number,
  unit: Partial<OrganisationReportDto['unit']> = {},
): OrganisationReportDto {
  return {
    unit: {
      id: 1,
      name: 'Liên đoàn Lao động tỉnh Hưng Yên',
      code: 'HY',
      type: 'provincial_federation',
      superiorName: 'Tổng Liên đoàn Lao động Việt Nam',
      ...unit,
    },
    period: {
      code: '2026-annual',
      label: 'Năm 2026 (từ 01/12/2025 đến 30/11/2026)',
      from: '2025-12-01',
      to: '2026-11-30',
    },
    at: '2026-11-30',
    // 18:30 UTC on 2 December is 01:30 on 3 December in Hà Nội: the form shows Vietnam's date.
    generatedAt: '2026-12-02T18:30:00.000Z',
    total: {
      ...sampleLine(0),
      unitId: 1,
      name: 'Liên đoàn Lao động tỉnh Hưng Yên',
      code: 'HY',
      type: 'provincial_federation',
      members: 11_234_567,
      femaleMembers: 5_617_283,
      workers: 15_000_000,
      coverage: 0.7489,
    },
    lines: Array.from({ length: lineCount }, (_, index) => sampleLine(index)),
  };
}

async function readSheet(bytes: Buffer): Promise<{ workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(REPORT_SHEET_NAME);
  if (sheet === undefined) throw new Error('the report sheet is missing');
  return { workbook, sheet };
}

const column = (heading: string): number =>
  REPORT_SHEET_LAYOUT.firstFigureColumn + FIGURE_COLUMNS.findIndex((figure) => figure.heading === heading);

/** Every text cell of the sheet, to find the texts whose place does not matter. */
function sheetTexts(sheet: ExcelJS.Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))),
  );
  return texts;
}

describe('writeOrganisationReportXlsx', () => {
  it('lays out the paper form: heading, table headings, lines, total and signatures', async () => {
    const report = sampleReport(12);
    const { workbook, sheet } = await readSheet(await writeOrganisationReportXlsx(report));
    const cell = (row: number, col: number) => sheet.getCell(row, col);
    const { firstLineRow, groupHeadingRow, headingRow } = REPORT_SHEET_LAYOUT;

    expect(workbook.creator).toBe('Công đoàn số');
    expect(workbook.title).toContain('Liên đoàn Lao động tỉnh Hưng Yên');
    expect(cell(1, 1).value).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(cell(2, 1).value).toBe('LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN');
    expect(cell(2, 1).font?.bold).toBe(true);
    expect(sheetTexts(sheet)).toEqual(
      expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc']),
    );
    expect(cell(4, 1).value).toBe('BÁO CÁO SỐ LIỆU TỔ CHỨC CÔNG ĐOÀN');
    expect(cell(5, 1).value).toBe('Năm 2026 (từ 01/12/2025 đến 30/11/2026)');
    expect(cell(6, 1).value).toBe('Số liệu đoàn viên tính đến ngày 30/11/2026');

    expect(cell(groupHeadingRow, 1).value).toBe('STT');
    expect(cell(groupHeadingRow, 2).value).toBe('Đơn vị');
    expect(cell(groupHeadingRow, 3).value).toBe('Tổ chức cơ sở');
    expect(cell(groupHeadingRow, column('Tổng số đoàn viên')).value).toBe('Đoàn viên');
    expect(cell(groupHeadingRow, column('Số CNVCLĐ')).value).toBe('Số CNVCLĐ');
    expect(cell(groupHeadingRow, column('Tỷ lệ đoàn viên/CNVCLĐ (%)')).value).toBe(
      'Tỷ lệ đoàn viên/CNVCLĐ (%)',
    );
    const headings = FIGURE_COLUMNS.filter((figure) => figure.group !== undefined).map(
      (figure) => figure.heading,
    );
    for (const heading of headings) expect(cell(headingRow, column(heading)).value).toBe(heading);
    expect(headings).toEqual(
      expect.arrayContaining([
        'CĐCS',
        'Nghiệp đoàn CS',
        'Đoàn viên nữ',
        'Tỷ lệ nữ (%)',
        'Ra khỏi tổ chức',
        'Khai trừ',
      ]),
    );

    const first = firstLineRow;
    expect(cell(first, 1).value).toBe(1);
    expect(cell(first, 2).value).toBe('CĐCS Công ty TNHH Điện tử Đông Á');
    expect(cell(first, column('Tổng số đoàn viên')).value).toBe(1_000);
    expect(cell(first, column('Tổng số đoàn viên')).numFmt).toBe('#,##0');
    expect(cell(first, column('Đoàn viên nữ')).value).toBe(400);
    expect(cell(first, column('Tỷ lệ nữ (%)')).value).toBeCloseTo(0.4);
    expect(cell(first, column('Tỷ lệ nữ (%)')).numFmt).toBe('0.0%');
    expect(cell(first, column('Khai trừ')).value).toBe(1);
    expect(cell(first, column('Tỷ lệ đoàn viên/CNVCLĐ (%)')).value).toBeCloseTo(1_000 / 1_500);
    // Line 5 declared no workforce: its coverage is left empty, not 0 %.
    expect(cell(first + 4, column('Số CNVCLĐ')).value).toBe(0);
    expect(cell(first + 4, column('Tỷ lệ đoàn viên/CNVCLĐ (%)')).value).toBeNull();
    expect(cell(first + 11, 1).value).toBe(12);

    const total = first + 12;
    expect(cell(total, 1).value).toBe('Tổng cộng');
    expect(cell(total, 1).font?.bold).toBe(true);
    expect(cell(total, column('Tổng số đoàn viên')).value).toBe(11_234_567);
    expect(cell(total, column('Tổng số đoàn viên')).font?.bold).toBe(true);
    expect(cell(total, column('Số CNVCLĐ')).value).toBe(15_000_000);
    expect(cell(total, column('Tỷ lệ đoàn viên/CNVCLĐ (%)')).value).toBeCloseTo(0.7489);
    expect(cell(total, column('Tổng số đoàn viên')).border?.bottom?.style).toBe('thin');

    expect(sheetTexts(sheet)).toEqual(
      expect.arrayContaining([
        'NGƯỜI LẬP BIỂU',
        '(Ký, ghi rõ họ tên)',
        '……, ngày 03 tháng 12 năm 2026',
        'TM. BAN THƯỜNG VỤ',
        'CHỦ TỊCH',
        '(Ký tên, đóng dấu)',
        'Báo cáo được lập tự động từ cơ sở dữ liệu Công đoàn số lúc 01:30 03/12/2026; ' +
          'các đơn vị cấp dưới không phải gửi báo cáo.',
      ]),
    );
  });

  it('is set up to print on A4 landscape with the heading rows on every page', async () => {
    const { sheet } = await readSheet(await writeOrganisationReportXlsx(sampleReport(3)));

    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '8:9',
    });
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: REPORT_SHEET_LAYOUT.headingRow });
    expect(sheet.getCell('A4').isMerged).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(40);
  });

  it('puts nothing above the Confederation and writes a report without lines', async () => {
    const report = sampleReport(0, {
      name: 'Tổng Liên đoàn Lao động Việt Nam',
      type: 'confederation',
      superiorName: null,
    });
    const { sheet } = await readSheet(await writeOrganisationReportXlsx(report));

    expect(sheet.getCell(1, 1).value).toBeNull();
    expect(sheet.getCell(2, 1).value).toBe('TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM');
    expect(sheet.getCell(REPORT_SHEET_LAYOUT.firstLineRow, 1).value).toBe('Tổng cộng');
  });
});

/** A PDF's text as the reader's copy-and-paste gives it, page by page, through the fonts' ToUnicode maps. */
async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  const decoded = (stream: unknown) => {
    if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream');
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  };
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  const toUnicodeOf = (fontRef: PDFRef): Map<string, string> => {
    const font = pdf.context.lookup(fontRef, PDFDict);
    const cmap = decoded(font.lookup(PDFName.of('ToUnicode')));
    return new Map(
      [...cmap.matchAll(/<([0-9a-f]{4})> <([0-9a-f]+)>/gi)].map(([, glyph, text]) => [
        glyph!.toLowerCase(),
        utf16(text!),
      ]),
    );
  };
  const pageText = (page: PDFPage): string => {
    const fonts = page.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    const maps = new Map(fonts.entries().map(([name, ref]) => [name.toString(), toUnicodeOf(ref as PDFRef)]));
    const contents = page.node.Contents();
    const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
    const operators = streams.map((ref) => decoded(pdf.context.lookup(ref))).join('\n');
    return [...operators.matchAll(/BT (\/\S+) [\d.]+ Tf .*? (\[.*?\] TJ|<[0-9A-F]*> Tj) ET/g)]
      .map(([, fontName, shown]) => {
        const glyphs = [...shown!.matchAll(/<([0-9A-F]*)>/g)].flatMap(([, hex]) => hex!.match(/.{4}/g) ?? []);
        return glyphs.map((glyph) => maps.get(fontName!)?.get(glyph.toLowerCase()) ?? '\uFFFD').join('');
      })
      .join('\n');
  };
  return pdf.getPages().map(pageText);
}

describe('writeOrganisationReportPdf', () => {
  it('writes an A4 landscape PDF in Be Vietnam Pro, paginated with the headings on every page', async () => {
    const report = sampleReport(300);
    const bytes = await writeOrganisationReportPdf(report);

    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.includes('BeVietnamPro-Regular')).toBe(true);
    expect(bytes.includes('BeVietnamPro-Bold')).toBe(true);
    const pdf = await PDFDocument.load(bytes);
    const pageCount = pdf.getPageCount();
    expect(pageCount).toBeGreaterThan(1);
    expect(pdf.getPage(0).getSize()).toEqual({ width: 841.89, height: 595.28 });
    expect(pdf.getTitle()).toBe(
      'Báo cáo số liệu tổ chức công đoàn — Liên đoàn Lao động tỉnh Hưng Yên — Năm 2026 (từ 01/12/2025 đến 30/11/2026)',
    );

    const pages = await pdfPageTexts(bytes);
    expect(pages[0]).toContain('BÁO CÁO SỐ LIỆU TỔ CHỨC CÔNG ĐOÀN');
    expect(pages[0]).toContain('LIÊN ĐOÀN LAO ĐỘNG TỈNH HƯNG YÊN');
    expect(pages[0]).toContain('Số liệu đoàn viên tính đến ngày 30/11/2026');
    expect(pages[0]).toContain('CĐCS Công ty TNHH Điện tử Đông Á');
    expect(pages[0]).toContain('\n1.000\n400\n40,0\n');
    for (const [index, page] of pages.entries()) {
      expect(page).toContain('Tổng số\nđoàn viên');
      expect(page).toContain('Biến động đoàn viên trong kỳ');
      expect(page).toContain(`Trang ${index + 1}/${pageCount}`);
      expect(page).toContain('các đơn vị cấp dưới không phải gửi báo cáo.');
    }
    expect(pages[1]).not.toContain('BÁO CÁO SỐ LIỆU TỔ CHỨC CÔNG ĐOÀN');
    const last = pages.at(-1)!;
    expect(last).toContain('Tổng cộng\n0\n0\n0\n11.234.567\n5.617.283\n50,0');
    expect(last).toContain('15.000.000\n74,9');
    expect(last).toContain('……, ngày 03 tháng 12 năm 2026');
    expect(last).toContain('TM. BAN THƯỜNG VỤ');
    expect(last).toContain('NGƯỜI LẬP BIỂU');
    expect(last).toContain('\n300\nCông đoàn Khu công nghiệp Việt Nam – Singapore (VSIP) Bắc');
    // A line without a declared workforce shows a dash, not 0 %.
    expect(pages[0]).toContain(`\n0\n${NO_FIGURE}\n`);
    expect(pages.join('')).not.toContain('\uFFFD');
  });

  it('draws only characters that Be Vietnam Pro has a glyph for', async () => {
    const report = sampleReport(UNIT_NAMES.length);
    const heading = reportHeadingOf(report);
    const signatures = reportSignaturesOf(report);
    const drawn = [
      ...Object.values(heading).filter((text): text is string => text !== null),
      signatures.preparer.role,
      signatures.preparer.hint,
      ...Object.values(signatures.approver),
      signatures.note,
      ROW_NUMBER_HEADING,
      UNIT_HEADING,
      TOTAL_LABEL,
      NO_FIGURE,
      'Trang 1/2',
      '1.234.567 45,3',
      ...HEADING_GROUPS.map((group) => group.heading),
      ...FIGURE_COLUMNS.map((figure) => figure.heading),
      ...UNIT_NAMES,
      ...UNIT_NAMES.map((name) => name.toLocaleUpperCase('vi-VN')),
    ];
    const fontBytes = await loadPdfFonts();
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    for (const style of ['regular', 'bold', 'italic'] as const) {
      const font = fontkit.create(fontBytes[style]);
      const embedded = await pdf.embedFont(fontBytes[style], { subset: true });
      for (const text of drawn) {
        const missing = [...text].filter(
          (character) => !font.hasGlyphForCodePoint(character.codePointAt(0)!),
        );
        expect(missing, `${style}: ${text}`).toEqual([]);
        expect(() => embedded.encodeText(text)).not.toThrow();
        expect(embedded.widthOfTextAtSize(text, 10)).toBeGreaterThan(0);
      }
    }
  });

  it('wraps a long unit name within its column, cutting a word only when it alone is too wide', async () => {
    const pdf = await PDFDocument.create();
    pdf.registerFontkit(fontkit);
    const face = textFaceOf(await pdf.embedFont((await loadPdfFonts()).regular, { subset: true }));
    const name = UNIT_NAMES[1]!;

    const lines = wrapText(name, face, 7.5, 120);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(name);
    for (const line of lines) expect(textWidth(face, line, 7.5)).toBeLessThanOrEqual(120);

    const word = 'Côngđoàncơsởkhôngcókhoảngtrắngnàocả/CNVCLĐ';
    const cut = wrapText(word, face, 7.5, 60);
    expect(cut.length).toBeGreaterThan(2);
    expect(cut.join('')).toBe(word);
    for (const line of cut) expect(textWidth(face, line, 7.5)).toBeLessThanOrEqual(60);
  });

  it('loads each font file once per process', async () => {
    expect(await loadPdfFonts()).toBe(await loadPdfFonts());
    const regular = createRequire(import.meta.url).resolve(
      '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf',
    );
    expect(Buffer.from((await loadPdfFonts()).regular).equals(await readFile(regular))).toBe(true);
  });
});

describe('reportFilename', () => {
  it('names the file from the unit and period codes, in ASCII', () => {
    expect(reportFilename(sampleReport(0), 'xlsx')).toBe('bao-cao-to-chuc_HY_2026-annual.xlsx');
    expect(reportFilename(sampleReport(0, { code: 'ĐN.01 / Ả' }), 'pdf')).toBe(
      'bao-cao-to-chuc_DN.01-A_2026-annual.pdf',
    );
  });
});
