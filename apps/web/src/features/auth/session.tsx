import type { Permission } from '@union/contracts/permissions';
import type { MeDto } from '@union/contracts/accounts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use } from 'react';
import { ME_QUERY_KEY } from '../../app/query-client';
import { forgetStoredCard } from '../cards/card-storage';
import { fetchMe, logout } from './api';

export function useSession() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 60_000 });
}

const MeContext = createContext<MeDto | null>(null);

/** Provided by the signed-in guard once /me has answered, so pages below never see "no session". */
export function MeProvider({ me, children }: { me: MeDto; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>;
}

export function useMe(): MeDto {
  const me = use(MeContext);
  if (!me) throw new Error('useMe() is only available inside the signed-in shell');
  return me;
}

export function useCan(permission: Permission): boolean {
  return useMe().permissions.includes(permission);
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // The card kept for offline use leaves the device with the session.
      void forgetStoredCard().catch(() => undefined);
      queryClient.clear();
      queryClient.setQueryData(ME_QUERY_KEY, null);
    },
  });
}
