import { Alert, Modal, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitMerge } from '@tabler/icons-react';
import { CHILD_TYPES, MergeUnitBody, type UnitDto } from '@union/contracts/units';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { todayIsoDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { mergeUnit } from '../api';
import { DialogActions } from '../../../ui/DialogActions';
import { DecisionFields } from './DecisionFields';
import { useUnitMutation } from '../queries';
import { type UnitChoice, UnitPicker } from './UnitPicker';

type MergeUnitProps = { unit: UnitDto; onClose: () => void };

function MergeUnitForm({ unit, onClose }: MergeUnitProps) {
  const { t } = useTranslation();
  const today = todayIsoDate();
  const [target, setTarget] = useState<UnitChoice | null>(null);
  const form = useForm({ effectiveOn: today, reason: '' });
  // Success refreshes every unit query: this unit, its old parent's children and the target's.
  const merge = useUnitMutation((body: MergeUnitBody) => mergeUnit(unit.id, body));

  // The target must be open and outside this unit's subtree; one that can hold nothing cannot take its
  // sub-units. Finer type checks on the actual sub-units are the server's (unit.merge_type_mismatch).
  const acceptsUnit = (candidate: UnitDto) =>
    candidate.status === 'active' &&
    !candidate.path.startsWith(unit.path) &&
    (unit.childCount === 0 || CHILD_TYPES[candidate.type].length > 0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(MergeUnitBody, {
      intoUnitId: target?.id,
      effectiveOn: form.values.effectiveOn,
      reason: optional(form.values.reason),
    });
    if (!result.ok) return form.setErrors(result.errors);
    merge.mutate(result.data, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('units.merge.done', { name: unit.name, target: target?.name }),
        });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="orange" variant="light" role="note" icon={<IconGitMerge size={18} />}>
          {t('units.merge.intro', { name: unit.name })}
        </Alert>
        <UnitPicker
          label={t('units.merge.into')}
          required
          value={target}
          onChange={(choice) => {
            setTarget(choice);
            form.clearError('intoUnitId');
          }}
          accepts={acceptsUnit}
          error={form.errors.intoUnitId}
        />
        <DecisionFields form={form} notBefore={unit.establishedOn} />
        <FormErrorAlert message={merge.error ? errorMessage(merge.error) : undefined} />
        <DialogActions onCancel={onClose} submitLabel={t('units.merge.submit')} loading={merge.isPending} />
      </Stack>
    </form>
  );
}

export function MergeUnitModal({ unit, opened, onClose }: MergeUnitProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.merge.title', { name: unit.name })}>
      <MergeUnitForm unit={unit} onClose={onClose} />
    </Modal>
  );
}
