import { eq, inArray, like, sql } from 'drizzle-orm';
import type { UnitType } from '@union/contracts/units';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { escapeLike } from '../../kernel/text/fold.js';
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

/** Where members can belong, with the grassroots union each unit lies in (itself, or the one above it). */
export interface MembershipPlace {
  id: number;
  name: string;
  type: UnitType;
  path: string;
  provinceId: number | null;
  status: 'active' | 'merged' | 'dissolved';
  grassrootsId: number | null;
  grassrootsName: string | null;
}

/**
 * Places by id, ignoring scope: the members module checks the caller's rights on the path itself (a
 * transfer names a receiving union the sender cannot see; a unit's name is not personal data).
 */
export async function unsafeMembershipPlaces(db: Db, ids: number[]): Promise<MembershipPlace[]> {
  if (ids.length === 0) return [];
  return queryRows<MembershipPlace>(
    db,
    sql`select u.id, u.name, u.type, u.path, u.province_id as "provinceId", u.status,
          g.id as "grassrootsId", g.name as "grassrootsName"
        from units u
        left join lateral (
          select a.id, a.name from units a
          where a.id = any(string_to_array(trim(both '/' from u.path), '/')::int[])
            and a.type in ('grassroots_union', 'grassroots_guild')
          order by a.depth desc limit 1) g on true
        where u.id = any(${`{${ids.join(',')}}`}::int[])`,
  );
}

/** Grassroots unions and guilds nationwide by folded name or exact code: transfer destinations. */
export async function unsafeSearchGrassrootsUnits(db: Db, folded: string, code: string, limit: number) {
  return queryRows<{ id: number; name: string; code: string; path: string }>(
    db,
    sql`select id, name, code, path from units
        where status = 'active' and type in ('grassroots_union', 'grassroots_guild', 'union_branch', 'union_group')
          and (name_folded like ${`%${escapeLike(folded)}%`} or code = ${code})
        order by (code = ${code}) desc, name_folded, id limit ${limit}`,
  );
}

/** Every unit in a subtree (the unit itself included), by id: bulk work walks a subtree unit by unit. */
export async function unsafeUnitIdsUnder(db: Db, path: string): Promise<number[]> {
  const rows = await db
    .select({ id: units.id })
    .from(units)
    .where(like(units.path, `${path}%`))
    .orderBy(units.id);
  return rows.map((row) => row.id);
}

/** What routing an item up the tree needs of its units: where each sits and who manages it. */
export interface RoutingUnit {
  id: number;
  name: string;
  type: UnitType;
  path: string;
  parentId: number | null;
  managingUnitId: number | null;
  provinceId: number | null;
  status: 'active' | 'merged' | 'dissolved';
}

export async function unsafeRoutingUnits(db: Db, ids: readonly number[]): Promise<Map<number, RoutingUnit>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: units.id,
      name: units.name,
      type: units.type,
      path: units.path,
      parentId: units.parentId,
      managingUnitId: units.managingUnitId,
      provinceId: units.provinceId,
      status: units.status,
    })
    .from(units)
    .where(inArray(units.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row as RoutingUnit]));
}

/**
 * The active unions directly under the Confederation (provincial federations, central sector and
 * corporate unions): where a person without a session may send a legal question.
 */
export async function unsafeProvinceLevelUnits(
  db: Db,
): Promise<{ id: number; name: string; path: string }[]> {
  return queryRows(
    db,
    sql`select u.id, u.name, u.path from units u join units p on p.id = u.parent_id
        where p.type = 'confederation' and u.status = 'active' order by u.name`,
  );
}
