import { and, desc, eq, isNull, lt, lte, sql } from 'drizzle-orm';
import type {
  NotificationDto,
  NotificationKind,
  NotificationListQuery,
  NotificationPage,
} from '@union/contracts/notifications';
import type { Db } from '../../kernel/db/database.js';
import type { Actor } from '../../kernel/access/actor.js';
import { DomainError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { notifications } from './notifications.schema.js';

export interface NewNotification {
  accountId: number;
  kind: NotificationKind;
  /** Vietnamese: "Yêu cầu sửa hồ sơ đã được duyệt". */
  title: string;
  body: string;
  /** An app path, such as /members/me. */
  link?: string | null;
}

// Five parameters a row: well under PostgreSQL's 65,535 bind parameters a statement.
const INSERT_BATCH = 1000;

/** Writes many notifications in the caller's transaction: they exist exactly when what they report does. */
export async function notifyMany(tx: Db, items: readonly NewNotification[]): Promise<void> {
  for (let start = 0; start < items.length; start += INSERT_BATCH) {
    await tx.insert(notifications).values(
      items.slice(start, start + INSERT_BATCH).map((item) => ({
        accountId: item.accountId,
        kind: item.kind,
        title: item.title,
        body: item.body,
        link: item.link ?? null,
      })),
    );
  }
}

/** Writes one notification in the caller's transaction. */
export const notify = (tx: Db, item: NewNotification): Promise<void> => notifyMany(tx, [item]);

type NotificationRow = typeof notifications.$inferSelect;

const toDto = (row: NotificationRow): NotificationDto => ({
  id: row.id,
  kind: row.kind as NotificationKind,
  title: row.title,
  body: row.body,
  link: row.link,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The caller's own inbox, newest first, with how many are unread. Nobody reads another's. */
export async function listNotifications(
  db: Db,
  actor: Actor,
  query: NotificationListQuery,
): Promise<NotificationPage> {
  const before = idCursorBefore(query.cursor);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(eq(notifications.accountId, actor.accountId), before ? lt(notifications.id, before) : undefined),
    )
    .orderBy(desc(notifications.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  const [counted] = await db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.accountId, actor.accountId), isNull(notifications.readAt)));
  return { items: page.map(toDto), nextCursor, unread: counted?.unread ?? 0 };
}

/**
 * Marks the caller's notifications up to and including `upToId` as read. The id must be one of theirs:
 * someone else's reads as missing, and nothing changes.
 */
export async function markNotificationsRead(db: Db, actor: Actor, upToId: number): Promise<void> {
  const [own] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, upToId), eq(notifications.accountId, actor.accountId)));
  if (!own) throw new DomainError('notification.not_found');
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.accountId, actor.accountId),
        lte(notifications.id, upToId),
        isNull(notifications.readAt),
      ),
    );
}
