import { sql } from 'drizzle-orm';
import { movedPath, type UnitLifecycleHooks } from '../units/index.js';
import { cardBenefitUses } from './cards.schema.js';

/**
 * Benefit uses count under the unit the member belonged to; when that unit moves in the tree, its
 * history moves with it (cards themselves follow the member record, which the members module moves).
 */
export const cardUnitHooks: UnitLifecycleHooks = {
  async subtreesMoved(tx, move) {
    const paths = movedPath(sql`${cardBenefitUses.unitPath}`, move);
    await tx
      .update(cardBenefitUses)
      .set({ unitPath: paths.newPath, provinceId: move.newProvinceId })
      .where(paths.inMovedSubtrees);
  },
};
