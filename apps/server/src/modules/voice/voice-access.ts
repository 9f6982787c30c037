import { eq } from 'drizzle-orm';
import { OPEN_VOICE_STATUSES } from '@union/contracts/voice';
import { mayAt, type Actor } from '../../kernel/access/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { findOwnVoiceMember, type VoiceMember } from '../members/index.js';
import { voiceItems } from './voice.schema.js';

export type VoiceItemRow = typeof voiceItems.$inferSelect;

/** Still waiting on the handling unit: deadlines, the inbox and the handling acts are about these. */
export const isOpen = (item: Pick<VoiceItemRow, 'status'>): boolean =>
  (OPEN_VOICE_STATUSES as readonly string[]).includes(item.status);

/**
 * How the caller sees an item:
 * - `author`: the member who raised it (their own view: never internal notes);
 * - `handler`: an officer with `voice.handle` for the handling unit. A concern is private: only officers
 *   of the handling unit itself see it; a proposal or complaint is also seen by the unions above;
 * - `public`: a member within a proposal's public scope.
 * Anything else reads as missing.
 */
export type VoiceViewer = 'author' | 'handler' | 'public';

export const handlesAtUnit = (actor: Actor, unitId: number): boolean =>
  actor.grants.some((grant) => grant.unitId === unitId && grant.permissions.has('voice.handle'));

export function isHandler(
  actor: Actor,
  item: Pick<VoiceItemRow, 'kind' | 'handlingUnitId' | 'handlingUnitPath'>,
) {
  return item.kind === 'concern'
    ? handlesAtUnit(actor, item.handlingUnitId)
    : mayAt(actor, 'voice.handle', item.handlingUnitPath);
}

export function isInPublicScope(
  member: VoiceMember | undefined,
  item: Pick<VoiceItemRow, 'kind' | 'scope' | 'grassrootsUnitId' | 'provinceId'>,
): boolean {
  if (!member || item.kind !== 'proposal') return false;
  return item.scope === 'province'
    ? item.provinceId !== null && item.provinceId === member.provinceId
    : item.grassrootsUnitId === member.grassrootsUnitId;
}

export interface VisibleItem {
  item: VoiceItemRow;
  viewer: VoiceViewer;
  member: VoiceMember | undefined;
}

/** The item as this caller may see it, or `voice.not_found` — the same answer whether missing or hidden. */
export async function getVisibleItemOrThrow(db: Db, actor: Actor, id: number): Promise<VisibleItem> {
  const [item] = await db.select().from(voiceItems).where(eq(voiceItems.id, id));
  if (!item) throw new DomainError('voice.not_found');
  const member = await findOwnVoiceMember(db, actor);
  if (member && item.authorMemberId === member.id) return { item, viewer: 'author', member };
  if (isHandler(actor, item)) return { item, viewer: 'handler', member };
  if (isInPublicScope(member, item)) return { item, viewer: 'public', member };
  throw new DomainError('voice.not_found');
}

/** Locks the item row for a change, re-reading it inside the transaction. */
export async function lockItem(tx: Db, id: number): Promise<VoiceItemRow> {
  const [item] = await tx.select().from(voiceItems).where(eq(voiceItems.id, id)).for('update');
  if (!item) throw new DomainError('voice.not_found');
  return item;
}
