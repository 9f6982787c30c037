import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { OfficerGapDto } from '@union/contracts/statistics';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { ErrorState, LoadingState } from '../../../ui/states';
import { useCan } from '../../auth/session';
import { formatCount, formatRatio } from '../figure-format';
import { useOfficerFigures } from '../queries';

function Figure({ label, value, alert }: { label: string; value: string; alert?: boolean }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text component="dd" m={0} fw={700} size="lg" c={alert ? 'red.8' : undefined}>
        {value}
      </Text>
    </div>
  );
}

function GapItem({ gap, linkToOffices }: { gap: OfficerGapDto; linkToOffices: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder px="sm" py="xs" style={{ listStyle: 'none' }}>
      <Stack gap={4}>
        {linkToOffices ? (
          // The unit's page, on its officers tab: where a chair is appointed.
          <Anchor
            component={Link}
            to={`/units/${gap.unitId}?tab=officers`}
            fw={600}
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {gap.name}
          </Anchor>
        ) : (
          <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {gap.name}
          </Text>
        )}
        {gap.parentName && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {gap.parentName}
          </Text>
        )}
        <Group gap="xs">
          <Badge variant="light" color={gap.gap === 'no_chair' ? 'red' : 'orange'} radius="sm" tt="none">
            {t(`statistics.officers.gap.${gap.gap}`)}
          </Badge>
          <Text size="xs" c="dimmed">
            {[
              t('statistics.officers.members', { count: formatCount(gap.members) }),
              gap.termEndedOn && t('statistics.officers.termEndedOn', { date: formatDate(gap.termEndedOn) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

// The largest few are what a dashboard needs at a glance; the rest is one click away.
const GAPS_SHOWN_FIRST = 6;

/** Grassroots unions with no chair in office, from the officers' figures of the subtree. */
export function OfficerGapsPanel({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const canReadOffices = useCan('offices.read');
  const officers = useOfficerFigures(unitId);
  const [showAll, setShowAll] = useState(false);

  let body;
  if (officers.isPending) body = <LoadingState />;
  else if (officers.isError)
    body = <ErrorState message={errorMessage(officers.error)} onRetry={() => void officers.refetch()} />;
  else {
    const figures = officers.data;
    // `withoutChair` counts every union lacking a chair in office; those whose chair's term ended are among them.
    const lacking = figures.withoutChair;
    body = (
      <Stack gap="md">
        <SimpleGrid component="dl" cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" m={0}>
          <Figure label={t('statistics.officers.grassroots')} value={formatCount(figures.grassroots)} />
          <Figure
            label={t('statistics.officers.withoutChair')}
            value={formatCount(figures.withoutChair)}
            alert={figures.withoutChair > 0}
          />
          <Figure
            label={t('statistics.officers.chairTermExpired')}
            value={formatCount(figures.chairTermExpired)}
            alert={figures.chairTermExpired > 0}
          />
          <Figure label={t('statistics.officers.officers')} value={formatCount(figures.officers)} />
          <Figure
            label={t('statistics.officers.membersPerOfficer')}
            value={figures.membersPerOfficer === null ? '—' : formatRatio(figures.membersPerOfficer)}
          />
        </SimpleGrid>
        {figures.gaps.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('statistics.officers.none')}
          </Text>
        ) : (
          <Stack gap="xs">
            {figures.gaps.length < lacking && (
              <Text size="xs" c="dimmed">
                {t('statistics.officers.shownFirst', { shown: formatCount(figures.gaps.length) })}
              </Text>
            )}
            <SimpleGrid component="ul" cols={{ base: 1, md: 2 }} spacing="xs" p={0} m={0}>
              {(showAll ? figures.gaps : figures.gaps.slice(0, GAPS_SHOWN_FIRST)).map((gap) => (
                <GapItem key={gap.unitId} gap={gap} linkToOffices={canReadOffices} />
              ))}
            </SimpleGrid>
            {figures.gaps.length > GAPS_SHOWN_FIRST && (
              <Button
                variant="subtle"
                size="compact-sm"
                onClick={() => setShowAll((all) => !all)}
                style={{ alignSelf: 'flex-start' }}
              >
                {showAll
                  ? t('statistics.officers.showFewer')
                  : t('statistics.officers.showAll', { count: formatCount(figures.gaps.length) })}
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statistics-officers">
      <Title order={2} size="h4" mb="sm" id="statistics-officers">
        {t('statistics.officers.title')}
      </Title>
      {body}
    </Paper>
  );
}
