import { eq, sql } from 'drizzle-orm';
import { LEVEL_TWO_TYPES, type UnitType } from '@union/contracts/units';
import type { Db } from '../../kernel/db/database.js';
import { queryRows } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { DomainError } from '../../kernel/errors.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { generateUnitCode } from './unit-codes.js';
import { unitEvents, unitPlacements, units } from './units.schema.js';

export interface ParentPlace {
  id: number;
  name: string;
  path: string;
  depth: number;
  provinceId: number | null;
}

export interface NewUnit {
  type: UnitType;
  name: string;
  code?: string;
  managingUnitId?: number;
  establishedOn: string;
  recordedBy?: number;
}

/**
 * Writes a unit with its first placement and its "established" event. The caller has checked access
 * and the tree's rules; this only builds id, path, code and level-2 ancestor consistently.
 */
export async function insertUnit(tx: Db, parent: ParentPlace | null, input: NewUnit) {
  const [{ nextId }] = (await queryRows<{ nextId: number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('units', 'id'))::int as "nextId"`,
  )) as [{ nextId: number }];
  const provinceId = LEVEL_TWO_TYPES.includes(input.type) ? nextId : (parent?.provinceId ?? null);
  const levelTwoCode =
    provinceId && provinceId !== nextId
      ? ((await tx.select({ code: units.code }).from(units).where(eq(units.id, provinceId)))[0]?.code ?? null)
      : null;
  const path = `${parent?.path ?? '/'}${nextId}/`;
  try {
    await tx.insert(units).values({
      id: nextId,
      type: input.type,
      code: input.code ?? generateUnitCode(input.type, nextId, levelTwoCode),
      name: input.name,
      nameFolded: foldVietnamese(input.name),
      parentId: parent?.id ?? null,
      managingUnitId: input.managingUnitId ?? parent?.id ?? null,
      provinceId,
      path,
      depth: parent ? parent.depth + 1 : 0,
      establishedOn: input.establishedOn,
    });
  } catch (error) {
    if (isUniqueViolation(error, 'units_code_key')) throw new DomainError('unit.code_taken');
    throw error;
  }
  await tx
    .insert(unitPlacements)
    .values({ unitId: nextId, parentId: parent?.id ?? null, path, validFrom: input.establishedOn });
  await tx.insert(unitEvents).values({
    unitId: nextId,
    type: 'established',
    effectiveOn: input.establishedOn,
    recordedBy: input.recordedBy ?? null,
    details: parent ? { parentId: parent.id, parentName: parent.name } : {},
  });
  return { id: nextId, path, provinceId, depth: parent ? parent.depth + 1 : 0 };
}
