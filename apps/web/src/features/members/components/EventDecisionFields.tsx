import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { REASON_MAX } from '@union/contracts/members';
import { useTranslation } from 'react-i18next';
import type { useForm } from '../../../app/use-form';
import { DateField } from '../../../ui/DateField';
import { todayIsoDate } from '../../../ui/dates';

type EventForm = ReturnType<typeof useForm<{ date: string; reason: string; decisionRef: string }>>;

/** What every membership event records: the day it takes effect (never later than today), why, and on what decision. */
export function EventDecisionFields({
  form,
  dateLabel,
  notBefore,
  withDecision = true,
}: {
  form: EventForm;
  dateLabel: string;
  notBefore?: string;
  withDecision?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: withDecision ? 2 : 1 }} spacing="sm">
        <DateField
          label={dateLabel}
          required
          minDate={notBefore}
          maxDate={todayIsoDate()}
          {...form.dateField('date')}
        />
        {withDecision && (
          <TextInput
            label={t('members.event.decisionRef')}
            placeholder={t('members.event.decisionRefPlaceholder')}
            maxLength={100}
            {...form.field('decisionRef')}
          />
        )}
      </SimpleGrid>
      <Textarea
        label={t('members.event.reason')}
        autosize
        minRows={2}
        maxLength={REASON_MAX}
        {...form.field('reason')}
      />
    </>
  );
}
