import { inArray } from 'drizzle-orm';
import type { MemberStatus, Sex } from '@union/contracts/members';
import type { Actor } from '../../kernel/access/actor.js';
import type { Permission } from '../../kernel/access/permissions.js';
import type { Db } from '../../kernel/db/database.js';
import { findOwnMember } from './member-corrections.js';
import { findMember, type MemberRow } from './members.queries.js';
import { members } from './members.schema.js';

/**
 * What the voice module may know of a member: where they belong (to route what they raise and to
 * scope it), and sex and birth date for survey breakdowns. Never the citizen ID or the phone.
 */
export interface VoiceMember {
  id: number;
  fullName: string;
  status: MemberStatus;
  unitId: number;
  unitPath: string;
  provinceId: number | null;
  grassrootsUnitId: number;
  accountId: number | null;
  sex: Sex;
  birthDate: string;
}

const toVoiceMember = (row: MemberRow): VoiceMember => ({
  id: row.id,
  fullName: row.fullName,
  status: row.status as MemberStatus,
  unitId: row.unitId,
  unitPath: row.unitPath,
  provinceId: row.provinceId,
  grassrootsUnitId: row.grassrootsUnitId,
  accountId: row.accountId,
  sex: row.sex as Sex,
  birthDate: row.birthDate,
});

/** The signed-in person's own membership. */
export async function findOwnVoiceMember(db: Db, actor: Actor): Promise<VoiceMember | undefined> {
  const row = await findOwnMember(db, actor);
  return row ? toVoiceMember(row) : undefined;
}

/** A member in the actor's scope for `permission` (an officer entering an item on their behalf). */
export async function findVoiceMember(
  db: Db,
  actor: Actor,
  id: number,
  permission: Permission,
): Promise<VoiceMember | undefined> {
  const row = await findMember(db, actor, id, permission);
  return row ? toVoiceMember(row) : undefined;
}

/** Names by member id, ignoring scope: the caller has already scoped the items that name them. */
export async function unsafeMemberNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, fullName: members.fullName })
    .from(members)
    .where(inArray(members.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row.fullName]));
}
