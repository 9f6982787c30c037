import { Text, Timeline } from '@mantine/core';
import {
  IconAlertTriangle,
  IconArrowsTransferUp,
  IconAward,
  IconCirclePlus,
  IconCoin,
  IconEdit,
  IconFlower,
  IconPlayerPause,
  IconPlayerPlay,
  IconRefresh,
  IconUserMinus,
} from '@tabler/icons-react';
import type { MemberEventDto, MemberEventType } from '@union/contracts/members';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../ui/dates';
import { EmptyMessage } from '../../../ui/states';
import { CorrectionChanges } from './CorrectionChanges';

const EVENT_ICONS: Record<MemberEventType, ReactNode> = {
  admit: <IconCirclePlus size={14} />,
  readmit: <IconCirclePlus size={14} />,
  transfer: <IconArrowsTransferUp size={14} />,
  suspend: <IconPlayerPause size={14} />,
  resume: <IconPlayerPlay size={14} />,
  exemption_start: <IconCoin size={14} />,
  exemption_end: <IconCoin size={14} />,
  leave: <IconUserMinus size={14} />,
  expel: <IconAlertTriangle size={14} />,
  reinstate: <IconRefresh size={14} />,
  honorary_grant: <IconAward size={14} />,
  honorary_revoke: <IconAward size={14} />,
  death: <IconFlower size={14} />,
  record_corrected: <IconEdit size={14} />,
};

function EventDetails({ event }: { event: MemberEventDto }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (event.type === 'transfer' && event.toUnitName)
    lines.push(t('members.history.transfer', { from: event.unitName ?? '', to: event.toUnitName }));
  else if ((event.type === 'admit' || event.type === 'readmit') && event.unitName)
    lines.push(t('members.history.at', { unit: event.unitName }));
  if (event.applicationDate)
    lines.push(t('members.history.applicationDate', { date: formatDate(event.applicationDate) }));
  if (event.reason) lines.push(t('members.history.reason', { reason: event.reason }));
  if (event.decisionRef) lines.push(t('members.history.decision', { ref: event.decisionRef }));

  return (
    <>
      {lines.map((line) => (
        <Text key={line} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {line}
        </Text>
      ))}
      {event.changes && <CorrectionChanges changes={event.changes} />}
    </>
  );
}

/** The membership history, newest first: what happened, when it took effect, who recorded it. */
export function MemberTimeline({ history }: { history: readonly MemberEventDto[] }) {
  const { t } = useTranslation();
  if (history.length === 0) return <EmptyMessage title={t('members.history.empty')} />;
  const newestFirst = [...history].reverse();

  return (
    <Timeline bulletSize={24} lineWidth={2} active={newestFirst.length}>
      {newestFirst.map((event) => (
        <Timeline.Item
          key={event.id}
          bullet={EVENT_ICONS[event.type]}
          title={
            <Text fw={600} size="sm">
              {t(`memberEvent.${event.type}`)} · {formatDate(event.effectiveOn)}
            </Text>
          }
        >
          <EventDetails event={event} />
          <Text size="xs" c="dimmed" mt={4}>
            {event.recordedByName
              ? t('members.history.recordedBy', {
                  at: formatDateTime(event.recordedAt),
                  name: event.recordedByName,
                })
              : t('members.history.recordedAt', { at: formatDateTime(event.recordedAt) })}
          </Text>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
