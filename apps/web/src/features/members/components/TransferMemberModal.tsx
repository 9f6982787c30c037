import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type MemberDto, RecordMemberEventBody } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { todayIsoDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { TransferDestinationDto } from '@union/contracts/members';
import { recordMemberEvent } from '../api';
import { codeMessage, isDateRefusal } from '../member-errors';
import { lastEventDate } from '../member-events';
import { useMemberMutation } from '../queries';
import { EventDecisionFields } from './EventDecisionFields';
import { TransferDestinationPicker } from './TransferDestinationPicker';

type TransferMemberProps = { member: MemberDto; onClose: () => void };

function TransferMemberForm({ member, onClose }: TransferMemberProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [destination, setDestination] = useState<TransferDestinationDto | null>(null);
  const form = useForm({ date: todayIsoDate(), reason: '', decisionRef: '' });
  const notBefore = lastEventDate(member.history);
  const transfer = useMemberMutation((body: RecordMemberEventBody) => recordMemberEvent(member.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(RecordMemberEventBody, {
      type: 'transfer',
      toUnitId: destination?.id,
      date: form.values.date,
      reason: optional(form.values.reason),
    });
    const errors = result.ok ? {} : result.errors;
    if (result.ok && notBefore && result.data.date < notBefore)
      errors.date = codeMessage('member.event_before_last');
    if (!destination) errors.toUnitId = t('validation.required');
    else if (destination.id === member.unitId) errors.toUnitId = codeMessage('member.transfer_same_unit');
    if (!result.ok || !destination || errors.toUnitId || errors.date) return form.setErrors(errors);
    const unit = destination.name;
    transfer.mutate(result.data, {
      onSuccess: (outcome) => {
        onClose();
        if (!outcome.completed) {
          notifications.show({
            color: 'blue',
            title: t('members.transfer.waitingTitle'),
            message: t('members.transfer.waiting', { unit }),
            autoClose: 10_000,
          });
          return;
        }
        notifications.show({
          color: 'green',
          message: t('members.transfer.done', { name: member.fullName, unit }),
        });
        // Moved beyond the user's units, the record is no longer theirs to open.
        if (!outcome.member) void navigate('/members', { replace: true });
      },
      onError: (error) =>
        form.setErrors(isDateRefusal(error) ? { date: error.message } : serverFieldErrors(error)),
    });
  };

  const failure = transfer.error && !isDateRefusal(transfer.error) ? errorMessage(transfer.error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('members.transfer.intro')}</Text>
        <TransferDestinationPicker
          label={t('members.transfer.destination')}
          required
          value={destination}
          onChange={(choice) => {
            setDestination(choice);
            form.clearError('toUnitId');
          }}
          error={form.errors.toUnitId}
        />
        <EventDecisionFields
          form={form}
          dateLabel={t('members.transfer.date')}
          notBefore={notBefore}
          withDecision={false}
        />
        <FormErrorAlert message={failure} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('members.transfer.submit')}
          loading={transfer.isPending}
        />
      </Stack>
    </form>
  );
}

export function TransferMemberModal({ member, opened, onClose }: TransferMemberProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('members.transfer.title', { name: member.fullName })}>
      {opened && <TransferMemberForm member={member} onClose={onClose} />}
    </Modal>
  );
}
