import { eq, sql } from 'drizzle-orm';
import type { RoleCode } from '@union/contracts/auth';
import type { Db } from '../../kernel/db/database.js';
import { foldVietnamese } from '../../kernel/text/fold.js';
import { accounts, offices } from './accounts.schema.js';
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
