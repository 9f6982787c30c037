import { Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EndOfficeBody, type OfficeDto } from '@union/contracts/accounts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIsoDate } from '../../ui/dates';
import { DialogActions } from '../../ui/DialogActions';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { endOffice } from './api';
import { useOfficeMutation } from './queries';

function EndOfficeForm({ office, onClose }: { office: OfficeDto; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ termEnd: todayIsoDate() });
  const end = useOfficeMutation((body: EndOfficeBody) => endOffice(office.id, body));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(EndOfficeBody, form.values);
    if (!result.ok) return form.setErrors(result.errors);
    if (result.data.termEnd < office.termStart) {
      return form.setErrors({ termEnd: t('validation.termEndBeforeStart') });
    }
    end.mutate(result.data, {
      onSuccess: () => {
        notifications.show({ color: 'green', message: t('offices.end.done', { name: office.fullName }) });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {t('offices.end.text', {
            name: office.fullName,
            role: t(`role.${office.role}`),
            start: formatDate(office.termStart),
          })}
        </Text>
        <DateField label={t('offices.termEnd')} required {...form.dateField('termEnd')} />
        <FormErrorAlert message={end.error ? errorMessage(end.error) : undefined} />
        <DialogActions
          onCancel={onClose}
          submitLabel={t('offices.end.submit')}
          loading={end.isPending}
          danger
        />
      </Stack>
    </form>
  );
}

/** Open while `office` is set: the term to end. */
export function EndOfficeModal({ office, onClose }: { office: OfficeDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={office !== null} onClose={onClose} title={t('offices.end.title')}>
      {office && <EndOfficeForm office={office} onClose={onClose} />}
    </Modal>
  );
}
