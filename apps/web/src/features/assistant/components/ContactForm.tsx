import { Button, Checkbox, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { ContactBody } from '@union/contracts/assistant';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../../app/api-client';
import { serverFieldErrors, validate } from '../../../app/form-errors';
import { useForm } from '../../../app/use-form';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { useAssistantTranslation } from '../assistant-i18n';
import { useAdviceCentres, useLeaveContact } from '../queries';

/**
 * A person without a session leaves a name and a phone number for the advisers of the union they
 * choose, having agreed that these serve only to answer them (personal-data law).
 */
export function ContactForm({
  conversationId,
  onSent,
  onCancel,
}: {
  conversationId: string;
  onSent: (caseId: number) => void;
  onCancel: () => void;
}) {
  const { t } = useAssistantTranslation();
  const centres = useAdviceCentres();
  const leave = useLeaveContact();
  const form = useForm({ name: '', phone: '', unitId: '' });
  const [consent, setConsent] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(ContactBody, {
      conversationId,
      name: form.values.name,
      phone: form.values.phone,
      unitId: form.values.unitId,
      consent: consent || undefined,
    });
    if (!result.ok) {
      const { consent: consentError, ...errors } = result.errors;
      return form.setErrors({ ...errors, consent: consentError && t('contact.consentRequired') });
    }
    leave.mutate(result.data, {
      onSuccess: ({ caseId }) => onSent(caseId),
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="assistant-contact">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text fw={600} id="assistant-contact">
            {t('contact.title')}
          </Text>
          <TextInput label={t('contact.name')} autoComplete="name" required {...form.field('name')} />
          <TextInput
            label={t('contact.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="0912345678"
            required
            {...form.field('phone')}
          />
          <Select
            label={t('contact.union')}
            placeholder={t('contact.unionPlaceholder')}
            data={(centres.data?.items ?? []).map((centre) => ({
              value: String(centre.unitId),
              label: centre.name,
            }))}
            value={form.values.unitId || null}
            onChange={(value) => form.setValue('unitId', value ?? '')}
            error={form.errors.unitId ?? (centres.isError ? t('contact.centresFailed') : undefined)}
            searchable
            required
            nothingFoundMessage="—"
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox
            label={t('contact.consent')}
            checked={consent}
            onChange={(event) => {
              setConsent(event.currentTarget.checked);
              form.clearError('consent');
            }}
            error={form.errors.consent}
          />
          <FormErrorAlert message={leave.error ? errorMessage(leave.error) : undefined} />
          <Group gap="xs" justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('contact.cancel')}
            </Button>
            <Button type="submit" loading={leave.isPending}>
              {t('contact.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
