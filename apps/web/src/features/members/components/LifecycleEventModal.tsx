import { Alert, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type MemberDto, RecordMemberEventBody } from '@union/contracts/members';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { todayIsoDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { recordMemberEvent } from '../api';
import { codeMessage, isDateRefusal } from '../member-errors';
import { GRAVE_EVENTS, lastEventDate, type LifecycleEventType } from '../member-events';
import { useMemberMutation } from '../queries';
import { EventDecisionFields } from './EventDecisionFields';

type LifecycleEventProps = { member: MemberDto; type: LifecycleEventType; onClose: () => void };

function LifecycleEventForm({ member, type, onClose }: LifecycleEventProps) {
  const { t } = useTranslation();
  const form = useForm({ date: todayIsoDate(), reason: '', decisionRef: '' });
  const record = useMemberMutation((body: RecordMemberEventBody) => recordMemberEvent(member.id, body));
  const grave = GRAVE_EVENTS.includes(type);
  const event = t(`memberEvent.${type}`);
  const notBefore = lastEventDate(member.history);

  const submit = (submitted: FormEvent<HTMLFormElement>) => {
    submitted.preventDefault();
    const result = validate(RecordMemberEventBody, {
      type,
      date: form.values.date,
      reason: optional(form.values.reason),
      decisionRef: optional(form.values.decisionRef),
    });
    if (!result.ok) return form.setErrors(result.errors);
    if (notBefore && result.data.date < notBefore)
      return form.setErrors({ date: codeMessage('member.event_before_last') });
    record.mutate(result.data, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('members.event.done', { event, name: member.fullName }),
        });
        onClose();
      },
      onError: (error) =>
        form.setErrors(isDateRefusal(error) ? { date: error.message } : serverFieldErrors(error)),
    });
  };

  const failure = record.error && !isDateRefusal(record.error) ? errorMessage(record.error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {grave ? (
          <Alert color="red" variant="light" p="sm">
            {t(`members.event.intro.${type}`)}
          </Alert>
        ) : (
          <Text size="sm">{t(`members.event.intro.${type}`)}</Text>
        )}
        <EventDecisionFields form={form} dateLabel={t('members.event.date')} notBefore={notBefore} />
        <FormErrorAlert message={failure} />
        <DialogActions onCancel={onClose} submitLabel={event} loading={record.isPending} danger={grave} />
      </Stack>
    </form>
  );
}

/** Open while `type` is set: the confirmation of one lifecycle event, with its date and grounds. */
export function LifecycleEventModal({
  member,
  type,
  onClose,
}: Omit<LifecycleEventProps, 'type'> & { type: LifecycleEventType | null }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={type !== null}
      onClose={onClose}
      title={type ? t('members.event.title', { event: t(`memberEvent.${type}`), name: member.fullName }) : ''}
    >
      {type && <LifecycleEventForm member={member} type={type} onClose={onClose} />}
    </Modal>
  );
}
