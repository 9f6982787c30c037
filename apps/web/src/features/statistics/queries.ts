import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkforceBody } from '@union/contracts/statistics';
import {
  fetchOfficerFigures,
  fetchStatisticsSeries,
  fetchUnitStatistics,
  fetchWorkforce,
  saveWorkforce,
} from './api';

const statisticsKeys = {
  all: ['statistics'] as const,
  unit: (unitId: number, at: string | undefined) =>
    [...statisticsKeys.all, 'unit', unitId, at ?? 'live'] as const,
  series: (unitId: number, from: string, to: string) =>
    [...statisticsKeys.all, 'series', unitId, from, to] as const,
  officers: (unitId: number) => [...statisticsKeys.all, 'officers', unitId] as const,
  workforce: (unitId: number) => [...statisticsKeys.all, 'workforce', unitId] as const,
};

export function useUnitStatistics(unitId: number, at: string | undefined) {
  return useQuery({
    queryKey: statisticsKeys.unit(unitId, at),
    queryFn: () => fetchUnitStatistics(unitId, at),
    // Another cut-off date keeps the figures on screen (dimmed) until the new ones arrive.
    placeholderData: (previous) => (previous?.unitId === unitId ? previous : undefined),
  });
}

export function useStatisticsSeries(unitId: number, from: string, to: string) {
  return useQuery({
    queryKey: statisticsKeys.series(unitId, from, to),
    queryFn: () => fetchStatisticsSeries(unitId, from, to),
    placeholderData: (previous) => (previous?.unitId === unitId ? previous : undefined),
  });
}

export function useOfficerFigures(unitId: number) {
  return useQuery({ queryKey: statisticsKeys.officers(unitId), queryFn: () => fetchOfficerFigures(unitId) });
}

export function useWorkforce(unitId: number) {
  return useQuery({ queryKey: statisticsKeys.workforce(unitId), queryFn: () => fetchWorkforce(unitId) });
}

/** A declared workforce changes the coverage of every unit above, so all statistics are asked again. */
export function useSaveWorkforce(unitId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: WorkforceBody) => saveWorkforce(unitId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: statisticsKeys.all }),
  });
}
