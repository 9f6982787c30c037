import { Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';
import { REASON_MAX } from '../api';

type DecisionForm = ReturnType<typeof useForm<{ effectiveOn: string; reason: string }>>;

/**
 * What every restructuring records: the date the decision takes effect (never in the future, never
 * before the unit existed) and why.
 */
export function DecisionFields({ form, notBefore }: { form: DecisionForm; notBefore?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <DateField
        label={t('units.form.effectiveOn')}
        required
        minDate={notBefore}
        maxDate={todayIsoDate()}
        {...form.dateField('effectiveOn')}
      />
      <Textarea
        label={t('units.form.reason')}
        autosize
        minRows={2}
        maxLength={REASON_MAX}
        {...form.field('reason')}
      />
    </>
  );
}
