import { UNIT_SEARCH_MIN } from '@union/contracts/units';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import {
  type ChildrenView,
  fetchRootUnits,
  fetchUnit,
  fetchUnitAncestors,
  fetchUnitChildren,
  fetchUnitHistory,
  searchUnits,
} from './api';

const unitKeys = {
  all: ['units'] as const,
  roots: () => [...unitKeys.all, 'roots'] as const,
  detail: (unitId: number) => [...unitKeys.all, 'detail', unitId] as const,
  children: (unitId: number, view: ChildrenView) => [...unitKeys.all, 'children', unitId, view] as const,
  ancestors: (unitId: number) => [...unitKeys.all, 'ancestors', unitId] as const,
  history: (unitId: number) => [...unitKeys.all, 'history', unitId] as const,
  search: (q: string) => [...unitKeys.all, 'search', q] as const,
};

export function useRootUnits() {
  return useQuery({ queryKey: unitKeys.roots(), queryFn: fetchRootUnits });
}

export function useUnit(unitId: number) {
  return useQuery({ queryKey: unitKeys.detail(unitId), queryFn: () => fetchUnit(unitId) });
}

export function useUnitChildren(unitId: number, view: ChildrenView = {}) {
  // One cache entry per distinct listing: a past date lists closed units anyway, and the tree's
  // default listing is shared with the panel's.
  const listing: ChildrenView = view.at ? { at: view.at } : view.includeClosed ? { includeClosed: true } : {};
  return useInfiniteQuery({
    queryKey: unitKeys.children(unitId, listing),
    queryFn: ({ pageParam }) => fetchUnitChildren(unitId, listing, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useUnitAncestors(unitId: number) {
  return useQuery({ queryKey: unitKeys.ancestors(unitId), queryFn: () => fetchUnitAncestors(unitId) });
}

export function useUnitHistory(unitId: number) {
  return useQuery({ queryKey: unitKeys.history(unitId), queryFn: () => fetchUnitHistory(unitId) });
}

/** Runs only once the (already debounced) text is long enough for the server to accept it. */
export function useUnitSearch(q: string) {
  return useQuery({
    queryKey: unitKeys.search(q),
    queryFn: ({ signal }) => searchUnits(q, signal),
    enabled: q.length >= UNIT_SEARCH_MIN,
    placeholderData: keepPreviousData,
  });
}

/** A change to one unit can reshape the tree anywhere in view, so every unit query is refreshed. */
export function useUnitMutation<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: unitKeys.all }),
  });
}
