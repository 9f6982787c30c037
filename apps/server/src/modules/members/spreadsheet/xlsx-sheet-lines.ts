import ExcelJS from 'exceljs';
import { DomainError } from '../../../kernel/errors.js';
import { isFilled, UNCALCULATED_FORMULA, type CellValue } from './cell-values.js';
import type { SheetLine } from './sheet-header.js';
import { openFirstWorksheet, type MergedRange } from './xlsx-package.js';

/** An exceljs cell value as plain data: rich text as its text, a formula as its saved result. */
function cellValueOf(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) {
    // A streamed formula's error result arrives as NaN: no usable value either.
    return Number.isNaN(value) ? UNCALCULATED_FORMULA : value;
  }
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? UNCALCULATED_FORMULA : cellValueOf(value.result);
  if ('error' in value) return value.error;
  // A hyperlink (an e-mail address, usually): its text, which exceljs may give as rich text.
  return cellValueOf(value.text as ExcelJS.CellValue);
}

function cellsOf(row: ExcelJS.Row): CellValue[] {
  const cells: CellValue[] = [];
  row.eachCell((cell, column) => {
    cells[column - 1] = cellValueOf(cell.value);
  });
  return Array.from(cells, (cell) => cell ?? null);
}

/** Gives every cell of a merged range its top-left cell's value, as the user sees it. */
function mergedCellFiller(ranges: readonly MergedRange[]) {
  const pending = [...ranges].sort((a, b) => a.top - b.top);
  let next = 0;
  let open: { range: MergedRange; value: CellValue }[] = [];
  return (row: number, cells: CellValue[]): CellValue[] => {
    for (; next < pending.length && pending[next]!.top <= row; next += 1) {
      const range = pending[next]!;
      open.push({ range, value: range.top === row ? (cells[range.left] ?? null) : null });
    }
    open = open.filter(({ range }) => range.bottom >= row);
    for (const { range, value } of open)
      for (let column = range.left; column <= range.right; column += 1)
        if (!isFilled(cells[column] ?? null)) cells[column] = value;
    return cells;
  };
}

/** The first worksheet's rows that have something in them, streamed. */
export async function* xlsxSheetLines(bytes: Buffer): AsyncGenerator<SheetLine> {
  const worksheet = await openFirstWorksheet(bytes);
  const fillMergedCells = mergedCellFiller(worksheet.merges);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(worksheet.stream, {
    sharedStrings: 'cache',
    // Styles tell date cells from numbers; hyperlinks are listed after the rows, too late to stream.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  try {
    for await (const sheet of workbook)
      for await (const row of sheet) {
        const cells = cellsOf(row);
        if (cells.some(isFilled)) yield { row: row.number, cells: fillMergedCells(row.number, cells) };
      }
  } catch (error) {
    throw error instanceof DomainError ? error : new DomainError('import.not_spreadsheet');
  }
}
