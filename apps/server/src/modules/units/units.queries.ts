import { and, asc, eq, gt, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { UnitDto, UnitSummaryDto, UnitType } from '@union/contracts/units';
import type { Db } from '../../kernel/db/database.js';
import type { Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import type { Permission } from '../../kernel/access/permissions.js';
import { DomainError } from '../../kernel/errors.js';
import { escapeLike } from '../../kernel/text/fold.js';
import { unitPlacements, units } from './units.schema.js';
import { unitAbilities } from './units.policies.js';

const managing = alias(units, 'managing');
const parentUnit = alias(units, 'parent');

const unitColumns = {
  id: units.id,
  type: units.type,
  code: units.code,
  name: units.name,
  nameFolded: units.nameFolded,
  path: units.path,
  parentId: units.parentId,
  parentName: parentUnit.name,
  managingUnitId: units.managingUnitId,
  managingUnitName: managing.name,
  provinceId: units.provinceId,
  depth: units.depth,
  status: units.status,
  establishedOn: units.establishedOn,
  closedOn: units.closedOn,
  childCount: sql<number>`(select count(*)::int from units c where c.parent_id = ${units.id} and c.status = 'active')`,
};

export type UnitRow = Omit<UnitDto, 'can' | 'type' | 'status'> & {
  type: UnitType;
  status: UnitDto['status'];
  nameFolded: string;
};

const selectUnits = (db: Db) =>
  db
    .select(unitColumns)
    .from(units)
    .leftJoin(managing, eq(managing.id, units.managingUnitId))
    .leftJoin(parentUnit, eq(parentUnit.id, units.parentId))
    .$dynamic();

export const toUnitDto = (actor: Actor, row: UnitRow): UnitDto => ({
  ...row,
  can: unitAbilities(actor, row),
});

/** The unit if it lies in the actor's scope for `permission`; out of scope reads exactly like missing. */
export async function findUnit(db: Db, actor: Actor, id: number, permission: Permission = 'units.read') {
  const [row] = await selectUnits(db).where(
    and(eq(units.id, id), withinScope(units.path, actor, permission)),
  );
  return row as UnitRow | undefined;
}

export async function getUnitOrThrow(
  db: Db,
  actor: Actor,
  id: number,
  permission: Permission = 'units.read',
) {
  const unit = await findUnit(db, actor, id, permission);
  if (!unit) throw new DomainError('unit.not_found');
  return unit;
}

export async function listUnitsInScopeByIds(db: Db, actor: Actor, ids: number[]) {
  if (ids.length === 0) return [];
  const rows = await selectUnits(db).where(
    and(inArray(units.id, ids), withinScope(units.path, actor, 'units.read')),
  );
  return rows as UnitRow[];
}

/** Just where a unit sits, if the actor may read it: enough to list what lies below it. */
export async function findUnitPlace(db: Db, actor: Actor, id: number) {
  const [row] = await db
    .select({ id: units.id, path: units.path })
    .from(units)
    .where(and(eq(units.id, id), withinScope(units.path, actor, 'units.read')));
  return row;
}

/** The units at the top of the actor's scope: where the tree browser starts. */
export async function listScopeRoots(db: Db, actor: Actor, paths: string[]) {
  if (paths.length === 0) return [];
  const rows = await selectUnits(db)
    .where(inArray(units.path, paths))
    .orderBy(asc(units.depth), asc(units.nameFolded));
  return rows as UnitRow[];
}

export interface ChildrenPosition {
  name: string;
  id: number;
}

/** Keyset paging on (folded name, id): rows strictly after the last one the caller saw. */
const afterPosition = (after: ChildrenPosition): SQL =>
  or(gt(units.nameFolded, after.name), and(eq(units.nameFolded, after.name), gt(units.id, after.id)))!;

/** Current children, keyset-paged on (folded name, id) so deep pages cost the same as the first. */
export async function listCurrentChildren(
  db: Db,
  actor: Actor,
  parent: { id: number },
  options: { limit: number; after?: ChildrenPosition; includeClosed: boolean },
) {
  const filters: SQL[] = [eq(units.parentId, parent.id), withinScope(units.path, actor, 'units.read')];
  if (!options.includeClosed) filters.push(eq(units.status, 'active'));
  if (options.after) filters.push(afterPosition(options.after));
  const rows = await selectUnits(db)
    .where(and(...filters))
    .orderBy(asc(units.nameFolded), asc(units.id))
    .limit(options.limit + 1);
  return rows as UnitRow[];
}

/** The children as the tree stood on a past date, from the placement history. */
export async function listChildrenAt(
  db: Db,
  actor: Actor,
  parent: { id: number },
  at: string,
  options: { limit: number; after?: ChildrenPosition },
) {
  const filters: SQL[] = [
    eq(unitPlacements.parentId, parent.id),
    sql`${unitPlacements.validFrom} <= ${at}`,
    sql`(${unitPlacements.validTo} is null or ${unitPlacements.validTo} > ${at})`,
    // Where the unit stood then, and where it stands now: a unit that has since left the caller's
    // scope is not theirs to see, even in the past.
    withinScope(unitPlacements.path, actor, 'units.read'),
    withinScope(units.path, actor, 'units.read'),
  ];
  if (options.after) filters.push(afterPosition(options.after));
  const rows = await db
    .select({ ...unitColumns, path: unitPlacements.path, parentId: unitPlacements.parentId })
    .from(unitPlacements)
    .innerJoin(units, eq(units.id, unitPlacements.unitId))
    .leftJoin(managing, eq(managing.id, units.managingUnitId))
    .leftJoin(parentUnit, eq(parentUnit.id, unitPlacements.parentId))
    .where(and(...filters))
    .orderBy(asc(units.nameFolded), asc(units.id))
    .limit(options.limit + 1);
  return rows as UnitRow[];
}

/** Ancestors of a path (root first) that the actor may read: breadcrumbs never reveal what lies above scope. */
export async function listAncestorsInScope(db: Db, actor: Actor, path: string): Promise<UnitSummaryDto[]> {
  const ancestorIds = path.split('/').filter(Boolean).map(Number).slice(0, -1);
  if (ancestorIds.length === 0) return [];
  const rows = await db
    .select({ id: units.id, type: units.type, code: units.code, name: units.name, path: units.path })
    .from(units)
    .where(and(inArray(units.id, ancestorIds), withinScope(units.path, actor, 'units.read')))
    .orderBy(asc(units.depth));
  return rows as UnitSummaryDto[];
}

/**
 * Search by folded name (diacritics optional) or exact code, within scope. Names that contain the query
 * with its diacritics as typed rank first, then names that start with it. Unit names number ~130,000,
 * so a scoped trigram LIKE with a LIMIT stays fast; person names use other indexes.
 */
export async function searchUnits(
  db: Db,
  actor: Actor,
  query: { q: string; qFolded: string; underPath?: string; type?: UnitType; limit: number; offset: number },
) {
  const contains = `%${escapeLike(query.qFolded)}%`;
  const filters: SQL[] = [
    withinScope(units.path, actor, 'units.read'),
    or(like(units.nameFolded, contains), eq(units.code, query.q.toUpperCase()))!,
  ];
  if (query.underPath) filters.push(like(units.path, `${query.underPath}%`));
  if (query.type) filters.push(eq(units.type, query.type));
  const rows = await selectUnits(db)
    .where(and(...filters))
    .orderBy(
      sql`(${units.status} = 'active') desc`,
      sql`(${units.name} ilike ${`%${escapeLike(query.q)}%`}) desc`,
      sql`(${units.nameFolded} like ${`${escapeLike(query.qFolded)}%`}) desc`,
      asc(units.nameFolded),
      asc(units.id),
    )
    .limit(query.limit + 1)
    .offset(query.offset);
  return rows as UnitRow[];
}
