import { Button, Paper, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { CreateAccountBody, FULL_NAME_MAX } from '@union/contracts/accounts';
import { LOGIN_MAX, PASSWORD_MAX, PASSWORD_MIN } from '@union/contracts/auth';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/api-client';
import { serverFieldErrors, validate } from '../../app/form-errors';
import { optional, useForm } from '../../app/use-form';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { PageHeader } from '../../ui/PageHeader';
import { createAccount } from './api';

export function CreateAccountPage() {
  const { t } = useTranslation();
  const form = useForm({ login: '', password: '', fullName: '', email: '', phone: '' });
  const create = useMutation({ mutationFn: createAccount });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { login, password, fullName, email, phone } = form.values;
    const result = validate(
      CreateAccountBody,
      { login, password, fullName, email: optional(email), phone: optional(phone) },
      { phone: t('validation.phone') },
    );
    if (!result.ok) return form.setErrors(result.errors);
    create.mutate(result.data, {
      onSuccess: ({ id }) => {
        notifications.show({
          color: 'green',
          message: t('accounts.create.done', { name: result.data.fullName, id }),
        });
        form.reset();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  return (
    <>
      <PageHeader title={t('accounts.create.title')} description={t('accounts.create.intro')} />
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={submit} noValidate autoComplete="off">
          <Stack gap="md">
            <TextInput
              label={t('accounts.create.fullName')}
              required
              maxLength={FULL_NAME_MAX}
              {...form.field('fullName')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <TextInput
                label={t('accounts.create.login')}
                description={t('accounts.create.loginHint')}
                required
                maxLength={LOGIN_MAX}
                autoComplete="off"
                {...form.field('login')}
              />
              <PasswordInput
                label={t('accounts.create.password')}
                description={t('accounts.create.passwordHint', { min: PASSWORD_MIN })}
                required
                maxLength={PASSWORD_MAX}
                autoComplete="new-password"
                {...form.field('password')}
              />
              <TextInput
                type="email"
                label={t('accounts.create.email')}
                maxLength={LOGIN_MAX}
                autoComplete="off"
                {...form.field('email')}
              />
              <TextInput
                type="tel"
                label={t('accounts.create.phone')}
                placeholder="0912345678"
                autoComplete="off"
                {...form.field('phone')}
              />
            </SimpleGrid>
            <FormErrorAlert message={create.error ? errorMessage(create.error) : undefined} />
            <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('accounts.create.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
