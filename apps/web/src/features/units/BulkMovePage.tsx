import { Alert, Button, Group, List, Modal, MultiSelect, Paper, Stack, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import {
  BulkMoveUnitsBody,
  type BulkMoveResultDto,
  CHILD_TYPES,
  type UnitType,
} from '@union/contracts/units';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { optional, useForm } from '../../app/use-form';
import { formatDate, todayIsoDate } from '../../ui/dates';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../auth/session';
import { bulkMoveUnits } from './api';
import { DecisionFields } from './components/DecisionFields';
import { type UnitChoice, UnitPicker } from './components/UnitPicker';
import { useUnitMutation } from './queries';

export function BulkMovePage() {
  const { t } = useTranslation();
  const me = useMe();
  const [source, setSource] = useState<UnitChoice | null>(null);
  const [destination, setDestination] = useState<UnitChoice | null>(null);
  const [types, setTypes] = useState<UnitType[]>([]);
  const form = useForm({ effectiveOn: todayIsoDate(), reason: '' });
  const [pending, setPending] = useState<BulkMoveUnitsBody | null>(null);
  const [result, setResult] = useState<BulkMoveResultDto | null>(null);
  const bulkMove = useUnitMutation(bulkMoveUnits);

  const officeUnits: UnitChoice[] = me.offices.map((office) => ({
    id: office.unitId,
    name: office.unitName,
    type: office.unitType,
  }));
  const movableTypes = source ? CHILD_TYPES[source.type] : [];
  const typesMoved = types.length > 0 ? types : movableTypes;

  const review = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = validate(BulkMoveUnitsBody, {
      fromParentId: source?.id,
      types: types.length > 0 ? types : undefined,
      newParentId: destination?.id,
      effectiveOn: form.values.effectiveOn,
      reason: optional(form.values.reason),
    });
    const errors = checked.ok ? {} : checked.errors;
    // The contract accepts a list of ids instead of a source; this page always moves from a source.
    if (!source) errors.fromParentId = t('validation.required');
    else if (source.id === destination?.id) errors.newParentId = t('units.bulkMove.sameUnit');
    if (!checked.ok || !source || errors.newParentId) return form.setErrors(errors);
    setResult(null);
    setPending(checked.data);
  };

  const confirm = () => {
    if (!pending) return;
    bulkMove.mutate(pending, {
      onSuccess: (moved) => {
        setResult(moved);
        setPending(null);
        // Cleared so that a second click cannot repeat the move by accident.
        setSource(null);
        setDestination(null);
        setTypes([]);
        form.reset();
      },
      onError: (error) => {
        setPending(null);
        form.setErrors(serverFieldErrors(error));
      },
    });
  };

  return (
    <>
      <PageHeader title={t('units.bulkMove.title')} description={t('units.bulkMove.intro')} />
      <Stack gap="md" maw={720}>
        {result && (
          <Alert
            color="green"
            icon={<IconCircleCheck size={20} />}
            role="status"
            title={t('units.bulkMove.doneTitle')}
          >
            {t('units.bulkMove.done', { count: result.moved, operationId: result.operationId })}
          </Alert>
        )}
        <Paper withBorder p="md">
          <form onSubmit={review} noValidate>
            <Stack gap="md">
              <UnitPicker
                label={t('units.bulkMove.source')}
                description={t('units.bulkMove.sourceHint')}
                required
                value={source}
                onChange={(choice) => {
                  setSource(choice);
                  setTypes([]);
                  form.clearError('fromParentId');
                }}
                suggestions={officeUnits}
                error={form.errors.fromParentId}
              />
              <MultiSelect<UnitType>
                label={t('units.bulkMove.types')}
                description={t('units.bulkMove.typesHint')}
                placeholder={source ? undefined : t('units.bulkMove.pickSourceFirst')}
                disabled={!source || movableTypes.length === 0}
                data={movableTypes.map((type) => ({ value: type, label: t(`unitType.${type}`) }))}
                value={types}
                onChange={setTypes}
                clearable
              />
              <UnitPicker
                label={t('units.bulkMove.destination')}
                required
                value={destination}
                onChange={(choice) => {
                  setDestination(choice);
                  form.clearError('newParentId');
                }}
                accepts={(candidate) =>
                  candidate.id !== source?.id &&
                  typesMoved.some((type) => CHILD_TYPES[candidate.type].includes(type))
                }
                error={form.errors.newParentId}
              />
              <DecisionFields form={form} />
              <FormErrorAlert message={bulkMove.error ? errorMessage(bulkMove.error) : undefined} />
              <Button type="submit" style={{ alignSelf: 'flex-start' }}>
                {t('units.bulkMove.review')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Stack>

      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={t('units.bulkMove.confirmTitle')}
      >
        <Stack gap="md">
          <List size="sm" spacing="xs">
            <List.Item>{t('units.bulkMove.summarySource', { name: source?.name })}</List.Item>
            <List.Item>
              {t('units.bulkMove.summaryTypes', {
                types: typesMoved.map((type) => t(`unitType.${type}`)).join(', '),
              })}
            </List.Item>
            <List.Item>{t('units.bulkMove.summaryDestination', { name: destination?.name })}</List.Item>
            <List.Item>
              {t('units.bulkMove.summaryDate', { date: formatDate(pending?.effectiveOn) })}
            </List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {t('units.bulkMove.confirmText')}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setPending(null)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={confirm} loading={bulkMove.isPending}>
              {t('units.bulkMove.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
