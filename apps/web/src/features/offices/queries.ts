import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../app/query-client';
import type { RoleDto } from '@union/contracts/accounts';
import type { UnitType } from '@union/contracts/units';
import { useMe } from '../auth/session';
import { fetchRoles, fetchUnitOffices } from './api';

const officeKeys = {
  all: ['offices'] as const,
  ofUnit: (unitId: number) => [...officeKeys.all, 'unit', unitId] as const,
};

export function useUnitOffices(unitId: number) {
  return useQuery({ queryKey: officeKeys.ofUnit(unitId), queryFn: () => fetchUnitOffices(unitId) });
}

/** Offices decide scope and permissions, so a change may alter the signed-in user's own /me. */
export function useOfficeMutation<Variables>(mutationFn: (variables: Variables) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: officeKeys.all }),
        queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
      ]),
  });
}

/**
 * The roles worth offering at a unit: those that may be held at its type and grant nothing the user
 * lacks. The server makes the exact check at the unit; this only keeps hopeless choices off the list.
 */
export function useAssignableRoles(unitType: UnitType): RoleDto[] | undefined {
  const me = useMe();
  const roles = useQuery({ queryKey: ['roles'], queryFn: fetchRoles, staleTime: 10 * 60_000 });
  return roles.data?.filter(
    (role) =>
      role.unitTypes.includes(unitType) &&
      role.permissions.every((permission) => (me.permissions as string[]).includes(permission)),
  );
}
