import { Modal, Select, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  CHILD_TYPES,
  CreateUnitBody,
  type UnitDto,
  UNIT_CODE_MAX,
  UNIT_NAME_MAX,
} from '@union/contracts/units';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { DialogActions } from '../../../ui/DialogActions';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { createUnit } from '../api';
import { useUnitMutation } from '../queries';

type CreateUnitProps = { parent: UnitDto; onClose: () => void };

function CreateUnitForm({ parent, onClose }: CreateUnitProps) {
  const { t } = useTranslation();
  const childTypes = CHILD_TYPES[parent.type];
  const form = useForm({ type: childTypes[0] ?? '', name: '', code: '', establishedOn: '' });
  const create = useUnitMutation(createUnit);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { type, name, code, establishedOn } = form.values;
    const result = validate(
      CreateUnitBody,
      { parentId: parent.id, type, name, code: optional(code), establishedOn: optional(establishedOn) },
      { code: t('units.form.codeHint') },
    );
    if (!result.ok) return form.setErrors(result.errors);
    create.mutate(result.data, {
      onSuccess: (unit) => {
        notifications.show({ color: 'green', message: t('units.create.done', { name: unit.name }) });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Select
          label={t('units.form.type')}
          required
          allowDeselect={false}
          data={childTypes.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
          value={form.values.type}
          onChange={(value) => form.setValue('type', value ?? '')}
          error={form.errors.type}
        />
        <TextInput label={t('units.form.name')} required maxLength={UNIT_NAME_MAX} {...form.field('name')} />
        <TextInput
          label={t('units.form.code')}
          description={t('units.form.codeHint')}
          maxLength={UNIT_CODE_MAX}
          {...form.field('code')}
        />
        <DateField
          label={t('units.form.establishedOn')}
          description={t('units.form.establishedOnHint')}
          maxDate={todayIsoDate()}
          {...form.dateField('establishedOn')}
        />
        <FormErrorAlert message={create.error ? errorMessage(create.error) : undefined} />
        <DialogActions onCancel={onClose} submitLabel={t('units.create.submit')} loading={create.isPending} />
      </Stack>
    </form>
  );
}

export function CreateUnitModal({ parent, opened, onClose }: CreateUnitProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.create.title', { parent: parent.name })}>
      <CreateUnitForm parent={parent} onClose={onClose} />
    </Modal>
  );
}
