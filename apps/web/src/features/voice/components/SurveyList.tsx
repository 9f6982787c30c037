import { Anchor, Badge, Button, Center, Group, Paper, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { SurveyPage, SurveySummaryDto } from '@union/contracts/voice';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatCount } from '../../statistics/figure-format';
import { useVoiceTranslation } from '../voice-i18n';
import { SurveyStatusBadge } from './VoiceBadges';

/** Members open a survey to answer it; officers open its results. */
export type SurveyListAudience = 'member' | 'officer';

function SurveyCard({ survey, audience }: { survey: SurveySummaryDto; audience: SurveyListAudience }) {
  const { t } = useVoiceTranslation();
  const href = audience === 'officer' ? `/surveys/${survey.id}/results` : `/surveys/${survey.id}`;
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group gap={6}>
          <SurveyStatusBadge status={survey.status} />
          {audience === 'member' &&
            (survey.answeredByMe ? (
              <Badge color="green" variant="filled" radius="sm" tt="none">
                {t('surveys.answered')}
              </Badge>
            ) : (
              survey.status === 'open' && (
                <Badge color="orange" variant="light" radius="sm" tt="none">
                  {t('surveys.notAnswered')}
                </Badge>
              )
            ))}
        </Group>
        <Anchor component={Link} to={href} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {survey.title}
        </Anchor>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {survey.unit.name}
        </Text>
        <Group gap="md" justify="space-between">
          <Text size="sm">
            {t('surveys.dates', { from: formatDate(survey.opensOn), to: formatDate(survey.closesOn) })}
          </Text>
          {audience === 'officer' && (
            <Text size="sm" fw={500}>
              {t('managed.responses', { count: formatCount(survey.responses) })}
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

export function SurveyList({
  list,
  audience,
  label,
  empty,
}: {
  list: UseInfiniteQueryResult<InfiniteData<SurveyPage>>;
  audience: SurveyListAudience;
  label: string;
  empty: ReactNode;
}) {
  const { t } = useVoiceTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isLoadingError)
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;
  const surveys = list.data.pages.flatMap((page) => page.items);
  if (surveys.length === 0) return empty;
  return (
    <Stack gap="md">
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={label}>
        {surveys.map((survey) => (
          <SurveyCard key={survey.id} survey={survey} audience={audience} />
        ))}
      </Stack>
      {list.isFetchNextPageError && <ErrorState message={errorMessage(list.error)} />}
      {list.hasNextPage && (
        <Center>
          <Button
            variant="light"
            size="md"
            onClick={() => void list.fetchNextPage()}
            loading={list.isFetchingNextPage}
          >
            {t('loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}
