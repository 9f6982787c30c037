import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../kernel/db/database.js';

/**
 * Active members in a unit's whole subtree, from the live figures: one index read, or one per child
 * for the Confederation, which keeps no row of its own (its figures are the sum of its children's).
 */
export async function unitActiveMemberTotal(db: Db, unit: { id: number; path: string }): Promise<number> {
  const isRoot = unit.path === `/${unit.id}/`;
  const holders = isRoot ? sql`(select id from units where parent_id = ${unit.id})` : sql`(${unit.id}::int)`;
  const [row] = await queryRows<{ total: string | number | null }>(
    db,
    sql`select coalesce(sum(value), 0) as total from unit_figures
        where metric = 'status.active' and unit_id in ${holders}`,
  );
  return Number(row?.total ?? 0);
}
