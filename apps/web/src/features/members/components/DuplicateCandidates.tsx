import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicateCheckDto } from '@union/contracts/members';
import { MemberStatusBadge } from './MemberBadges';

/** Current members with the same name and birth date: linked where the user may open them, counted elsewhere. */
export function DuplicateCandidateList({ found }: { found: DuplicateCheckDto }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {found.candidates.length > 0 && (
        <>
          <Text size="sm">{t('members.admit.duplicatesHint')}</Text>
          <List size="sm" spacing={6}>
            {found.candidates.map((candidate) => (
              <List.Item key={candidate.id}>
                <Anchor component={Link} to={`/members/${candidate.id}`} target="_blank" size="sm" fw={500}>
                  {candidate.fullName}
                </Anchor>{' '}
                <Text span size="xs" c="dimmed">
                  {t('members.admit.duplicateItem', { code: candidate.memberCode, unit: candidate.unitName })}
                </Text>{' '}
                <MemberStatusBadge status={candidate.status} />
              </List.Item>
            ))}
          </List>
        </>
      )}
      {found.elsewhere > 0 && (
        <Text size="sm">{t('members.admit.duplicatesElsewhere', { count: found.elsewhere })}</Text>
      )}
    </Stack>
  );
}

/** Said while the officer types, before anything is saved. */
export function DuplicateWarning({ found }: { found: DuplicateCheckDto | undefined }) {
  const { t } = useTranslation();
  if (!found || found.candidates.length + found.elsewhere === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={t('members.admit.duplicatesFound')}
      role="status"
      p="sm"
    >
      <DuplicateCandidateList found={found} />
    </Alert>
  );
}
