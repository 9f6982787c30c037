import { Modal, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type UnitDto, UNIT_CODE_MAX, UNIT_NAME_MAX, UpdateUnitBody } from '@union/contracts/units';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { useForm } from '../../../app/use-form';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { updateUnit } from '../api';
import { useUnitMutation } from '../queries';

type EditUnitProps = { unit: UnitDto; onClose: () => void };

function EditUnitForm({ unit, onClose }: EditUnitProps) {
  const { t } = useTranslation();
  const form = useForm({ name: unit.name, code: unit.code });
  const update = useUnitMutation((body: UpdateUnitBody) => updateUnit(unit.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Only what changed is sent: the server records a rename as a dated event.
    const changes = {
      name: form.values.name.trim() === unit.name ? undefined : form.values.name,
      code: form.values.code.trim().toUpperCase() === unit.code ? undefined : form.values.code,
    };
    if (changes.name === undefined && changes.code === undefined) return onClose();
    const result = validate(UpdateUnitBody, changes, { code: t('units.form.codeHint') });
    if (!result.ok) return form.setErrors(result.errors);
    update.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('units.edit.done') });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput label={t('units.form.name')} required maxLength={UNIT_NAME_MAX} {...form.field('name')} />
        <TextInput
          label={t('units.form.code')}
          description={t('units.form.codeHint')}
          maxLength={UNIT_CODE_MAX}
          {...form.field('code')}
        />
        <FormErrorAlert message={update.error ? errorMessage(update.error) : undefined} />
        <DialogActions onCancel={onClose} submitLabel={t('common.save')} loading={update.isPending} />
      </Stack>
    </form>
  );
}

export function EditUnitModal({ unit, opened, onClose }: EditUnitProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.edit.title')}>
      <EditUnitForm unit={unit} onClose={onClose} />
    </Modal>
  );
}
