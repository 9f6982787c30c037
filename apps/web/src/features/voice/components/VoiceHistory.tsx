import { Badge, Group, Text, Timeline } from '@mantine/core';
import {
  IconAlarm,
  IconArrowBackUp,
  IconArrowRight,
  IconArrowUp,
  IconCircleCheck,
  IconLock,
  IconMessageCircle,
  IconNote,
  IconProgress,
  IconSend,
  IconStar,
  IconTag,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { VoiceEventDto, VoiceEventKind } from '@union/contracts/voice';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../ui/dates';
import { EmptyMessage } from '../../../ui/states';
import { useVoiceTranslation } from '../voice-i18n';
import classes from './VoiceItem.module.css';

const EVENT_ICONS: Record<VoiceEventKind, ReactNode> = {
  submitted: <IconSend size={14} />,
  status_changed: <IconProgress size={14} />,
  note: <IconNote size={14} />,
  answered: <IconMessageCircle size={14} />,
  escalated: <IconArrowUp size={14} />,
  passed_on: <IconArrowRight size={14} />,
  auto_escalated: <IconAlarm size={14} />,
  recategorised: <IconTag size={14} />,
  rated: <IconStar size={14} />,
  reopened: <IconArrowBackUp size={14} />,
  closed: <IconLock size={14} />,
  support_threshold_reached: <IconUsersGroup size={14} />,
};

function EventDetails({ event }: { event: VoiceEventDto }) {
  const { t } = useVoiceTranslation();
  const moved =
    event.fromUnit && event.toUnit
      ? t('item.moved', { from: event.fromUnit.name, to: event.toUnit.name })
      : event.toUnit
        ? t('item.movedTo', { to: event.toUnit.name })
        : null;
  return (
    <>
      {moved && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {moved}
        </Text>
      )}
      {event.text && (
        <Text size="sm" className={classes.userText}>
          {event.text}
        </Text>
      )}
    </>
  );
}

/**
 * What happened to the item, in order. Officers also see internal notes, marked; the server never
 * sends them to the member.
 */
export function VoiceHistory({ history }: { history: readonly VoiceEventDto[] }) {
  const { t } = useVoiceTranslation();
  if (history.length === 0) return <EmptyMessage title={t('item.historyEmpty')} />;
  return (
    <Timeline bulletSize={24} lineWidth={2} active={history.length}>
      {history.map((event) => (
        <Timeline.Item
          key={event.id}
          bullet={event.kind === 'answered' ? <IconCircleCheck size={14} /> : EVENT_ICONS[event.kind]}
          color={event.internal ? 'yellow' : event.kind === 'auto_escalated' ? 'red' : undefined}
          title={
            <Group gap={6}>
              <Text fw={600} size="sm">
                {t(`event.${event.kind}`)}
              </Text>
              {event.internal && (
                <Badge size="xs" color="yellow" variant="light" radius="sm" tt="none">
                  {t('item.internal')}
                </Badge>
              )}
            </Group>
          }
          className={event.internal ? classes.internalEvent : undefined}
        >
          <EventDetails event={event} />
          <Text size="xs" c="dimmed" mt={4}>
            {formatDateTime(event.at)}
            {event.actorName ? ` · ${t('item.by', { name: event.actorName })}` : ''}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
