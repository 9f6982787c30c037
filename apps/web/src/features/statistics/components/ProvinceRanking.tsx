import { Anchor, Button, Group, Paper, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import type { StatisticsChildDto } from '@union/contracts/statistics';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCount, formatSignedPercent } from '../figure-format';
import { growthOf } from '../period-changes';

const METRICS = ['members', 'admitted', 'growth'] as const;
type Metric = (typeof METRICS)[number];
const SHOWN_FIRST = 10;

const valueOf = (child: StatisticsChildDto, metric: Metric): number | null =>
  metric === 'members'
    ? child.members.total
    : metric === 'admitted'
      ? child.movements.admitted
      : growthOf(child);

/** The Confederation's units ranked by one figure, as bars against the leader. */
export function ProvinceRanking({
  units,
  unitHref,
}: {
  units: readonly StatisticsChildDto[];
  unitHref: (unitId: number) => string;
}) {
  const { t } = useTranslation();
  const [metric, setMetric] = useState<Metric>('members');
  const [showAll, setShowAll] = useState(false);

  const ranked = units
    .map((unit) => ({ unit, value: valueOf(unit, metric) }))
    // Units whose figure cannot be computed (growth from none) go last, in name order.
    .sort(
      (a, b) =>
        (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.unit.name.localeCompare(b.unit.name, 'vi'),
    );
  const scale = Math.max(...ranked.map(({ value }) => Math.abs(value ?? 0)), 0);
  const shown = showAll ? ranked : ranked.slice(0, SHOWN_FIRST);
  const format = (value: number | null) =>
    value === null
      ? t('statistics.ranking.noGrowth')
      : metric === 'growth'
        ? formatSignedPercent(value)
        : formatCount(value);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statistics-ranking">
      <Stack gap="sm">
        <Title order={2} size="h4" id="statistics-ranking">
          {t('statistics.ranking.title')}
        </Title>
        <Group gap="xs" align="center">
          <Text size="sm" fw={500} id="statistics-ranking-metric">
            {t('statistics.ranking.metric')}
          </Text>
          <SegmentedControl
            aria-labelledby="statistics-ranking-metric"
            value={metric}
            onChange={(value) => setMetric(value as Metric)}
            data={METRICS.map((value) => ({ value, label: t(`statistics.ranking.${value}`) }))}
          />
        </Group>
        {metric === 'growth' && (
          <Text size="xs" c="dimmed">
            {t('statistics.ranking.growthHint')}
          </Text>
        )}
        <Stack component="ol" gap="xs" p={0} m={0} aria-labelledby="statistics-ranking">
          {shown.map(({ unit, value }, index) => (
            <Stack key={unit.unitId} component="li" gap={4} style={{ listStyle: 'none' }}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }} align="flex-start">
                  <Text size="sm" c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
                    {index + 1}.
                  </Text>
                  <Anchor
                    component={Link}
                    to={unitHref(unit.unitId)}
                    size="sm"
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {unit.name}
                  </Anchor>
                </Group>
                <Text
                  size="sm"
                  fw={value === null ? 400 : 600}
                  c={value === null ? 'dimmed' : value < 0 ? 'red.8' : undefined}
                  style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
                >
                  {format(value)}
                </Text>
              </Group>
              <Progress
                value={scale > 0 && value !== null ? (Math.abs(value) / scale) * 100 : 0}
                color={value !== null && value < 0 ? 'red' : 'blue'}
                size="sm"
                ml={32}
                aria-hidden
              />
            </Stack>
          ))}
        </Stack>
        {ranked.length > SHOWN_FIRST && (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => setShowAll((all) => !all)}
            style={{ alignSelf: 'flex-start' }}
          >
            {showAll
              ? t('statistics.ranking.showFewer')
              : t('statistics.ranking.showAll', { count: ranked.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
