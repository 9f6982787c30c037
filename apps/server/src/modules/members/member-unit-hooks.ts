import { sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { movedPath, unsafeMembershipPlaces, type UnitLifecycleHooks } from '../units/index.js';
import { memberCorrections, members, memberTransfers } from './members.schema.js';
import { hasCurrentMembersUnder } from './members.service.js';

/**
 * Members keep a copy of their unit's path and province: a restructuring rewrites them in the same
 * transaction (set-based, however many members the moved subtrees hold), with the waiting transfers and
 * corrections that are scoped by path too.
 */
export const memberUnitHooks: UnitLifecycleHooks = {
  /** Members, transfers and corrections of the moved subtrees are taken before the units (see the hook). */
  async subtreesMoving(tx, move) {
    const memberPaths = movedPath(sql`${members.unitPath}`, move);
    await tx.execute(sql`select 1 from ${members} where ${memberPaths.inMovedSubtrees} for update`);
    const correctionPaths = movedPath(sql`${memberCorrections.unitPath}`, move);
    await tx.execute(
      sql`select 1 from ${memberCorrections} where ${correctionPaths.inMovedSubtrees} for update`,
    );
    const from = movedPath(sql`from_unit_path`, move);
    const to = movedPath(sql`to_unit_path`, move);
    await tx.execute(
      sql`select 1 from ${memberTransfers} where ${from.inMovedSubtrees} or ${to.inMovedSubtrees} for update`,
    );
  },
  async subtreesMoved(tx, move) {
    const memberPaths = movedPath(sql`${members.unitPath}`, move);
    // Branches and groups that moved to another grassroots union take their members with them; the
    // members of a moved grassroots union (or of a branch inside it) keep that union.
    const [newParent] = await unsafeMembershipPlaces(tx, [Number(move.newParentPath.split('/').at(-2))]);
    const newGrassroots = newParent?.grassrootsId ?? null;
    await tx
      .update(members)
      .set({
        unitPath: memberPaths.newPath,
        provinceId: move.newProvinceId,
        ...(newGrassroots === null
          ? {}
          : {
              grassrootsUnitId: sql`case when ${members.grassrootsUnitId} = any(${`{${move.movedUnitIds.join(',')}}`}::int[])
                then ${members.grassrootsUnitId} else ${newGrassroots}::int end`,
            }),
      })
      .where(memberPaths.inMovedSubtrees);
    const correctionPaths = movedPath(sql`${memberCorrections.unitPath}`, move);
    await tx
      .update(memberCorrections)
      .set({ unitPath: correctionPaths.newPath })
      .where(correctionPaths.inMovedSubtrees);
    for (const column of ['from_unit_path', 'to_unit_path'] as const) {
      const paths = movedPath(sql`${sql.identifier(column)}`, move);
      await tx.execute(
        sql`update ${memberTransfers} set ${sql.identifier(column)} = ${paths.newPath} where ${paths.inMovedSubtrees}`,
      );
    }
  },
  /**
   * Two grassroots unions merge (or a branch into another): the members of the closing unit transfer
   * to the one absorbing it, each with a dated transfer event, set-based. A target that cannot hold
   * members leaves them in place, and the closing then refuses as for a dissolution.
   */
  async unitMerged(tx: Db, unit, intoUnitId, mergedOn) {
    const [into] = await unsafeMembershipPlaces(tx, [intoUnitId]);
    if (!into?.grassrootsId || into.status !== 'active') return;
    const current = sql`${members.unitId} = ${unit.id} and ${members.status} in ('active', 'suspended')`;
    await tx.execute(sql`
      insert into member_events (member_id, type, effective_on, unit_id, to_unit_id, reason)
      select id, 'transfer', greatest(${mergedOn}::date, joined_at), unit_id, ${into.id}::int, 'merge'
      from members where ${current}`);
    await tx
      .update(members)
      .set({
        unitId: into.id,
        grassrootsUnitId: into.grassrootsId,
        unitPath: into.path,
        provinceId: into.provinceId,
        updatedAt: new Date(),
      })
      .where(current);
  },
  async unitClosed(tx: Db, unit) {
    if (await hasCurrentMembersUnder(tx, unit.path)) throw new DomainError('unit.has_members');
  },
};
