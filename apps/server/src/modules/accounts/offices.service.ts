import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { AssignOfficeBody, EndOfficeBody, OfficeDto, RoleDto } from '@union/contracts/accounts';
import type { RoleCode } from '@union/contracts/auth';
import type { UnitType } from '@union/contracts/units';
import type { Db } from '../../kernel/db/database.js';
import { isPermission, type Permission } from '../../kernel/access/permissions.js';
import { permissionsAt, type Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import {
  getUnitOrThrow,
  movedPath,
  type SubtreeMove,
  type UnitLifecycleHooks,
  type UnitRow,
} from '../units/index.js';
import { accounts, offices, rolePermissions, roles } from './accounts.schema.js';

const officeColumns = {
  id: offices.id,
  accountId: offices.accountId,
  fullName: accounts.fullName,
  unitId: offices.unitId,
  role: offices.role,
  termStart: offices.termStart,
  termEnd: offices.termEnd,
};

function toOfficeDto(
  row: { termStart: string; termEnd: string | null; role: string } & Record<string, unknown>,
  unit: UnitRow,
) {
  const today = todayInVietnam();
  return {
    ...row,
    role: row.role as RoleCode,
    unitName: unit.name,
    unitType: unit.type as UnitType,
    current: row.termStart <= today && (row.termEnd === null || row.termEnd >= today),
  } as OfficeDto;
}

export async function listOffices(
  db: Db,
  actor: Actor,
  unitId: number,
  includePast: boolean,
): Promise<OfficeDto[]> {
  const unit = await getUnitOrThrow(db, actor, unitId, 'offices.read');
  const today = todayInVietnam();
  const rows = await db
    .select(officeColumns)
    .from(offices)
    .innerJoin(accounts, eq(accounts.id, offices.accountId))
    .where(
      and(
        eq(offices.unitId, unit.id),
        includePast
          ? undefined
          : and(lte(offices.termStart, today), or(isNull(offices.termEnd), gte(offices.termEnd, today))),
      ),
    )
    .orderBy(asc(offices.termStart), asc(offices.id));
  return rows.map((row) => toOfficeDto(row, unit));
}

async function roleRules(db: Db, role: string) {
  const [found] = await db.select().from(roles).where(eq(roles.code, role));
  if (!found) throw new DomainError('office.role_not_allowed_here');
  const granted = await db
    .select({ permission: rolePermissions.permission })
    .from(rolePermissions)
    .where(eq(rolePermissions.role, role));
  return {
    unitTypes: found.unitTypes,
    permissions: granted.map((g) => g.permission).filter(isPermission) as Permission[],
  };
}

export async function listRoles(db: Db): Promise<RoleDto[]> {
  const rows = await db.select().from(roles).orderBy(asc(roles.code));
  const grants = await db.select().from(rolePermissions);
  return rows.map((role) => ({
    code: role.code as RoleCode,
    nameVi: role.nameVi,
    nameEn: role.nameEn,
    unitTypes: role.unitTypes as UnitType[],
    permissions: grants
      .filter((g) => g.role === role.code)
      .map((g) => g.permission)
      .sort(),
    requiresTotp: role.requiresTotp,
  }));
}

/** No one hands out, or takes away, more than they hold: a role's rights must all be the actor's rights here. */
async function assertMayGrant(db: Db, actor: Actor, unit: UnitRow, role: string) {
  const rules = await roleRules(db, role);
  const own = permissionsAt(actor, unit.path);
  if (!rules.permissions.every((permission) => own.has(permission)))
    throw new DomainError('office.role_exceeds_own');
  return rules;
}

export async function assignOffice(
  db: Db,
  actor: Actor,
  unitId: number,
  body: AssignOfficeBody,
): Promise<OfficeDto> {
  const unit = await getUnitOrThrow(db, actor, unitId, 'offices.assign');
  if (unit.status !== 'active') throw new DomainError('unit.closed');
  const rules = await assertMayGrant(db, actor, unit, body.role);
  if (!rules.unitTypes.includes(unit.type)) throw new DomainError('office.role_not_allowed_here');
  const [account] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(eq(accounts.id, body.accountId));
  if (!account) throw new DomainError('account.not_found');

  const termEnd = body.termEnd ?? null;
  const id = await db.transaction(async (tx) => {
    // One appointment of a person at a time: two at once would each find no overlap and both insert.
    await tx.execute(sql`select id from accounts where id = ${body.accountId} for update`);
    const [overlapping] = await tx
      .select({ id: offices.id })
      .from(offices)
      .where(
        and(
          eq(offices.accountId, body.accountId),
          eq(offices.unitId, unit.id),
          eq(offices.role, body.role),
          or(isNull(offices.termEnd), gte(offices.termEnd, body.termStart)),
          termEnd === null ? undefined : lte(offices.termStart, termEnd),
        ),
      );
    if (overlapping) throw new DomainError('office.already_held');
    const [created] = await tx
      .insert(offices)
      .values({
        accountId: body.accountId,
        unitId: unit.id,
        unitPath: unit.path,
        role: body.role,
        termStart: body.termStart,
        termEnd,
        createdBy: actor.accountId,
      })
      .returning({ id: offices.id });
    await recordAudit(tx, actor, {
      action: 'office.assign',
      entityType: 'office',
      entityId: created!.id,
      unitId: unit.id,
      unitPath: unit.path,
      details: { accountId: body.accountId, role: body.role, termStart: body.termStart, termEnd },
    });
    return created!.id;
  });
  return getOffice(db, id, unit);
}

async function getOffice(db: Db, id: number, unit: UnitRow): Promise<OfficeDto> {
  const [row] = await db
    .select(officeColumns)
    .from(offices)
    .innerJoin(accounts, eq(accounts.id, offices.accountId))
    .where(eq(offices.id, id));
  if (!row) throw new DomainError('office.not_found');
  return toOfficeDto(row, unit);
}

export async function endOffice(
  db: Db,
  actor: Actor,
  officeId: number,
  body: EndOfficeBody,
): Promise<OfficeDto> {
  const [office] = await db.select().from(offices).where(eq(offices.id, officeId));
  if (!office) throw new DomainError('office.not_found');
  // The office is reached through its unit: out of the actor's scope, it does not exist.
  const unit = await getUnitOrThrow(db, actor, office.unitId, 'offices.end').catch(() => {
    throw new DomainError('office.not_found');
  });
  await assertMayGrant(db, actor, unit, office.role);
  if (body.termEnd < office.termStart) throw new DomainError('office.term_end_before_start');
  // A term may be cut short, never lengthened or ended twice on the same day.
  if (office.termEnd !== null && body.termEnd >= office.termEnd)
    throw new DomainError('office.already_ended');
  await db.transaction(async (tx) => {
    await tx.update(offices).set({ termEnd: body.termEnd }).where(eq(offices.id, officeId));
    await recordAudit(tx, actor, {
      action: 'office.end',
      entityType: 'office',
      entityId: officeId,
      unitId: unit.id,
      unitPath: unit.path,
      details: { termEnd: body.termEnd, previousTermEnd: office.termEnd },
    });
  });
  return getOffice(db, officeId, unit);
}

/** Keeps offices in step with the tree: paths follow moves; a closed unit's terms end the day before. */
export const officeLifecycleHooks: UnitLifecycleHooks = {
  async subtreesMoved(tx: Db, move: SubtreeMove) {
    const rewrite = movedPath(sql`unit_path`, move);
    await tx.execute(sql`update offices set unit_path = ${rewrite.newPath} where ${rewrite.inMovedSubtrees}`);
  },
  async unitClosed(tx: Db, unit: { id: number }, closedOn: string) {
    await tx.execute(sql`
      update offices set term_end = greatest(term_start, ${closedOn}::date - 1)
      where unit_id = ${unit.id} and (term_end is null or term_end >= ${closedOn}::date)`);
  },
};
