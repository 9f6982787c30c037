import {
  Alert,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck } from '@tabler/icons-react';
import { TotpCodeBody } from '@union/contracts/auth';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { validate } from '../../app/form-errors';
import { ME_QUERY_KEY } from '../../app/query-client';
import { useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { disableTotp, enableTotp, startTotpSetup } from './api';
import { useMe } from './session';

function CopyableValue({ label, value }: { label: string; value: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" color={copied ? 'green' : undefined} onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/** A 6-digit authenticator code form, used both to turn two-factor sign-in on and off. */
function TotpCodeForm({
  submitLabel,
  color,
  onSubmit,
  pending,
  error,
}: {
  submitLabel: string;
  color?: string;
  onSubmit: (body: TotpCodeBody) => void;
  pending: boolean;
  error: Error | null;
}) {
  const { t } = useTranslation();
  const form = useForm({ code: '' });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = validate(TotpCodeBody, form.values, { code: t('validation.otp') });
    if (!result.ok) return form.setErrors(result.errors);
    onSubmit(result.data);
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={320}>
        <TextInput
          label={t('auth.totp.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          required
          {...form.field('code')}
        />
        <FormErrorAlert message={error ? errorMessage(error) : undefined} />
        <Button type="submit" color={color} loading={pending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}

export function TwoFactorPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const refreshMe = () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });

  const setup = useMutation({ mutationFn: startTotpSetup });
  const enable = useMutation({
    mutationFn: enableTotp,
    onSuccess: async () => {
      await refreshMe();
      setup.reset();
      notifications.show({ color: 'green', message: t('auth.totp.enabled') });
    },
  });
  const disable = useMutation({
    mutationFn: disableTotp,
    onSuccess: async () => {
      await refreshMe();
      notifications.show({ color: 'green', message: t('auth.totp.disabled') });
    },
  });

  return (
    <>
      <PageHeader title={t('auth.totp.title')} description={t('auth.totp.intro')} />
      <Paper withBorder p="md" maw={640}>
        {me.totpEnabled ? (
          <Stack gap="md">
            <Alert color="green" icon={<IconShieldCheck size={20} />}>
              {t('auth.totp.enabledStatus')}
            </Alert>
            <Text size="sm">{t('auth.totp.disableIntro')}</Text>
            <TotpCodeForm
              submitLabel={t('auth.totp.disable')}
              color="red"
              onSubmit={(body) => disable.mutate(body)}
              pending={disable.isPending}
              error={disable.error}
            />
          </Stack>
        ) : setup.data ? (
          <Stack gap="md">
            <Title order={2} size="h4">
              {t('auth.totp.scanTitle')}
            </Title>
            <List type="ordered" spacing="xs" size="sm">
              <List.Item>{t('auth.totp.stepInstall')}</List.Item>
              <List.Item>{t('auth.totp.stepAdd')}</List.Item>
              <List.Item>{t('auth.totp.stepCode')}</List.Item>
            </List>
            <CopyableValue label={t('auth.totp.secret')} value={setup.data.secret} />
            <CopyableValue label={t('auth.totp.url')} value={setup.data.otpauthUrl} />
            <Anchor href={setup.data.otpauthUrl} size="sm">
              {t('auth.totp.openInApp')}
            </Anchor>
            <TotpCodeForm
              submitLabel={t('auth.totp.enable')}
              onSubmit={(body) => enable.mutate(body)}
              pending={enable.isPending}
              error={enable.error}
            />
          </Stack>
        ) : (
          <Stack gap="md" align="flex-start">
            <Text size="sm">
              {me.totpSetupRequired ? t('auth.totp.required') : t('auth.totp.disabledStatus')}
            </Text>
            <FormErrorAlert message={setup.error ? errorMessage(setup.error) : undefined} />
            <Button onClick={() => setup.mutate()} loading={setup.isPending}>
              {t('auth.totp.start')}
            </Button>
          </Stack>
        )}
      </Paper>
    </>
  );
}
