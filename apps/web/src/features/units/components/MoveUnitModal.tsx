import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CHILD_TYPES, MoveUnitBody, type UnitDto, type UnitSummaryDto } from '@union/contracts/units';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { optional, useForm } from '../../../app/use-form';
import { todayIsoDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { moveUnit } from '../api';
import { DialogActions } from '../../../ui/DialogActions';
import { DecisionFields } from './DecisionFields';
import { useUnitMutation } from '../queries';
import { type UnitChoice, UnitPicker } from './UnitPicker';

type MoveUnitProps = { unit: UnitDto; onClose: () => void };

function MoveUnitForm({ unit, onClose }: MoveUnitProps) {
  const { t } = useTranslation();
  const [newParent, setNewParent] = useState<UnitChoice | null>(null);
  const form = useForm({ effectiveOn: todayIsoDate(), reason: '' });
  const move = useUnitMutation((body: MoveUnitBody) => moveUnit(unit.id, body));

  // A unit can go only under a type that may hold it, never under itself or its own subtree.
  const acceptsUnit = (candidate: UnitSummaryDto) =>
    candidate.id !== unit.parentId &&
    !candidate.path.startsWith(unit.path) &&
    CHILD_TYPES[candidate.type].includes(unit.type);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(MoveUnitBody, {
      newParentId: newParent?.id,
      effectiveOn: form.values.effectiveOn,
      reason: optional(form.values.reason),
    });
    if (!result.ok) return form.setErrors(result.errors);
    move.mutate(result.data, {
      onSuccess: () => {
        notifications.show({
          color: 'green',
          message: t('units.move.done', { name: unit.name, parent: newParent?.name }),
        });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('units.move.intro')}
        </Text>
        <UnitPicker
          label={t('units.move.newParent')}
          required
          value={newParent}
          onChange={(choice) => {
            setNewParent(choice);
            form.clearError('newParentId');
          }}
          accepts={acceptsUnit}
          error={form.errors.newParentId}
        />
        <DecisionFields form={form} notBefore={unit.establishedOn} />
        <FormErrorAlert message={move.error ? errorMessage(move.error) : undefined} />
        <DialogActions onCancel={onClose} submitLabel={t('units.move.submit')} loading={move.isPending} />
      </Stack>
    </form>
  );
}

export function MoveUnitModal({ unit, opened, onClose }: MoveUnitProps & { opened: boolean }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('units.move.title', { name: unit.name })}>
      <MoveUnitForm unit={unit} onClose={onClose} />
    </Modal>
  );
}
