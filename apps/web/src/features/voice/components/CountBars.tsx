import { Group, Progress, Stack, Text } from '@mantine/core';
import type { MantineColor } from '@mantine/core';
import { formatCount } from '../../statistics/figure-format';

export type CountBar = { key: string | number; label: string; count: number; color?: MantineColor };

/**
 * Counts as labelled bars drawn with text, not a chart: the label and figure are read as they are,
 * a long unit name wraps on a phone, and it costs none of the charting code.
 */
export function CountBars({ rows, label }: { rows: readonly CountBar[]; label: string }) {
  const max = Math.max(1, ...rows.map((row) => row.count));
  return (
    <Stack component="ol" gap="xs" p={0} m={0} aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} style={{ listStyle: 'none' }}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {row.label}
            </Text>
            <Text size="sm" fw={600} style={{ flexShrink: 0 }}>
              {formatCount(row.count)}
            </Text>
          </Group>
          <Progress value={(100 * row.count) / max} color={row.color ?? 'blue'} size="sm" aria-hidden />
        </li>
      ))}
    </Stack>
  );
}
