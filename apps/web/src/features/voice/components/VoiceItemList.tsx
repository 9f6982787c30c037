import { Anchor, Button, Center, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { VoiceItemSummaryDto, VoicePage } from '@union/contracts/voice';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { formatDate } from '../../../ui/dates';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatCount } from '../../statistics/figure-format';
import { useVoiceTranslation } from '../voice-i18n';
import { vietnamDateOf } from '../voice-deadlines';
import { CategoryBadge, Deadline, KindBadge, StatusBadge } from './VoiceBadges';
import classes from './VoiceItemList.module.css';

/** What a list shows beside each title: the officer sees who sent it and where it sits. */
export type VoiceListAudience = 'member' | 'officer';

function VoiceItemCard({ item, audience }: { item: VoiceItemSummaryDto; audience: VoiceListAudience }) {
  const { t } = useVoiceTranslation();
  const late = item.overdue && (item.status === 'received' || item.status === 'in_progress');
  return (
    <Paper component="li" withBorder p="md" className={classes.item} data-overdue={late || undefined}>
      <Stack gap={6}>
        <Group gap={6}>
          <StatusBadge status={item.status} />
          <KindBadge kind={item.kind} />
          <CategoryBadge category={item.category} />
        </Group>
        <Anchor component={Link} to={`/voice/${item.id}`} fw={600} className={classes.title}>
          {item.title}
        </Anchor>
        {audience === 'officer' && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('list.from', { name: item.anonymous ? t('anonymous') : (item.authorName ?? '—') })}
          </Text>
        )}
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('list.handledBy', { unit: item.handlingUnit.name })}
        </Text>
        {item.kind === 'proposal' && item.supportThreshold !== null && (
          <Progress
            value={Math.min(100, (100 * item.supportCount) / item.supportThreshold)}
            size="sm"
            color="teal"
            aria-label={t('support.progressLabel')}
          />
        )}
        {item.supportedByMe && (
          <Text size="sm" c="teal.8">
            {t('support.supported')}
          </Text>
        )}
        <Group gap="md" justify="space-between">
          <Deadline dueAt={item.dueAt} overdue={item.overdue} status={item.status} />
          <Group gap="md">
            {item.kind === 'proposal' && (
              <Text size="sm" fw={500}>
                {item.supportThreshold
                  ? t('support.progress', {
                      count: formatCount(item.supportCount),
                      threshold: formatCount(item.supportThreshold),
                    })
                  : t('list.supports', { count: formatCount(item.supportCount) })}
              </Text>
            )}
            {audience === 'officer' && item.escalations > 0 && (
              <Text size="sm" c="dimmed">
                {t('list.escalations', { count: item.escalations })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('list.sentOn', { date: formatDate(vietnamDateOf(item.createdAt)) })}
            </Text>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

/** A page of items after another ("Xem thêm"), with its loading, empty and error states. */
export function VoiceItemList({
  list,
  audience,
  label,
  empty,
}: {
  list: UseInfiniteQueryResult<InfiniteData<VoicePage>>;
  audience: VoiceListAudience;
  label: string;
  empty: ReactNode;
}) {
  const { t } = useVoiceTranslation();
  if (list.isPending) return <LoadingState />;
  if (list.isLoadingError)
    return <ErrorState message={errorMessage(list.error)} onRetry={() => void list.refetch()} />;

  const items = list.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return empty;
  return (
    <Stack gap="md" aria-busy={list.isFetching}>
      <Stack component="ul" gap="sm" p={0} m={0} aria-label={label}>
        {items.map((item) => (
          <VoiceItemCard key={item.id} item={item} audience={audience} />
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
