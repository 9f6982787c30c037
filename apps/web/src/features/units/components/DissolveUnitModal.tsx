import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
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
import { dissolveUnit, REASON_MAX } from '../api';
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
        <TextInput type="date" label={t('units.form.effectiveOn')} required {...form.field('effectiveOn')} />
        <Textarea
          label={t('units.form.reason')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          {...form.field('reason')}
        />
        <FormErrorAlert message={dissolve.error ? errorMessage(dissolve.error) : undefined} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red" loading={dissolve.isPending}>
            {t('units.dissolve.submit')}
          </Button>
        </Group>
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
