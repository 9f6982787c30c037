import { Container } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { MeProvider, useSession } from '../../features/auth/session';
import { ErrorState, LoadingState } from '../../ui/states';
import { errorMessage } from '../api-client';

export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();

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
