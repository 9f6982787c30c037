import { and, asc, eq, inArray } from 'drizzle-orm';
import type { MemberStatus } from '@union/contracts/members';
import type { Actor } from '../../kernel/access/actor.js';
import type { Permission } from '../../kernel/access/permissions.js';
import type { Db } from '../../kernel/db/database.js';
import { findOwnMember } from './member-corrections.js';
import { findMember, unitNames, type MemberRow } from './members.queries.js';
import { members } from './members.schema.js';

/** What the cards module may know of a member: what the card shows and where it belongs, no more. */
export interface CardHolder {
  id: number;
  memberCode: string;
  fullName: string;
  status: MemberStatus;
  unitId: number;
  unitPath: string;
  provinceId: number | null;
  /** The grassroots union the card names, even for a member of a branch or group inside it. */
  grassrootsUnitId: number;
  grassrootsUnitName: string;
  accountId: number | null;
}

type HolderColumns = Pick<
  MemberRow,
  | 'id'
  | 'memberCode'
  | 'fullName'
  | 'status'
  | 'unitId'
  | 'unitPath'
  | 'provinceId'
  | 'grassrootsUnitId'
  | 'accountId'
>;

const holderColumns = {
  id: members.id,
  memberCode: members.memberCode,
  fullName: members.fullName,
  status: members.status,
  unitId: members.unitId,
  unitPath: members.unitPath,
  provinceId: members.provinceId,
  grassrootsUnitId: members.grassrootsUnitId,
  accountId: members.accountId,
};

async function withUnitNames(db: Db, rows: HolderColumns[]): Promise<CardHolder[]> {
  const names = await unitNames(
    db,
    rows.map((row) => row.grassrootsUnitId),
  );
  return rows.map((row) => ({
    id: row.id,
    memberCode: row.memberCode,
    fullName: row.fullName,
    status: row.status as MemberStatus,
    unitId: row.unitId,
    unitPath: row.unitPath,
    provinceId: row.provinceId,
    grassrootsUnitId: row.grassrootsUnitId,
    grassrootsUnitName: names.get(row.grassrootsUnitId) ?? '',
    accountId: row.accountId,
  }));
}

/** The signed-in person's own membership, as their card shows it. */
export async function findOwnCardHolder(db: Db, actor: Actor): Promise<CardHolder | undefined> {
  const row = await findOwnMember(db, actor);
  return row ? (await withUnitNames(db, [row]))[0] : undefined;
}

/** A member in the actor's scope for `permission`; out of scope reads as missing. */
export async function findCardHolder(
  db: Db,
  actor: Actor,
  id: number,
  permission: Permission,
): Promise<CardHolder | undefined> {
  const row = await findMember(db, actor, id, permission);
  return row ? (await withUnitNames(db, [row]))[0] : undefined;
}

/**
 * By id, ignoring scope: a verifier checking a card the platform itself signed. The verify route needs
 * no union names (the card carries its own), so it can skip reading them.
 */
export async function unsafeCardHolders(
  db: Db,
  ids: readonly number[],
  options: { unitNames: boolean } = { unitNames: true },
): Promise<Map<number, CardHolder>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(holderColumns)
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]));
  const holders = options.unitNames
    ? await withUnitNames(db, rows)
    : rows.map((row) => ({ ...row, status: row.status as MemberStatus, grassrootsUnitName: '' }));
  return new Map(holders.map((holder) => [holder.id, holder]));
}

/** The active members of some units (an index range per unit): bulk card issue walks a subtree with it. */
export async function unsafeActiveCardHoldersIn(db: Db, unitIds: readonly number[]): Promise<CardHolder[]> {
  if (unitIds.length === 0) return [];
  const rows = await db
    .select(holderColumns)
    .from(members)
    .where(and(inArray(members.unitId, [...unitIds]), eq(members.status, 'active')))
    .orderBy(asc(members.id));
  return withUnitNames(db, rows);
}
