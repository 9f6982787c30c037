import { Paper, SimpleGrid, Text, Title, useMantineTheme } from '@mantine/core';
import type { MonthFiguresDto } from '@union/contracts/statistics';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { EmptyMessage } from '../../../ui/states';
import { formatAxisCount, formatCount, formatMonth } from '../figure-format';
import { joinedOf, leftOf } from '../period-changes';

const CHART_HEIGHT = 260;
const AXIS_TICK = { fontSize: 12 };
// Wide enough for "99.999" and "1,2 Tr"; the rest of a phone's width goes to the bars and line.
const Y_AXIS_WIDTH = 48;

const tooltipCount = (value: unknown) => formatCount(Number(value));

function ChartFigure({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  children: ReactNode;
}) {
  return (
    <Paper component="figure" withBorder p="sm" m={0} style={{ minWidth: 0 }} aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      <Text component="figcaption" size="xs" c="dimmed" mb="xs">
        {summary}
      </Text>
      {children}
    </Paper>
  );
}

/** Members at each month's end (a line) and admissions against leavers per month (bars). */
export function TrendCharts({ months }: { months: readonly MonthFiguresDto[] }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  if (months.length === 0) return <EmptyMessage title={t('statistics.trends.empty')} />;

  const data = months.map((month) => ({
    label: formatMonth(month.month),
    members: month.membersAtEnd,
    joined: joinedOf(month.movements),
    left: leftOf(month.movements),
  }));
  const first = data[0]!;
  const last = data.at(-1)!;
  const joinedTotal = data.reduce((total, month) => total + month.joined, 0);
  const leftTotal = data.reduce((total, month) => total + month.left, 0);
  const xAxis = (
    <XAxis dataKey="label" tick={AXIS_TICK} minTickGap={16} interval="preserveStartEnd" tickMargin={6} />
  );
  const yAxis = (domain?: [string, string]) => (
    <YAxis
      tick={AXIS_TICK}
      width={Y_AXIS_WIDTH}
      tickFormatter={formatAxisCount}
      allowDecimals={false}
      domain={domain}
    />
  );
  const grid = <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.gray[3]} vertical={false} />;

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <ChartFigure
        id="statistics-trend-members"
        title={t('statistics.trends.members')}
        summary={t('statistics.trends.membersSummary', {
          from: first.label,
          to: last.label,
          start: formatCount(first.members),
          end: formatCount(last.members),
        })}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {grid}
            {xAxis}
            {/* From zero a few dozen members more or less would draw a flat line: the axis hugs the data. */}
            {yAxis(['auto', 'auto'])}
            <Tooltip formatter={tooltipCount} />
            <Line
              type="monotone"
              dataKey="members"
              name={t('statistics.trends.membersSeries')}
              stroke={theme.colors.blue[7]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ChartFigure
        id="statistics-trend-movements"
        title={t('statistics.trends.movements')}
        summary={t('statistics.trends.movementsSummary', {
          joined: formatCount(joinedTotal),
          left: formatCount(leftTotal),
        })}
      >
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {grid}
            {xAxis}
            {yAxis()}
            <Tooltip formatter={tooltipCount} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar
              dataKey="joined"
              name={t('statistics.trends.joinedSeries')}
              fill={theme.colors.teal[6]}
              isAnimationActive={false}
            />
            <Bar
              dataKey="left"
              name={t('statistics.trends.leftSeries')}
              fill={theme.colors.red[6]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </ChartFigure>
    </SimpleGrid>
  );
}
