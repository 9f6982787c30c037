import { Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import type { MemberListItemDto } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate } from '../../../ui/dates';
import { MemberStatusBadge } from './MemberBadges';

function MemberLink({ member }: { member: MemberListItemDto }) {
  return (
    <Anchor component={Link} to={`/members/${member.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
      {member.fullName}
    </Anchor>
  );
}

/** A table on wide screens; on phones the same members as cards, since six columns cannot fit. */
export function MemberTable({ members }: { members: readonly MemberListItemDto[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Table.ScrollContainer minWidth={760} visibleFrom="md">
        <Table striped highlightOnHover verticalSpacing="xs" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('memberField.fullName')}</Table.Th>
              <Table.Th>{t('memberField.memberCode')}</Table.Th>
              <Table.Th>{t('memberField.birthDate')}</Table.Th>
              <Table.Th>{t('memberField.sex')}</Table.Th>
              <Table.Th>{t('memberField.unit')}</Table.Th>
              <Table.Th>{t('memberField.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.map((member) => (
              <Table.Tr key={member.id}>
                <Table.Td>
                  <MemberLink member={member} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{member.memberCode}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(member.birthDate)}</Table.Td>
                <Table.Td>{t(`sex.${member.sex}`)}</Table.Td>
                <Table.Td>{member.unitName}</Table.Td>
                <Table.Td>
                  <MemberStatusBadge status={member.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Stack component="ul" gap="xs" p={0} m={0} hiddenFrom="md">
        {members.map((member) => (
          <Paper key={member.id} component="li" withBorder px="sm" py="xs" style={{ listStyle: 'none' }}>
            <Stack gap={4}>
              <MemberLink member={member} />
              <Text size="xs" c="dimmed">
                {[member.memberCode, formatDate(member.birthDate), t(`sex.${member.sex}`)].join(' · ')}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {member.unitName}
              </Text>
              <div>
                <MemberStatusBadge status={member.status} />
              </div>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </>
  );
}
