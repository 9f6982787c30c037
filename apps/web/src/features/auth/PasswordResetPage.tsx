import { Alert, Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { PasswordResetConfirmBody, PasswordResetRequestBody } from '@union/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { confirmPasswordReset, requestPasswordReset } from './api';
import { PublicPageLayout } from './PublicPageLayout';

type Step = 'request' | 'confirm' | 'done';

export function PasswordResetPage() {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('request');
  const form = useForm({ login: '', code: '', newPassword: '', confirmPassword: '' });

  const request = useMutation({ mutationFn: requestPasswordReset, onSuccess: () => setStep('confirm') });
  const confirm = useMutation({
    mutationFn: confirmPasswordReset,
    onSuccess: () => setStep('done'),
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const submitRequest = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(PasswordResetRequestBody, { login: form.values.login });
    if (!result.ok) return form.setErrors(result.errors);
    request.mutate(result.data);
  };

  const submitConfirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { login, code, newPassword, confirmPassword } = form.values;
    const result = validate(
      PasswordResetConfirmBody,
      { login, code, newPassword },
      { code: t('validation.otp') },
    );
    const errors = result.ok ? {} : result.errors;
    if (confirmPassword !== newPassword) errors.confirmPassword = t('validation.passwordMismatch');
    if (!result.ok || errors.confirmPassword) return form.setErrors(errors);
    confirm.mutate(result.data);
  };

  if (step === 'done') {
    return (
      <PublicPageLayout title={t('auth.reset.title')}>
        <Stack gap="md">
          <Alert color="green" icon={<IconCircleCheck size={20} />} role="status">
            {t('auth.reset.done')}
          </Alert>
          <Button component={Link} to="/login" fullWidth>
            {t('auth.reset.backToLogin')}
          </Button>
        </Stack>
      </PublicPageLayout>
    );
  }

  return (
    <PublicPageLayout title={t('auth.reset.title')}>
      {step === 'request' ? (
        <form onSubmit={submitRequest} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('auth.reset.requestIntro')}
            </Text>
            <TextInput
              label={t('auth.login.login')}
              autoComplete="username"
              required
              autoFocus
              {...form.field('login')}
            />
            <FormErrorAlert message={request.error ? errorMessage(request.error) : undefined} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('auth.reset.requestSubmit')}
            </Button>
          </Stack>
        </form>
      ) : (
        <form onSubmit={submitConfirm} noValidate>
          <Stack gap="md">
            <Alert color="blue" role="status">
              {t('auth.reset.codeSent', { login: form.values.login })}
            </Alert>
            <TextInput
              label={t('auth.reset.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              {...form.field('code')}
            />
            <PasswordInput
              label={t('auth.reset.newPassword')}
              autoComplete="new-password"
              required
              {...form.field('newPassword')}
            />
            <PasswordInput
              label={t('auth.reset.confirmPassword')}
              autoComplete="new-password"
              required
              {...form.field('confirmPassword')}
            />
            <FormErrorAlert message={confirm.error ? errorMessage(confirm.error) : undefined} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('auth.reset.confirmSubmit')}
            </Button>
            <Group justify="center">
              <Anchor component="button" type="button" size="sm" onClick={() => setStep('request')}>
                {t('auth.reset.resend')}
              </Anchor>
            </Group>
          </Stack>
        </form>
      )}
      <Text size="sm" ta="center" mt="md">
        <Anchor component={Link} to="/login">
          {t('auth.reset.backToLogin')}
        </Anchor>
      </Text>
    </PublicPageLayout>
  );
}
