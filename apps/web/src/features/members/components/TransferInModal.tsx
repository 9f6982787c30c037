import { Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REASON_MAX, RequestTransferInBody } from '@union/contracts/members';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { type UnitChoice, UnitPicker } from '../../units/components/UnitPicker';
import { requestTransferIn } from '../api';
import { isDateRefusal } from '../member-errors';
import { holdsMembers, useOfficeUnits } from '../member-units';
import { useMemberMutation } from '../queries';

type TransferInProps = {
  onClose: () => void;
  /** From a refused admission: the citizen ID already held elsewhere, and the unit the member was meant for. */
  citizenId?: string;
  unit?: UnitChoice | null;
};

function TransferInForm({ onClose, citizenId = '', unit: initialUnit = null }: TransferInProps) {
  const { t } = useTranslation();
  const officeUnits = useOfficeUnits(true);
  const [unit, setUnit] = useState<UnitChoice | null>(initialUnit ?? officeUnits[0] ?? null);
  const form = useForm({ citizenId, memberCode: '', date: todayIsoDate(), reason: '' });
  const request = useMemberMutation(requestTransferIn);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(RequestTransferInBody, {
      citizenId: form.values.citizenId.replace(/\s/g, ''),
      memberCode: form.values.memberCode,
      toUnitId: unit?.id,
      date: form.values.date,
      reason: optional(form.values.reason),
    });
    if (!result.ok) return form.setErrors(result.errors);
    const unitName = unit?.name ?? '';
    request.mutate(result.data, {
      onSuccess: (outcome) => {
        notifications.show(
          outcome.completed
            ? { color: 'green', message: t('members.transfers.transferInDone', { unit: unitName }) }
            : {
                color: 'blue',
                title: t('members.transfer.waitingTitle'),
                message: t('members.transfers.transferInWaiting', { unit: unitName }),
                autoClose: 10_000,
              },
        );
        onClose();
      },
      onError: (error) =>
        form.setErrors(isDateRefusal(error) ? { date: error.message } : serverFieldErrors(error)),
    });
  };

  const failure = request.error && !isDateRefusal(request.error) ? errorMessage(request.error) : undefined;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">{t('members.transfers.transferInIntro')}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('memberField.citizenId')}
            required
            inputMode="numeric"
            maxLength={14}
            autoComplete="off"
            {...form.field('citizenId')}
          />
          <TextInput
            label={t('memberField.memberCode')}
            description={t('members.transfers.memberCodeHint')}
            placeholder="DV0000000000"
            required
            maxLength={12}
            autoComplete="off"
            {...form.field('memberCode')}
            onChange={(event) => form.setValue('memberCode', event.currentTarget.value.toUpperCase())}
          />
        </SimpleGrid>
        <UnitPicker
          label={t('members.transfers.toUnit')}
          required
          value={unit}
          onChange={(choice) => {
            setUnit(choice);
            form.clearError('toUnitId');
          }}
          suggestions={officeUnits}
          accepts={holdsMembers}
          error={form.errors.toUnitId}
        />
        <DateField
          label={t('members.transfers.date')}
          required
          maxDate={todayIsoDate()}
          {...form.dateField('date')}
        />
        <Textarea
          label={t('members.event.reason')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          {...form.field('reason')}
        />
        <FormErrorAlert message={failure} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('members.transfers.transferInSubmit')}
          loading={request.isPending}
        />
      </Stack>
    </form>
  );
}

/** "Tiếp nhận đoàn viên chuyển đến": the member shows their card, the receiving union asks for them. */
export function TransferInModal({ opened, ...props }: TransferInProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={props.onClose} title={t('members.transfers.transferInTitle')}>
      {opened && <TransferInForm {...props} />}
    </Modal>
  );
}
