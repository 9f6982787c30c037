import { and, desc, eq, lt } from 'drizzle-orm';
import {
  CURRENT_STATUSES,
  type DecideTransferBody,
  type RecordMemberEventBody,
  type RequestTransferInBody,
  type TransferDto,
  type TransferListQuery,
} from '@union/contracts/members';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { mayAt, type Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { DomainError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { todayInVietnam } from '../../kernel/time.js';
import { notify } from '../notifications/index.js';
import { unsafeMembershipPlaces, type MembershipPlace } from '../units/index.js';
import {
  getMemberOrThrow,
  lockMember,
  memberSummaries,
  unitNames,
  type MemberRow,
} from './members.queries.js';
import { memberEvents, members, memberTransfers } from './members.schema.js';
import { assertMembershipPlace, assertNotBeforeLastEvent } from './members.service.js';
import { transferDecidedNotice } from './member-notices.js';

type Place = MembershipPlace & { grassrootsId: number };
type TransferRow = typeof memberTransfers.$inferSelect;

const isCurrent = (member: MemberRow) => (CURRENT_STATUSES as string[]).includes(member.status);

async function placeOf(db: Db, unitId: number): Promise<Place> {
  const [place] = await unsafeMembershipPlaces(db, [unitId]);
  if (!place) throw new DomainError('unit.not_found');
  return assertMembershipPlace(place);
}

function assertTransferable(member: MemberRow, to: Place, date: string): void {
  if (!isCurrent(member))
    throw new DomainError('member.transition_not_allowed', undefined, {
      status: member.status,
      type: 'transfer',
    });
  if (member.unitId === to.id) throw new DomainError('member.transfer_same_unit');
  if (date > todayInVietnam()) throw new DomainError('member.date_in_future');
}

/** Moves the member: one `transfer` event, and the record now belongs to the receiving unit. */
async function completeTransfer(
  tx: Db,
  actor: Actor,
  memberId: number,
  to: Place,
  date: string,
  why: { reason: string | null; decisionRef: string | null },
): Promise<void> {
  const member = await lockMember(tx, memberId);
  if (!isCurrent(member))
    throw new DomainError('member.transition_not_allowed', undefined, {
      status: member.status,
      type: 'transfer',
    });
  await assertNotBeforeLastEvent(tx, member.id, date);
  await tx.insert(memberEvents).values({
    memberId: member.id,
    type: 'transfer',
    effectiveOn: date,
    unitId: member.unitId,
    toUnitId: to.id,
    reason: why.reason,
    decisionRef: why.decisionRef,
    recordedBy: actor.accountId,
  });
  await tx
    .update(members)
    .set({
      unitId: to.id,
      grassrootsUnitId: to.grassrootsId,
      unitPath: to.path,
      provinceId: to.provinceId,
      updatedAt: new Date(),
    })
    .where(eq(members.id, member.id));
  await recordAudit(tx, actor, {
    action: 'member.event',
    entityType: 'member',
    entityId: member.id,
    unitId: to.id,
    unitPath: to.path,
    details: { type: 'transfer', date, fromUnitId: member.unitId, toUnitId: to.id },
  });
  // Accepted by the receiving union, or done at once by an officer over both: the member is told.
  if (member.accountId !== null) {
    const from = (await unitNames(tx, [member.unitId])).get(member.unitId) ?? '';
    await notify(tx, transferDecidedNotice(member.accountId, from, to.name, date));
  }
}

async function insertPending(
  tx: Db,
  actor: Actor,
  member: MemberRow,
  to: Place,
  side: 'sending' | 'receiving',
  date: string,
  why: { reason: string | null; decisionRef: string | null },
): Promise<number> {
  try {
    const [created] = await tx
      .insert(memberTransfers)
      .values({
        memberId: member.id,
        fromUnitId: member.unitId,
        fromUnitPath: member.unitPath,
        toUnitId: to.id,
        toUnitPath: to.path,
        requestedBy: side,
        effectiveOn: date,
        reason: why.reason,
        decisionRef: why.decisionRef,
        requestedByAccount: actor.accountId,
      })
      .returning({ id: memberTransfers.id });
    await recordAudit(tx, actor, {
      action: 'member.transfer_request',
      entityType: 'member_transfer',
      entityId: created!.id,
      unitId: side === 'sending' ? member.unitId : to.id,
      unitPath: side === 'sending' ? member.unitPath : to.path,
      details: { memberId: member.id, fromUnitId: member.unitId, toUnitId: to.id },
    });
    return created!.id;
  } catch (error) {
    if (isUniqueViolation(error, 'member_transfers_one_pending'))
      throw new DomainError('member.transfer_pending');
    throw error;
  }
}

/**
 * The sending union moves a member. Within the caller's own units it takes effect at once; to a union
 * elsewhere it waits for the receiving union to accept.
 */
export async function transferOut(
  db: Db,
  actor: Actor,
  memberId: number,
  body: RecordMemberEventBody,
): Promise<{ completed: boolean; transferId: number | null }> {
  if (!body.toUnitId) throw new DomainError('member.transfer_target_required');
  const member = await getMemberOrThrow(db, actor, memberId, 'members.transfer');
  const to = await placeOf(db, body.toUnitId);
  assertTransferable(member, to, body.date);
  return db.transaction(async (tx) => {
    const [pending] = await tx
      .select({ id: memberTransfers.id })
      .from(memberTransfers)
      .where(and(eq(memberTransfers.memberId, member.id), eq(memberTransfers.status, 'pending')));
    if (pending) throw new DomainError('member.transfer_pending');
    const why = { reason: body.reason ?? null, decisionRef: body.decisionRef ?? null };
    if (mayAt(actor, 'members.transfer', to.path)) {
      await completeTransfer(tx, actor, member.id, to, body.date, why);
      return { completed: true, transferId: null };
    }
    const transferId = await insertPending(tx, actor, member, to, 'sending', body.date, why);
    return { completed: false, transferId };
  });
}

/**
 * The receiving union asks for a member who shows their card: known by citizen ID and member code,
 * which must name the same current member. The sending union confirms.
 */
export async function transferIn(
  db: Db,
  actor: Actor,
  body: RequestTransferInBody,
): Promise<{ completed: boolean; transferId: number | null }> {
  // The receiving unit is the caller's own: one outside their scope reads as missing, whatever its type.
  const [place] = await unsafeMembershipPlaces(db, [body.toUnitId]);
  if (!place || !mayAt(actor, 'members.transfer', place.path)) throw new DomainError('unit.not_found');
  const to = assertMembershipPlace(place);
  const [member] = await db
    .select()
    .from(members)
    .where(and(eq(members.citizenId, body.citizenId), eq(members.memberCode, body.memberCode)));
  if (!member || !isCurrent(member)) throw new DomainError('member.transfer_identity_mismatch');
  assertTransferable(member, to, body.date);
  const why = { reason: body.reason ?? null, decisionRef: null };
  return db.transaction(async (tx) => {
    if (mayAt(actor, 'members.transfer', member.unitPath)) {
      await completeTransfer(tx, actor, member.id, to, body.date, why);
      return { completed: true, transferId: null };
    }
    const transferId = await insertPending(tx, actor, member, to, 'receiving', body.date, why);
    return { completed: false, transferId };
  });
}

/** The side a transfer waits on decides it; the side that asked may withdraw it. */
function sidesOf(actor: Actor, transfer: TransferRow) {
  const atFrom = mayAt(actor, 'members.transfer', transfer.fromUnitPath);
  const atTo = mayAt(actor, 'members.transfer', transfer.toUnitPath);
  const pending = transfer.status === 'pending';
  return {
    visible: atFrom || atTo,
    canDecide: pending && (transfer.requestedBy === 'sending' ? atTo : atFrom),
    canCancel: pending && (transfer.requestedBy === 'sending' ? atFrom : atTo),
  };
}

export async function decideTransfer(
  db: Db,
  actor: Actor,
  transferId: number,
  body: DecideTransferBody,
): Promise<TransferDto> {
  await db.transaction(async (tx) => {
    const [transfer] = await tx
      .select()
      .from(memberTransfers)
      .where(eq(memberTransfers.id, transferId))
      .for('update');
    if (!transfer || !sidesOf(actor, transfer).visible) throw new DomainError('member.transfer_not_found');
    if (transfer.status !== 'pending') throw new DomainError('member.transfer_decided');
    const sides = sidesOf(actor, transfer);
    const allowed = body.decision === 'cancel' ? sides.canCancel : sides.canDecide;
    if (!allowed) throw new DomainError('access.denied');
    if (body.decision === 'accept') {
      const to = assertMembershipPlace((await unsafeMembershipPlaces(tx, [transfer.toUnitId]))[0]!);
      await completeTransfer(tx, actor, transfer.memberId, to, transfer.effectiveOn, {
        reason: transfer.reason,
        decisionRef: transfer.decisionRef,
      });
    }
    const status = { accept: 'accepted', reject: 'rejected', cancel: 'cancelled' }[body.decision];
    await tx
      .update(memberTransfers)
      .set({ status, decidedAt: new Date(), decidedBy: actor.accountId, decisionReason: body.reason ?? null })
      .where(eq(memberTransfers.id, transfer.id));
    await recordAudit(tx, actor, {
      action: 'member.transfer_decide',
      entityType: 'member_transfer',
      entityId: transfer.id,
      unitId: body.decision === 'accept' ? transfer.toUnitId : transfer.fromUnitId,
      unitPath: body.decision === 'accept' ? transfer.toUnitPath : transfer.fromUnitPath,
      details: { decision: body.decision, memberId: transfer.memberId },
    });
  });
  const [dto] = await transferDtos(db, actor, [
    (await db.select().from(memberTransfers).where(eq(memberTransfers.id, transferId)))[0]!,
  ]);
  return dto!;
}

export async function listTransfers(db: Db, actor: Actor, query: TransferListQuery) {
  const column = query.direction === 'incoming' ? memberTransfers.toUnitPath : memberTransfers.fromUnitPath;
  const before = idCursorBefore(query.cursor);
  const rows = await db
    .select()
    .from(memberTransfers)
    .where(
      and(
        withinScope(column, actor, 'members.transfer'),
        eq(memberTransfers.status, query.status),
        before ? lt(memberTransfers.id, before) : undefined,
      ),
    )
    .orderBy(desc(memberTransfers.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  return { items: await transferDtos(db, actor, page), nextCursor };
}

async function transferDtos(db: Db, actor: Actor, rows: TransferRow[]): Promise<TransferDto[]> {
  if (rows.length === 0) return [];
  const byId = await memberSummaries(
    db,
    rows.map((row) => row.memberId),
  );
  const names = await unitNames(
    db,
    rows.flatMap((row) => [row.fromUnitId, row.toUnitId]),
  );
  return rows.map((row) => {
    const person = byId.get(row.memberId)!;
    const sides = sidesOf(actor, row);
    return {
      id: row.id,
      status: row.status as TransferDto['status'],
      memberId: row.memberId,
      memberCode: person.memberCode,
      fullName: person.fullName,
      birthDate: person.birthDate,
      fromUnitId: row.fromUnitId,
      fromUnitName: names.get(row.fromUnitId) ?? '',
      toUnitId: row.toUnitId,
      toUnitName: names.get(row.toUnitId) ?? '',
      requestedOn: row.requestedAt.toISOString().slice(0, 10),
      effectiveOn: row.effectiveOn,
      requestedBy: row.requestedBy as TransferDto['requestedBy'],
      reason: row.reason,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      canDecide: sides.canDecide,
      canCancel: sides.canCancel,
    };
  });
}
