import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../kernel/db/database.js';
import { queryRows } from '../../kernel/db/database.js';
import type { Actor, Grant } from '../../kernel/access/actor.js';
import { isPermission, type Permission } from '../../kernel/access/permissions.js';
import { todayInVietnam } from '../../kernel/time.js';
import { sessions } from './accounts.schema.js';

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  accountId: number,
  options: { days: number; ip: string; userAgent: string | undefined },
) {
  // 256 random bits: unguessable; only the hash is stored, so a leaked table reveals no live token.
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + options.days * 86_400_000);
  await db.insert(sessions).values({
    tokenHash: hashToken(token),
    accountId,
    expiresAt,
    ip: options.ip,
    userAgent: options.userAgent?.slice(0, 300),
  });
  return { token, expiresAt };
}

export async function revokeSession(db: Db, sessionId: number): Promise<void> {
  await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sessionId));
}

export async function revokeAllSessions(db: Db, accountId: number): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.revokedAt)));
}

interface GrantRow {
  officeId: number;
  unitId: number;
  unitPath: string;
  role: string;
  requiresTotp: boolean;
  permissions: string[] | null;
}

const toGrant = (row: GrantRow): Grant => ({
  officeId: row.officeId,
  unitId: row.unitId,
  unitPath: row.unitPath,
  role: row.role,
  permissions: new Set((row.permissions ?? []).filter(isPermission) as Permission[]),
});

/** The offices an account holds today, with what their roles grant. An expired term grants nothing. */
export async function loadCurrentGrants(db: Db, accountId: number) {
  const today = todayInVietnam();
  const rows = await queryRows<GrantRow>(
    db,
    sql`select o.id as "officeId", o.unit_id as "unitId", o.unit_path as "unitPath", o.role,
          r.requires_totp as "requiresTotp",
          array_remove(array_agg(rp.permission), null) as permissions
        from offices o
        join roles r on r.code = o.role
        left join role_permissions rp on rp.role = o.role
        where o.account_id = ${accountId} and o.term_start <= ${today}::date
          and (o.term_end is null or o.term_end >= ${today}::date)
        group by o.id, r.requires_totp
        order by o.unit_path, o.id`,
  );
  return { grants: rows.map(toGrant), requiresTotp: rows.some((row) => row.requiresTotp) };
}

/**
 * Token → actor in one round trip: the session (unexpired, unrevoked), its account, and the offices
 * held today with what their roles grant. This runs on every signed-in request.
 */
export async function resolveActor(db: Db, token: string, ip: string): Promise<Actor | null> {
  const today = todayInVietnam();
  const rows = await queryRows<
    { sessionId: number; accountId: number; fullName: string; totpEnabled: boolean } & Partial<GrantRow>
  >(
    db,
    sql`select s.id as "sessionId", a.id as "accountId", a.full_name as "fullName", a.totp_enabled as "totpEnabled",
          g."officeId", g."unitId", g."unitPath", g.role, g."requiresTotp", g.permissions
        from sessions s
        join accounts a on a.id = s.account_id
        left join lateral (
          select o.id as "officeId", o.unit_id as "unitId", o.unit_path as "unitPath", o.role,
            r.requires_totp as "requiresTotp",
            array(select rp.permission from role_permissions rp where rp.role = o.role) as permissions
          from offices o join roles r on r.code = o.role
          where o.account_id = a.id and o.term_start <= ${today}::date
            and (o.term_end is null or o.term_end >= ${today}::date)
        ) g on true
        where s.token_hash = ${hashToken(token)} and s.revoked_at is null and s.expires_at > now()`,
  );
  const [first] = rows;
  if (!first) return null;
  const grantRows = rows.filter((row): row is typeof row & GrantRow => row.officeId != null);
  return {
    accountId: first.accountId,
    fullName: first.fullName,
    sessionId: first.sessionId,
    ip,
    grants: grantRows.map(toGrant),
    totpSetupRequired: grantRows.some((row) => row.requiresTotp) && !first.totpEnabled,
  };
}
