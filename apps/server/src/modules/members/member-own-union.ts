import type { OwnUnionDto } from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import type { Actor } from '../../kernel/access/actor.js';
import { unsafeCurrentOfficers } from '../accounts/index.js';
import { unsafeUnitSummaries } from '../units/index.js';
import { getOwnMemberOrThrow } from './member-corrections.js';

/** Who a member reaches first: the chair, then the other officers. */
const ROLE_ORDER = ['grassroots_chair', 'grassroots_officer', 'upper_union_officer', 'federation_officer'];
const roleRank = (role: string) => {
  const rank = ROLE_ORDER.indexOf(role);
  return rank === -1 ? ROLE_ORDER.length : rank;
};

/**
 * "Công đoàn của tôi": the signed-in member's unit, the unions above it up to the province level, and
 * the officers in office at their grassroots union and the union directly above it. Two queries
 * after the member's own record, whatever the number of officers.
 */
export async function getOwnUnion(db: Db, actor: Actor): Promise<OwnUnionDto> {
  const member = await getOwnMemberOrThrow(db, actor);
  // The path lists the ids from the root down to the member's unit: "/1/14/203/" → [1, 14, 203].
  const chain = member.unitPath.split('/').filter(Boolean).map(Number);
  // The Confederation (the root) is above every union: it is not part of anyone's "my union".
  const belowRoot = chain.slice(1);
  const grassrootsAt = chain.indexOf(member.grassrootsUnitId);
  const superiorId = grassrootsAt > 1 ? chain[grassrootsAt - 1] : undefined;
  const officeUnits =
    superiorId === undefined ? [member.grassrootsUnitId] : [member.grassrootsUnitId, superiorId];
  const [summaries, officers] = [
    await unsafeUnitSummaries(db, belowRoot),
    await unsafeCurrentOfficers(db, officeUnits),
  ];
  const byId = new Map(summaries.map((unit) => [unit.id, unit]));
  const place = (id: number) => {
    const unit = byId.get(id);
    return { id, name: unit?.name ?? '', type: unit?.type ?? '' };
  };
  const unitRank = (unitId: number) => officeUnits.indexOf(unitId);
  return {
    unit: place(member.unitId),
    superiors: belowRoot.slice(0, -1).reverse().map(place),
    officers: officers
      .toSorted((a, b) => unitRank(a.unitId) - unitRank(b.unitId) || roleRank(a.role) - roleRank(b.role))
      .map((officer) => ({
        fullName: officer.fullName,
        role: officer.role,
        roleName: officer.roleName,
        unitName: byId.get(officer.unitId)?.name ?? '',
        phone: officer.phone,
        email: officer.email,
      })),
  };
}
