import { Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ChangePasswordBody } from '@union/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { changePassword } from './api';

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const form = useForm({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      form.reset();
      notifications.show({ color: 'green', message: t('auth.changePassword.done') });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { currentPassword, newPassword, confirmPassword } = form.values;
    const result = validate(ChangePasswordBody, { currentPassword, newPassword });
    const errors = result.ok ? {} : result.errors;
    if (confirmPassword !== newPassword) errors.confirmPassword = t('validation.passwordMismatch');
    if (!result.ok || errors.confirmPassword) return form.setErrors(errors);
    change.mutate(result.data);
  };

  return (
    <>
      <PageHeader title={t('auth.changePassword.title')} description={t('auth.changePassword.intro')} />
      <Paper withBorder p="md" maw={480}>
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PasswordInput
              label={t('auth.changePassword.current')}
              autoComplete="current-password"
              required
              {...form.field('currentPassword')}
            />
            <PasswordInput
              label={t('auth.changePassword.new')}
              autoComplete="new-password"
              required
              {...form.field('newPassword')}
            />
            <PasswordInput
              label={t('auth.changePassword.confirm')}
              autoComplete="new-password"
              required
              {...form.field('confirmPassword')}
            />
            <FormErrorAlert message={change.error ? errorMessage(change.error) : undefined} />
            <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('auth.changePassword.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
