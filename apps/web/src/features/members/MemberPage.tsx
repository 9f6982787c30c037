import {
  Alert,
  Anchor,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconArrowsTransferUp,
  IconChevronDown,
  IconCircleCheck,
  IconEdit,
  IconInfoCircle,
  IconKey,
} from '@tabler/icons-react';
import { CURRENT_STATUSES, MemberAccountBody, type MemberDto } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../ui/states';
import { useCan } from '../auth/session';
import { MemberCardsPanel } from '../cards/officer/MemberCardsPanel';
import { EnterVoiceButton } from '../voice/components/EnterVoiceButton';
import { BackLink } from './components/BackLink';
import { LifecycleEventModal } from './components/LifecycleEventModal';
import { MemberBadges } from './components/MemberBadges';
import { MemberDetails } from './components/MemberDetails';
import { MemberTimeline } from './components/MemberTimeline';
import { TransferMemberModal } from './components/TransferMemberModal';
import { createMemberAccount } from './api';
import { availableEvents, GRAVE_EVENTS, type LifecycleEventType } from './member-events';
import { formatPhone } from './member-values';
import { useMember, useMemberMutation } from './queries';

/** A current member with a mobile number and no account yet, whose record the caller may change. */
const mayCreateAccount = (member: MemberDto) =>
  member.can.update &&
  member.phone !== null &&
  !member.hasAccount &&
  (CURRENT_STATUSES as readonly string[]).includes(member.status);

function CreateAccountForm({ member, onClose }: { member: MemberDto; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ password: '' });
  const create = useMemberMutation((body: MemberAccountBody) => createMemberAccount(member.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(MemberAccountBody, { password: form.values.password });
    if (!result.ok) return form.setErrors(result.errors);
    create.mutate(result.data, { onError: (error) => form.setErrors(serverFieldErrors(error)) });
  };

  if (create.data) {
    return (
      <Stack gap="md">
        <Alert color="green" icon={<IconCircleCheck size={20} />} role="status">
          {t('members.account.done')}
        </Alert>
        <div>
          <Text size="sm" c="dimmed">
            {t('members.account.login')}
          </Text>
          <Text fw={700} size="xl">
            {create.data.login}
          </Text>
        </div>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('members.account.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('members.account.intro', { phone: formatPhone(member.phone ?? '') })}</Text>
        <PasswordInput
          label={t('members.account.password')}
          description={t('members.account.passwordHint')}
          autoComplete="new-password"
          required
          autoFocus
          {...form.field('password')}
        />
        <FormErrorAlert message={create.error ? errorMessage(create.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('members.account.submit')}
          loading={create.isPending}
        />
      </Stack>
    </form>
  );
}

/** Sets up sign-in for a member who needs help, then shows the login to hand over. */
function CreateAccountModal({
  member,
  opened,
  onClose,
}: {
  member: MemberDto;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.account.title', { name: member.fullName })}>
      {/* Mounted only while open: a new opening starts with an empty form. */}
      {opened && <CreateAccountForm member={member} onClose={onClose} />}
    </Modal>
  );
}

function MemberActions({ member }: { member: MemberDto }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState<LifecycleEventType | null>(null);
  const [transferOpened, transferModal] = useDisclosure(false);
  const [accountOpened, accountModal] = useDisclosure(false);
  const events = member.can.recordEvents ? availableEvents(member) : [];
  const canCreateAccount = mayCreateAccount(member);
  const hasMenu = events.length > 0 || member.can.transfer || canCreateAccount;
  const canEnterVoice = useCan('voice.enter');

  return (
    <>
      {canEnterVoice && <EnterVoiceButton memberId={member.id} />}
      {member.can.update && (
        <Button
          component={Link}
          to={`/members/${member.id}/edit`}
          variant="default"
          leftSection={<IconEdit size={18} />}
        >
          {t('members.profile.edit')}
        </Button>
      )}
      {hasMenu && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <Button rightSection={<IconChevronDown size={14} />}>{t('members.profile.actions')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            {canCreateAccount && (
              <Menu.Item leftSection={<IconKey size={16} />} onClick={accountModal.open}>
                {t('members.account.action')}
              </Menu.Item>
            )}
            {canCreateAccount && (member.can.transfer || events.length > 0) && <Menu.Divider />}
            {member.can.transfer && (
              <Menu.Item leftSection={<IconArrowsTransferUp size={16} />} onClick={transferModal.open}>
                {t('memberEvent.transfer')}
              </Menu.Item>
            )}
            {member.can.transfer && events.length > 0 && <Menu.Divider />}
            {events.map((type) => (
              <Menu.Item
                key={type}
                color={GRAVE_EVENTS.includes(type) ? 'red' : undefined}
                onClick={() => setEvent(type)}
              >
                {t(`memberEvent.${type}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      )}
      {/* Mounted whatever the record now allows: an event changes `can` as the record refreshes, and
          the dialog must outlive that to close. Closed, they render nothing. */}
      <LifecycleEventModal member={member} type={event} onClose={() => setEvent(null)} />
      <TransferMemberModal member={member} opened={transferOpened} onClose={transferModal.close} />
      <CreateAccountModal member={member} opened={accountOpened} onClose={accountModal.close} />
    </>
  );
}

function MemberNotFound() {
  const { t } = useTranslation();
  return (
    <EmptyMessage title={t('members.profile.notFound')} description={t('members.profile.notFoundHint')} />
  );
}

function MemberView({ memberId }: { memberId: number }) {
  const { t } = useTranslation();
  const member = useMember(memberId);

  // Out-of-scope members answer 404 like missing ones; the page cannot tell them apart either.
  if (member.error instanceof ApiError && member.error.status === 404) return <MemberNotFound />;
  if (member.isPending) return <LoadingState />;
  if (member.isError)
    return <ErrorState message={errorMessage(member.error)} onRetry={() => void member.refetch()} />;

  const current = member.data;
  return (
    <>
      <PageHeader
        above={<BackLink to="/members" label={t('members.profile.back')} />}
        title={current.fullName}
        description={
          <Stack gap={6} component="span">
            <Text span size="sm" c="dimmed">
              {current.memberCode} · {current.grassrootsUnitName}
            </Text>
            <MemberBadges member={current} />
          </Stack>
        }
        actions={<MemberActions member={current} />}
      />
      <Stack gap="md">
        {current.pendingTransferId !== null && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} role="status">
            {t('members.profile.pendingTransfer')}{' '}
            <Anchor component={Link} to="/members/transfers?direction=outgoing" size="sm">
              {t('members.profile.pendingTransferLink')}
            </Anchor>
          </Alert>
        )}
        <MemberDetails member={current} />
        <MemberCardsPanel member={current} />
        <Paper withBorder p="md" component="section" aria-labelledby="member-history">
          <Title order={2} size="h4" mb="md" id="member-history">
            {t('members.profile.history')}
          </Title>
          <MemberTimeline history={current.history} />
        </Paper>
      </Stack>
    </>
  );
}

export function MemberPage() {
  const memberId = Number(useParams().memberId);
  if (!Number.isSafeInteger(memberId) || memberId <= 0) return <MemberNotFound />;
  // Keyed by id so that open dialogs and drafts never carry over to another member.
  return <MemberView key={memberId} memberId={memberId} />;
}
