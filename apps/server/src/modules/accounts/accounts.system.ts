import { and, eq, gte, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import type { RoleCode } from '@union/contracts/auth';
import type { Db } from '../../kernel/db/database.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { accounts, offices, rolePermissions, roles } from './accounts.schema.js';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import { hashPassword } from './passwords.js';

/** Writes without an actor: first start and demo data only, never reachable from a request. */

export async function unsafeCountAccounts(db: Db): Promise<number> {
  const [row] = await db.select({ count: sql<number>`count(*)::int` }).from(accounts);
  return row?.count ?? 0;
}

export interface SystemAccountInput {
  username?: string;
  email?: string;
  phone?: string;
  fullName: string;
  password: string;
  /** A hash computed once for many synthetic accounts (demo and national seeds): argon2 is slow on purpose. */
  passwordHash?: string;
}

export async function unsafeCreateAccount(db: Db, input: SystemAccountInput): Promise<number> {
  const [created] = await db
    .insert(accounts)
    .values({
      username: input.username?.toLowerCase() ?? null,
      email: input.email?.toLowerCase() ?? null,
      phone: input.phone ? (normaliseVietnamesePhone(input.phone) ?? null) : null,
      fullName: input.fullName,
      fullNameFolded: foldVietnamese(input.fullName),
      passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
    })
    .returning({ id: accounts.id });
  return created!.id;
}

export async function unsafeAssignOffice(
  db: Db,
  input: {
    accountId: number;
    unit: { id: number; path: string };
    role: RoleCode;
    termStart: string;
    termEnd?: string;
  },
): Promise<number> {
  const [created] = await db
    .insert(offices)
    .values({
      accountId: input.accountId,
      unitId: input.unit.id,
      unitPath: input.unit.path,
      role: input.role,
      termStart: input.termStart,
      termEnd: input.termEnd ?? null,
    })
    .returning({ id: offices.id });
  return created!.id;
}

/** A member's login is their phone: the members module links a record to the account holding it. */
export async function unsafeAccountIdByPhone(db: Db, phone: string): Promise<number | undefined> {
  const [row] = await db.select({ id: accounts.id }).from(accounts).where(eq(accounts.phone, phone));
  return row?.id;
}

export async function unsafeAccountPhone(db: Db, accountId: number): Promise<string | null> {
  const [row] = await db.select({ phone: accounts.phone }).from(accounts).where(eq(accounts.id, accountId));
  return row?.phone ?? null;
}

export interface OfficerContact {
  unitId: number;
  fullName: string;
  role: RoleCode;
  /** The role's Vietnamese name, as the roles table holds it. */
  roleName: string;
  phone: string | null;
  email: string | null;
}

/**
 * The officers in office today at these units, with how to reach them: what a member's "my union" page
 * shows of the union's leadership. One query, whatever the number of officers. A member's own office
 * (role `member`) and a partner's are not leadership and are left out.
 */
export async function unsafeCurrentOfficers(db: Db, unitIds: readonly number[]): Promise<OfficerContact[]> {
  if (unitIds.length === 0) return [];
  const today = todayInVietnam();
  const rows = await db
    .select({
      unitId: offices.unitId,
      fullName: accounts.fullName,
      role: offices.role,
      roleName: roles.nameVi,
      phone: accounts.phone,
      email: accounts.email,
    })
    .from(offices)
    .innerJoin(accounts, eq(accounts.id, offices.accountId))
    .innerJoin(roles, eq(roles.code, offices.role))
    .where(
      and(
        inArray(offices.unitId, [...unitIds]),
        notInArray(offices.role, ['member', 'partner_merchant']),
        lte(offices.termStart, today),
        or(isNull(offices.termEnd), gte(offices.termEnd, today)),
      ),
    )
    .orderBy(offices.unitId, offices.termStart, offices.id);
  return rows.map((row) => ({ ...row, role: row.role as RoleCode }));
}

/**
 * Who holds `permission` today at each of these units (exact units, not above): the officers an item
 * at a unit must reach. One query for any number of units.
 */
export async function unsafeAccountsHoldingAt(
  db: Db,
  unitIds: readonly number[],
  permission: string,
): Promise<{ accountId: number; unitId: number }[]> {
  if (unitIds.length === 0) return [];
  const today = todayInVietnam();
  return db
    .selectDistinct({ accountId: offices.accountId, unitId: offices.unitId })
    .from(offices)
    .innerJoin(rolePermissions, eq(rolePermissions.role, offices.role))
    .where(
      and(
        inArray(offices.unitId, [...unitIds]),
        eq(rolePermissions.permission, permission),
        lte(offices.termStart, today),
        or(isNull(offices.termEnd), gte(offices.termEnd, today)),
      ),
    );
}
