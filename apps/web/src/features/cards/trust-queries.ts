import { useQuery } from '@tanstack/react-query';
import { loadOfflineTrust, refreshOfflineTrust } from './offline-trust';

const trustKeys = {
  kept: ['cards', 'offline-trust', 'kept'] as const,
  fresh: ['cards', 'offline-trust', 'fresh'] as const,
};

/** The published list's own time to live: a verifier online asks again this often. */
const REFRESH_MS = 60_000;

/**
 * The keys and status list for offline checks: what this device kept, replaced by a fresh copy every
 * minute while online (and on "Cập nhật danh sách").
 */
export function useOfflineTrust() {
  const kept = useQuery({
    queryKey: trustKeys.kept,
    queryFn: loadOfflineTrust,
    networkMode: 'always',
    staleTime: Infinity,
  });
  const fresh = useQuery({
    queryKey: trustKeys.fresh,
    queryFn: refreshOfflineTrust,
    staleTime: REFRESH_MS,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
  return {
    trust: fresh.data ?? kept.data ?? null,
    loading: kept.isPending || (fresh.isFetching && !fresh.data),
    refreshing: fresh.isFetching,
    refreshError: fresh.error,
    refresh: () => fresh.refetch(),
  };
}
