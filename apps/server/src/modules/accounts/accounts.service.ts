import { and, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import { authenticator } from 'otplib';
import type { AccountDto, CreateAccountBody, MeDto } from '@union/contracts/accounts';
import {
  LOGIN_CODE_MINUTES,
  LOGIN_CODE_RESEND_SECONDS,
  type ChangePasswordBody,
  type LoginBody,
  type LoginCodeBody,
  type LoginCodeRequestBody,
  type PasswordResetConfirmBody,
  type PasswordResetRequestBody,
  type RoleCode,
} from '@union/contracts/auth';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { scopePaths, type Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import type { CodeDelivery } from '../../kernel/notify/code-delivery.js';
import { escapeLike, foldVietnamese } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import { unsafeUnitSummaries } from '../units/index.js';
import { accounts, offices, sessions } from './accounts.schema.js';
import { normaliseVietnamesePhone } from '@union/contracts/vn-phone';
import { classifyLogin, type LoginIdentifier } from './login-identifier.js';
import { issueCode, issuedSince, matchCode, spendCode } from './one-time-codes.js';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { createSession, loadCurrentGrants, revokeAllSessions, revokeSession } from './sessions.js';

// One step either side of now: phones' clocks drift, and a code typed at the boundary should still count.
authenticator.options = { window: 1 };

export interface LoginPolicy {
  sessionDays: number;
  maxFailures: number;
  lockMinutes: number;
}

export interface RequestOrigin {
  ip: string;
  userAgent: string | undefined;
}

const RESET_CODE_MINUTES = 10;

const byIdentifier = (identifier: LoginIdentifier): SQL => {
  switch (identifier.kind) {
    case 'phone':
      return eq(accounts.phone, identifier.value);
    case 'email':
      return sql`lower(${accounts.email}) = ${identifier.value}`;
    case 'username':
      return sql`lower(${accounts.username}) = ${identifier.value}`;
  }
};

async function findAccountByLogin(db: Db, login: string) {
  const identifier = classifyLogin(login);
  if (!identifier) return undefined;
  const [account] = await db.select().from(accounts).where(byIdentifier(identifier));
  return account;
}

const rolesOf = (grants: { role: string }[]): RoleCode[] =>
  [...new Set(grants.map((g) => g.role))] as RoleCode[];

type AccountRow = typeof accounts.$inferSelect;

/**
 * Counts a failed sign-in (a wrong password, code or TOTP) and locks the account after too many.
 * Counted in the database, not from the row read before: parallel guesses must each count.
 */
async function recordLoginFailure(
  db: Db,
  account: AccountRow,
  origin: RequestOrigin,
  policy: LoginPolicy,
  reason: 'password' | 'otp' | 'code',
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [counted] = await tx
      .update(accounts)
      .set({ failedLogins: sql`${accounts.failedLogins} + 1` })
      .where(eq(accounts.id, account.id))
      .returning({ failures: accounts.failedLogins });
    const locks = (counted?.failures ?? 0) >= policy.maxFailures;
    if (locks) {
      await tx
        .update(accounts)
        .set({ failedLogins: 0, lockedUntil: new Date(Date.now() + policy.lockMinutes * 60_000) })
        .where(eq(accounts.id, account.id));
    }
    await recordAudit(
      tx,
      { accountId: account.id, ip: origin.ip },
      {
        action: locks ? 'auth.locked' : 'auth.login_failed',
        entityType: 'account',
        entityId: account.id,
        details: { reason },
      },
    );
    return locks;
  });
}

const isLocked = (account: AccountRow) => account.lockedUntil !== null && account.lockedUntil > new Date();

/** The second factor, when the account has one: required whatever the first factor was. */
async function checkTotp(
  db: Db,
  account: AccountRow,
  otp: string | undefined,
  origin: RequestOrigin,
  policy: LoginPolicy,
): Promise<void> {
  if (!account.totpEnabled) return;
  if (!otp) throw new DomainError('auth.otp_required');
  if (!authenticator.check(otp, account.totpSecret ?? '')) {
    const locks = await recordLoginFailure(db, account, origin, policy, 'otp');
    throw new DomainError(locks ? 'auth.locked' : 'auth.otp_invalid');
  }
}

/** A new session for an account that proved who it is; `within` runs in the same transaction. */
async function startSession(
  db: Db,
  account: AccountRow,
  origin: RequestOrigin,
  policy: LoginPolicy,
  method: 'password' | 'code',
  within?: (tx: Db) => Promise<void>,
) {
  const { grants, requiresTotp } = await loadCurrentGrants(db, account.id);
  const session = await db.transaction(async (tx) => {
    await within?.(tx);
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    const created = await createSession(tx, account.id, { days: policy.sessionDays, ...origin });
    await recordAudit(
      tx,
      { accountId: account.id, ip: origin.ip },
      {
        action: 'auth.login',
        entityType: 'account',
        entityId: account.id,
        ...(method === 'code' ? { details: { method } } : {}),
      },
    );
    return created;
  });
  return {
    token: session.token,
    expiresAt: session.expiresAt.toISOString(),
    user: {
      id: account.id,
      fullName: account.fullName,
      roles: rolesOf(grants),
      totpSetupRequired: requiresTotp && !account.totpEnabled,
    },
  };
}

export async function login(db: Db, body: LoginBody, origin: RequestOrigin, policy: LoginPolicy) {
  const account = await findAccountByLogin(db, body.login);
  if (!account) {
    await verifyAgainstDecoy(body.password);
    throw new DomainError('auth.invalid_credentials');
  }
  if (isLocked(account)) throw new DomainError('auth.locked');
  if (!(await verifyPassword(account.passwordHash, body.password))) {
    const locks = await recordLoginFailure(db, account, origin, policy, 'password');
    throw new DomainError(locks ? 'auth.locked' : 'auth.invalid_credentials');
  }
  await checkTotp(db, account, body.otp, origin, policy);
  return startSession(db, account, origin, policy, 'password');
}

/**
 * Sends a sign-in code to the account's phone (or inbox). Always answers the same way, whether or not
 * the login exists: no account enumeration. A locked account, or one sent a code a moment ago, gets none.
 */
export async function requestLoginCode(
  db: Db,
  delivery: CodeDelivery,
  body: LoginCodeRequestBody,
): Promise<void> {
  const account = await findAccountByLogin(db, body.login);
  if (!account || (!account.phone && !account.email) || isLocked(account)) return;
  const since = new Date(Date.now() - LOGIN_CODE_RESEND_SECONDS * 1000);
  if (await issuedSince(db, account.id, 'login', since)) return;
  const code = await issueCode(db, account.id, 'login', LOGIN_CODE_MINUTES);
  await delivery.deliver(
    { accountId: account.id, phone: account.phone, email: account.email },
    { purpose: 'login', code, expiresInMinutes: LOGIN_CODE_MINUTES },
  );
}

/** Signs in with a code from `requestLoginCode`: the same answer and session as a password sign-in. */
export async function loginWithCode(db: Db, body: LoginCodeBody, origin: RequestOrigin, policy: LoginPolicy) {
  const account = await findAccountByLogin(db, body.login);
  if (!account) throw new DomainError('auth.login_code_invalid');
  if (isLocked(account)) throw new DomainError('auth.locked');
  const codeId = await matchCode(db, account.id, 'login', body.code);
  if (codeId === undefined) {
    const locks = await recordLoginFailure(db, account, origin, policy, 'code');
    throw new DomainError(locks ? 'auth.locked' : 'auth.login_code_invalid');
  }
  // Checked before the code is spent: asked for the TOTP, the person sends the same code again with it.
  await checkTotp(db, account, body.otp, origin, policy);
  return startSession(db, account, origin, policy, 'code', async (tx) => {
    if (!(await spendCode(tx, codeId))) throw new DomainError('auth.login_code_invalid');
  });
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, actor.sessionId);
    await recordAudit(tx, actor, { action: 'auth.logout', entityType: 'account', entityId: actor.accountId });
  });
}

async function getOwnAccount(db: Db, actor: Actor) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.accountId));
  if (!account) throw new DomainError('account.not_found');
  return account;
}

export async function changePassword(db: Db, actor: Actor, body: ChangePasswordBody): Promise<void> {
  const account = await getOwnAccount(db, actor);
  if (!(await verifyPassword(account.passwordHash, body.currentPassword)))
    throw new DomainError('auth.wrong_password');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, passwordChangedAt: new Date() })
      .where(eq(accounts.id, account.id));
    // Other sessions end: a changed password is often a response to a stolen one.
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(sql`account_id = ${account.id} and id <> ${actor.sessionId} and revoked_at is null`);
    await recordAudit(tx, actor, {
      action: 'auth.password_changed',
      entityType: 'account',
      entityId: account.id,
    });
  });
}

/** Always answers the same way, whether or not the login exists: no account enumeration. */
export async function requestPasswordReset(
  db: Db,
  delivery: CodeDelivery,
  body: PasswordResetRequestBody,
  origin: RequestOrigin,
): Promise<void> {
  const account = await findAccountByLogin(db, body.login);
  if (!account || (!account.phone && !account.email)) return;
  const code = await db.transaction(async (tx) => {
    const issued = await issueCode(tx, account.id, 'password_reset', RESET_CODE_MINUTES);
    await recordAudit(
      tx,
      { accountId: account.id, ip: origin.ip },
      {
        action: 'auth.password_reset_requested',
        entityType: 'account',
        entityId: account.id,
      },
    );
    return issued;
  });
  await delivery.deliver(
    { accountId: account.id, phone: account.phone, email: account.email },
    { purpose: 'password_reset', code, expiresInMinutes: RESET_CODE_MINUTES },
  );
}

export async function confirmPasswordReset(
  db: Db,
  body: PasswordResetConfirmBody,
  origin: RequestOrigin,
): Promise<void> {
  const account = await findAccountByLogin(db, body.login);
  if (!account) throw new DomainError('auth.reset_code_invalid');
  const codeId = await matchCode(db, account.id, 'password_reset', body.code);
  if (codeId === undefined) throw new DomainError('auth.reset_code_invalid');
  const passwordHash = await hashPassword(body.newPassword);
  await db.transaction(async (tx) => {
    if (!(await spendCode(tx, codeId))) throw new DomainError('auth.reset_code_invalid');
    await tx
      .update(accounts)
      .set({ passwordHash, passwordChangedAt: new Date(), failedLogins: 0, lockedUntil: null })
      .where(eq(accounts.id, account.id));
    await revokeAllSessions(tx, account.id);
    await recordAudit(
      tx,
      { accountId: account.id, ip: origin.ip },
      {
        action: 'auth.password_reset',
        entityType: 'account',
        entityId: account.id,
      },
    );
  });
}

export async function startTotpSetup(db: Db, actor: Actor) {
  const account = await getOwnAccount(db, actor);
  if (account.totpEnabled) throw new DomainError('auth.totp_already_enabled');
  const secret = authenticator.generateSecret();
  await db.update(accounts).set({ totpSecret: secret }).where(eq(accounts.id, account.id));
  const label = account.username ?? account.email ?? account.phone ?? String(account.id);
  return { secret, otpauthUrl: authenticator.keyuri(label, 'Công đoàn số', secret) };
}

export async function enableTotp(db: Db, actor: Actor, code: string): Promise<void> {
  const account = await getOwnAccount(db, actor);
  if (account.totpEnabled) throw new DomainError('auth.totp_already_enabled');
  if (!account.totpSecret) throw new DomainError('auth.totp_not_started');
  if (!authenticator.check(code, account.totpSecret)) throw new DomainError('auth.totp_code_invalid');
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ totpEnabled: true }).where(eq(accounts.id, account.id));
    await recordAudit(tx, actor, {
      action: 'auth.totp_enabled',
      entityType: 'account',
      entityId: account.id,
    });
  });
}

export async function disableTotp(db: Db, actor: Actor, code: string): Promise<void> {
  const account = await getOwnAccount(db, actor);
  if (!account.totpEnabled || !account.totpSecret) throw new DomainError('auth.totp_not_started');
  const { requiresTotp } = await loadCurrentGrants(db, account.id);
  if (requiresTotp) throw new DomainError('auth.totp_required_by_role');
  if (!authenticator.check(code, account.totpSecret)) throw new DomainError('auth.otp_invalid');
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ totpEnabled: false, totpSecret: null })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, actor, {
      action: 'auth.totp_disabled',
      entityType: 'account',
      entityId: account.id,
    });
  });
}

export async function getMe(db: Db, actor: Actor): Promise<MeDto> {
  const account = await getOwnAccount(db, actor);
  const { grants } = await loadCurrentGrants(db, account.id);
  const officeRows = grants.length
    ? await db
        .select({ id: offices.id, termStart: offices.termStart, termEnd: offices.termEnd })
        .from(offices)
        .where(
          inArray(
            offices.id,
            grants.map((g) => g.officeId),
          ),
        )
    : [];
  const terms = new Map(officeRows.map((row) => [row.id, row]));
  const unitsById = new Map(
    (
      await unsafeUnitSummaries(
        db,
        grants.map((g) => g.unitId),
      )
    ).map((u) => [u.id, u]),
  );
  const permissions = new Set(grants.flatMap((g) => [...g.permissions]));
  return {
    id: account.id,
    fullName: account.fullName,
    username: account.username,
    email: account.email,
    phone: account.phone,
    totpEnabled: account.totpEnabled,
    totpSetupRequired: actor.totpSetupRequired,
    offices: grants.map((grant) => ({
      officeId: grant.officeId,
      unitId: grant.unitId,
      unitName: unitsById.get(grant.unitId)?.name ?? '',
      unitType: unitsById.get(grant.unitId)!.type,
      role: grant.role as RoleCode,
      termStart: terms.get(grant.officeId)!.termStart,
      termEnd: terms.get(grant.officeId)!.termEnd,
    })),
    permissions: [...permissions].sort(),
  };
}

const toAccountDto = (row: typeof accounts.$inferSelect): AccountDto => ({
  id: row.id,
  username: row.username,
  email: row.email,
  phone: row.phone,
  fullName: row.fullName,
  totpEnabled: row.totpEnabled,
  createdAt: row.createdAt.toISOString(),
});

/** Where an account-level act (not tied to one unit) is filed in the audit log: the actor's top unit. */
const actorHome = (actor: Actor) => {
  const grant =
    actor.grants.find((g) => g.unitPath === scopePaths(actor, 'accounts.create')[0]) ?? actor.grants[0];
  return { unitId: grant?.unitId ?? null, unitPath: grant?.unitPath ?? null };
};

export async function createAccount(db: Db, actor: Actor, body: CreateAccountBody): Promise<{ id: number }> {
  const identifier = classifyLogin(body.login);
  if (!identifier) throw new DomainError('account.login_invalid');
  const phone =
    identifier.kind === 'phone'
      ? identifier.value
      : body.phone
        ? normaliseVietnamesePhone(body.phone)
        : undefined;
  const email = identifier.kind === 'email' ? identifier.value : body.email?.toLowerCase();
  const username = identifier.kind === 'username' ? identifier.value : null;
  const passwordHash = await hashPassword(body.password);
  try {
    return await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(accounts)
        .values({
          username,
          email: email ?? null,
          phone: phone ?? null,
          fullName: body.fullName,
          fullNameFolded: foldVietnamese(body.fullName),
          passwordHash,
          createdBy: actor.accountId,
        })
        .returning({ id: accounts.id });
      await recordAudit(tx, actor, {
        action: 'account.create',
        entityType: 'account',
        entityId: created!.id,
        ...actorHome(actor),
        details: { fullName: body.fullName, login: identifier.kind },
      });
      return { id: created!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'accounts_username_key')) throw new DomainError('account.login_taken');
    if (isUniqueViolation(error, 'accounts_email_key')) throw new DomainError('account.email_taken');
    if (isUniqueViolation(error, 'accounts_phone_key')) throw new DomainError('account.phone_taken');
    throw error;
  }
}

/**
 * Finds people to appoint. By name: those who hold or held an office in the actor's scope, and those
 * the actor created. By exact
 * username, e-mail or phone: also someone who holds no current office anywhere (a new officer or a
 * member about to be appointed), shown without contact details, since the officer typed them already.
 * A person holding office elsewhere is not revealed.
 */
export async function searchAccounts(db: Db, actor: Actor, query: { q: string; limit: number }) {
  const today = todayInVietnam();
  const identifier = classifyLogin(query.q);
  const officeInScope = sql`exists (select 1 from offices o where o.account_id = ${accounts.id}
    and ${withinScope(sql`o.unit_path`, actor, 'accounts.read')})`;
  const noCurrentOffice = sql`not exists (select 1 from offices o where o.account_id = ${accounts.id}
    and o.term_start <= ${today}::date and (o.term_end is null or o.term_end >= ${today}::date))`;
  // By name: people with an office in scope, and the accounts the actor created (to appoint them next).
  const byName = and(
    like(accounts.fullNameFolded, `%${escapeLike(foldVietnamese(query.q))}%`),
    or(officeInScope, eq(accounts.createdBy, actor.accountId)),
  )!;
  const exact = identifier ? and(byIdentifier(identifier), or(officeInScope, noCurrentOffice))! : sql`false`;
  const rows = await db
    .select({ account: accounts, inScope: sql<boolean>`${officeInScope}` })
    .from(accounts)
    .where(or(exact, byName))
    .orderBy(accounts.fullNameFolded, accounts.id)
    .limit(query.limit);
  if (rows.length > 0) {
    await recordAudit(db, actor, {
      action: 'account.search',
      entityType: 'account',
      ...actorHome(actor),
      details: { resultIds: rows.map((row) => row.account.id) },
    });
  }
  const items = rows.map(({ account, inScope }) =>
    inScope ? toAccountDto(account) : { ...toAccountDto(account), email: null, phone: null },
  );
  return { items, nextCursor: null };
}

export async function getAccountNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: accounts.id, fullName: accounts.fullName })
    .from(accounts)
    .where(inArray(accounts.id, ids));
  return new Map(rows.map((row) => [row.id, row.fullName]));
}
