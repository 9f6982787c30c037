import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { parse as parseHead } from 'csv-parse/sync';
import { DomainError } from '../../../kernel/errors.js';
import { isFilled } from './cell-values.js';
import { findSheetHeader, HEADER_LOOKAHEAD, type SheetLine } from './sheet-header.js';

const DELIMITERS = [',', ';', '\t'] as const;
/** Enough text for the lines the header may be on. */
const HEAD_CHARS = 64 * 1024;

const options = (delimiter: string) => ({ delimiter, relax_column_count: true, relax_quotes: true });

const linesOf = (records: string[][]): SheetLine[] =>
  records.flatMap((cells, index) => (cells.some(isFilled) ? [{ row: index + 1, cells }] : []));

/**
 * The delimiter that makes a member-list header out of the leading lines: Excel separates with ";"
 * where the decimal mark is a comma (Vietnamese Windows), and its "Unicode text" with tabs.
 */
function delimiterOf(text: string): string {
  const head = text.slice(0, HEAD_CHARS);
  const readsHeader = (delimiter: string) => {
    try {
      return findSheetHeader(linesOf(parseHead(head, { ...options(delimiter), to_line: HEADER_LOOKAHEAD })));
    } catch {
      // An unclosed quote in the head is simply not a header with this delimiter.
      return undefined;
    }
  };
  return DELIMITERS.find(readsHeader) ?? DELIMITERS[0];
}

/** The rows of CSV text that have something in them, streamed; row numbers as Excel would show them. */
export async function* csvSheetLines(text: string): AsyncGenerator<SheetLine> {
  const records = Readable.from([text]).pipe(parse(options(delimiterOf(text))));
  let row = 0;
  try {
    for await (const cells of records as AsyncIterable<string[]>) {
      row += 1;
      if (cells.some(isFilled)) yield { row, cells };
    }
  } catch (error) {
    // csv-parse gives up on a quote that never closes: the text is not a table.
    throw error instanceof CsvError ? new DomainError('import.not_spreadsheet') : error;
  }
}
