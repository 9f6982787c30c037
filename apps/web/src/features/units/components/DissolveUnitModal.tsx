import { Alert, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { DissolveUnitBody, type UnitDto } from '@union/contracts/units';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { todayIsoDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { dissolveUnit } from '../api';
import { DialogActions } from '../../../ui/DialogActions';
import { DecisionFields } from './DecisionFields';
import { useUnitMutation } from '../queries';

type DissolveUnitProps = { unit: UnitDto; onClose: () => void };

function DissolveUnitForm({ unit, onClose }: DissolveUnitProps) {
  const { t } = useTranslation();
  const form = useForm({ effectiveOn: todayIsoDate(), reason: '' });
  const dissolve = useUnitMutation((body: DissolveUnitBody) => dissolveUnit(unit.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(DissolveUnitBody, {
      effectiveOn: form.values.effectiveOn,
      reason: optional(form.values.reason),
    });
    if (!result.ok) return form.setErrors(result.errors);
    dissolve.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('units.dissolve.done', { name: unit.name }) });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('units.dissolve.warning')}
        </Alert>
        <DecisionFields form={form} notBefore={unit.establishedOn} />
        <FormErrorAlert message={dissolve.error ? errorMessage(dissolve.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('units.dissolve.submit')}
          loading={dissolve.isPending}
          danger
        />
      </Stack>
    </form>
  );
}

export function DissolveUnitModal({ unit, opened, onClose }: DissolveUnitProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.dissolve.title', { name: unit.name })}>
      <DissolveUnitForm unit={unit} onClose={onClose} />
    </Modal>
  );
}
