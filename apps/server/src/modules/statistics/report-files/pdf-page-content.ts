import { deflateSync } from 'node:zlib';
import type { PDFDocument, PDFFont, PDFName, PDFPage } from 'pdf-lib';

/**
 * Page content for PDFs with tens of thousands of cells, written as PDF operators in a string.
 * pdf-lib's `drawText` adds a font resource to the page on every call (quadratic, and a bloated
 * file), shapes every string through fontkit (~30 µs) and builds an object per operator; a
 * 5,000-line report took 9 s that way, and still 2 s with pdf-lib's operators, most of it in the
 * garbage collector. Here each character is encoded and measured once per font, and each page's
 * operators are joined once and compressed with Node's zlib.
 */

interface Glyph {
  /** The glyph id as pdf-lib encodes it for the (subset) font: four hex digits. */
  hex: string;
  /** Advance width at size 1. */
  width: number;
}

/** A font with the glyphs it has encoded so far. */
export interface TextFace {
  font: PDFFont;
  glyphs: Map<string, Glyph>;
  /** The widest digit's advance: every digit of a figure gets this much room. */
  figureWidth: number;
}

const DIGITS = '0123456789';

export function textFaceOf(font: PDFFont): TextFace {
  const face: TextFace = { font, glyphs: new Map(), figureWidth: 0 };
  face.figureWidth = Math.max(...[...DIGITS].map((digit) => glyphOf(face, digit).width));
  return face;
}

/**
 * Be Vietnam Pro has no tabular figures (no `tnum`), so right-aligned columns of numbers would
 * zigzag; a figure's digits are centred in equal cells instead.
 */
export interface TextOptions {
  tabularDigits?: boolean;
}

const isDigit = (character: string): boolean => character >= '0' && character <= '9';

function glyphOf(face: TextFace, character: string): Glyph {
  let glyph = face.glyphs.get(character);
  if (glyph === undefined) {
    // Encoding through pdf-lib also puts the glyph in the subset embedded when the document is saved.
    glyph = {
      hex: face.font.encodeText(character).asString(),
      width: face.font.widthOfTextAtSize(character, 1),
    };
    face.glyphs.set(character, glyph);
  }
  return glyph;
}

/** Width of a line of text: no kerning is applied when drawing, so the advances add up exactly. */
export function textWidth(face: TextFace, text: string, size: number, options: TextOptions = {}): number {
  let width = 0;
  for (const character of text) {
    width += options.tabularDigits && isDigit(character) ? face.figureWidth : glyphOf(face, character).width;
  }
  return width * size;
}

/**
 * Splits text into lines no wider than `maxWidth`, at spaces and after slashes; a word wider than
 * the line is cut between letters rather than drawn over the next column.
 */
export function wrapText(text: string, face: TextFace, size: number, maxWidth: number): string[] {
  const lines: string[] = [];
  let current = '';
  let currentWidth = 0;
  const append = (piece: string, separator: string) => {
    const pieceWidth = textWidth(face, piece, size);
    const joinedWidth = currentWidth + textWidth(face, separator, size) + pieceWidth;
    if (current === '') {
      current = piece;
      currentWidth = pieceWidth;
    } else if (joinedWidth <= maxWidth) {
      current += separator + piece;
      currentWidth = joinedWidth;
    } else {
      lines.push(current);
      current = piece;
      currentWidth = pieceWidth;
    }
  };
  for (const word of text.split(' ')) {
    if (word === '') continue;
    word.split(/(?<=\/)/).forEach((piece, index) => {
      const separator = index === 0 ? ' ' : '';
      if (textWidth(face, piece, size) <= maxWidth) {
        append(piece, separator);
        return;
      }
      [...piece].forEach((letter, letterIndex) => append(letter, letterIndex === 0 ? separator : ''));
    });
  }
  if (current !== '') lines.push(current);
  return lines.length > 0 ? lines : [''];
}

/** The operators of one page, gathered until `finishPage`. */
export interface PageContent {
  page: PDFPage;
  operators: string[];
  fontKeys: Map<PDFFont, PDFName>;
}

/** Hundredths of a point are finer than any printer. */
const coordinate = (value: number): string => String(Math.round(value * 100) / 100);

const RULE_WIDTH = 0.5;

export function startPage(pdf: PDFDocument, size: [number, number]): PageContent {
  // Thin black rules and black text for the whole page; fills change colour inside q … Q only.
  return { page: pdf.addPage(size), operators: [`${RULE_WIDTH} w 0 G 0 g`], fontKeys: new Map() };
}

/** Each font enters a page's resources once, however many cells use it. */
function fontKeyOf(content: PageContent, font: PDFFont): string {
  let key = content.fontKeys.get(font);
  if (key === undefined) {
    key = content.page.node.newFontDictionary(font.name, font.ref);
    content.fontKeys.set(font, key);
  }
  return key.toString();
}

/** The glyphs as a TJ array, each digit padded on both sides to the widest digit's advance. */
function tabularGlyphs(face: TextFace, text: string): string {
  const parts: string[] = [];
  for (const character of text) {
    const glyph = glyphOf(face, character);
    if (!isDigit(character)) {
      parts.push(`<${glyph.hex}>`);
      continue;
    }
    // TJ offsets are thousandths of the font size, and a negative one moves the next glyph right.
    const padding = coordinate(((glyph.width - face.figureWidth) / 2) * 1000);
    parts.push(padding, `<${glyph.hex}>`, padding);
  }
  return `[${parts.join(' ')}] TJ`;
}

function plainGlyphs(face: TextFace, text: string): string {
  let hex = '';
  for (const character of text) hex += glyphOf(face, character).hex;
  return `<${hex}> Tj`;
}

/** One line of text with its baseline starting at (x, y). */
export function drawTextAt(
  content: PageContent,
  text: string,
  at: Point,
  face: TextFace,
  size: number,
  options: TextOptions = {},
): void {
  const glyphs = options.tabularDigits ? tabularGlyphs(face, text) : plainGlyphs(face, text);
  const position = `1 0 0 1 ${coordinate(at.x)} ${coordinate(at.y)} Tm`;
  content.operators.push(
    `BT ${fontKeyOf(content, face.font)} ${coordinate(size)} Tf ${position} ${glyphs} ET`,
  );
}

export interface Point {
  x: number;
  y: number;
}

export function drawRule(content: PageContent, from: Point, to: Point): void {
  content.operators.push(
    `${coordinate(from.x)} ${coordinate(from.y)} m ${coordinate(to.x)} ${coordinate(to.y)} l S`,
  );
}

/** A ruled rectangle filled with a grey (0 black … 1 white), from its lower-left corner. */
export function drawFrame(
  content: PageContent,
  corner: Point,
  width: number,
  height: number,
  grey: number,
): void {
  content.operators.push(
    `q ${coordinate(grey)} g ${coordinate(corner.x)} ${coordinate(corner.y)} ${coordinate(width)} ${coordinate(height)} re B Q`,
  );
}

/** Writes the page's operators as one compressed content stream. */
export function finishPage(pdf: PDFDocument, content: PageContent): void {
  const stream = pdf.context.stream(deflateSync(content.operators.join('\n')), { Filter: 'FlateDecode' });
  content.page.node.addContentStream(pdf.context.register(stream));
  content.operators = [];
}
