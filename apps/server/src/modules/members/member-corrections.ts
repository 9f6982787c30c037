import { and, desc, eq, lt, sql } from 'drizzle-orm';
import {
  CURRENT_STATUSES,
  type CorrectionDto,
  type CorrectionRequestBody,
  type DecideCorrectionBody,
  type OwnMemberDto,
} from '@union/contracts/members';
import { z } from 'zod';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import type { Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { unsafeAccountPhone } from '../accounts/index.js';
import { notify } from '../notifications/index.js';
import { correctionDecidedNotice } from './member-notices.js';
import { memberSummaries, unitNames, type MemberRow } from './members.queries.js';
import { memberCorrections, members } from './members.schema.js';
import { applyRecordChange, changesBetween, cleanRecord, fieldsOf, toMemberDto } from './members.service.js';

type CorrectionRow = typeof memberCorrections.$inferSelect;

/**
 * The record of the signed-in member: linked by account, or found by the phone they log in with (the
 * link is then kept). A person may hold one current membership, so at most one record is current.
 */
export async function findOwnMember(db: Db, actor: Actor): Promise<MemberRow | undefined> {
  const [linked] = await db
    .select()
    .from(members)
    .where(eq(members.accountId, actor.accountId))
    .orderBy(desc(members.updatedAt))
    .limit(1);
  if (linked) return linked;
  const phone = await unsafeAccountPhone(db, actor.accountId);
  if (!phone) return undefined;
  const byPhone = await db
    .select()
    .from(members)
    .where(
      and(
        eq(members.phone, phone),
        sql`${members.accountId} is null`,
        sql`${members.status} in ('active', 'suspended')`,
      ),
    )
    .limit(2);
  if (byPhone.length === 0) {
    // A concurrent first request may have just linked the record: read the link it left.
    const [linkedMeanwhile] = await db
      .select()
      .from(members)
      .where(eq(members.accountId, actor.accountId))
      .limit(1);
    return linkedMeanwhile;
  }
  // Two members share the number (a family phone): which one signed in is not ours to guess.
  if (byPhone.length !== 1) return undefined;
  const [member] = byPhone as [MemberRow];
  await db.update(members).set({ accountId: actor.accountId }).where(eq(members.id, member.id));
  return { ...member, accountId: actor.accountId };
}

export async function getOwnMemberOrThrow(db: Db, actor: Actor): Promise<MemberRow> {
  const member = await findOwnMember(db, actor);
  if (!member) throw new DomainError('member.no_own_record');
  return member;
}

/** A member sees their own record and history: no office needed, and no other record reachable. */
export async function getOwnMember(db: Db, actor: Actor): Promise<OwnMemberDto> {
  const member = await getOwnMemberOrThrow(db, actor);
  const { can: _can, ...dto } = await toMemberDto(db, { ...actor, grants: [] }, member);
  const rows = await db
    .select()
    .from(memberCorrections)
    .where(eq(memberCorrections.memberId, member.id))
    .orderBy(desc(memberCorrections.id))
    .limit(20);
  return {
    // Their own sensitive data is theirs to see.
    member: { ...dto, ethnicity: member.ethnicity, religion: member.religion, sensitiveHidden: false },
    corrections: await correctionDtos(db, rows),
  };
}

export async function requestCorrection(
  db: Db,
  actor: Actor,
  body: CorrectionRequestBody,
): Promise<CorrectionDto> {
  const member = await getOwnMemberOrThrow(db, actor);
  if (!(CURRENT_STATUSES as string[]).includes(member.status))
    throw new DomainError('member.transition_not_allowed');
  const before = fieldsOf(member);
  const changes = changesBetween(before, cleanRecord({ ...before, ...body.changes }));
  if (Object.keys(changes).length === 0) throw new DomainError('member.update_empty');
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(memberCorrections)
        .values({ memberId: member.id, unitPath: member.unitPath, changes, note: body.note ?? null })
        .returning();
      await recordAudit(tx, actor, {
        action: 'member.correction_request',
        entityType: 'member_correction',
        entityId: created!.id,
        unitId: member.unitId,
        unitPath: member.unitPath,
        details: { fields: Object.keys(changes) },
      });
      return created!;
    });
    return (await correctionDtos(db, [row]))[0]!;
  } catch (error) {
    if (isUniqueViolation(error, 'member_corrections_one_pending'))
      throw new DomainError('member.correction_pending');
    throw error;
  }
}

export async function listCorrections(
  db: Db,
  actor: Actor,
  query: { status: CorrectionDto['status']; limit: number; cursor?: string },
) {
  const before = idCursorBefore(query.cursor);
  const rows = await db
    .select()
    .from(memberCorrections)
    .where(
      and(
        withinScope(memberCorrections.unitPath, actor, 'members.corrections'),
        eq(memberCorrections.status, query.status),
        before ? lt(memberCorrections.id, before) : undefined,
      ),
    )
    .orderBy(desc(memberCorrections.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  return { items: await correctionDtos(db, page), nextCursor };
}

const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** Approving applies the requested new values as an officer's change would (rules re-checked, history kept). */
export async function decideCorrection(
  db: Db,
  actor: Actor,
  id: number,
  body: DecideCorrectionBody,
): Promise<CorrectionDto> {
  const [correction] = await db
    .select()
    .from(memberCorrections)
    .where(
      and(
        eq(memberCorrections.id, id),
        withinScope(memberCorrections.unitPath, actor, 'members.corrections'),
      ),
    );
  if (!correction) throw new DomainError('member.correction_not_found');
  if (correction.status !== 'pending') throw new DomainError('member.correction_decided');
  if (body.decision === 'approve') {
    const change = Object.fromEntries(
      Object.entries(correction.changes).map(([field, [, after]]) => [field, ChangeValue.parse(after)]),
    );
    await applyRecordChange(db, actor, correction.memberId, change, 'member.correction_decide');
  }
  const decided = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(memberCorrections)
      .set({
        status: body.decision === 'approve' ? 'approved' : 'rejected',
        decidedAt: new Date(),
        decidedBy: actor.accountId,
        decisionReason: body.reason ?? null,
      })
      .where(and(eq(memberCorrections.id, id), eq(memberCorrections.status, 'pending')))
      .returning();
    if (!row) throw new DomainError('member.correction_decided');
    if (body.decision === 'reject') {
      await recordAudit(tx, actor, {
        action: 'member.correction_decide',
        entityType: 'member_correction',
        entityId: id,
        unitPath: correction.unitPath,
        details: { decision: 'reject' },
      });
    }
    const [member] = await tx
      .select({ accountId: members.accountId })
      .from(members)
      .where(eq(members.id, correction.memberId));
    if (member?.accountId)
      await notify(tx, correctionDecidedNotice(member.accountId, body.decision, body.reason));
    return row;
  });
  return (await correctionDtos(db, [decided]))[0]!;
}

async function correctionDtos(db: Db, rows: CorrectionRow[]): Promise<CorrectionDto[]> {
  if (rows.length === 0) return [];
  const byId = await memberSummaries(
    db,
    rows.map((row) => row.memberId),
  );
  const names = await unitNames(
    db,
    [...byId.values()].map((person) => person.unitId),
  );
  return rows.map((row) => {
    const person = byId.get(row.memberId)!;
    return {
      id: row.id,
      memberId: row.memberId,
      memberCode: person.memberCode,
      fullName: person.fullName,
      unitName: names.get(person.unitId) ?? '',
      status: row.status as CorrectionDto['status'],
      changes: row.changes,
      note: row.note,
      requestedAt: row.requestedAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      decisionReason: row.decisionReason,
    };
  });
}
