import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconChevronDown, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useLogout, useMe } from '../../features/auth/session';
import { errorMessage } from '../api-client';
import { changeLanguage, currentLanguage, LANGUAGES } from '../i18n';

function initials(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  // Vietnamese names end with the given name, which is what people are called by.
  return (words.at(-1)?.[0] ?? '?').toUpperCase();
}

export function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const logout = useLogout();
  const language = currentLanguage();

  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });

  return (
    <Menu position="bottom-end" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('userMenu.label', { name: me.fullName })}>
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue" radius="xl" size="sm">
              {initials(me.fullName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" maw={180} truncate>
              {me.fullName}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.fullName}</Menu.Label>
        <Menu.Item component={Link} to="/account/password" leftSection={<IconKey size={16} />}>
          {t('userMenu.changePassword')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/two-factor" leftSection={<IconShieldLock size={16} />}>
          {t('userMenu.twoFactor')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('language.label')}</Menu.Label>
        {LANGUAGES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            onClick={() => void changeLanguage(option)}
            rightSection={option === language ? <IconCheck size={16} aria-hidden /> : null}
            aria-current={option === language}
          >
            {t(`language.${option}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item
          color="red"
          leftSection={<IconLogout size={16} />}
          onClick={signOut}
          disabled={logout.isPending}
        >
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
