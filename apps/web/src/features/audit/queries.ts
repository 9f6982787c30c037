import { skipToken, useInfiniteQuery } from '@tanstack/react-query';
import { type AuditFilter, fetchAuditPage } from './api';

/** A page at a time; nothing is asked until a unit is chosen. */
export function useAuditEntries(filter: AuditFilter | null) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: filter ? ({ pageParam }) => fetchAuditPage(filter, pageParam) : skipToken,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
