import { Button, Container, Stack } from '@mantine/core';
import { IconId } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, Outlet, useLocation, useMatches } from 'react-router';
import { MeProvider, useSession } from '../../features/auth/session';
import { ErrorState, LoadingState } from '../../ui/states';
import { ApiError, errorMessage } from '../api-client';

/** A route whose page keeps its own data on the device (the union card) and so opens offline. */
export type OfflineRouteHandle = { worksOffline: true };

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const worksOffline = useMatches().some(
    (match) => (match.handle as OfflineRouteHandle | undefined)?.worksOffline,
  );

  // No network (the query waits for one, or the request never reached the server) is not "signed out":
  // a page that works offline opens bare, without the shell that needs the account.
  const unreachable =
    (session.isPending && session.fetchStatus === 'paused') ||
    (session.isError && session.error instanceof ApiError && session.error.status === 0);
  if (unreachable && worksOffline) {
    return (
      <Container size="xs" py="md">
        <Outlet />
      </Container>
    );
  }
  if (unreachable) {
    // Elsewhere the card is offered: an installed app starts at "/", and a member at a gate with no
    // signal must still reach it.
    return (
      <Container size="sm" py="xl">
        <Stack gap="md">
          <ErrorState message={t('errors.network')} onRetry={() => void session.refetch()} />
          <Button component={Link} to="/card" h={48} leftSection={<IconId size={20} aria-hidden />}>
            {t('myCard.openOffline')}
          </Button>
        </Stack>
      </Container>
    );
  }
  if (session.isPending) return <LoadingState />;
  if (session.isError) {
    return (
      <Container size="sm" py="xl">
        <ErrorState message={errorMessage(session.error)} onRetry={() => void session.refetch()} />
      </Container>
    );
  }
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next === '/' ? '' : `?${new URLSearchParams({ next })}`;
    return <Navigate to={`/login${search}`} replace />;
  }
  return <MeProvider me={session.data}>{children}</MeProvider>;
}
