import { Button, NavLink, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronRight, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api-client';
import { usesMemberApp } from '../../app/faces';
import { useLogout, useMe } from '../auth/session';
import { MyMemberPage } from '../members/MyMemberPage';

/** In the member app the account's settings live on "Tôi" (the console has them in its user menu). */
function AccountSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const logout = useLogout();
  const signOut = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/login', { replace: true }),
      onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
    });
  const links = [
    { to: '/account/password', label: t('userMenu.changePassword'), icon: IconKey },
    { to: '/account/two-factor', label: t('userMenu.twoFactor'), icon: IconShieldLock },
  ];

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="my-account" mt="md">
      <Title order={2} size="h4" mb="sm" id="my-account">
        {t('memberApp.me.account')}
      </Title>
      <Stack gap="xs">
        {links.map((link) => (
          <NavLink
            key={link.to}
            component={Link}
            to={link.to}
            label={link.label}
            leftSection={<link.icon size={20} aria-hidden />}
            rightSection={<IconChevronRight size={18} aria-hidden />}
            mih={48}
          />
        ))}
        <Button
          color="red"
          variant="light"
          h={48}
          leftSection={<IconLogout size={20} aria-hidden />}
          onClick={signOut}
          loading={logout.isPending}
          fullWidth
        >
          {t('userMenu.logout')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** "Tôi": the member's record, history and corrections; in the member app, their account too. */
export function MyProfilePage() {
  const memberApp = usesMemberApp(useMe());
  return (
    <>
      <MyMemberPage />
      {memberApp && <AccountSection />}
    </>
  );
}
