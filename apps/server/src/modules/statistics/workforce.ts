import { desc, eq, sql } from 'drizzle-orm';
import type { WorkforceBody, WorkforceDto } from '@union/contracts/statistics';
import { GRASSROOTS_TYPES } from '@union/contracts/units';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import { getUnitOrThrow } from '../units/index.js';
import { unitWorkforce } from './statistics.schema.js';

// Any fixed number: declarations of one unit take turns, so "the latest" is read and replaced in order.
const WORKFORCE_LOCK_KEY = 40_2026;

const toDto = (row: typeof unitWorkforce.$inferSelect): WorkforceDto => ({
  unitId: row.unitId,
  asOf: row.asOf,
  workers: row.workers,
  femaleWorkers: row.femaleWorkers,
});

async function latestDeclaration(db: Db, unitId: number) {
  const [row] = await db
    .select()
    .from(unitWorkforce)
    .where(eq(unitWorkforce.unitId, unitId))
    .orderBy(desc(unitWorkforce.asOf), desc(unitWorkforce.id))
    .limit(1);
  return row;
}

export async function readWorkforce(db: Db, actor: Actor, unitId: number): Promise<WorkforceDto> {
  const unit = await getUnitOrThrow(db, actor, unitId, 'statistics.read');
  const row = await latestDeclaration(db, unit.id);
  if (!row) throw new DomainError('workforce.not_found');
  return toDto(row);
}

/**
 * A grassroots union declares its workforce as of a date (a later correction of the same date replaces
 * it). The latest declaration is the one the figures count: the change is added to the unit and its
 * ancestors in the same transaction, as the triggers do for members.
 */
export async function declareWorkforce(
  db: Db,
  actor: Actor,
  unitId: number,
  body: WorkforceBody,
): Promise<WorkforceDto> {
  const unit = await getUnitOrThrow(db, actor, unitId, 'statistics.workforce');
  if (!GRASSROOTS_TYPES.includes(unit.type)) throw new DomainError('statistics.not_grassroots');
  if (body.asOf > todayInVietnam()) throw new DomainError('statistics.future_date');
  return db.transaction(async (tx) => {
    const after = await applyDeclaration(tx, unit.id, body, actor.accountId);
    await recordAudit(tx, actor, {
      action: 'statistics.workforce',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      unitPath: unit.path,
      details: { ...body },
    });
    return after;
  });
}

/** Records a declaration and adds its change of the unit's latest figures to the unit and its ancestors. */
async function applyDeclaration(
  tx: Db,
  unitId: number,
  body: WorkforceBody,
  recordedBy: number | null,
): Promise<WorkforceDto> {
  await tx.execute(sql`select pg_advisory_xact_lock(${WORKFORCE_LOCK_KEY}, ${unitId})`);
  const before = await latestDeclaration(tx, unitId);
  await tx
    .insert(unitWorkforce)
    .values({ unitId, ...body, recordedBy })
    .onConflictDoUpdate({
      target: [unitWorkforce.unitId, unitWorkforce.asOf],
      set: { workers: body.workers, femaleWorkers: body.femaleWorkers, recordedBy },
    });
  const after = (await latestDeclaration(tx, unitId))!;
  const deltas: [string, number][] = [
    ['workforce.workers', after.workers - (before?.workers ?? 0)],
    ['workforce.female_workers', after.femaleWorkers - (before?.femaleWorkers ?? 0)],
    ['workforce.units', before ? 0 : 1],
  ];
  await tx.execute(sql`select statistics_add(
    ${`{${deltas.map(() => unitId).join(',')}}`}::int[],
    ${`{${deltas.map(([metric]) => metric).join(',')}}`}::text[],
    ${`{${deltas.map(([, delta]) => delta).join(',')}}`}::bigint[])`);
  return toDto(after);
}

/** Declarations made by the system (demo data), with no one to check or audit. */
export async function unsafeDeclareWorkforce(db: Db, unitId: number, body: WorkforceBody): Promise<void> {
  await db.transaction(async (tx) => {
    await applyDeclaration(tx, unitId, body, null);
  });
}
