import { Badge, Box, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import type { VoiceAlertDto, VoiceAnalyticsDto } from '@union/contracts/voice';
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { DateField } from '../../ui/DateField';
import { formatDate, formatDateTime, parseTypedDate, todayIsoDate } from '../../ui/dates';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { formatCount, formatMonth, formatPercent, formatRatio } from '../statistics/figure-format';
import { type UnitChoice, UnitPicker } from '../units/components/UnitPicker';
import { useRootUnits } from '../units/queries';
import type { VoicePeriod } from './api';
import { CountBars } from './components/CountBars';
import { useAcknowledgeVoiceAlert, useVoiceAnalytics } from './queries';
import { categoriesIn, defaultAnalyticsPeriod, heatLists, monthlyRows, onTimeShare } from './voice-analytics';
import { vietnamDateOf } from './voice-deadlines';
import { useVoiceTranslation } from './voice-i18n';
import { CATEGORY_COLORS, KIND_COLORS } from './voice-labels';

// Charts are the heaviest code of the console: fetched only when the dashboard is shown.
const VoiceTrendChart = lazy(() =>
  import('./components/VoiceTrendChart').then((module) => ({ default: module.VoiceTrendChart })),
);

/** The period in the address (`?from=&to=`), the last 12 months when none is given. */
function usePeriod(): [VoicePeriod, (next: Partial<VoicePeriod>) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const fallback = defaultAnalyticsPeriod(todayIsoDate());
  const period = {
    from: parseTypedDate(searchParams.get('from') ?? '') ?? fallback.from,
    to: parseTypedDate(searchParams.get('to') ?? '') ?? fallback.to,
  };
  return [period, (next) => setSearchParams({ ...period, ...next }, { replace: true })];
}

function Section({
  id,
  title,
  hint,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} style={{ minWidth: 0 }}>
      <Title order={2} size="h4" id={id}>
        {title}
      </Title>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
      <Box mt="sm">{children}</Box>
    </Paper>
  );
}

function KeyFigure({
  label,
  value,
  hint,
  alert,
}: {
  label: string;
  value: string;
  hint?: string;
  alert?: boolean;
}) {
  return (
    <Paper withBorder p="md">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="xl" c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function KeyFigures({ analytics }: { analytics: VoiceAnalyticsDto }) {
  const { t } = useVoiceTranslation();
  const { handling } = analytics;
  const onTime = onTimeShare(handling);
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
      <KeyFigure label={t('analytics.total')} value={formatCount(analytics.total)} />
      <KeyFigure label={t('analytics.open')} value={formatCount(handling.open)} />
      <KeyFigure
        label={t('analytics.overdue')}
        value={formatCount(handling.overdue)}
        alert={handling.overdue > 0}
      />
      <KeyFigure
        label={t('analytics.onTime')}
        value={onTime === null ? t('analytics.noValue') : formatPercent(onTime)}
        hint={t('analytics.onTimeOf', {
          onTime: formatCount(handling.answeredOnTime),
          answered: formatCount(handling.answered),
        })}
      />
      <KeyFigure
        label={t('analytics.rating')}
        value={
          handling.averageRating === null
            ? t('analytics.noValue')
            : t('analytics.ratingValue', { value: formatRatio(handling.averageRating) })
        }
      />
    </SimpleGrid>
  );
}

function AlertItem({ alert }: { alert: VoiceAlertDto }) {
  const { t } = useVoiceTranslation();
  const acknowledge = useAcknowledgeVoiceAlert();
  const seen = alert.acknowledgedAt !== null;
  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      style={{
        listStyle: 'none',
        borderLeft: `4px solid var(--mantine-color-${seen ? 'gray-4' : 'orange-7'})`,
      }}
    >
      <Stack gap={4}>
        <Group gap={6}>
          {!seen && <IconAlertTriangle size={18} color="var(--mantine-color-orange-8)" aria-hidden />}
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {alert.unit.name}
          </Text>
          <Badge size="sm" variant="light" color="gray" radius="sm" tt="none">
            {t(`analytics.alertScope.${alert.scopeKind}`)}
          </Badge>
          <Badge
            size="sm"
            variant="light"
            color={alert.category ? CATEGORY_COLORS[alert.category] : 'gray'}
            radius="sm"
            tt="none"
          >
            {alert.category ? t(`category.${alert.category}`) : t('analytics.alertAllCategories')}
          </Badge>
        </Group>
        <Text size="sm" fw={500}>
          {t('analytics.alertCount', {
            count: formatCount(alert.count),
            days: alert.rule.windowDays,
            usual: formatRatio(alert.baselinePerWindow),
          })}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {alert.rule.description}
        </Text>
        <Text size="xs" c="dimmed">
          {t('analytics.alertRule', {
            minCount: alert.rule.minCount,
            days: alert.rule.windowDays,
            ratio: formatRatio(alert.rule.ratio),
            weeks: alert.rule.baselineWeeks,
          })}
        </Text>
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed">
            {t('analytics.alertRaised', { at: formatDateTime(alert.raisedAt) })}
          </Text>
          {seen ? (
            <Text size="xs" c="dimmed">
              {t('analytics.acknowledged', { at: formatDateTime(alert.acknowledgedAt ?? '') })}
            </Text>
          ) : (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconCheck size={16} />}
              loading={acknowledge.isPending}
              onClick={() => acknowledge.mutate(alert.id)}
            >
              {t('analytics.acknowledge')}
            </Button>
          )}
        </Group>
        <FormErrorAlert message={acknowledge.error ? errorMessage(acknowledge.error) : undefined} />
      </Stack>
    </Paper>
  );
}

function ForecastTable({ forecast }: { forecast: VoiceAnalyticsDto['forecast'] }) {
  const { t } = useVoiceTranslation();
  if (forecast.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('analytics.forecastEmpty')}
      </Text>
    );
  const month = forecast[0]?.month ?? '';
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing={6} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('analytics.forecastCategory')}</Table.Th>
            <Table.Th ta="right">{t('analytics.forecastNext', { month: formatMonth(month) })}</Table.Th>
            <Table.Th ta="right">{t('analytics.forecastRange')}</Table.Th>
            <Table.Th>{t('analytics.forecastError')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {forecast.map((row) => (
            <Table.Tr key={row.category}>
              <Table.Td>{t(`category.${row.category}`)}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatCount(Math.round(row.next))}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatCount(Math.round(row.low))}–{formatCount(Math.round(row.high))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {row.backtest.mape === null
                    ? t('analytics.forecastErrorNoMape', { mae: formatRatio(row.backtest.mae) })
                    : t('analytics.forecastErrorValue', {
                        mae: formatRatio(row.backtest.mae),
                        mape: formatRatio(row.backtest.mape),
                      })}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`analytics.method.${row.method}`)} ·{' '}
                  {t('analytics.forecastMonths', { count: row.backtest.months })}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TopicsTable({ analytics }: { analytics: VoiceAnalyticsDto }) {
  const { t } = useVoiceTranslation();
  if (analytics.emergingTopics.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('analytics.topicsEmpty')}
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={6} striped>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('analytics.term')}</Table.Th>
          <Table.Th ta="right">{t('analytics.recent')}</Table.Th>
          <Table.Th ta="right">{t('analytics.previous')}</Table.Th>
          <Table.Th ta="right">{t('analytics.growth')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {analytics.emergingTopics.map((topic) => (
          <Table.Tr key={topic.term}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{topic.term}</Table.Td>
            <Table.Td ta="right">{formatCount(topic.recent)}</Table.Td>
            <Table.Td ta="right">{formatCount(topic.previous)}</Table.Td>
            <Table.Td ta="right" fw={600}>
              ×{formatRatio(topic.growth)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Dashboard({ analytics }: { analytics: VoiceAnalyticsDto }) {
  const { t } = useVoiceTranslation();
  const rows = monthlyRows(analytics);
  const categories = categoriesIn(analytics.monthly);
  const alerts = [...analytics.alerts].sort(
    (a, b) =>
      Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
      b.raisedAt.localeCompare(a.raisedAt),
  );
  return (
    <Stack gap="md">
      <KeyFigures analytics={analytics} />

      <Section id="voice-alerts" title={t('analytics.alerts')}>
        {alerts.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('analytics.alertsEmpty')}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0}>
            {alerts.map((alert) => (
              <AlertItem key={alert.id} alert={alert} />
            ))}
          </Stack>
        )}
      </Section>

      <Section
        id="voice-trend"
        title={t('analytics.byMonth')}
        hint={t('analytics.byMonthSummary', {
          total: formatCount(analytics.total),
          from: formatDate(analytics.from),
          to: formatDate(analytics.to),
        })}
      >
        {analytics.total === 0 ? (
          <EmptyMessage title={t('analytics.empty')} />
        ) : (
          <Suspense fallback={<LoadingState label={t('analytics.chartsLoading')} />}>
            <VoiceTrendChart rows={rows} categories={categories} />
          </Suspense>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section id="voice-by-category" title={t('analytics.byCategory')}>
          <CountBars
            label={t('analytics.byCategory')}
            rows={[...analytics.byCategory]
              .sort((a, b) => b.count - a.count)
              .map((row) => ({
                key: row.category,
                label: t(`category.${row.category}`),
                count: row.count,
                color: CATEGORY_COLORS[row.category],
              }))}
          />
        </Section>
        <Section id="voice-by-kind" title={t('analytics.byKind')}>
          <CountBars
            label={t('analytics.byKind')}
            rows={analytics.byKind.map((row) => ({
              key: row.kind,
              label: t(`kind.${row.kind}`),
              count: row.count,
              color: KIND_COLORS[row.kind],
            }))}
          />
        </Section>
      </SimpleGrid>

      <Section
        id="voice-topics"
        title={t('analytics.topics')}
        hint={t('analytics.topicsHint', {
          recent: formatDate(vietnamDateOf(analytics.topicWindow.recentFrom)),
          previous: formatDate(vietnamDateOf(analytics.topicWindow.previousFrom)),
        })}
      >
        <TopicsTable analytics={analytics} />
      </Section>

      <Section id="voice-heat" title={t('analytics.heat')}>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          {heatLists(analytics.heat).map(({ dimension, rows: heat }) => (
            <div key={dimension}>
              <Title order={3} size="h5" mb="xs">
                {t(`analytics.dimension.${dimension}`)}
              </Title>
              {heat.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('analytics.heatEmpty')}
                </Text>
              ) : (
                <CountBars
                  label={t(`analytics.dimension.${dimension}`)}
                  rows={heat.map((row) => ({
                    key: row.unit.id,
                    label: row.unit.name,
                    count: row.count,
                    color: 'orange',
                  }))}
                />
              )}
            </div>
          ))}
        </SimpleGrid>
      </Section>

      <Section id="voice-forecast" title={t('analytics.forecast')} hint={t('analytics.forecastHint')}>
        <ForecastTable forecast={analytics.forecast} />
      </Section>
    </Stack>
  );
}

function AnalyticsView({ unitId }: { unitId: number }) {
  const { t } = useVoiceTranslation();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [period, setPeriod] = usePeriod();
  const roots = useRootUnits();
  const validPeriod = period.from <= period.to;
  const analytics = useVoiceAnalytics(unitId, period, validPeriod);
  const today = todayIsoDate();
  const suggestions: UnitChoice[] = (roots.data ?? []).map((root) => ({
    id: root.id,
    name: root.name,
    type: root.type,
  }));

  if (analytics.error instanceof ApiError && analytics.error.status === 404)
    return <EmptyMessage title={t('analytics.notFound')} description={t('analytics.notFoundHint')} />;

  return (
    <>
      <PageHeader
        title={analytics.data ? `${t('analytics.title')}: ${analytics.data.unit.name}` : t('analytics.title')}
        description={t('analytics.description')}
      />
      <Paper withBorder p="md" mb="md">
        <Group gap="md" align="flex-end">
          <DateField
            label={t('analytics.from')}
            value={period.from}
            maxDate={period.to}
            onChange={(from) => from && setPeriod({ from })}
            required
            w={170}
          />
          <DateField
            label={t('analytics.to')}
            value={period.to}
            minDate={period.from}
            maxDate={today}
            onChange={(to) => to && setPeriod({ to })}
            required
            w={170}
          />
          <Box style={{ flex: '1 1 16rem', minWidth: 0 }}>
            <UnitPicker
              label={t('analytics.unit')}
              value={null}
              onChange={(unit) =>
                unit && void navigate(`/voice/analytics/${unit.id}?${searchParams.toString()}`)
              }
              suggestions={suggestions}
            />
          </Box>
        </Group>
        {analytics.isPlaceholderData && (
          <Text size="xs" c="dimmed" role="status" mt="xs">
            {t('analytics.refreshing')}
          </Text>
        )}
      </Paper>
      {analytics.isPending ? (
        <LoadingState />
      ) : analytics.isError ? (
        <ErrorState message={errorMessage(analytics.error)} onRetry={() => void analytics.refetch()} />
      ) : (
        <Box aria-busy={analytics.isFetching}>
          <Dashboard analytics={analytics.data} />
        </Box>
      )}
    </>
  );
}

/** Without a unit in the address: the top unit of the caller's scope. */
function AnalyticsLanding() {
  const { t } = useVoiceTranslation();
  const roots = useRootUnits();
  if (roots.isPending) return <LoadingState />;
  if (roots.isError)
    return <ErrorState message={errorMessage(roots.error)} onRetry={() => void roots.refetch()} />;
  const top = roots.data[0];
  if (!top)
    return (
      <>
        <PageHeader title={t('analytics.title')} />
        <EmptyMessage title={t('analytics.noUnits')} description={t('analytics.noUnitsHint')} />
      </>
    );
  return <Navigate to={`/voice/analytics/${top.id}`} replace />;
}

/** "Phân tích ý kiến": what members raise in a unit's subtree, where, how it is handled, what comes next. */
export function VoiceAnalyticsPage() {
  const { t } = useVoiceTranslation();
  const { unitId: param } = useParams();
  if (param === undefined) return <AnalyticsLanding />;
  const unitId = Number(param);
  if (!Number.isSafeInteger(unitId) || unitId <= 0)
    return <EmptyMessage title={t('analytics.notFound')} description={t('analytics.notFoundHint')} />;
  return <AnalyticsView key={unitId} unitId={unitId} />;
}
