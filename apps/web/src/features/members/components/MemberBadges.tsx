import { Badge, Group } from '@mantine/core';
import type { MemberDto, MemberStatus } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<MemberStatus, string> = {
  active: 'green',
  suspended: 'yellow',
  left: 'gray',
  expelled: 'red',
  deceased: 'dark',
};

export function MemberStatusBadge({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="dot" color={STATUS_COLORS[status]} radius="sm" tt="none">
      {t(`memberStatus.${status}`)}
    </Badge>
  );
}

/** Status, and the standing flags beside it: honorary membership, dues exemption. */
export function MemberBadges({ member }: { member: Pick<MemberDto, 'status' | 'honorary' | 'duesExempt'> }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" component="span" wrap="wrap">
      <MemberStatusBadge status={member.status} />
      {member.honorary && (
        <Badge variant="light" color="grape" radius="sm" tt="none">
          {t('memberField.honorary')}
        </Badge>
      )}
      {member.duesExempt && (
        <Badge variant="light" color="cyan" radius="sm" tt="none">
          {t('memberField.duesExempt')}
        </Badge>
      )}
    </Group>
  );
}
