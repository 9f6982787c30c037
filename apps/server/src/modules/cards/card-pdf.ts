import { setImmediate } from 'node:timers/promises';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PageSizes, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { loadPdfFonts } from '../../kernel/pdf/pdf-fonts.js';

/** What a printed card shows. The QR carries the whole signed credential: no lookup needed to check it. */
export interface PrintableCard {
  fullName: string;
  memberCode: string;
  unitName: string;
  issuedAt: Date;
  expiresAt: Date;
  presentation: string;
}

const MM = 72 / 25.4;
// ISO/IEC 7810 ID-1, the size of a bank card: fits a wallet.
const CARD_WIDTH = 85.6 * MM;
const CARD_HEIGHT = 54 * MM;
const [A4_WIDTH, A4_HEIGHT] = PageSizes.A4 as [number, number];
const SHEET_COLUMNS = 2;
const SHEET_ROWS = 5;
const UNION_BLUE = rgb(0.11, 0.37, 0.72);

const dateFormat = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Asia/Ho_Chi_Minh',
});

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Shrinks a line until it fits: a long union name must not run off the card. */
function fitText(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  x: number,
  y: number,
  maxWidth: number,
) {
  let fitted = size;
  while (fitted > 4.5 && font.widthOfTextAtSize(text, fitted) > maxWidth) fitted -= 0.25;
  let shown = text;
  while (shown.length > 1 && font.widthOfTextAtSize(shown, fitted) > maxWidth)
    shown = `${shown.slice(0, -2)}…`;
  page.drawText(shown, { x, y, size: fitted, font, color: rgb(0.1, 0.1, 0.1) });
}

/**
 * Draws the QR's dark modules as one filled path, one rectangle per horizontal run, written straight
 * into a content stream of its own: pdf-lib's drawing calls make an object per number, which for
 * thousands of runs per card cost megabytes and tens of milliseconds a card.
 */
function drawQr(pdf: PDFDocument, page: PDFPage, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const module = size / (count + quiet * 2);
  const at = (value: number) => value.toFixed(2);
  const path: string[] = [`q 1 g ${at(x)} ${at(y)} ${at(size)} ${at(size)} re f 0 g`];
  for (let row = 0; row < count; row++) {
    let run = -1;
    for (let column = 0; column <= count; column++) {
      const dark = column < count && qr.modules.get(row, column) === 1;
      if (dark && run < 0) run = column;
      if (!dark && run >= 0) {
        const left = x + (quiet + run) * module;
        const bottom = y + size - (quiet + row + 1) * module;
        path.push(`${at(left)} ${at(bottom)} ${at((column - run) * module)} ${at(module)} re`);
        run = -1;
      }
    }
  }
  path.push('f Q');
  page.node.addContentStream(pdf.context.register(pdf.context.flateStream(path.join('\n'))));
}

function drawCard(
  pdf: PDFDocument,
  page: PDFPage,
  fonts: Fonts,
  card: PrintableCard,
  left: number,
  bottom: number,
) {
  page.drawRectangle({
    x: left,
    y: bottom,
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    borderColor: rgb(0.6, 0.6, 0.6),
    borderWidth: 0.5,
  });
  const bandHeight = 11 * MM;
  page.drawRectangle({
    x: left,
    y: bottom + CARD_HEIGHT - bandHeight,
    width: CARD_WIDTH,
    height: bandHeight,
    color: UNION_BLUE,
  });
  // The emblem's place: the Confederation's emblem is not ours to redraw.
  page.drawCircle({
    x: left + 6.5 * MM,
    y: bottom + CARD_HEIGHT - bandHeight / 2,
    size: 4 * MM,
    color: rgb(1, 1, 1),
  });
  page.drawText('CĐ', {
    x: left + 4.4 * MM,
    y: bottom + CARD_HEIGHT - bandHeight / 2 - 2.6,
    size: 7.5,
    font: fonts.bold,
    color: UNION_BLUE,
  });
  page.drawText('CÔNG ĐOÀN VIỆT NAM', {
    x: left + 12.5 * MM,
    y: bottom + CARD_HEIGHT - 5 * MM,
    size: 8,
    font: fonts.bold,
    color: rgb(1, 1, 1),
  });
  page.drawText('THẺ ĐOÀN VIÊN', {
    x: left + 12.5 * MM,
    y: bottom + CARD_HEIGHT - 9 * MM,
    size: 7,
    font: fonts.regular,
    color: rgb(1, 1, 1),
  });

  const qrSize = 30 * MM;
  const qrLeft = left + CARD_WIDTH - qrSize - 2.5 * MM;
  drawQr(pdf, page, card.presentation, qrLeft, bottom + 3 * MM, qrSize);

  const textLeft = left + 4 * MM;
  const textWidth = qrLeft - textLeft - 2 * MM;
  let y = bottom + CARD_HEIGHT - bandHeight - 6 * MM;
  fitText(page, card.fullName.toUpperCase(), fonts.bold, 9.5, textLeft, y, textWidth);
  y -= 5 * MM;
  page.drawText('Mã đoàn viên', {
    x: textLeft,
    y,
    size: 5.5,
    font: fonts.regular,
    color: rgb(0.35, 0.35, 0.35),
  });
  y -= 3.6 * MM;
  page.drawText(card.memberCode, { x: textLeft, y, size: 9, font: fonts.bold, color: rgb(0.1, 0.1, 0.1) });
  y -= 5 * MM;
  page.drawText('Công đoàn cơ sở', {
    x: textLeft,
    y,
    size: 5.5,
    font: fonts.regular,
    color: rgb(0.35, 0.35, 0.35),
  });
  y -= 3.4 * MM;
  fitText(page, card.unitName, fonts.regular, 6.5, textLeft, y, textWidth);
  y -= 5 * MM;
  fitText(
    page,
    `Cấp ngày ${dateFormat.format(card.issuedAt)} · Hạn ${dateFormat.format(card.expiresAt)}`,
    fonts.regular,
    5.5,
    textLeft,
    y,
    textWidth,
  );
}

async function newDocument(title: string): Promise<{ pdf: PDFDocument; fonts: Fonts }> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const bytes = await loadPdfFonts();
  const fonts = {
    regular: await pdf.embedFont(bytes.regular, { subset: true }),
    bold: await pdf.embedFont(bytes.bold, { subset: true }),
  };
  pdf.setTitle(title);
  pdf.setAuthor('Công đoàn số');
  pdf.setLanguage('vi-VN');
  return { pdf, fonts };
}

/**
 * Cards on A4 sheets, ten to a page in the positions of ready-cut ID-1 card stock; one card is one
 * sheet with one card on it. The text says how to check it, for whoever finds it.
 */
export async function cardSheetPdf(printable: readonly PrintableCard[], title: string): Promise<Uint8Array> {
  const { pdf, fonts } = await newDocument(title);
  const gapX = (A4_WIDTH - SHEET_COLUMNS * CARD_WIDTH) / (SHEET_COLUMNS + 1);
  const gapY = (A4_HEIGHT - SHEET_ROWS * CARD_HEIGHT) / (SHEET_ROWS + 1);
  let page: PDFPage | undefined;
  for (const [index, card] of printable.entries()) {
    // A sheet of 2,000 cards takes seconds: let other requests in between cards.
    if (index % 20 === 19) await setImmediate();
    const slot = index % (SHEET_COLUMNS * SHEET_ROWS);
    if (slot === 0) {
      page = pdf.addPage(PageSizes.A4);
      page.drawText('Kiểm tra thẻ: quét mã QR tại trang “Kiểm tra thẻ đoàn viên” của Công đoàn số.', {
        x: gapX,
        y: A4_HEIGHT - gapY / 2 - 3,
        size: 7,
        font: fonts.regular,
        color: rgb(0.4, 0.4, 0.4),
      });
    }
    const column = slot % SHEET_COLUMNS;
    const row = Math.floor(slot / SHEET_COLUMNS);
    drawCard(
      pdf,
      page!,
      fonts,
      card,
      gapX + column * (CARD_WIDTH + gapX),
      A4_HEIGHT - (row + 1) * (CARD_HEIGHT + gapY),
    );
  }
  return pdf.save();
}
