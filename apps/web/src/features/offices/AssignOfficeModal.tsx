import { Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type AccountDto, AssignOfficeBody } from '@union/contracts/accounts';
import type { UnitDto } from '@union/contracts/units';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { optional, useForm } from '../../app/use-form';
import { DateField } from '../../ui/DateField';
import { todayIsoDate } from '../../ui/dates';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { AccountPicker } from '../accounts/AccountPicker';
import { assignOffice } from './api';
import { useAssignableRoles, useOfficeMutation } from './queries';

type AssignOfficeProps = { unit: UnitDto; onClose: () => void };

function AssignOfficeForm({ unit, onClose }: AssignOfficeProps) {
  const { t } = useTranslation();
  const [account, setAccount] = useState<AccountDto | null>(null);
  const form = useForm({ role: '', termStart: todayIsoDate(), termEnd: '' });
  const assign = useOfficeMutation((body: AssignOfficeBody) => assignOffice(unit.id, body));
  const roles = useAssignableRoles(unit.type);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(AssignOfficeBody, {
      accountId: account?.id,
      role: form.values.role,
      termStart: form.values.termStart,
      termEnd: optional(form.values.termEnd),
    });
    if (!result.ok) return form.setErrors(result.errors);
    assign.mutate(result.data, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('offices.assign.done', { name: account?.fullName }),
        });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <AccountPicker
          label={t('offices.assign.account')}
          required
          value={account}
          onChange={(choice) => {
            setAccount(choice);
            form.clearError('accountId');
          }}
          error={form.errors.accountId}
        />
        <Select
          label={t('offices.assign.role')}
          placeholder={t('offices.assign.rolePlaceholder')}
          required
          data={(roles ?? []).map((role) => ({ value: role.code, label: t(`role.${role.code}`) }))}
          disabled={roles === undefined}
          value={form.values.role || null}
          onChange={(value) => form.setValue('role', value ?? '')}
          error={form.errors.role}
        />
        <Group grow gap="sm" wrap="wrap">
          <DateField label={t('offices.termStart')} required miw={150} {...form.dateField('termStart')} />
          <DateField
            label={t('offices.termEnd')}
            description={t('offices.assign.termEndHint')}
            miw={150}
            {...form.dateField('termEnd')}
          />
        </Group>
        <FormErrorAlert message={assign.error ? errorMessage(assign.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('offices.assign.submit')}
          loading={assign.isPending}
        />
      </Stack>
    </form>
  );
}

export function AssignOfficeModal({ unit, opened, onClose }: AssignOfficeProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('offices.assign.title', { unit: unit.name })}>
      <AssignOfficeForm unit={unit} onClose={onClose} />
    </Modal>
  );
}
