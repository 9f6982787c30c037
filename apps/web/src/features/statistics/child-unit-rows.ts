import type {
  MemberFigures,
  MovementFigures,
  UnitCountFigures,
  UnitStatisticsDto,
} from '@union/contracts/statistics';
import type { UnitType } from '@union/contracts/units';
import { leftOf } from './period-changes';

/** One line of the child-unit table and of its CSV: a unit below, the unit's own members, or the total. */
export type ChildUnitRow = {
  kind: 'child' | 'own' | 'total';
  unitId: number;
  code: string;
  name: string;
  type: UnitType | null;
  members: number;
  female: number;
  admitted: number;
  transferredIn: number;
  transferredOut: number;
  left: number;
  grassroots: number;
};

export const NUMBER_COLUMNS = [
  'members',
  'female',
  'admitted',
  'transferredIn',
  'transferredOut',
  'left',
  'grassroots',
] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];
export type SortColumn = 'name' | 'type' | NumberColumn;

function rowOf(
  kind: ChildUnitRow['kind'],
  unit: { unitId: number; code: string; name: string; type: UnitType | null },
  members: MemberFigures,
  movements: MovementFigures,
  units: UnitCountFigures | null,
): ChildUnitRow {
  return {
    kind,
    ...unit,
    members: members.total,
    female: members.female,
    admitted: movements.admitted,
    transferredIn: movements.transferredIn,
    transferredOut: movements.transferredOut,
    left: leftOf(movements),
    grassroots: units?.grassroots ?? 0,
  };
}

export const childRowsOf = (statistics: UnitStatisticsDto): ChildUnitRow[] =>
  statistics.children.map((child) => rowOf('child', child, child.members, child.movements, child.units));

/** Members kept at the unit itself (not in a unit below): shown only when there are any. */
export function ownRowOf(statistics: UnitStatisticsDto, label: string): ChildUnitRow | null {
  const { members, movements } = statistics.own;
  const any = members.current > 0 || Object.values(movements).some((count) => count > 0);
  if (!any || statistics.children.length === 0) return null;
  return rowOf(
    'own',
    { unitId: statistics.unitId, code: statistics.code, name: label, type: null },
    members,
    movements,
    null,
  );
}

export const totalRowOf = (statistics: UnitStatisticsDto, label: string): ChildUnitRow =>
  rowOf(
    'total',
    { unitId: statistics.unitId, code: statistics.code, name: label, type: statistics.type },
    statistics.members,
    statistics.movements,
    statistics.units,
  );

const collator = new Intl.Collator('vi', { numeric: true });

export function sortRows(
  rows: readonly ChildUnitRow[],
  column: SortColumn,
  descending: boolean,
  typeLabel: (type: UnitType) => string,
): ChildUnitRow[] {
  const compare = (a: ChildUnitRow, b: ChildUnitRow): number => {
    if (column === 'name') return collator.compare(a.name, b.name);
    if (column === 'type')
      return collator.compare(a.type ? typeLabel(a.type) : '', b.type ? typeLabel(b.type) : '');
    return a[column] - b[column];
  };
  // Ties keep the name order, so the list never reshuffles between equal figures.
  return [...rows].sort(
    (a, b) => (descending ? -compare(a, b) : compare(a, b)) || collator.compare(a.name, b.name),
  );
}

// ---------------------------------------------------------------- CSV

const FORMULA_START = /^[=+\-@\t\r]/;

/** Every field quoted; a text that a spreadsheet would run as a formula is defused with a quote mark. */
function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replaceAll('"', '""')}"`;
}

/**
 * The table as on screen, as CSV: UTF-8 with a byte-order mark (without it Excel reads Vietnamese as
 * mojibake), comma-separated, CRLF lines; figures stay plain numbers so a spreadsheet can add them up.
 */
export function childRowsCsv(
  rows: readonly ChildUnitRow[],
  headers: Record<'code' | 'name' | 'type' | NumberColumn, string>,
  typeLabel: (type: UnitType) => string,
): Blob {
  const columns = ['code', 'name', 'type', ...NUMBER_COLUMNS] as const;
  const lines = [
    columns.map((column) => csvField(headers[column])).join(','),
    ...rows.map((row) =>
      columns
        .map((column) =>
          csvField(
            column === 'type' ? (row.type && row.kind !== 'total' ? typeLabel(row.type) : '') : row[column],
          ),
        )
        .join(','),
    ),
  ];
  return new Blob(['\uFEFF', `${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
}
