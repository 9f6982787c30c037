import { Text, Timeline } from '@mantine/core';
import {
  IconArrowsTransferUp,
  IconCirclePlus,
  IconEdit,
  IconGitMerge,
  IconSitemap,
  IconX,
} from '@tabler/icons-react';
import type { UnitEventDto, UnitEventType } from '@union/contracts/units';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { formatDate, formatDateTime } from '../../../ui/dates';
import { EmptyMessage, ErrorState, LoadingState } from '../../../ui/states';
import { useUnitHistory } from '../queries';

const EVENT_ICONS: Record<UnitEventType, ReactNode> = {
  established: <IconCirclePlus size={14} />,
  moved: <IconArrowsTransferUp size={14} />,
  merged: <IconGitMerge size={14} />,
  absorbed: <IconGitMerge size={14} />,
  dissolved: <IconX size={14} />,
  renamed: <IconEdit size={14} />,
  managing_changed: <IconSitemap size={14} />,
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What changed, in words, from the event's details: where a unit went, what it merged with. */
function useEventSummary() {
  const { t } = useTranslation();
  return (event: UnitEventDto): string | null => {
    const { details } = event;
    switch (event.type) {
      case 'moved':
        return t('units.history.moved', {
          from: text(details.fromParentName),
          to: text(details.toParentName),
        });
      case 'merged':
        return t('units.history.merged', { name: text(details.intoUnitName) });
      case 'absorbed':
        return t('units.history.absorbed', { name: text(details.unitName) });
      case 'renamed':
        return t('units.history.renamed', { from: text(details.from) });
      default:
        return null;
    }
  };
}

export function UnitHistoryPanel({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const history = useUnitHistory(unitId);
  const summarise = useEventSummary();

  if (history.isPending) return <LoadingState />;
  if (history.isError)
    return <ErrorState message={errorMessage(history.error)} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <EmptyMessage title={t('units.history.empty')} />;

  return (
    <Timeline bulletSize={24} lineWidth={2} active={history.data.length}>
      {history.data.map((event) => (
        <Timeline.Item
          key={event.id}
          bullet={EVENT_ICONS[event.type]}
          title={
            <Text fw={600} size="sm">
              {t(`unitEvent.${event.type}`)} · {formatDate(event.effectiveOn)}
            </Text>
          }
        >
          {summarise(event) && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {summarise(event)}
            </Text>
          )}
          {event.reason && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('units.history.reason', { reason: event.reason })}
            </Text>
          )}
          <Text size="xs" c="dimmed" mt={4}>
            {event.recordedByName
              ? t('units.history.recordedBy', {
                  at: formatDateTime(event.recordedAt),
                  name: event.recordedByName,
                })
              : t('units.history.recordedAt', { at: formatDateTime(event.recordedAt) })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
