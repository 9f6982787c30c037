import {
  Alert,
  Anchor,
  AppShell,
  Badge,
  Burger,
  Divider,
  Group,
  NavLink,
  ScrollArea,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldExclamation } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, useLocation } from 'react-router';
import { useMe } from '../../features/auth/session';
import { useLatestNotifications } from '../../features/member-app/queries';
import { NAVIGATION, type NavigationItem } from '../navigation';
import { RouteProgress } from './RouteProgress';
import { UserMenu } from './UserMenu';
import classes from './AppLayout.module.css';

function isActive(item: NavigationItem, pathname: string, items: readonly NavigationItem[]): boolean {
  if (item.to === '/') return pathname === '/';
  if (!matchPath({ path: item.to, end: false }, pathname)) return false;
  // "/units" must not light up on "/units/bulk-move", which has its own entry.
  return !items.some(
    (other) => other.to.length > item.to.length && matchPath({ path: other.to, end: false }, pathname),
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const { pathname } = useLocation();
  const [navbarOpened, navbar] = useDisclosure(false);
  const items = NAVIGATION.filter((item) => !item.permission || me.permissions.includes(item.permission));
  const showTotpBanner = me.totpSetupRequired && pathname !== '/account/two-factor';
  const unread = useLatestNotifications().data?.unread ?? 0;
  const firstPersonal = items.find((item) => item.personal);

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !navbarOpened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <RouteProgress />
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={navbar.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t(navbarOpened ? 'nav.close' : 'nav.open')}
              aria-expanded={navbarOpened}
              aria-controls="app-navigation"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text component="span" fw={700} size="lg" className={classes.brand}>
                <img src="/icon.svg" alt="" width={28} height={28} />
                {t('app.name')}
              </Text>
            </Anchor>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" id="app-navigation" aria-label={t('nav.label')}>
        <ScrollArea type="auto">
          {items.map((item) => {
            const active = isActive(item, pathname, items);
            const count = item.badge === 'unreadNotifications' ? unread : 0;
            return (
              <Fragment key={item.to}>
                {item === firstPersonal && <Divider my="xs" label={t('nav.personal')} labelPosition="left" />}
                <NavLink
                  component={Link}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={20} stroke={1.6} aria-hidden />}
                  rightSection={
                    count > 0 && (
                      <>
                        <Badge size="sm" color="red" circle={count < 10} aria-hidden>
                          {count > 99 ? '99+' : count}
                        </Badge>
                        <VisuallyHidden>{t('memberApp.nav.unread', { count })}</VisuallyHidden>
                      </>
                    )
                  }
                  active={active}
                  aria-current={active ? 'page' : undefined}
                  onClick={navbar.close}
                />
              </Fragment>
            );
          })}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main-content" tabIndex={-1} className={classes.main}>
        {showTotpBanner && (
          <Alert
            color="orange"
            variant="filled"
            icon={<IconShieldExclamation size={20} />}
            title={t('auth.totpBanner.title')}
            mb="md"
          >
            {t('auth.totpBanner.text')}{' '}
            <Anchor component={Link} to="/account/two-factor" c="white" fw={600} underline="always">
              {t('auth.totpBanner.action')}
            </Anchor>
          </Alert>
        )}
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
