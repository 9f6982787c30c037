import { OwnUnionDto } from '@union/contracts/members';
import { type MarkNotificationsReadBody, NotificationPage } from '@union/contracts/notifications';
import { api, ApiError } from '../../app/api-client';

/** The member's union and its officers, or `null` when the account has no member record. */
export async function fetchOwnUnion(signal?: AbortSignal): Promise<OwnUnionDto | null> {
  try {
    return await api('/me/union', { schema: OwnUnionDto, signal });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'member.no_own_record') return null;
    throw error;
  }
}

export const fetchNotifications = (limit: number, cursor: string | undefined, signal?: AbortSignal) =>
  api('/me/notifications', { query: { limit, cursor }, schema: NotificationPage, signal });

export const markNotificationsRead = (upToId: number) =>
  api('/me/notifications/read', {
    method: 'POST',
    body: { upToId } satisfies MarkNotificationsReadBody,
  });
