import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.js';

/** Siblings that left one parent for another, with everything below them. */
export interface SubtreeMove {
  oldParentPath: string;
  newParentPath: string;
  movedUnitIds: number[];
  /** The level-2 unit the moved subtrees now fall under (null under the Confederation itself). */
  newProvinceId: number | null;
}

/**
 * Other modules keep copies of unit paths on their records (offices, later members, cases…). A move
 * tells them in the same transaction, so no record is left pointing at the old place.
 */
export interface UnitLifecycleHooks {
  /**
   * Before any unit row changes: lock what the move will rewrite. A transaction that changes one of those
   * records and then checks its unit (a foreign key) would otherwise wait on the moving units while the
   * move waits on its record.
   */
  subtreesMoving?(tx: Db, move: SubtreeMove): Promise<void>;
  subtreesMoved?(tx: Db, move: SubtreeMove): Promise<void>;
  /** A unit is about to close into another: what belongs to the unit itself goes over to `intoUnitId`. */
  unitMerged?(
    tx: Db,
    unit: { id: number; path: string },
    intoUnitId: number,
    mergedOn: string,
  ): Promise<void>;
  unitClosed?(tx: Db, unit: { id: number; path: string }, closedOn: string): Promise<void>;
}

/**
 * The set-based path rewrite for a move, for any column holding unit paths: which rows lie in the moved
 * subtrees (a prefix scan on the old parent, narrowed to the moved children), and their new path.
 */
export function movedPath(column: SQL, move: SubtreeMove): { inMovedSubtrees: SQL; newPath: SQL } {
  const tailStart = move.oldParentPath.length + 1;
  const ids = `{${move.movedUnitIds.join(',')}}`;
  return {
    inMovedSubtrees: sql`${column} like ${`${move.oldParentPath}%`}
      and split_part(substr(${column}, ${tailStart}::int), '/', 1) = any(${ids}::text[])`,
    newPath: sql`${move.newParentPath}::text || substr(${column}, ${tailStart}::int)`,
  };
}
