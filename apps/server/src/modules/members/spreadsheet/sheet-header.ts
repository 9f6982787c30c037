import type { MemberField } from '@union/contracts/members';
import { cellText, isFilled, UNCALCULATED_FORMULA, type CellValue } from './cell-values.js';
import { columnRoleOf, fieldOfRole, type ColumnRole } from './member-columns.js';

/** A row with something in it: its number as the user sees it, and its cells by 0-based column. */
export interface SheetLine {
  row: number;
  cells: readonly CellValue[];
}

export interface HeaderColumn {
  /** 0-based position in the row. */
  index: number;
  field: MemberField | null;
  /** As written in the file; under a two-row header, both rows: "Giới tính (Nam)". */
  header: string;
}

export interface SheetHeader {
  /** The header's last row: data starts below it. */
  row: number;
  columns: HeaderColumn[];
  /** Headers of the columns that are not read: unknown ones, and repeats of a column already read. */
  ignored: string[];
}

/** A column the rows are read from. */
export interface ReadColumn {
  index: number;
  header: string;
  role: Exclude<ColumnRole, { kind: 'informational' }>;
}

export interface SheetLayout {
  header: SheetHeader;
  columns: ReadColumn[];
}

/** Title lines (union name, "DANH SÁCH ĐOÀN VIÊN", date) often come before the header. */
const HEADER_SEARCH_ROWS = 15;
/** The lines `findSheetHeader` may look at: the search rows, a sub-header and a column-numbering row. */
export const HEADER_LOOKAHEAD = HEADER_SEARCH_ROWS + 2;

interface HeaderCell {
  header: string;
  role: ColumnRole | null;
}

const headerTextOf = (cell: CellValue | undefined): string =>
  cell !== undefined && cell !== UNCALCULATED_FORMULA && isFilled(cell) ? cellText(cell) : '';

const headerCellsOf = (line: SheetLine): HeaderCell[] =>
  Array.from(line.cells, (cell) => {
    const header = headerTextOf(cell);
    return { header, role: header ? columnRoleOf(header) : null };
  });

/** "Nam" | "Nữ" under a heading, every other cell blank or a header again (a merged cell spans both rows). */
function isSubHeader(line: SheetLine): boolean {
  const cells = headerCellsOf(line).filter((cell) => cell.header);
  return cells.every((cell) => cell.role !== null) && cells.some((cell) => cell.role?.kind === 'sexMark');
}

/**
 * A heading over "Nam" | "Nữ" sits in its first column; in a CSV, or an xlsx whose merge was undone, the
 * columns to its right are blank.
 */
function headingOver(top: readonly HeaderCell[], index: number): string {
  for (let column = index; column >= 0; column -= 1) if (top[column]?.header) return top[column]!.header;
  return '';
}

function joinHeaderRows(topCells: readonly HeaderCell[], sub: SheetLine): HeaderCell[] {
  const subCells = headerCellsOf(sub);
  return Array.from({ length: Math.max(topCells.length, subCells.length) }, (_, index) => {
    const above = topCells[index] ?? { header: '', role: null };
    const below = subCells[index];
    if (below?.role?.kind !== 'sexMark') return below?.header ? below : above;
    const heading = headingOver(topCells, index);
    const headingRole = heading ? columnRoleOf(heading) : null;
    const role: ColumnRole =
      headingRole?.kind === 'field' && headingRole.field === 'birthDate'
        ? { kind: 'birthDateOfSex', sex: below.role.sex }
        : below.role;
    return {
      header: heading && heading !== below.header ? `${heading} (${below.header})` : below.header,
      role,
    };
  });
}

const roleKey = (role: ColumnRole): string => {
  switch (role.kind) {
    case 'field':
      return role.field;
    case 'sexMark':
    case 'birthDateOfSex':
      return `${role.kind}:${role.sex}`;
    case 'namePart':
      return `${role.kind}:${role.part}`;
    case 'informational':
      return role.kind;
  }
};

function layoutOf(cells: readonly HeaderCell[], row: number): SheetLayout {
  const header: SheetHeader = { row, columns: [], ignored: [] };
  const columns: ReadColumn[] = [];
  const read = new Set<string>();
  cells.forEach(({ header: text, role }, index) => {
    if (!text) return;
    const repeat = role !== null && role.kind !== 'informational' && read.has(roleKey(role));
    header.columns.push({ index, field: repeat ? null : fieldOfRole(role), header: text });
    if (role === null || repeat) header.ignored.push(text);
    else if (role.kind !== 'informational') {
      read.add(roleKey(role));
      columns.push({ index, header: text, role });
    }
  });
  return { header, columns };
}

/** The columns that make a member list: a name, a birth date and a sex, in any of their forms. */
function isMemberHeader({ columns }: SheetLayout): boolean {
  const has = (...keys: string[]) =>
    keys.every((key) => columns.some((column) => roleKey(column.role) === key));
  const birthDateBySex = has('birthDateOfSex:male', 'birthDateOfSex:female');
  return (
    (has('fullName') || has('namePart:family', 'namePart:given')) &&
    (has('birthDate') || birthDateBySex) &&
    (has('sex') || has('sexMark:male', 'sexMark:female') || birthDateBySex)
  );
}

/** Official forms number their columns under the header: (1) (2) (3)… */
function isColumnNumbering(line: SheetLine | undefined): boolean {
  const cells = line?.cells.filter(isFilled) ?? [];
  return cells.length >= 2 && cells.every((cell) => /^\(?\d{1,3}\)?$/.test(String(cell).trim()));
}

/** The header starting at this line: over two rows when "Nam" | "Nữ" sit under it, else one row. */
function headerAt(
  lines: readonly SheetLine[],
  position: number,
): { layout: SheetLayout; rows: number } | undefined {
  const line = lines[position]!;
  const cells = headerCellsOf(line);
  const below = lines[position + 1];
  const twoRows =
    below !== undefined && isSubHeader(below) && cells.some((cell) => cell.role !== null)
      ? { layout: layoutOf(joinHeaderRows(cells, below), below.row), rows: 2 }
      : undefined;
  const oneRow = { layout: layoutOf(cells, line.row), rows: 1 };
  return [twoRows, oneRow].find((reading) => reading !== undefined && isMemberHeader(reading.layout));
}

/**
 * The first of the leading lines that reads as a member-list header, and how many lines it and anything
 * belonging to it (a "Nam" | "Nữ" row, a column-numbering row) take.
 */
export function findSheetHeader(
  lines: readonly SheetLine[],
): { layout: SheetLayout; linesUsed: number } | undefined {
  for (let position = 0; position < Math.min(lines.length, HEADER_SEARCH_ROWS); position += 1) {
    const header = headerAt(lines, position);
    if (!header) continue;
    const used = position + header.rows;
    return { layout: header.layout, linesUsed: isColumnNumbering(lines[used]) ? used + 1 : used };
  }
  return undefined;
}
