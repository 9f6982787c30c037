import { useMantineTheme } from '@mantine/core';
import type { VoiceCategory } from '@union/contracts/voice';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisCount, formatCount, formatMonth } from '../../statistics/figure-format';
import type { MonthRow } from '../voice-analytics';
import { useVoiceTranslation } from '../voice-i18n';
import { CATEGORY_COLORS } from '../voice-labels';

const CHART_HEIGHT = 300;
const AXIS_TICK = { fontSize: 12 };
const tooltipCount = (value: unknown) => formatCount(Number(value));

/** Items per month, stacked by category in one hue each (the same hues as the lists beside it). */
export function VoiceTrendChart({
  rows,
  categories,
}: {
  rows: readonly MonthRow[];
  categories: readonly VoiceCategory[];
}) {
  const { t } = useVoiceTranslation();
  const theme = useMantineTheme();
  const data = rows.map((row) => ({ ...row, label: formatMonth(row.month) }));
  return (
    <div aria-hidden>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.gray[3]} vertical={false} />
          <XAxis
            dataKey="label"
            tick={AXIS_TICK}
            minTickGap={12}
            interval="preserveStartEnd"
            tickMargin={6}
          />
          <YAxis tick={AXIS_TICK} width={44} allowDecimals={false} tickFormatter={formatAxisCount} />
          <Tooltip formatter={tooltipCount} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {categories.map((category) => (
            <Bar
              key={category}
              dataKey={category}
              stackId="categories"
              name={t(`category.${category}`)}
              fill={theme.colors[CATEGORY_COLORS[category]]?.[6]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
