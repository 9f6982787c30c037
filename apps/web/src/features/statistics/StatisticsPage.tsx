import { Badge, Box, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconBolt, IconHistory } from '@tabler/icons-react';
import { GRASSROOTS_TYPES } from '@union/contracts/units';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { DateField } from '../../ui/DateField';
import { formatDate, parseTypedDate, todayIsoDate } from '../../ui/dates';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { UnitTypeBadge } from '../units/components/UnitBadges';
import { useRootUnits } from '../units/queries';
import { ChildUnitsTable } from './components/ChildUnitsTable';
import { KeyFigures } from './components/KeyFigures';
import { OfficerGapsPanel } from './components/OfficerGapsPanel';
import { OrganisationReportPanel } from './components/OrganisationReportPanel';
import { ProvinceRanking } from './components/ProvinceRanking';
import { StatisticsBreadcrumbs } from './components/StatisticsBreadcrumbs';
import { WorkforcePanel } from './components/WorkforcePanel';
import { keyFigureChanges, trendRange } from './period-changes';
import { useStatisticsSeries, useUnitStatistics } from './queries';

// Charts are the heaviest code of the console: fetched only when a dashboard is first shown.
const TrendCharts = lazy(() =>
  import('./components/TrendCharts').then((module) => ({ default: module.TrendCharts })),
);

// The union was founded on 28/7/1929: no figures are older, and the two years of charts before it
// stay within the dates the API accepts.
const EARLIEST_CUT_OFF = '1929-07-28';

/** The cut-off date from the address: a valid past day, else none (today's live figures). */
function cutOffFrom(searchParams: URLSearchParams, today: string): string | undefined {
  const at = parseTypedDate(searchParams.get('at') ?? '');
  return at && at >= EARLIEST_CUT_OFF && at < today ? at : undefined;
}

function CutOffBar({
  at,
  onChange,
  live,
  shownAt,
  period,
  refreshing,
}: {
  at: string | undefined;
  onChange: (at: string) => void;
  live: boolean;
  shownAt: string;
  period: { from: string; to: string };
  refreshing: boolean;
}) {
  const { t } = useTranslation();
  // Today typed in stays in the field, though the address drops it: today's figures are the live ones.
  const [typed, setTyped] = useState(at ?? '');

  return (
    <Stack gap="xs">
      <DateField
        label={t('statistics.cutOff.label')}
        description={t('statistics.cutOff.hint')}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        minDate={EARLIEST_CUT_OFF}
        maxDate={todayIsoDate()}
        value={typed}
        onChange={(value) => {
          setTyped(value);
          onChange(value);
        }}
        maw={220}
      />
      <Group gap="xs">
        {live ? (
          <Badge color="green" variant="light" radius="sm" tt="none" leftSection={<IconBolt size={14} />}>
            {t('statistics.cutOff.live')}
          </Badge>
        ) : (
          <Badge color="gray" variant="light" radius="sm" tt="none" leftSection={<IconHistory size={14} />}>
            {t('statistics.cutOff.recomputed', { date: formatDate(shownAt) })}
          </Badge>
        )}
        {refreshing && (
          <Text size="xs" c="dimmed" role="status">
            {t('statistics.cutOff.refreshing')}
          </Text>
        )}
      </Group>
      <Text size="xs" c="dimmed">
        {t('statistics.cutOff.period', { from: formatDate(period.from), to: formatDate(period.to) })}
      </Text>
    </Stack>
  );
}

function StatisticsNotFound() {
  const { t } = useTranslation();
  return <EmptyMessage title={t('statistics.notFound')} description={t('statistics.notFoundHint')} />;
}

function StatisticsDashboard({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const today = todayIsoDate();
  const at = cutOffFrom(searchParams, today);
  const canDeclareWorkforce = useCan('statistics.workforce');
  const roots = useRootUnits();
  const statistics = useUnitStatistics(unitId, at);
  const range = trendRange(at ?? today);
  const series = useStatisticsSeries(unitId, range.from, range.to);

  const search = at ? `?at=${at}` : '';
  const unitHref = (id: number) => `/statistics/${id}${search}`;
  const changeCutOff = (next: string) =>
    setSearchParams(next && next < today ? { at: next } : {}, { replace: true });

  // Out-of-scope units answer 404 like missing ones; the page cannot tell them apart either.
  if (statistics.error instanceof ApiError && statistics.error.status === 404) return <StatisticsNotFound />;
  if (statistics.isPending) return <LoadingState />;
  if (statistics.isError)
    return <ErrorState message={errorMessage(statistics.error)} onRetry={() => void statistics.refetch()} />;

  const current = statistics.data;
  const months = series.data?.unitId === unitId ? series.data.months : undefined;
  // Last cut-off's months stay drawn while the new ones load, but changes wait for the right months.
  const changes =
    months && !series.isPlaceholderData && !statistics.isPlaceholderData
      ? keyFigureChanges(current, months)
      : undefined;
  const suggestions: UnitChoice[] = (roots.data ?? []).map((root) => ({
    id: root.id,
    name: root.name,
    type: root.type,
  }));

  return (
    <>
      <PageHeader
        above={<StatisticsBreadcrumbs unitId={unitId} unitName={current.name} unitHref={unitHref} />}
        title={current.name}
        description={
          <Group gap="xs" component="span">
            <UnitTypeBadge type={current.type} />
            <Text span size="sm" c="dimmed">
              {current.code}
            </Text>
          </Group>
        }
      />
      <Stack gap="lg" aria-busy={statistics.isFetching}>
        <Paper withBorder p="md">
          <Group gap="lg" align="flex-start" justify="space-between">
            <Box style={{ flex: '1 1 24rem', minWidth: 0 }}>
              <CutOffBar
                at={at}
                onChange={changeCutOff}
                live={current.live}
                shownAt={current.at}
                period={current.period}
                refreshing={statistics.isPlaceholderData}
              />
            </Box>
            <Box style={{ flex: '0 1 20rem', minWidth: 0 }}>
              <UnitPicker
                label={t('statistics.otherUnit')}
                value={null}
                onChange={(unit) => unit && void navigate(unitHref(unit.id))}
                suggestions={suggestions}
              />
            </Box>
          </Group>
        </Paper>

        <KeyFigures statistics={current} changes={changes} />

        <section aria-labelledby="statistics-trends">
          <Title order={2} size="h4" mb="sm" id="statistics-trends">
            {t('statistics.trends.title')}
          </Title>
          {series.isError ? (
            <ErrorState message={errorMessage(series.error)} onRetry={() => void series.refetch()} />
          ) : !months ? (
            <LoadingState label={t('statistics.trends.loading')} />
          ) : (
            <Suspense fallback={<LoadingState label={t('statistics.trends.loading')} />}>
              <TrendCharts months={months} />
            </Suspense>
          )}
        </section>

        {current.type === 'confederation' && current.children.length > 0 && (
          <ProvinceRanking units={current.children} unitHref={unitHref} />
        )}

        <ChildUnitsTable statistics={current} unitHref={unitHref} />

        <OfficerGapsPanel unitId={unitId} />

        {canDeclareWorkforce && GRASSROOTS_TYPES.includes(current.type) && <WorkforcePanel unitId={unitId} />}

        <OrganisationReportPanel unitId={unitId} unitCode={current.code} />
      </Stack>
    </>
  );
}

/** Without a unit in the address: the top unit of the caller's scope. */
function StatisticsLanding() {
  const { t } = useTranslation();
  const roots = useRootUnits();

  if (roots.isPending) return <LoadingState />;
  if (roots.isError)
    return <ErrorState message={errorMessage(roots.error)} onRetry={() => void roots.refetch()} />;
  const top = roots.data[0];
  if (!top)
    return (
      <>
        <PageHeader title={t('statistics.title')} />
        <EmptyMessage title={t('statistics.noUnits')} description={t('statistics.noUnitsHint')} />
      </>
    );
  return <Navigate to={`/statistics/${top.id}`} replace />;
}

export function StatisticsPage() {
  const { unitId: param } = useParams();
  if (param === undefined) return <StatisticsLanding />;
  const unitId = Number(param);
  if (!Number.isSafeInteger(unitId) || unitId <= 0) return <StatisticsNotFound />;
  // Keyed by id so that sorting, choices and report jobs never carry over to another unit.
  return <StatisticsDashboard key={unitId} unitId={unitId} />;
}
