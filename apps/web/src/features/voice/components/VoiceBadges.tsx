import { Badge, Text } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import type { SurveyStatus, VoiceCategory, VoiceKind, VoiceStatus } from '@union/contracts/voice';
import { formatDate } from '../../../ui/dates';
import { useVoiceTranslation } from '../voice-i18n';
import { daysLate, vietnamDateOf } from '../voice-deadlines';
import { KIND_COLORS, STATUS_COLORS, SURVEY_STATUS_COLORS } from '../voice-labels';

export function StatusBadge({ status }: { status: VoiceStatus }) {
  const { t } = useVoiceTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function KindBadge({ kind }: { kind: VoiceKind }) {
  const { t } = useVoiceTranslation();
  return (
    <Badge color={KIND_COLORS[kind]} variant="outline" radius="sm" tt="none">
      {t(`kind.${kind}`)}
    </Badge>
  );
}

export function CategoryBadge({ category }: { category: VoiceCategory }) {
  const { t } = useVoiceTranslation();
  return (
    <Badge color="gray" variant="light" radius="sm" tt="none" style={{ maxWidth: '100%' }}>
      {t(`category.${category}`)}
    </Badge>
  );
}

export function SurveyStatusBadge({ status }: { status: SurveyStatus }) {
  const { t } = useVoiceTranslation();
  return (
    <Badge color={SURVEY_STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`surveys.status.${status}`)}
    </Badge>
  );
}

/** The deadline of an open item; in red, with the days late, once it has passed. */
export function Deadline({
  dueAt,
  overdue,
  status,
}: {
  dueAt: string;
  overdue: boolean;
  status: VoiceStatus;
}) {
  const { t } = useVoiceTranslation();
  // Answered and closed items have no deadline left to meet.
  if (status === 'answered' || status === 'closed') return null;
  const date = formatDate(vietnamDateOf(dueAt));
  if (!overdue)
    return (
      <Text size="sm" c="dimmed">
        {t('deadline.due', { date })}
      </Text>
    );
  const days = daysLate(dueAt);
  return (
    <Text size="sm" c="red.8" fw={600} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
      <IconAlarm size={16} aria-hidden />
      {days > 0 ? t('deadline.overdue', { days, date }) : t('deadline.overdueToday', { date })}
    </Text>
  );
}
