import { Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from '@tabler/icons-react';
import type { UnitStatisticsDto } from '@union/contracts/statistics';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../ui/dates';
import { formatCount, formatMonth, formatPercent, formatSignedCount, shareOf } from '../figure-format';
import { type Change, type KeyFigureChanges, leftOf } from '../period-changes';

/** Whether a rise is good news: it colours the change, green or red, or leaves it neutral. */
type Tone = 'rise' | 'fall' | 'neutral';

function ChangeLine({ change, text, tone }: { change: number; text: string; tone: Tone }) {
  const Arrow = change > 0 ? IconArrowUpRight : change < 0 ? IconArrowDownRight : IconMinus;
  const good = tone === 'neutral' || change === 0 ? null : change > 0 === (tone === 'rise');
  return (
    <Group gap={4} wrap="nowrap" align="flex-start">
      <Arrow size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
      <Text size="xs" c={good === null ? 'dimmed' : good ? 'teal.8' : 'red.8'}>
        {text}
      </Text>
    </Group>
  );
}

function FigureCard({ label, value, children }: { label: string; value: string; children?: ReactNode }) {
  // A <dl> groups each term with its values in one <div>: the card itself.
  return (
    <Paper withBorder p="sm" style={{ minWidth: 0 }}>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={4} fw={700} fz="xl" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
      {children && (
        <Stack component="dd" gap={2} m={0} mt={4}>
          {children}
        </Stack>
      )}
    </Paper>
  );
}

type KeyFiguresProps = {
  statistics: UnitStatisticsDto;
  /** `undefined` while the monthly series loads; its `null` parts cannot be compared. */
  changes: KeyFigureChanges | undefined;
};

export function KeyFigures({ statistics, changes }: KeyFiguresProps) {
  const { t } = useTranslation();
  const { members, movements, units, workforce } = statistics;
  const femaleShare = shareOf(members.female, members.total);

  const comparing = (
    <Text size="xs" c="dimmed">
      {t('statistics.figures.comparing')}
    </Text>
  );
  const noComparison = (
    <Text size="xs" c="dimmed">
      {t('statistics.figures.noComparison')}
    </Text>
  );
  const movementChange = (
    pick: (movementChanges: NonNullable<KeyFigureChanges['movements']>) => Change,
    tone: Tone,
  ) => {
    if (!changes) return comparing;
    if (!changes.movements) return noComparison;
    const { change, previous } = pick(changes.movements);
    return (
      <ChangeLine
        change={change}
        tone={tone}
        text={t('statistics.figures.sameMonths', {
          change: formatSignedCount(change),
          previous: formatCount(previous),
        })}
      />
    );
  };
  const thisYear = (
    <Text size="xs" c="dimmed">
      {t('statistics.figures.thisYear')}
    </Text>
  );

  return (
    <section aria-labelledby="statistics-figures">
      <Title order={2} size="h4" mb="sm" id="statistics-figures">
        {t('statistics.figures.title')}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="sm" m={0}>
        <FigureCard label={t('statistics.figures.members')} value={formatCount(members.total)}>
          {members.current !== members.total && (
            <Text size="xs" c="dimmed">
              {t('statistics.figures.withSuspended', { count: formatCount(members.current) })}
            </Text>
          )}
          {!changes ? (
            comparing
          ) : changes.members ? (
            <ChangeLine
              change={changes.members.change}
              tone="rise"
              text={t('statistics.figures.sinceBaseline', {
                change: formatSignedCount(changes.members.change),
                date: formatDate(changes.members.baselineDate),
              })}
            />
          ) : (
            noComparison
          )}
        </FigureCard>
        <FigureCard label={t('statistics.figures.female')} value={formatCount(members.female)}>
          {femaleShare !== null && (
            <Text size="xs" c="dimmed">
              {t('statistics.figures.femaleShare', { share: formatPercent(femaleShare) })}
            </Text>
          )}
        </FigureCard>
        <FigureCard label={t('statistics.figures.admitted')} value={formatCount(movements.admitted)}>
          {thisYear}
          {movementChange((all) => all.admitted, 'rise')}
        </FigureCard>
        <FigureCard label={t('statistics.figures.leftOrExpelled')} value={formatCount(leftOf(movements))}>
          {thisYear}
          {movementChange((all) => all.leftOrExpelled, 'fall')}
        </FigureCard>
        <FigureCard
          label={t('statistics.figures.transferredIn')}
          value={formatCount(movements.transferredIn)}
        >
          {thisYear}
          {movementChange((all) => all.transferredIn, 'neutral')}
        </FigureCard>
        <FigureCard
          label={t('statistics.figures.transferredOut')}
          value={formatCount(movements.transferredOut)}
        >
          {thisYear}
          {movementChange((all) => all.transferredOut, 'neutral')}
        </FigureCard>
        <FigureCard label={t('statistics.figures.grassroots')} value={formatCount(units.grassroots)}>
          {units.byType.grassroots_guild > 0 && (
            <Text size="xs" c="dimmed">
              {t('statistics.figures.guilds', { count: formatCount(units.byType.grassroots_guild) })}
            </Text>
          )}
        </FigureCard>
        <FigureCard
          label={t('statistics.figures.coverage')}
          value={workforce.coverage === null ? '—' : formatPercent(workforce.coverage)}
        >
          <Text size="xs" c="dimmed">
            {workforce.unitsDeclared === 0
              ? t('statistics.figures.coverageNone')
              : t('statistics.figures.coverageDeclared', {
                  declared: formatCount(workforce.unitsDeclared),
                  total: formatCount(units.grassroots),
                })}
          </Text>
        </FigureCard>
      </SimpleGrid>
      {changes?.movements && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('statistics.figures.sameMonthsHint', {
            from: formatMonth(changes.movements.fromMonth),
            to: formatMonth(changes.movements.toMonth),
          })}
        </Text>
      )}
    </section>
  );
}
