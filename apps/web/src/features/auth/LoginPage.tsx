import { Alert, Anchor, Button, Divider, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconDeviceMobileMessage } from '@tabler/icons-react';
import {
  LOGIN_CODE_MINUTES,
  LOGIN_CODE_RESEND_SECONDS,
  LoginBody,
  LoginCodeBody,
} from '@union/contracts/auth';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api-client';
import { validate } from '../../app/form-errors';
import { ME_QUERY_KEY } from '../../app/query-client';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { login, loginWithCode, requestLoginCode } from './api';
import { PublicPageLayout } from './PublicPageLayout';
import { useSession } from './session';

/** Only same-site paths: `?next=` must never send a user to another origin. */
function safeNextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

const isOtpRequired = (error: unknown) => error instanceof ApiError && error.code === 'auth.otp_required';

/** Seconds left before another code may be asked for, counting down once a code was sent. */
function useResendCountdown() {
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (sentAt === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [sentAt]);
  const left = sentAt === null ? 0 : Math.ceil(LOGIN_CODE_RESEND_SECONDS - (now - sentAt) / 1000);
  return {
    secondsLeft: Math.max(0, left),
    started: () => {
      setSentAt(Date.now());
      setNow(Date.now());
    },
  };
}

function PasswordSignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm({ login: '', password: '', otp: '' });
  const [otpRequired, setOtpRequired] = useState(false);

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: onSignedIn,
    onError: (error) => {
      if (isOtpRequired(error)) setOtpRequired(true);
    },
  });

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

  const failure = isOtpRequired(signIn.error) ? undefined : signIn.error;

  return (
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
  );
}

/** A member who forgot their password (or never had one) signs in with a code sent to their phone. */
function CodeSignIn({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const { t } = useTranslation();
  const form = useForm({ phone: '', code: '', otp: '' });
  const [step, setStep] = useState<'phone' | 'code'>('phone');
  const [otpRequired, setOtpRequired] = useState(false);
  const countdown = useResendCountdown();

  const request = useMutation({
    mutationFn: requestLoginCode,
    onSuccess: () => {
      countdown.started();
      setStep('code');
    },
  });
  const signIn = useMutation({
    mutationFn: loginWithCode,
    onSuccess: onSignedIn,
    onError: (error) => {
      if (isOtpRequired(error)) setOtpRequired(true);
    },
  });

  const sendCode = () => {
    if (!normaliseVietnamesePhone(form.values.phone)) return form.setErrors({ phone: t('validation.phone') });
    request.mutate({ login: form.values.phone.trim() });
  };
  const submitPhone = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    sendCode();
  };
  const submitCode = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(
      LoginCodeBody,
      {
        login: form.values.phone,
        code: form.values.code,
        otp: otpRequired ? form.values.otp : undefined,
      },
      { code: t('validation.otp'), otp: t('validation.otp') },
    );
    if (!result.ok) return form.setErrors(result.errors);
    signIn.mutate(result.data);
  };

  if (step === 'phone') {
    return (
      <form onSubmit={submitPhone} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('auth.loginCode.intro')}
          </Text>
          <TextInput
            label={t('auth.loginCode.phone')}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            placeholder="0912345678"
            required
            autoFocus
            {...form.field('phone')}
          />
          <FormErrorAlert message={request.error ? errorMessage(request.error) : undefined} />
          <Button type="submit" loading={request.isPending} fullWidth>
            {t('auth.loginCode.send')}
          </Button>
        </Stack>
      </form>
    );
  }

  const failure = isOtpRequired(signIn.error) ? undefined : signIn.error;
  return (
    <form onSubmit={submitCode} noValidate>
      <Stack gap="md">
        <Alert color="blue" role="status">
          {t('auth.loginCode.sent', { phone: form.values.phone.trim(), minutes: LOGIN_CODE_MINUTES })}
        </Alert>
        <TextInput
          label={t('auth.loginCode.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          autoFocus
          {...form.field('code')}
        />
        {otpRequired && (
          <TextInput
            label={t('auth.login.otp')}
            description={t('auth.login.otpHint')}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            required
            autoFocus
            {...form.field('otp')}
          />
        )}
        <FormErrorAlert
          message={failure ? errorMessage(failure) : request.error ? errorMessage(request.error) : undefined}
        />
        <Button type="submit" loading={signIn.isPending} fullWidth>
          {t('auth.login.submit')}
        </Button>
        <Group justify="space-between" gap="xs">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={sendCode}
            disabled={countdown.secondsLeft > 0 || request.isPending}
            c={countdown.secondsLeft > 0 ? 'dimmed' : undefined}
          >
            {countdown.secondsLeft > 0
              ? t('auth.loginCode.resendIn', { seconds: countdown.secondsLeft })
              : t('auth.loginCode.resend')}
          </Anchor>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              form.setValue('code', '');
              setOtpRequired(false);
              signIn.reset();
              setStep('phone');
            }}
          >
            {t('auth.loginCode.changePhone')}
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [searchParams] = useSearchParams();
  const nextPath = safeNextPath(searchParams.get('next'));
  const session = useSession();
  const [byCode, setByCode] = useState(false);

  if (session.data) return <Navigate to={nextPath} replace />;

  // The session query then holds the account, and the redirect above takes the user on.
  const signedIn = () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });

  return (
    <PublicPageLayout title={byCode ? t('auth.loginCode.switchToCode') : t('auth.login.title')}>
      <Stack gap="md">
        {byCode ? <CodeSignIn onSignedIn={signedIn} /> : <PasswordSignIn onSignedIn={signedIn} />}
        <Divider label={t('auth.loginCode.or')} labelPosition="center" />
        <Button
          variant="default"
          fullWidth
          leftSection={byCode ? undefined : <IconDeviceMobileMessage size={18} />}
          onClick={() => setByCode((current) => !current)}
        >
          {byCode ? t('auth.loginCode.switchToPassword') : t('auth.loginCode.switchToCode')}
        </Button>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/tro-ly-phap-luat">
            {t('auth.login.assistantLink')}
          </Anchor>
        </Text>
        <Text size="sm" ta="center">
          <Anchor component={Link} to="/verify">
            {t('verifyCard.link')}
          </Anchor>
        </Text>
      </Stack>
    </PublicPageLayout>
  );
}
