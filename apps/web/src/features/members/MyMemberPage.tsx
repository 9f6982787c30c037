import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { CURRENT_STATUSES } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { CorrectionItem } from './components/CorrectionItem';
import { CorrectionRequestModal } from './components/CorrectionRequestModal';
import { MemberBadges } from './components/MemberBadges';
import { MemberDetails } from './components/MemberDetails';
import { MemberTimeline } from './components/MemberTimeline';
import { useOwnMember } from './queries';

/** The signed-in member's own record and history, and the corrections they asked for. */
export function MyMemberPage() {
  const { t } = useTranslation();
  const own = useOwnMember();
  const [correctionOpened, correctionModal] = useDisclosure(false);

  if (own.isPending) return <LoadingState />;
  if (own.isError) return <ErrorState message={errorMessage(own.error)} onRetry={() => void own.refetch()} />;
  if (own.data === null)
    return (
      <>
        <PageHeader title={t('members.own.title')} />
        <EmptyMessage title={t('members.own.noRecord')} description={t('members.own.noRecordHint')} />
      </>
    );

  const { member, corrections } = own.data;
  const pending = corrections.some((correction) => correction.status === 'pending');
  const current = CURRENT_STATUSES.includes(member.status);

  return (
    <>
      <PageHeader
        title={t('members.own.title')}
        description={
          <Stack gap={6} component="span">
            <Text span size="sm" c="dimmed">
              {member.fullName} · {member.memberCode} · {member.grassrootsUnitName}
            </Text>
            <MemberBadges member={member} />
          </Stack>
        }
        actions={
          current &&
          !pending && (
            <Button leftSection={<IconEdit size={18} />} onClick={correctionModal.open}>
              {t('members.own.requestCorrection')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('members.own.intro')}
        </Text>
        {(pending || !current) && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} role="status">
            {pending ? t('members.own.pending') : t('members.own.notCurrent')}
          </Alert>
        )}
        <MemberDetails member={member} />
        <Paper withBorder p="md" component="section" aria-labelledby="own-history">
          <Title order={2} size="h4" mb="md" id="own-history">
            {t('members.profile.history')}
          </Title>
          <MemberTimeline history={member.history} />
        </Paper>
        {corrections.length > 0 && (
          <section aria-labelledby="own-corrections">
            <Title order={2} size="h4" mb="sm" id="own-corrections">
              {t('members.own.myCorrections')}
            </Title>
            <Stack component="ul" gap="xs" p={0} m={0}>
              {corrections.map((correction) => (
                <CorrectionItem key={correction.id} correction={correction} linkToMember={false} />
              ))}
            </Stack>
          </section>
        )}
      </Stack>
      <CorrectionRequestModal member={member} opened={correctionOpened} onClose={correctionModal.close} />
    </>
  );
}
