import { Button, Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { WorkforceBody, type WorkforceDto } from '@union/contracts/statistics';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { formatDate, todayIsoDate } from '../../../ui/dates';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatCount } from '../figure-format';
import { useSaveWorkforce, useWorkforce } from '../queries';

// A blank number field must read as missing, not as 0: NaN is what the required check knows as blank.
const numberOrBlank = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function WorkforceForm({ unitId, current }: { unitId: number; current: WorkforceDto | null }) {
  const { t } = useTranslation();
  const today = todayIsoDate();
  const form = useForm({
    asOf: today,
    workers: current ? String(current.workers) : '',
    femaleWorkers: current ? String(current.femaleWorkers) : '',
  });
  const save = useSaveWorkforce(unitId);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(WorkforceBody, {
      asOf: form.values.asOf,
      workers: numberOrBlank(form.values.workers),
      femaleWorkers: numberOrBlank(form.values.femaleWorkers),
    });
    if (!result.ok) return form.setErrors(result.errors);
    save.mutate(result.data, {
      onSuccess: () => notifications.show({ color: 'green', message: t('statistics.workforce.done') }),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const numberField = (name: 'workers' | 'femaleWorkers') => ({
    value: form.values[name],
    error: form.errors[name],
    onChange: (value: string | number) => form.setValue(name, String(value)),
    min: 0,
    allowDecimal: false,
    allowNegative: false,
    hideControls: true,
    thousandSeparator: '.',
    decimalSeparator: ',',
    inputMode: 'numeric' as const,
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="sm" align="flex-start">
          <DateField
            label={t('statistics.workforce.asOf')}
            required
            maxDate={today}
            w={170}
            {...form.dateField('asOf')}
          />
          <NumberInput
            label={t('statistics.workforce.workers')}
            required
            w={170}
            {...numberField('workers')}
          />
          <NumberInput
            label={t('statistics.workforce.femaleWorkers')}
            required
            w={170}
            {...numberField('femaleWorkers')}
          />
        </Group>
        <FormErrorAlert message={save.error ? errorMessage(save.error) : undefined} />
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('statistics.workforce.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** A grassroots union declares its workforce, the base of its coverage figure. */
export function WorkforcePanel({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const workforce = useWorkforce(unitId);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="statistics-workforce">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="statistics-workforce">
            {t('statistics.workforce.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('statistics.workforce.intro')}
          </Text>
        </div>
        {workforce.isPending ? (
          <LoadingState />
        ) : workforce.isError ? (
          <ErrorState message={errorMessage(workforce.error)} onRetry={() => void workforce.refetch()} />
        ) : (
          <>
            <Text size="sm">
              {workforce.data
                ? t('statistics.workforce.last', {
                    workers: formatCount(workforce.data.workers),
                    female: formatCount(workforce.data.femaleWorkers),
                    date: formatDate(workforce.data.asOf),
                  })
                : t('statistics.workforce.never')}
            </Text>
            <WorkforceForm unitId={unitId} current={workforce.data} />
          </>
        )}
      </Stack>
    </Paper>
  );
}
