import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, matchPath, Outlet, ScrollRestoration, useLocation } from 'react-router';
import { ownUnionQuery, useLatestNotifications } from '../../features/member-app/queries';
import { MEMBER_NAVIGATION, type MemberNavigationItem } from '../member-navigation';
import { LanguageSwitch } from './LanguageSwitch';
import classes from './MemberLayout.module.css';
import { RouteProgress } from './RouteProgress';

const TABS = MEMBER_NAVIGATION.filter((item) => item.tab);

function isActive(item: MemberNavigationItem, pathname: string): boolean {
  if (item.to === '/') return pathname === '/';
  return matchPath({ path: item.to, end: false }, pathname) !== null;
}

function TabLink({ item, active, badge }: { item: MemberNavigationItem; active: boolean; badge: number }) {
  const { t } = useTranslation();
  return (
    <Link to={item.to} className={classes.tab} aria-current={active ? 'page' : undefined}>
      <span className={classes.tabIcon}>
        <item.icon size={24} stroke={active ? 2 : 1.6} aria-hidden />
        {badge > 0 && (
          // 99+ past two digits, so the badge keeps its size.
          <span className={classes.badge} aria-hidden>
            {badge > 99 ? '99+' : badge}
          </span>
        )}
      </span>
      {item.tab && <span className={classes.tabLabel}>{t(item.tab)}</span>}
      {badge > 0 && <VisuallyHidden>{t('memberApp.nav.unread', { count: badge })}</VisuallyHidden>}
    </Link>
  );
}

/** The member app's frame on a phone: a compact header, the screen, a bottom tab bar within thumb reach. */
export function MemberLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const queryClient = useQueryClient();
  const unread = useLatestNotifications().data?.unread ?? 0;

  useEffect(() => {
    // Asked while the home screen's code is still on its way, rather than after it (a slow network).
    void queryClient.prefetchQuery(ownUnionQuery);
  }, [queryClient]);

  return (
    <div className={classes.shell}>
      <RouteProgress />
      <a href="#main-content" className={classes.skipLink}>
        {t('app.skipToContent')}
      </a>
      <header className={classes.header}>
        <div className={classes.headerRow}>
          <Anchor component={Link} to="/" underline="never" c="inherit" className={classes.brand}>
            <img src="/icon.svg" alt="" width={28} height={28} />
            <Text component="span" fw={700} size="lg">
              {t('app.name')}
            </Text>
          </Anchor>
          <LanguageSwitch />
        </div>
      </header>

      <main id="main-content" tabIndex={-1} className={classes.main}>
        <Outlet />
      </main>

      <nav className={classes.tabBar} aria-label={t('nav.label')}>
        <ul className={classes.tabList}>
          {TABS.map((item) => (
            <li key={item.to} className={classes.tabItem}>
              <TabLink
                item={item}
                active={isActive(item, pathname)}
                badge={item.badge === 'unreadNotifications' ? unread : 0}
              />
            </li>
          ))}
        </ul>
      </nav>
      <ScrollRestoration />
    </div>
  );
}
