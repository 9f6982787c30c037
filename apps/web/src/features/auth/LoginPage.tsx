import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { LoginBody } from '@union/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { validate } from '../../app/form-errors';
import { ME_QUERY_KEY } from '../../app/query-client';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { login } from './api';
import { PublicPageLayout } from './PublicPageLayout';
import { useSession } from './session';

/** Only same-site paths: `?next=` must never send a user to another origin. */
function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const nextPath = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const form = useForm({ login: '', password: '', otp: '' });
  const [otpRequired, setOtpRequired] = useState(false);

  const signIn = useMutation({
    mutationFn: login,
    // The session query then holds the account, and the redirect below takes the user on.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'auth.otp_required') setOtpRequired(true);
    },
  });

  if (session.data) return <Navigate to={nextPath} replace />;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(
      LoginBody,
      {
        login: form.values.login,
        password: form.values.password,
        otp: otpRequired ? form.values.otp : undefined,
      },
      { otp: t('validation.otp') },
    );
    if (!result.ok) return form.setErrors(result.errors);
    signIn.mutate(result.data);
  };

  const failure =
    signIn.error instanceof ApiError && signIn.error.code === 'auth.otp_required' ? undefined : signIn.error;

  return (
    <PublicPageLayout title={t('auth.login.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('auth.login.login')}
            autoComplete="username"
            required
            autoFocus
            {...form.field('login')}
          />
          <PasswordInput
            label={t('auth.login.password')}
            autoComplete="current-password"
            required
            {...form.field('password')}
          />
          {otpRequired && (
            <TextInput
              label={t('auth.login.otp')}
              description={t('auth.login.otpHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              required
              autoFocus
              {...form.field('otp')}
            />
          )}
          <FormErrorAlert message={failure ? errorMessage(failure) : undefined} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            {t('auth.login.submit')}
          </Button>
          <Text size="sm" ta="center">
            <Anchor component={Link} to="/forgot-password">
              {t('auth.login.forgot')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </PublicPageLayout>
  );
}
