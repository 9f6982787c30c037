import type { NotificationKind } from '@union/contracts/notifications';
import type { Db } from '../../kernel/db/database.js';
import { unsafeAccountsHoldingAt } from '../accounts/index.js';
import { notifyMany, type NewNotification } from '../notifications/index.js';
import type { VoiceItemRow } from './voice-access.js';

const KIND_NAMES = { concern: 'Ý kiến', proposal: 'Kiến nghị', complaint: 'Khiếu nại' } as const;

export const kindName = (item: Pick<VoiceItemRow, 'kind'>): string =>
  KIND_NAMES[item.kind as keyof typeof KIND_NAMES];

/** The app path of an item, for both faces of the app. */
export const itemLink = (id: number): string => `/voice/${id}`;

/**
 * Tells the officers who handle items at these units (with `voice.handle` there). Never names an
 * anonymous author: the text says only what the item is about.
 */
export async function notifyHandlers(
  tx: Db,
  unitIds: readonly number[],
  notice: { kind: NotificationKind; title: string; body: string; link: string },
  exceptAccountId?: number,
): Promise<void> {
  const officers = await unsafeAccountsHoldingAt(tx, unitIds, 'voice.handle');
  const accountIds = [...new Set(officers.map((officer) => officer.accountId))].filter(
    (id) => id !== exceptAccountId,
  );
  await notifyMany(
    tx,
    accountIds.map((accountId): NewNotification => ({ accountId, ...notice })),
  );
}

/** Tells the member who raised the item, when they have an account to be told through. */
export async function notifyAuthor(
  tx: Db,
  authorAccountId: number | null,
  notice: { kind: NotificationKind; title: string; body: string; link: string },
): Promise<void> {
  if (authorAccountId === null) return;
  await notifyMany(tx, [{ accountId: authorAccountId, ...notice }]);
}
