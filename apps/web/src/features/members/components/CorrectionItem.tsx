import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { CorrectionDto, DecideCorrectionBody } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../ui/dates';
import type { CorrectionStatus } from '../api';
import { CorrectionChanges } from './CorrectionChanges';

const STATUS_COLORS: Record<CorrectionStatus, string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'red',
};

export function CorrectionStatusBadge({ status }: { status: CorrectionStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status]} radius="sm" tt="none">
      {t(`members.corrections.statuses.${status}`)}
    </Badge>
  );
}

/** One request: who asks, what would change (old → new), and, while it waits, the decision buttons. */
export function CorrectionItem({
  correction,
  linkToMember = true,
  onDecide,
}: {
  correction: CorrectionDto;
  linkToMember?: boolean;
  onDecide?: (decision: DecideCorrectionBody['decision']) => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          {linkToMember ? (
            <Anchor component={Link} to={`/members/${correction.memberId}`} fw={600}>
              {correction.fullName}
            </Anchor>
          ) : (
            <Text fw={600}>
              {t('members.corrections.requestedAt', { at: formatDateTime(correction.requestedAt) })}
            </Text>
          )}
          <CorrectionStatusBadge status={correction.status} />
        </Group>
        {linkToMember && (
          <Text size="xs" c="dimmed">
            {[
              correction.memberCode,
              correction.unitName,
              t('members.corrections.requestedAt', { at: formatDateTime(correction.requestedAt) }),
            ].join(' · ')}
          </Text>
        )}
        <CorrectionChanges changes={correction.changes} />
        {correction.note && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('members.corrections.note', { note: correction.note })}
          </Text>
        )}
        {correction.decidedAt && (
          <Text size="xs" c="dimmed">
            {t('members.corrections.decidedAt', { at: formatDateTime(correction.decidedAt) })}
          </Text>
        )}
        {correction.decisionReason && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('members.corrections.decisionReason', { reason: correction.decisionReason })}
          </Text>
        )}
        {onDecide && correction.status === 'pending' && (
          <Group gap="xs" mt={4}>
            <Button size="xs" onClick={() => onDecide('approve')}>
              {t('members.corrections.approve')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => onDecide('reject')}>
              {t('members.corrections.reject')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
