import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../app/query-client';
import { fetchUnitOffices } from './api';

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
