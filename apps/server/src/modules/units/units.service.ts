import { and, asc, eq, sql } from 'drizzle-orm';
import {
  LEVEL_TWO_TYPES,
  type BulkMoveUnitsBody,
  type CreateUnitBody,
  type DissolveUnitBody,
  type MergeUnitBody,
  type MoveUnitBody,
  type UnitChildrenQuery,
  type UnitEventDto,
  type UnitSearchQuery,
  type UnitType,
  type UpdateUnitBody,
} from '@union/contracts/units';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { mayAbove, mayAt, scopePaths, type Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { decodeCursor, encodeCursor } from '../../kernel/http/cursor.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { insertUnit } from './unit-insert.js';
import { mayHoldChild } from './units.policies.js';
import {
  findUnitPlace,
  getUnitOrThrow,
  listAncestorsInScope,
  listChildrenAt,
  listCurrentChildren,
  listScopeRoots,
  listUnitsInScopeByIds,
  searchUnits,
  toUnitDto,
  type ChildrenPosition,
  type UnitRow,
} from './units.queries.js';
import { unitEvents, unitOperations, unitPlacements, units } from './units.schema.js';
import { movedPath, type SubtreeMove, type UnitLifecycleHooks } from './unit-moves.js';

// Restructurings read paths, then rewrite them: they run one at a time, or two moves could each rewrite
// a subtree from a path the other has just changed (or a unit be created under one being closed).
const TREE_LOCK_KEY = 73_102_026;

/** Runs `work` in one transaction holding the tree lock; it re-reads everything it checks inside. */
async function restructure<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK_KEY})`);
    return work(tx);
  });
}

function assertEffectiveDate(effectiveOn: string, notBefore: string): void {
  if (effectiveOn > todayInVietnam()) throw new DomainError('unit.date_in_future');
  if (effectiveOn < notBefore) throw new DomainError('unit.date_before_established');
}

const assertActive = (unit: UnitRow): void => {
  if (unit.status !== 'active') throw new DomainError('unit.closed');
};

export async function createUnit(db: Db, actor: Actor, body: CreateUnitBody) {
  // Every read and write below is the locked transaction's: `db` is the transaction here.
  return restructure(db, async (db) => {
    const parent = await getUnitOrThrow(db, actor, body.parentId, 'units.create');
    assertActive(parent);
    if (!mayHoldChild(parent.type, body.type)) throw new DomainError('unit.child_type_not_allowed');
    const establishedOn = body.establishedOn ?? todayInVietnam();
    assertEffectiveDate(establishedOn, '1900-01-01');
    const managingUnitId = body.managingUnitId
      ? (await getUnitOrThrow(db, actor, body.managingUnitId)).id
      : parent.id;
    const id = await db.transaction(async (tx) => {
      const created = await insertUnit(tx, parent, {
        type: body.type,
        name: body.name,
        code: body.code,
        managingUnitId,
        establishedOn,
        recordedBy: actor.accountId,
      });
      await recordAudit(tx, actor, {
        action: 'unit.create',
        entityType: 'unit',
        entityId: created.id,
        unitId: created.id,
        unitPath: created.path,
        details: { type: body.type, name: body.name, parentId: parent.id },
      });
      return created.id;
    });
    return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
  });
}

export async function updateUnit(db: Db, actor: Actor, id: number, body: UpdateUnitBody) {
  const unit = await getUnitOrThrow(db, actor, id);
  if (!mayAt(actor, 'units.update', unit.path)) throw new DomainError('access.denied');
  assertActive(unit);
  const managingUnitId =
    body.managingUnitId === undefined || body.managingUnitId === null
      ? body.managingUnitId
      : (await getUnitOrThrow(db, actor, body.managingUnitId)).id;
  const today = todayInVietnam();
  await db.transaction(async (tx) => {
    try {
      await tx
        .update(units)
        .set({
          ...(body.name !== undefined ? { name: body.name, nameFolded: foldVietnamese(body.name) } : {}),
          ...(body.code !== undefined ? { code: body.code } : {}),
          ...(managingUnitId !== undefined ? { managingUnitId } : {}),
        })
        .where(eq(units.id, id));
    } catch (error) {
      if (isUniqueViolation(error, 'units_code_key')) throw new DomainError('unit.code_taken');
      throw error;
    }
    if (body.name !== undefined && body.name !== unit.name) {
      await tx.insert(unitEvents).values({
        unitId: id,
        type: 'renamed',
        effectiveOn: today,
        recordedBy: actor.accountId,
        details: { from: unit.name, to: body.name },
      });
    }
    if (managingUnitId !== undefined && managingUnitId !== unit.managingUnitId) {
      await tx.insert(unitEvents).values({
        unitId: id,
        type: 'managing_changed',
        effectiveOn: today,
        recordedBy: actor.accountId,
        details: { from: unit.managingUnitId, to: managingUnitId },
      });
    }
    await recordAudit(tx, actor, {
      action: 'unit.update',
      entityType: 'unit',
      entityId: id,
      unitId: id,
      unitPath: unit.path,
      details: { ...body, before: { name: unit.name, code: unit.code, managingUnitId: unit.managingUnitId } },
    });
  });
  return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
}

interface Relocation {
  kind: 'move' | 'bulk_move' | 'merge';
  oldParent: UnitRow;
  newParent: UnitRow;
  /** Units that all sit directly under `oldParent` today. */
  movedIds: number[];
  effectiveOn: string;
  reason: string | undefined;
  operationId: number;
}

/**
 * Re-parents a set of siblings and rewrites the paths of their whole subtrees in a few set-based
 * statements, whatever their number: the 2025 reorganisation moved thousands of grassroots unions at once.
 */
async function relocate(
  tx: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  relocation: Relocation,
): Promise<void> {
  const { oldParent, newParent, movedIds, effectiveOn, operationId } = relocation;
  const move: SubtreeMove = {
    oldParentPath: oldParent.path,
    newParentPath: newParent.path,
    movedUnitIds: movedIds,
    newProvinceId: LEVEL_TWO_TYPES.includes(newParent.type) ? newParent.id : newParent.provinceId,
  };
  const ids = sql`${`{${movedIds.join(',')}}`}::int[]`;
  const rewrite = movedPath(sql`path`, move);
  await hooks.subtreesMoving?.(tx, move);
  // Record where each moved unit came from before its path changes.
  await tx.execute(sql`
    insert into unit_events (unit_id, type, effective_on, recorded_by, operation_id, reason, details)
    select id, 'moved', ${effectiveOn}::date, ${actor.accountId}, ${operationId}, ${relocation.reason ?? null},
      jsonb_build_object('fromParentId', ${oldParent.id}::int, 'fromParentName', ${oldParent.name}::text,
        'toParentId', ${newParent.id}::int, 'toParentName', ${newParent.name}::text,
        'fromPath', path, 'toPath', ${newParent.path}::text || id || '/', 'kind', ${relocation.kind}::text)
    from units where id = any(${ids})`);
  await tx.execute(sql`
    update units set
      path = ${rewrite.newPath},
      depth = depth + ${newParent.depth - oldParent.depth}::int,
      province_id = ${move.newProvinceId}::int
    where ${rewrite.inMovedSubtrees}`);
  await tx.execute(sql`
    update units set parent_id = ${newParent.id}::int,
      managing_unit_id = case when managing_unit_id = ${oldParent.id}::int then ${newParent.id}::int else managing_unit_id end
    where id = any(${ids})`);
  await tx.execute(sql`
    update unit_placements set valid_to = ${effectiveOn}::date where unit_id = any(${ids}) and valid_to is null`);
  await tx.execute(sql`
    insert into unit_placements (unit_id, parent_id, path, valid_from)
    select id, ${newParent.id}::int, path, ${effectiveOn}::date from units where id = any(${ids})`);
  await hooks.subtreesMoved?.(tx, move);
}

async function startOperation(
  tx: Db,
  actor: Actor,
  kind: string,
  effectiveOn: string,
  reason: string | undefined,
  count: number,
) {
  const [operation] = await tx
    .insert(unitOperations)
    .values({ kind, effectiveOn, recordedBy: actor.accountId, reason, unitCount: count })
    .returning({ id: unitOperations.id });
  return operation!.id;
}

/** Checks shared by every move: authority on both sides, no cycle, a legal parent type, a sane date. */
async function resolveDestination(db: Db, actor: Actor, newParentId: number) {
  const newParent = await getUnitOrThrow(db, actor, newParentId, 'units.move');
  assertActive(newParent);
  return newParent;
}

function assertMovable(actor: Actor, unit: UnitRow, newParent: UnitRow, effectiveOn: string): void {
  if (unit.parentId === null) throw new DomainError('unit.root_immovable');
  if (!mayAbove(actor, 'units.move', unit.path)) throw new DomainError('access.denied');
  assertActive(unit);
  if (newParent.path.startsWith(unit.path)) throw new DomainError('unit.move_cycle');
  if (unit.parentId === newParent.id) throw new DomainError('unit.move_same_parent');
  if (!mayHoldChild(newParent.type, unit.type)) throw new DomainError('unit.child_type_not_allowed');
  assertEffectiveDate(effectiveOn, unit.establishedOn);
}

export async function moveUnit(
  db: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  id: number,
  body: MoveUnitBody,
) {
  // Every read and write below is the locked transaction's: `db` is the transaction here.
  return restructure(db, async (db) => {
    const unit = await getUnitOrThrow(db, actor, id);
    const newParent = await resolveDestination(db, actor, body.newParentId);
    assertMovable(actor, unit, newParent, body.effectiveOn);
    const oldParent = await getUnitOrThrow(db, actor, unit.parentId!);
    await db.transaction(async (tx) => {
      const operationId = await startOperation(tx, actor, 'move', body.effectiveOn, body.reason, 1);
      await relocate(tx, actor, hooks, {
        kind: 'move',
        oldParent,
        newParent,
        movedIds: [id],
        effectiveOn: body.effectiveOn,
        reason: body.reason,
        operationId,
      });
      // Filed on both sides: the old place's officers see the unit leave, the new place's see it arrive.
      for (const [side, unitPath] of [
        ['from', unit.path],
        ['to', `${newParent.path}${id}/`],
      ] as const) {
        await recordAudit(tx, actor, {
          action: 'unit.move',
          entityType: 'unit',
          entityId: id,
          unitId: id,
          unitPath,
          details: {
            side,
            fromParentId: oldParent.id,
            toParentId: newParent.id,
            effectiveOn: body.effectiveOn,
            operationId,
          },
        });
      }
    });
    return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
  });
}

export async function bulkMoveUnits(
  db: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  body: BulkMoveUnitsBody,
) {
  // Every read and write below is the locked transaction's: `db` is the transaction here.
  return restructure(db, async (db) => {
    const newParent = await resolveDestination(db, actor, body.newParentId);
    let candidates: UnitRow[];
    if (body.fromParentId !== undefined) {
      const source = await getUnitOrThrow(db, actor, body.fromParentId, 'units.move');
      candidates = await listAllActiveChildren(db, actor, source.id, body.types);
    } else {
      const requested = [...new Set(body.unitIds)];
      candidates = await listUnitsByIds(db, actor, requested);
      if (candidates.length !== requested.length) throw new DomainError('unit.not_found');
      if (body.types) candidates = candidates.filter((unit) => body.types!.includes(unit.type));
    }
    if (candidates.length === 0) throw new DomainError('unit.bulk_move_empty');
    // A unit listed together with one of its own descendants would be moved twice.
    const paths = candidates.map((unit) => unit.path).sort();
    if (paths.some((path, i) => i > 0 && path.startsWith(paths[i - 1]!))) {
      throw new DomainError('unit.bulk_move_nested');
    }
    for (const unit of candidates) assertMovable(actor, unit, newParent, body.effectiveOn);

    const byOldParent = new Map<number, UnitRow[]>();
    for (const unit of candidates)
      byOldParent.set(unit.parentId!, [...(byOldParent.get(unit.parentId!) ?? []), unit]);
    const oldParents = await listUnitsByIds(db, actor, [...byOldParent.keys()]);
    const operationId = await db.transaction(async (tx) => {
      const operation = await startOperation(
        tx,
        actor,
        'bulk_move',
        body.effectiveOn,
        body.reason,
        candidates.length,
      );
      for (const oldParent of oldParents) {
        await relocate(tx, actor, hooks, {
          kind: 'bulk_move',
          oldParent,
          newParent,
          movedIds: byOldParent.get(oldParent.id)!.map((unit) => unit.id),
          effectiveOn: body.effectiveOn,
          reason: body.reason,
          operationId: operation,
        });
      }
      await recordAudit(tx, actor, {
        action: 'unit.bulk_move',
        entityType: 'unit_operation',
        entityId: operation,
        unitId: newParent.id,
        unitPath: newParent.path,
        details: {
          count: candidates.length,
          fromParentIds: [...byOldParent.keys()],
          toParentId: newParent.id,
          effectiveOn: body.effectiveOn,
        },
      });
      // Each unit they left sees the departure in its own subtree's log.
      for (const oldParent of oldParents) {
        await recordAudit(tx, actor, {
          action: 'unit.bulk_move',
          entityType: 'unit_operation',
          entityId: operation,
          unitId: oldParent.id,
          unitPath: oldParent.path,
          details: {
            side: 'from',
            count: byOldParent.get(oldParent.id)!.length,
            toParentId: newParent.id,
            effectiveOn: body.effectiveOn,
          },
        });
      }
      return operation;
    });
    return { moved: candidates.length, operationId };
  });
}

async function listUnitsByIds(db: Db, actor: Actor, ids: number[]): Promise<UnitRow[]> {
  const found: UnitRow[] = [];
  // Chunked so a list of 20,000 ids never becomes one statement with 20,000 parameters.
  for (let start = 0; start < ids.length; start += 1000) {
    found.push(...(await listUnitsInScopeByIds(db, actor, ids.slice(start, start + 1000))));
  }
  return found;
}

async function listAllActiveChildren(db: Db, actor: Actor, parentId: number, types?: UnitType[]) {
  const rows = await listCurrentChildren(
    db,
    actor,
    { id: parentId },
    { limit: 1_000_000, includeClosed: false },
  );
  return types ? rows.filter((unit) => types.includes(unit.type)) : rows;
}

export async function mergeUnit(
  db: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  id: number,
  body: MergeUnitBody,
) {
  // Every read and write below is the locked transaction's: `db` is the transaction here.
  return restructure(db, async (db) => {
    const unit = await getUnitOrThrow(db, actor, id);
    if (unit.parentId === null) throw new DomainError('unit.root_immovable');
    if (!mayAbove(actor, 'units.move', unit.path)) throw new DomainError('access.denied');
    assertActive(unit);
    const target = await resolveDestination(db, actor, body.intoUnitId);
    if (target.id === unit.id) throw new DomainError('unit.merge_into_self');
    if (target.path.startsWith(unit.path)) throw new DomainError('unit.move_cycle');
    assertEffectiveDate(body.effectiveOn, unit.establishedOn);
    const children = await listAllActiveChildren(db, actor, unit.id);
    if (children.some((child) => !mayHoldChild(target.type, child.type)))
      throw new DomainError('unit.merge_type_mismatch');

    await db.transaction(async (tx) => {
      const operationId = await startOperation(
        tx,
        actor,
        'merge',
        body.effectiveOn,
        body.reason,
        children.length + 1,
      );
      if (children.length > 0) {
        await relocate(tx, actor, hooks, {
          kind: 'merge',
          oldParent: unit,
          newParent: target,
          movedIds: children.map((child) => child.id),
          effectiveOn: body.effectiveOn,
          reason: body.reason,
          operationId,
        });
      }
      await hooks.unitMerged?.(tx, { id: unit.id, path: unit.path }, target.id, body.effectiveOn);
      await closeUnit(tx, actor, hooks, unit, 'merged', body.effectiveOn, operationId, body.reason, {
        intoUnitId: target.id,
        intoUnitName: target.name,
        childrenMoved: children.length,
      });
      await tx.update(units).set({ mergedIntoId: target.id }).where(eq(units.id, unit.id));
      await tx.insert(unitEvents).values({
        unitId: target.id,
        type: 'absorbed',
        effectiveOn: body.effectiveOn,
        recordedBy: actor.accountId,
        operationId,
        reason: body.reason,
        details: { unitId: unit.id, unitName: unit.name, childrenMoved: children.length },
      });
      await recordAudit(tx, actor, {
        action: 'unit.merge',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        unitPath: unit.path,
        details: {
          intoUnitId: target.id,
          effectiveOn: body.effectiveOn,
          childrenMoved: children.length,
          operationId,
        },
      });
    });
    return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
  });
}

async function closeUnit(
  tx: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  unit: UnitRow,
  status: 'merged' | 'dissolved',
  closedOn: string,
  operationId: number,
  reason: string | undefined,
  details: Record<string, unknown>,
) {
  await tx.update(units).set({ status, closedOn }).where(eq(units.id, unit.id));
  await tx
    .update(unitPlacements)
    .set({ validTo: closedOn })
    .where(and(eq(unitPlacements.unitId, unit.id), sql`${unitPlacements.validTo} is null`));
  await tx.insert(unitEvents).values({
    unitId: unit.id,
    type: status,
    effectiveOn: closedOn,
    recordedBy: actor.accountId,
    operationId,
    reason,
    details,
  });
  await hooks.unitClosed?.(tx, { id: unit.id, path: unit.path }, closedOn);
}

export async function dissolveUnit(
  db: Db,
  actor: Actor,
  hooks: UnitLifecycleHooks,
  id: number,
  body: DissolveUnitBody,
) {
  // Every read and write below is the locked transaction's: `db` is the transaction here.
  return restructure(db, async (db) => {
    const unit = await getUnitOrThrow(db, actor, id);
    if (unit.parentId === null) throw new DomainError('unit.root_immovable');
    if (!mayAbove(actor, 'units.dissolve', unit.path)) throw new DomainError('access.denied');
    assertActive(unit);
    if (unit.childCount > 0) throw new DomainError('unit.has_active_children');
    assertEffectiveDate(body.effectiveOn, unit.establishedOn);
    await db.transaction(async (tx) => {
      const operationId = await startOperation(tx, actor, 'dissolve', body.effectiveOn, body.reason, 1);
      await closeUnit(tx, actor, hooks, unit, 'dissolved', body.effectiveOn, operationId, body.reason, {});
      await recordAudit(tx, actor, {
        action: 'unit.dissolve',
        entityType: 'unit',
        entityId: unit.id,
        unitId: unit.id,
        unitPath: unit.path,
        details: { effectiveOn: body.effectiveOn, operationId },
      });
    });
    return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
  });
}

const isChildrenPosition = (value: unknown): value is ChildrenPosition =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ChildrenPosition).name === 'string' &&
  Number.isInteger((value as ChildrenPosition).id);

export async function listChildren(db: Db, actor: Actor, id: number, query: UnitChildrenQuery) {
  const parent = await findUnitPlace(db, actor, id);
  if (!parent) throw new DomainError('unit.not_found');
  const after = query.cursor ? decodeCursor(query.cursor, isChildrenPosition) : undefined;
  const rows = query.at
    ? await listChildrenAt(db, actor, parent, query.at, { limit: query.limit, after })
    : await listCurrentChildren(db, actor, parent, {
        limit: query.limit,
        after,
        includeClosed: query.includeClosed,
      });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toUnitDto(actor, row)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor({ name: last.nameFolded, id: last.id }) : null,
  };
}

export async function listRoots(db: Db, actor: Actor) {
  const rows = await listScopeRoots(db, actor, scopePaths(actor, 'units.read'));
  return rows.map((row) => toUnitDto(actor, row));
}

export async function getUnit(db: Db, actor: Actor, id: number) {
  return toUnitDto(actor, await getUnitOrThrow(db, actor, id));
}

export async function listAncestors(db: Db, actor: Actor, id: number) {
  const unit = await getUnitOrThrow(db, actor, id);
  return listAncestorsInScope(db, actor, unit.path);
}

const isOffset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
const SEARCH_OFFSET_MAX = 2_000;

export async function search(db: Db, actor: Actor, query: UnitSearchQuery) {
  const offset = query.cursor ? decodeCursor(query.cursor, isOffset) : 0;
  const under = query.under ? await getUnitOrThrow(db, actor, query.under) : undefined;
  const rows = await searchUnits(db, actor, {
    q: query.q,
    qFolded: foldVietnamese(query.q),
    underPath: under?.path,
    type: query.type,
    limit: query.limit,
    offset: Math.min(offset, SEARCH_OFFSET_MAX),
  });
  const nextOffset = offset + query.limit;
  return {
    items: rows.slice(0, query.limit).map((row) => toUnitDto(actor, row)),
    nextCursor:
      rows.length > query.limit && nextOffset <= SEARCH_OFFSET_MAX ? encodeCursor(nextOffset) : null,
  };
}

/** Names the people who recorded events; the accounts module provides it (the tree knows no people). */
export type AccountNames = (db: Db, ids: number[]) => Promise<Map<number, string>>;

export async function listHistory(
  db: Db,
  actor: Actor,
  id: number,
  accountNames: AccountNames,
): Promise<UnitEventDto[]> {
  await getUnitOrThrow(db, actor, id);
  const rows = await db
    .select()
    .from(unitEvents)
    .where(eq(unitEvents.unitId, id))
    .orderBy(asc(unitEvents.effectiveOn), asc(unitEvents.id));
  const names = await accountNames(db, [
    ...new Set(rows.flatMap((row) => (row.recordedBy === null ? [] : [row.recordedBy]))),
  ]);
  return rows.map((row) => ({
    id: row.id,
    type: row.type as UnitEventDto['type'],
    effectiveOn: row.effectiveOn,
    recordedAt: row.recordedAt.toISOString(),
    recordedById: row.recordedBy,
    recordedByName: row.recordedBy === null ? null : (names.get(row.recordedBy) ?? null),
    reason: row.reason,
    operationId: row.operationId,
    details: row.details,
  }));
}
