import { useMantineTheme } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisCount, formatCount } from '../../statistics/figure-format';

export type AnswerRow = { label: string; count: number };

const AXIS_TICK = { fontSize: 12 };
const ROW_HEIGHT = 36;
/** Wide enough for a short option on a phone; longer ones end in "…" and show whole in the tooltip. */
const LABEL_WIDTH = 120;
const LABEL_CHARS = 18;

const shortLabel = (label: string) =>
  label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label;
const tooltipCount = (value: unknown) => formatCount(Number(value));

/**
 * How many chose each option (bars across, labels beside them, so long Vietnamese options stay
 * readable on a phone), or each point of a scale (bars up, 1 to N left to right). The table under
 * the chart carries the same figures for screen readers.
 */
export function SurveyResultChart({
  rows,
  scale,
  seriesName,
}: {
  rows: readonly AnswerRow[];
  scale: boolean;
  seriesName: string;
}) {
  const theme = useMantineTheme();
  const grid = (
    <CartesianGrid strokeDasharray="3 3" stroke={theme.colors.gray[3]} vertical={!scale} horizontal={scale} />
  );
  const bar = (
    <Bar
      dataKey="count"
      name={seriesName}
      fill={theme.colors.blue[6]}
      isAnimationActive={false}
      maxBarSize={32}
    />
  );
  if (scale)
    return (
      <div aria-hidden>
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={[...rows]} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
            {grid}
            <XAxis dataKey="label" tick={AXIS_TICK} />
            <YAxis tick={AXIS_TICK} width={40} allowDecimals={false} tickFormatter={formatAxisCount} />
            <Tooltip formatter={tooltipCount} />
            {bar}
          </BarChart>
        </ResponsiveContainer>
      </div>
    );
  return (
    <div aria-hidden>
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * ROW_HEIGHT + 40)}>
        <BarChart data={[...rows]} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          {grid}
          <XAxis type="number" tick={AXIS_TICK} allowDecimals={false} tickFormatter={formatAxisCount} />
          <YAxis
            type="category"
            dataKey="label"
            tick={AXIS_TICK}
            width={LABEL_WIDTH}
            tickFormatter={shortLabel}
          />
          <Tooltip formatter={tooltipCount} />
          {bar}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
