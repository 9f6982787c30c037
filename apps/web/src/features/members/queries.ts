import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { MEMBER_SEARCH_MIN } from '@union/contracts/members';
import {
  type CorrectionStatus,
  checkDuplicates,
  fetchCorrections,
  fetchJob,
  fetchMember,
  fetchMembers,
  fetchOwnMember,
  fetchTransfers,
  type MemberFilters,
  searchTransferDestinations,
  type TransferFilter,
} from './api';

export const memberKeys = {
  all: ['members'] as const,
  list: (filters: MemberFilters) => [...memberKeys.all, 'list', filters] as const,
  detail: (memberId: number) => [...memberKeys.all, 'detail', memberId] as const,
  duplicates: (fullName: string, birthDate: string) =>
    [...memberKeys.all, 'duplicates', fullName, birthDate] as const,
  destinations: (q: string) => [...memberKeys.all, 'destinations', q] as const,
  transfers: (filter: TransferFilter) => [...memberKeys.all, 'transfers', filter] as const,
  corrections: (status: CorrectionStatus) => [...memberKeys.all, 'corrections', status] as const,
  own: () => [...memberKeys.all, 'own'] as const,
};

export function useMembers(filters: MemberFilters) {
  return useInfiniteQuery({
    queryKey: memberKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchMembers(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useMember(memberId: number) {
  return useQuery({ queryKey: memberKeys.detail(memberId), queryFn: () => fetchMember(memberId) });
}

/** Same name and birth date as a current member: asked once both are filled (the caller debounces). */
export function useDuplicateCheck(fullName: string, birthDate: string, enabled: boolean) {
  return useQuery({
    queryKey: memberKeys.duplicates(fullName, birthDate),
    queryFn: ({ signal }) => checkDuplicates(fullName, birthDate, signal),
    enabled,
    staleTime: 60_000,
  });
}

export function useTransferDestinations(q: string) {
  return useQuery({
    queryKey: memberKeys.destinations(q),
    queryFn: ({ signal }) => searchTransferDestinations(q, signal),
    enabled: q.length >= MEMBER_SEARCH_MIN,
    placeholderData: keepPreviousData,
  });
}

export function useTransfers(filter: TransferFilter) {
  return useInfiniteQuery({
    queryKey: memberKeys.transfers(filter),
    queryFn: ({ pageParam }) => fetchTransfers(filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useCorrections(status: CorrectionStatus) {
  return useInfiniteQuery({
    queryKey: memberKeys.corrections(status),
    queryFn: ({ pageParam }) => fetchCorrections(status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useOwnMember() {
  return useQuery({ queryKey: memberKeys.own(), queryFn: fetchOwnMember });
}

const POLL_MS = 1_000;

/** Polled every second until the job ends. */
export function useJob(jobId: number | string | null) {
  return useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => fetchJob(jobId!),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'succeeded' || status === 'failed' ? false : POLL_MS;
    },
    staleTime: 0,
  });
}

/** A change to members can show anywhere (lists, profiles, queues): every member query is refreshed. */
export function useMemberMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberKeys.all }),
  });
}
