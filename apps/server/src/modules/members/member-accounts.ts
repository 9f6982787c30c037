import { eq } from 'drizzle-orm';
import { CURRENT_STATUSES, type MemberAccountBody, type MemberAccountDto } from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { todayInVietnam } from '../../kernel/time.js';
import {
  hashPassword,
  unsafeAccountIdByPhone,
  unsafeAssignOffice,
  unsafeCreateAccount,
} from '../accounts/index.js';
import { unsafeUnitSummaries } from '../units/index.js';
import { getMemberOrThrow, lockMember, type MemberRow } from './members.queries.js';
import { members } from './members.schema.js';

/** "+84912345678" → "0912345678": the form a member types, and /auth/login accepts. */
const domesticPhone = (phone: string) => phone.replace(/^\+84/, '0');

function assertMayHaveAccount(member: MemberRow): asserts member is MemberRow & { phone: string } {
  if (!(CURRENT_STATUSES as string[]).includes(member.status)) throw new DomainError('member.not_current');
  if (!member.phone) throw new DomainError('member.no_phone');
  if (member.accountId !== null) throw new DomainError('member.account_exists');
}

/**
 * An officer sets up sign-in for a member who needs help: an account whose login is the member's
 * mobile number, linked to the record, holding the `member` role at their grassroots union (as every
 * member login does), with the password the officer gives them.
 */
export async function createMemberAccount(
  db: Db,
  actor: Actor,
  memberId: number,
  body: MemberAccountBody,
): Promise<MemberAccountDto> {
  const member = await getMemberOrThrow(db, actor, memberId, 'members.update');
  assertMayHaveAccount(member);
  if ((await unsafeAccountIdByPhone(db, member.phone)) !== undefined)
    throw new DomainError('member.account_exists');
  const passwordHash = await hashPassword(body.password);
  const [grassroots] = await unsafeUnitSummaries(db, [member.grassrootsUnitId]);
  try {
    const created = await db.transaction(async (tx) => {
      const locked = await lockMember(tx, member.id);
      assertMayHaveAccount(locked);
      const accountId = await unsafeCreateAccount(tx, {
        phone: locked.phone,
        fullName: locked.fullName,
        password: '',
        passwordHash,
      });
      await tx.update(members).set({ accountId }).where(eq(members.id, locked.id));
      await unsafeAssignOffice(tx, {
        accountId,
        unit: grassroots!,
        role: 'member',
        termStart: todayInVietnam(),
      });
      await recordAudit(tx, actor, {
        action: 'account.create',
        entityType: 'account',
        entityId: accountId,
        unitId: locked.unitId,
        unitPath: locked.unitPath,
        details: { memberId: locked.id, memberCode: locked.memberCode, login: 'phone' },
      });
      return { accountId, phone: locked.phone };
    });
    return { accountId: created.accountId, login: domesticPhone(created.phone) };
  } catch (error) {
    // Someone else took the number a moment earlier: the unique index stopped this one.
    if (isUniqueViolation(error, 'accounts_phone_key')) throw new DomainError('member.account_exists');
    throw error;
  }
}
