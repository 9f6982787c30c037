import { queryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchNotifications, fetchOwnUnion, markNotificationsRead } from './api';

/** Enough for the home page's "new" list and the tab's unread count, in one small request. */
const LATEST_LIMIT = 5;
const PAGE_LIMIT = 20;

export const memberAppKeys = {
  ownUnion: ['member-app', 'own-union'] as const,
  notifications: ['member-app', 'notifications'] as const,
  latestNotifications: ['member-app', 'notifications', 'latest'] as const,
  notificationList: ['member-app', 'notifications', 'list'] as const,
};

export const ownUnionQuery = queryOptions({
  queryKey: memberAppKeys.ownUnion,
  queryFn: ({ signal }) => fetchOwnUnion(signal),
  // Officers and the chain of unions change by decision, not by the minute.
  staleTime: 5 * 60_000,
});

export const latestNotificationsQuery = queryOptions({
  queryKey: memberAppKeys.latestNotifications,
  queryFn: ({ signal }) => fetchNotifications(LATEST_LIMIT, undefined, signal),
});

export function useOwnUnion() {
  return useQuery(ownUnionQuery);
}

/** The newest notifications and the unread count: the tab's badge and the home page share it. */
export function useLatestNotifications() {
  return useQuery(latestNotificationsQuery);
}

export function useNotificationList() {
  return useInfiniteQuery({
    queryKey: memberAppKeys.notificationList,
    queryFn: ({ pageParam, signal }) => fetchNotifications(PAGE_LIMIT, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Opened, the list is read: always ask again, so what is new is what came since.
    staleTime: 0,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: markNotificationsRead,
    // The badge and the home page clear; the open list keeps showing what was new when it opened.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: memberAppKeys.latestNotifications }),
  });
}
