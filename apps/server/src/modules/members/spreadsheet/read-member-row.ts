import type { ErrorCode } from '@union/contracts/errors';
import type { MemberField, MemberFields, Sex } from '@union/contracts/members';
import {
  cellText,
  FIELD_READERS,
  isFilled,
  isTicked,
  readDate,
  readFullName,
  UNCALCULATED_FORMULA,
  type FilledCell,
  type FieldReader,
} from './cell-values.js';
import { fieldOfRole } from './member-columns.js';
import type { ReadColumn, SheetLine } from './sheet-header.js';

export interface SheetRowProblem {
  /** The header as written in the file. */
  column: string;
  field: MemberField;
  code: ErrorCode;
}

export interface SheetRow {
  /** The row number as the user sees it in the spreadsheet. */
  row: number;
  /** A column the file lacks is absent; a blank cell is null ('' for the three required fields). */
  fields: MemberFields;
  /** Cells that could not be read; the record's own rules are checked later, on `fields`. */
  problems: SheetRowProblem[];
}

function setField<F extends MemberField>(fields: MemberFields, field: F, value: MemberFields[F]): void {
  fields[field] = value;
}

const REQUIRED_TEXT: ReadonlySet<MemberField> = new Set(['fullName', 'birthDate', 'sex']);

function setBlank(fields: MemberFields, field: MemberField): void {
  // Consent is a yes/no with no blank: a blank cell tells nothing, so the field stays absent.
  if (field !== 'sensitiveDataConsent') setField(fields, field, REQUIRED_TEXT.has(field) ? '' : null);
}

function readField<F extends MemberField>(
  fields: MemberFields,
  field: F,
  cell: FilledCell,
): ErrorCode | undefined {
  const read: FieldReader<F> = FIELD_READERS[field];
  const reading = read(cell);
  setField(fields, field, reading.value);
  return reading.problem;
}

interface SexCell {
  sex: Sex;
  header: string;
  cell: FilledCell;
}

/** What the split-name, "Nam" | "Nữ" and birth-date-by-sex columns say, gathered over a row. */
interface RowParts {
  family: string;
  given: string;
  ticked: SexCell[];
  birthDates: SexCell[];
}

/** A sex from marked columns, when no plain sex column gave one: exactly one of them must be marked. */
function applySexCells(fields: MemberFields, cells: SexCell[], problems: SheetRowProblem[]): void {
  if (fields.sex !== '' || cells.length === 0) return;
  if (cells.length === 1) fields.sex = cells[0]!.sex;
  else problems.push({ column: cells[0]!.header, field: 'sex', code: 'member.sex_invalid' });
}

interface RowReading {
  fields: MemberFields;
  problems: SheetRowProblem[];
  parts: RowParts;
}

function applyParts({ fields, problems, parts }: RowReading): void {
  if (fields.fullName === '' && (parts.family || parts.given))
    fields.fullName = readFullName(`${parts.family} ${parts.given}`).value;
  applySexCells(fields, parts.ticked, problems);
  const [birth, ...others] = parts.birthDates;
  if (birth && others.length === 0 && fields.birthDate === '') {
    const reading = readDate(birth.cell);
    fields.birthDate = reading.value;
    if (reading.problem) problems.push({ column: birth.header, field: 'birthDate', code: reading.problem });
  }
  applySexCells(fields, parts.birthDates, problems);
}

function readCell(
  { fields, problems, parts }: RowReading,
  { header, role }: ReadColumn,
  cell: FilledCell,
): void {
  switch (role.kind) {
    case 'field': {
      const problem = readField(fields, role.field, cell);
      if (problem) problems.push({ column: header, field: role.field, code: problem });
      return;
    }
    case 'namePart':
      parts[role.part] = cellText(cell);
      return;
    case 'sexMark':
      if (isTicked(cell)) parts.ticked.push({ sex: role.sex, header, cell });
      return;
    case 'birthDateOfSex':
      parts.birthDates.push({ sex: role.sex, header, cell });
      return;
  }
}

/** A line as a member's fields, or undefined when none of the read columns has anything in it. */
export function readMemberRow(line: SheetLine, columns: readonly ReadColumn[]): SheetRow | undefined {
  const reading: RowReading = {
    fields: { fullName: '', birthDate: '', sex: '' },
    problems: [],
    parts: { family: '', given: '', ticked: [], birthDates: [] },
  };
  let filled = false;
  for (const column of columns) {
    const cell = line.cells[column.index] ?? null;
    filled ||= isFilled(cell);
    if (cell === UNCALCULATED_FORMULA)
      reading.problems.push({
        column: column.header,
        field: fieldOfRole(column.role)!,
        code: 'import.cell_formula',
      });
    if (isFilled(cell) && cell !== UNCALCULATED_FORMULA) readCell(reading, column, cell);
    else if (column.role.kind === 'field') setBlank(reading.fields, column.role.field);
  }
  if (!filled) return undefined;
  applyParts(reading);
  return { row: line.row, fields: reading.fields, problems: reading.problems };
}
