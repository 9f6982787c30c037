import { IMPORT_MAX_ROWS } from '@union/contracts/members';
import { DomainError } from '../../../kernel/errors.js';
import { csvSheetLines } from './csv-sheet-lines.js';
import { readMemberRow, type SheetRow } from './read-member-row.js';
import {
  findSheetHeader,
  HEADER_LOOKAHEAD,
  type SheetHeader,
  type SheetLayout,
  type SheetLine,
} from './sheet-header.js';
import { xlsxSheetLines } from './xlsx-sheet-lines.js';

export type { SheetRow, SheetRowProblem } from './read-member-row.js';
export type { HeaderColumn, SheetHeader } from './sheet-header.js';

export interface MemberSheet {
  header: SheetHeader;
  /**
   * The member rows, streamed, to be iterated once. Rows with nothing in the read columns are skipped
   * and not counted. Throws 'import.too_many_rows' when the row after the last one allowed is reached.
   */
  rows: AsyncIterable<SheetRow>;
}

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
/** The compound-file signature of Excel 97–2003 .xls, and of a password-protected .xlsx. */
const OLE = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const UTF16_LE_BOM = Buffer.from('fffe', 'hex');

/** UTF-8, or the UTF-16 of Excel's "Unicode text"; a BOM is dropped. Undefined for anything else. */
function textOf(bytes: Buffer): string | undefined {
  const encoding = bytes.subarray(0, 2).equals(UTF16_LE_BOM) ? 'utf-16le' : 'utf-8';
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.includes('\0') ? undefined : text;
  } catch {
    return undefined;
  }
}

/**
 * The rows of the file, whatever its kind. `reason` in the error's details lets the UI say what to do:
 * save as .xlsx, or as "CSV UTF-8" (Excel's plain CSV uses the Windows code page).
 */
function sheetLinesOf({ bytes, filename }: { bytes: Buffer; filename: string }): AsyncGenerator<SheetLine> {
  if (bytes.subarray(0, ZIP.length).equals(ZIP)) return xlsxSheetLines(bytes);
  if (bytes.subarray(0, OLE.length).equals(OLE))
    throw new DomainError('import.not_spreadsheet', undefined, { reason: 'xls' });
  const text = textOf(bytes);
  if (text === undefined)
    throw new DomainError(
      'import.not_spreadsheet',
      undefined,
      /\.(csv|txt)$/i.test(filename) ? { reason: 'csv_not_utf8' } : undefined,
    );
  return csvSheetLines(text);
}

async function take<T>(items: AsyncIterator<T>, count: number): Promise<T[]> {
  const taken: T[] = [];
  while (taken.length < count) {
    const next = await items.next();
    if (next.done) break;
    taken.push(next.value);
  }
  return taken;
}

async function* prepend<T>(first: readonly T[], rest: AsyncGenerator<T>): AsyncGenerator<T> {
  yield* first;
  yield* rest;
}

async function* memberRows(lines: AsyncIterable<SheetLine>, layout: SheetLayout): AsyncGenerator<SheetRow> {
  let count = 0;
  for await (const line of lines) {
    const row = readMemberRow(line, layout.columns);
    if (!row) continue;
    count += 1;
    if (count > IMPORT_MAX_ROWS) throw new DomainError('import.too_many_rows');
    yield row;
  }
}

/**
 * Reads a member list from an .xlsx (its first worksheet) or a CSV file, as unions keep them. Throws
 * 'import.not_spreadsheet', 'import.no_header' or 'import.empty' for the file as a whole before any
 * row is read.
 */
export async function readMemberSheet(file: { bytes: Buffer; filename: string }): Promise<MemberSheet> {
  if (file.bytes.length === 0) throw new DomainError('import.empty');
  const lines = sheetLinesOf(file);
  try {
    const head = await take(lines, HEADER_LOOKAHEAD);
    const found = findSheetHeader(head);
    if (!found) throw new DomainError(head.length === 0 ? 'import.empty' : 'import.no_header');
    const rows = memberRows(prepend(head.slice(found.linesUsed), lines), found.layout);
    const first = await rows.next();
    if (first.done) throw new DomainError('import.empty');
    return { header: found.layout.header, rows: prepend([first.value], rows) };
  } catch (error) {
    await lines.return(undefined);
    throw error;
  }
}
