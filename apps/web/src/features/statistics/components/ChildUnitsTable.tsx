import { Anchor, Button, Group, Paper, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconFileTypeCsv, IconSelector } from '@tabler/icons-react';
import type { UnitStatisticsDto } from '@union/contracts/statistics';
import type { UnitType } from '@union/contracts/units';
import { type MouseEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { EmptyMessage } from '../../../ui/states';
import {
  type ChildUnitRow,
  childRowsCsv,
  childRowsOf,
  NUMBER_COLUMNS,
  type NumberColumn,
  ownRowOf,
  type SortColumn,
  sortRows,
  totalRowOf,
} from '../child-unit-rows';
import { formatCount } from '../figure-format';
import { saveFile } from '../save-file';
import classes from './ChildUnitsTable.module.css';

type Sort = { column: SortColumn; descending: boolean };

// A provincial federation may hold thousands of grassroots unions directly: rows come a page at a time.
const ROWS_PER_PAGE = 100;

function SortableHeading({
  column,
  label,
  sort,
  onSort,
  numeric,
}: {
  column: SortColumn;
  label: string;
  sort: Sort;
  onSort: (column: SortColumn) => void;
  numeric?: boolean;
}) {
  const { t } = useTranslation();
  const active = sort.column === column;
  const Icon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th
      // On a phone the type reads under the name, leaving the narrow screen to the figures.
      visibleFrom={column === 'type' ? 'sm' : undefined}
      aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : undefined}
      className={
        column === 'name' ? classes.nameCell : column === 'type' ? classes.typeCell : classes.figureCell
      }
    >
      <UnstyledButton
        onClick={() => onSort(column)}
        title={t('statistics.children.sortBy', { column: label })}
        style={{ width: '100%' }}
      >
        <Group gap={4} wrap="nowrap" justify={numeric ? 'flex-end' : 'flex-start'} align="flex-end">
          <Text span fw={600} size="sm" ta={numeric ? 'right' : undefined}>
            {label}
          </Text>
          <Icon size={14} aria-hidden style={{ flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

function FigureCells({ row }: { row: ChildUnitRow }) {
  return NUMBER_COLUMNS.map((column) => (
    <Table.Td key={column} ta="right" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
      {formatCount(row[column])}
    </Table.Td>
  ));
}

type ChildUnitsTableProps = {
  statistics: UnitStatisticsDto;
  /** The address of a unit's own dashboard, keeping the cut-off date. */
  unitHref: (unitId: number) => string;
};

/** The units right below, their figures side by side: sortable by any heading, a row opens that unit. */
export function ChildUnitsTable({ statistics, unitHref }: ChildUnitsTableProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [sort, setSort] = useState<Sort>({ column: 'members', descending: true });
  const [shownCount, setShownCount] = useState(ROWS_PER_PAGE);
  const typeLabel = (type: UnitType) => t(`unitType.${type}`);
  const headers = {
    code: t('statistics.children.columns.code'),
    name: t('statistics.children.columns.name'),
    type: t('statistics.children.columns.type'),
    ...(Object.fromEntries(
      NUMBER_COLUMNS.map((column) => [column, t(`statistics.children.columns.${column}`)]),
    ) as Record<NumberColumn, string>),
  };

  const rows = sortRows(childRowsOf(statistics), sort.column, sort.descending, typeLabel);
  const own = ownRowOf(statistics, t('statistics.children.own'));
  const total = totalRowOf(statistics, t('statistics.children.total'));

  // A name reads best A→Z; a figure, largest first.
  const changeSort = (column: SortColumn) =>
    setSort((current) =>
      current.column === column
        ? { column, descending: !current.descending }
        : { column, descending: column !== 'name' && column !== 'type' },
    );

  const exportCsv = () => {
    const lines = [...rows, ...(own ? [own] : []), total];
    saveFile({
      blob: childRowsCsv(lines, headers, typeLabel),
      fileName: `thong-ke_${statistics.code}_${statistics.at}.csv`,
    });
  };

  // The whole row answers a click; the name is the link a keyboard reaches.
  const openRow = (event: MouseEvent, unitId: number) => {
    if ((event.target as HTMLElement).closest('a, button')) return;
    void navigate(unitHref(unitId));
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statistics-children">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <Title order={2} size="h4" id="statistics-children">
            {t('statistics.children.title')}
          </Title>
          {rows.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('statistics.children.hint')}
            </Text>
          )}
        </Stack>
        {rows.length > 0 && (
          <Button variant="default" leftSection={<IconFileTypeCsv size={18} />} onClick={exportCsv}>
            {t('statistics.children.export')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyMessage title={t('statistics.children.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table highlightOnHover verticalSpacing="xs" fz="sm" aria-labelledby="statistics-children">
            <Table.Thead>
              <Table.Tr>
                <SortableHeading column="name" label={headers.name} sort={sort} onSort={changeSort} />
                <SortableHeading column="type" label={headers.type} sort={sort} onSort={changeSort} />
                {NUMBER_COLUMNS.map((column) => (
                  <SortableHeading
                    key={column}
                    column={column}
                    label={headers[column]}
                    sort={sort}
                    onSort={changeSort}
                    numeric
                  />
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.slice(0, shownCount).map((row) => (
                <Table.Tr
                  key={row.unitId}
                  className={classes.row}
                  onClick={(event) => openRow(event, row.unitId)}
                >
                  <Table.Td className={classes.nameCell}>
                    <Anchor component={Link} to={unitHref(row.unitId)} fw={600} size="sm">
                      {row.name}
                    </Anchor>
                    {row.type && (
                      <Text size="xs" c="dimmed" hiddenFrom="sm">
                        {typeLabel(row.type)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td className={classes.typeCell} visibleFrom="sm">
                    {row.type && typeLabel(row.type)}
                  </Table.Td>
                  <FigureCells row={row} />
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              {own && (
                <Table.Tr>
                  <Table.Td className={classes.nameCell}>{own.name}</Table.Td>
                  <Table.Td visibleFrom="sm" />
                  <FigureCells row={own} />
                </Table.Tr>
              )}
              <Table.Tr className={classes.footRow}>
                <Table.Td className={classes.nameCell}>{total.name}</Table.Td>
                <Table.Td visibleFrom="sm" />
                <FigureCells row={total} />
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      )}
      {(rows.length > shownCount || statistics.childrenTotal > rows.length) && (
        <Group gap="sm" mt="sm" justify="space-between">
          <Text size="xs" c="dimmed" role="status">
            {t('statistics.children.shown', {
              shown: formatCount(Math.min(shownCount, rows.length)),
              total: formatCount(statistics.childrenTotal),
            })}
          </Text>
          {rows.length > shownCount && (
            <Button
              variant="light"
              size="compact-sm"
              onClick={() => setShownCount((count) => count + ROWS_PER_PAGE)}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Group>
      )}
    </Paper>
  );
}
