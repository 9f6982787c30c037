import { and, eq, inArray, sql } from 'drizzle-orm';
import { movedPath, unsafeRoutingUnits, type UnitLifecycleHooks } from '../units/index.js';
import { surveys, voiceAlerts, voiceItems, voiceMonthlyCounts } from './voice.schema.js';

/**
 * Items, surveys, alerts and counters copy unit paths; when units move, the copies move in the same
 * transaction. Rewriting an item's origin path fires the counters' update trigger, which takes the
 * items off the old ancestors' counts and adds them to the new ones.
 */
export const voiceUnitHooks: UnitLifecycleHooks = {
  async subtreesMoving(tx, move) {
    const origin = movedPath(sql`${voiceItems.originUnitPath}`, move);
    const handling = movedPath(sql`${voiceItems.handlingUnitPath}`, move);
    await tx
      .select({ id: voiceItems.id })
      .from(voiceItems)
      .where(sql`(${origin.inMovedSubtrees}) or (${handling.inMovedSubtrees})`)
      .for('update');
  },
  async subtreesMoved(tx, move) {
    const origin = movedPath(sql`${voiceItems.originUnitPath}`, move);
    await tx
      .update(voiceItems)
      .set({ originUnitPath: origin.newPath, provinceId: move.newProvinceId })
      .where(origin.inMovedSubtrees);
    const handling = movedPath(sql`${voiceItems.handlingUnitPath}`, move);
    await tx
      .update(voiceItems)
      .set({ handlingUnitPath: handling.newPath, handlingProvinceId: move.newProvinceId })
      .where(handling.inMovedSubtrees);
    const surveyPaths = movedPath(sql`${surveys.unitPath}`, move);
    await tx
      .update(surveys)
      .set({ unitPath: surveyPaths.newPath, provinceId: move.newProvinceId })
      .where(surveyPaths.inMovedSubtrees);
    const alertPaths = movedPath(sql`${voiceAlerts.unitPath}`, move);
    await tx.update(voiceAlerts).set({ unitPath: alertPaths.newPath }).where(alertPaths.inMovedSubtrees);
    const counterPaths = movedPath(sql`${voiceMonthlyCounts.unitPath}`, move);
    await tx
      .update(voiceMonthlyCounts)
      .set({ unitPath: counterPaths.newPath })
      .where(counterPaths.inMovedSubtrees);
  },
  /** Open items of a unit that closes into another go to it, with their deadlines as they were. */
  async unitMerged(tx, unit, intoUnitId) {
    const into = (await unsafeRoutingUnits(tx, [intoUnitId])).get(intoUnitId);
    if (!into) return;
    await tx
      .update(voiceItems)
      .set({ handlingUnitId: intoUnitId, handlingUnitPath: into.path, handlingProvinceId: into.provinceId })
      .where(
        and(eq(voiceItems.handlingUnitId, unit.id), inArray(voiceItems.status, ['received', 'in_progress'])),
      );
  },
};
