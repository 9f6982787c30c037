import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { EndOfficeBody, type OfficeDto } from '@union/contracts/accounts';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { formatDate, todayIsoDate } from '../../ui/dates';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { endOffice } from './api';
import { useOfficeMutation } from './queries';

export function EndOfficeModal({ office, onClose }: { office: OfficeDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ termEnd: todayIsoDate() });
  const end = useOfficeMutation(({ officeId, body }: { officeId: number; body: EndOfficeBody }) =>
    endOffice(officeId, body),
  );

  const close = () => {
    form.reset();
    end.reset();
    onClose();
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!office) return;
    const result = validate(EndOfficeBody, form.values);
    if (!result.ok) return form.setErrors(result.errors);
    if (result.data.termEnd < office.termStart) {
      return form.setErrors({ termEnd: t('validation.termEndBeforeStart') });
    }
    end.mutate(
      { officeId: office.id, body: result.data },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('offices.end.done', { name: office.fullName }) });
          close();
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    );
  };

  return (
    <Modal opened={office !== null} onClose={close} title={t('offices.end.title')}>
      {office && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm">
              {t('offices.end.text', {
                name: office.fullName,
                role: t(`role.${office.role}`),
                start: formatDate(office.termStart),
              })}
            </Text>
            <TextInput type="date" label={t('offices.termEnd')} required {...form.field('termEnd')} />
            <FormErrorAlert message={end.error ? errorMessage(end.error) : undefined} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={end.isPending}>
                {t('offices.end.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
