import { eq, inArray, sql } from 'drizzle-orm';
import type { UnitType } from '@union/contracts/units';
import type { Db } from '../../kernel/db/database.js';
import { units } from './units.schema.js';

/** Reads that ignore scope: for first start, demo data and maintenance only, never for a request. */

export async function unsafeFindRootUnit(db: Db) {
  const [root] = await db
    .select()
    .from(units)
    .where(sql`${units.parentId} is null`);
  return root;
}

export async function unsafeFindUnitByCode(db: Db, code: string) {
  const [unit] = await db.select().from(units).where(eq(units.code, code));
  return unit;
}

/** Names of the units where an actor holds office: shown to that actor even without units.read. */
export async function unsafeUnitSummaries(db: Db, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: units.id, name: units.name, type: units.type, path: units.path })
    .from(units)
    .where(inArray(units.id, ids));
  return rows as { id: number; name: string; type: UnitType; path: string }[];
}
