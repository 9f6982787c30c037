import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
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
import { mergeUnit, REASON_MAX } from '../api';
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
        <TextInput
          type="date"
          label={t('units.form.effectiveOn')}
          required
          min={unit.establishedOn}
          max={today}
          {...form.field('effectiveOn')}
        />
        <Textarea
          label={t('units.form.reason')}
          autosize
          minRows={2}
          maxLength={REASON_MAX}
          {...form.field('reason')}
        />
        <FormErrorAlert message={merge.error ? errorMessage(merge.error) : undefined} />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={merge.isPending}>
            {t('units.merge.submit')}
          </Button>
        </Group>
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
