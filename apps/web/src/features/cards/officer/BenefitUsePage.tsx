import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { BenefitSummaryDto, BenefitUseDto } from '@union/contracts/cards';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../../app/api-client';
import { DateField } from '../../../ui/DateField';
import { formatDate, formatDateTime, todayIsoDate } from '../../../ui/dates';
import { PageHeader } from '../../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { StatisticsBreadcrumbs } from '../../statistics/components/StatisticsBreadcrumbs';
import { formatCount } from '../../statistics/figure-format';
import { useRootUnits } from '../../units/queries';
import type { BenefitPeriod } from './api';
import { formatVnd, startOfYear } from './benefit-format';
import { useBenefitSummary, useBenefitUses } from './queries';
import classes from './BenefitUsePage.module.css';

/** The period in the address (`?from=&to=`), this year so far when none is given. */
function usePeriod(): [BenefitPeriod, (next: BenefitPeriod) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const today = todayIsoDate();
  const period = {
    from: searchParams.get('from') ?? startOfYear(today),
    to: searchParams.get('to') ?? today,
  };
  return [period, (next) => setSearchParams({ from: next.from, to: next.to }, { replace: true })];
}

type Figures = { uses: number; members: number; amountVnd: number };

/** On a phone: one block per unit, its three figures on a line under its name. */
function SummaryList({
  summary,
  unitName,
}: {
  summary: BenefitSummaryDto;
  unitName: (row: BenefitSummaryDto['children'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const line = (row: Figures) =>
    t('officerCards.benefits.line', {
      uses: formatCount(row.uses),
      members: formatCount(row.members),
      amount: formatVnd(row.amountVnd),
    });
  return (
    <Stack component="ul" gap={0} p={0} m={0} aria-labelledby="benefit-summary">
      {summary.children.map((row) => (
        <li key={row.unitId} className={classes.item}>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {unitName(row)}
          </Text>
          <Text size="sm" c="dimmed" className={classes.figures}>
            {line(row)}
          </Text>
        </li>
      ))}
      <li className={`${classes.item} ${classes.totalItem}`}>
        <Text size="sm" fw={700}>
          {t('officerCards.benefits.total')}
        </Text>
        <Text size="sm" fw={600} className={classes.figures}>
          {line(summary.total)}
        </Text>
      </li>
    </Stack>
  );
}

/** From a tablet up: the units side by side in a table, with the total at its foot. */
function SummaryTable({
  summary,
  unitName,
}: {
  summary: BenefitSummaryDto;
  unitName: (row: BenefitSummaryDto['children'][number]) => ReactNode;
}) {
  const { t } = useTranslation();
  const figures = (row: Figures) => (
    <>
      <Table.Td className={classes.figure}>{formatCount(row.uses)}</Table.Td>
      <Table.Td className={classes.figure}>{formatCount(row.members)}</Table.Td>
      <Table.Td className={classes.figure}>{formatVnd(row.amountVnd)}</Table.Td>
    </>
  );
  return (
    <Table verticalSpacing="xs" fz="sm" aria-labelledby="benefit-summary">
      <Table.Thead>
        <Table.Tr>
          <Table.Th className={classes.name}>{t('officerCards.benefits.columns.unit')}</Table.Th>
          <Table.Th className={classes.figure}>{t('officerCards.benefits.columns.uses')}</Table.Th>
          <Table.Th className={classes.figure}>{t('officerCards.benefits.columns.members')}</Table.Th>
          <Table.Th className={classes.figure}>{t('officerCards.benefits.columns.amount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {summary.children.map((row) => (
          <Table.Tr key={row.unitId}>
            <Table.Td className={classes.name}>{unitName(row)}</Table.Td>
            {figures(row)}
          </Table.Tr>
        ))}
      </Table.Tbody>
      <Table.Tfoot>
        <Table.Tr className={classes.total}>
          <Table.Td className={classes.name}>{t('officerCards.benefits.total')}</Table.Td>
          {figures(summary.total)}
        </Table.Tr>
      </Table.Tfoot>
    </Table>
  );
}

function Summary({
  summary,
  unitHref,
}: {
  summary: BenefitSummaryDto;
  unitHref: (unitId: number) => string;
}) {
  const { t } = useTranslation();
  // Uses recorded for members right at the unit (not below it) have no child to open.
  const unitName = (row: BenefitSummaryDto['children'][number]) =>
    row.unitId === summary.unit.id ? (
      t('officerCards.benefits.own')
    ) : (
      <Anchor component={Link} to={unitHref(row.unitId)} size="sm" fw={600}>
        {row.name}
      </Anchor>
    );
  return (
    <>
      <Box hiddenFrom="sm">
        <SummaryList summary={summary} unitName={unitName} />
      </Box>
      <Box visibleFrom="sm">
        <SummaryTable summary={summary} unitName={unitName} />
      </Box>
    </>
  );
}

function UseItem({ use }: { use: BenefitUseDto }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={2}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {use.benefit}
          </Text>
          {use.amountVnd !== null && (
            <Badge variant="light" color="green" radius="sm" tt="none">
              {formatVnd(use.amountVnd)}
            </Badge>
          )}
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {use.memberName} · {use.memberCode}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {use.unitName}
        </Text>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('officerCards.benefits.usedAt', { merchant: use.merchantName, at: formatDateTime(use.usedAt) })}
        </Text>
      </Stack>
    </Paper>
  );
}

function LatestUses({ unitId, period }: { unitId: number; period: BenefitPeriod }) {
  const { t } = useTranslation();
  const uses = useBenefitUses(unitId, period);
  const items = uses.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="benefit-latest">
      <Title order={2} size="h4" mb="sm" id="benefit-latest">
        {t('officerCards.benefits.latest')}
      </Title>
      {uses.isPending ? (
        <LoadingState />
      ) : uses.isError ? (
        <ErrorState message={errorMessage(uses.error)} onRetry={() => void uses.refetch()} />
      ) : items.length === 0 ? (
        <EmptyMessage title={t('officerCards.benefits.noUses')} />
      ) : (
        <Stack gap="xs">
          <Stack component="ul" gap="xs" p={0} m={0}>
            {items.map((use) => (
              <UseItem key={use.id} use={use} />
            ))}
          </Stack>
          {uses.hasNextPage && (
            <Button
              variant="light"
              onClick={() => void uses.fetchNextPage()}
              loading={uses.isFetchingNextPage}
              style={{ alignSelf: 'center' }}
            >
              {t('common.loadMore')}
            </Button>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function periodText(t: TFunction, from: string | null, to: string | null): string {
  if (from && to) return t('officerCards.benefits.period', { from: formatDate(from), to: formatDate(to) });
  if (from) return t('officerCards.benefits.periodFrom', { from: formatDate(from) });
  if (to) return t('officerCards.benefits.periodTo', { to: formatDate(to) });
  return t('officerCards.benefits.allTime');
}

function BenefitUses({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [period, setPeriod] = usePeriod();
  // The fields' own values: a reversed period stays in the fields, under an error, and is not asked for.
  const [draft, setDraft] = useState(period);
  const today = todayIsoDate();
  const reversed = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const summary = useBenefitSummary(unitId, period);
  const search = `?from=${period.from}&to=${period.to}`;
  const unitHref = (id: number) => `/benefits/${id}${search}`;

  const change = (next: BenefitPeriod) => {
    setDraft(next);
    if (next.from === '' || next.to === '' || next.from <= next.to) setPeriod(next);
  };

  if (summary.error instanceof ApiError && summary.error.status === 404)
    return (
      <EmptyMessage
        title={t('officerCards.benefits.notFound')}
        description={t('officerCards.benefits.notFoundHint')}
      />
    );
  if (summary.isPending) return <LoadingState />;
  if (summary.isError)
    return <ErrorState message={errorMessage(summary.error)} onRetry={() => void summary.refetch()} />;

  const current = summary.data;

  return (
    <>
      <PageHeader
        above={<StatisticsBreadcrumbs unitId={unitId} unitName={current.unit.name} unitHref={unitHref} />}
        title={t('officerCards.benefits.title')}
        description={
          <>
            <Anchor component={Link} to={`/units/${unitId}`} size="sm">
              {current.unit.name}
            </Anchor>
            {' · '}
            {periodText(t, current.from, current.to)}
          </>
        }
      />
      <Stack gap="lg" aria-busy={summary.isFetching}>
        <Paper withBorder p="md">
          <SimpleGrid cols={2} spacing="xs" maw={380}>
            <DateField
              label={t('officerCards.benefits.from')}
              maxDate={today}
              value={draft.from}
              onChange={(from) => change({ ...draft, from })}
            />
            <DateField
              label={t('officerCards.benefits.to')}
              maxDate={today}
              value={draft.to}
              onChange={(to) => change({ ...draft, to })}
              error={reversed ? t('officerCards.benefits.reversed') : undefined}
            />
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="benefit-summary">
          <Title order={2} size="h4" id="benefit-summary">
            {t('officerCards.benefits.summary')}
          </Title>
          <Text size="xs" c="dimmed" mb="sm">
            {t('officerCards.benefits.summaryHint')}
          </Text>
          {current.total.uses === 0 ? (
            <EmptyMessage
              title={t('officerCards.benefits.empty')}
              description={t('officerCards.benefits.emptyHint')}
            />
          ) : (
            <Summary summary={current} unitHref={unitHref} />
          )}
        </Paper>

        <LatestUses unitId={unitId} period={period} />
      </Stack>
    </>
  );
}

/** Without a unit in the address: the top unit of the caller's scope. */
function BenefitLanding() {
  const { t } = useTranslation();
  const roots = useRootUnits();
  if (roots.isPending) return <LoadingState />;
  if (roots.isError)
    return <ErrorState message={errorMessage(roots.error)} onRetry={() => void roots.refetch()} />;
  const top = roots.data[0];
  if (!top)
    return (
      <>
        <PageHeader title={t('officerCards.benefits.title')} />
        <EmptyMessage title={t('officerCards.benefits.noUnits')} />
      </>
    );
  return <Navigate to={`/benefits/${top.id}`} replace />;
}

/** Which unions' members use the partner benefits, and what they saved: per child unit, then each use. */
export function BenefitUsePage() {
  const { t } = useTranslation();
  const { unitId: param } = useParams();
  if (param === undefined) return <BenefitLanding />;
  const unitId = Number(param);
  if (!Number.isSafeInteger(unitId) || unitId <= 0)
    return (
      <EmptyMessage
        title={t('officerCards.benefits.notFound')}
        description={t('officerCards.benefits.notFoundHint')}
      />
    );
  return <BenefitUses key={unitId} unitId={unitId} />;
}
