import { and, asc, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import type {
  AnswerVoiceBody,
  EscalateVoiceBody,
  PassOnVoiceBody,
  RateVoiceBody,
  RecategoriseVoiceBody,
  ReopenVoiceBody,
  SetVoiceStatusBody,
  SupportResponse,
  VoiceCategory,
  VoiceItemDto,
  VoiceNoteBody,
} from '@union/contracts/voice';
import { mayAt, type Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { unsafeRoutingUnits, type RoutingUnit } from '../units/index.js';
import { deadlineFor, escalationTargetId, handlingLevelOf } from './handling-levels.js';
import {
  getVisibleItemOrThrow,
  isHandler,
  isOpen,
  lockItem,
  type VisibleItem,
  type VoiceItemRow,
} from './voice-access.js';
import { loadSupportThresholds } from './support-thresholds.js';
import { itemDto } from './voice-item-detail.js';
import { formatDue, type VoiceContext } from './voice-items.service.js';
import { itemLink, kindName, notifyAuthor, notifyHandlers } from './voice-notices.js';
import { voiceItemEvents, voiceItems, voiceSupports } from './voice.schema.js';

/**
 * Runs a change on an item the caller sees as `viewer`: re-reads and locks it in the transaction, so
 * two officers answering at once cannot both win, then returns the item as the caller now sees it.
 */
async function changeItem(
  context: VoiceContext,
  actor: Actor,
  id: number,
  allowed: (visible: VisibleItem) => boolean,
  change: (tx: Db, item: VoiceItemRow, now: Date) => Promise<void>,
): Promise<VoiceItemDto> {
  const visible = await getVisibleItemOrThrow(context.db, actor, id);
  if (!allowed(visible)) {
    // Seen but not theirs to do: an officer's acts need the handling unit, a member's need authorship.
    throw new DomainError(allowed({ ...visible, viewer: 'handler' }) ? 'access.denied' : 'voice.not_author');
  }
  const now = context.now();
  await context.db.transaction(async (tx) => {
    const item = await lockItem(tx, id);
    await change(tx, item, now);
  });
  // An officer who sent the item elsewhere may no longer see it: they are shown the state they left it in.
  const [after] = await context.db.select().from(voiceItems).where(eq(voiceItems.id, id));
  return itemDto(context, actor, { ...visible, item: after ?? visible.item });
}

const asHandler = (visible: VisibleItem) => visible.viewer === 'handler';
const asAuthor = (visible: VisibleItem) => visible.viewer === 'author';

function requireOpen(item: VoiceItemRow) {
  if (!isOpen(item)) throw new DomainError('voice.wrong_status');
}

export function answerItem(context: VoiceContext, actor: Actor, id: number, body: AnswerVoiceBody) {
  return changeItem(context, actor, id, asHandler, async (tx, item, now) => {
    requireOpen(item);
    await tx
      .update(voiceItems)
      .set({
        status: 'answered',
        answerBody: body.body,
        answeredAt: now,
        answeredByAccountId: actor.accountId,
        answeredByUnitId: item.handlingUnitId,
        answeredOnTime: now.getTime() <= item.dueAt.getTime(),
        updatedAt: now,
      })
      .where(eq(voiceItems.id, item.id));
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: 'answered',
      actorAccountId: actor.accountId,
      fromUnitId: item.handlingUnitId,
      text: body.body,
      at: now,
    });
    await recordAudit(tx, actor, {
      action: 'voice.answer',
      entityType: 'voice_item',
      entityId: item.id,
      unitId: item.handlingUnitId,
      unitPath: item.handlingUnitPath,
    });
    await notifyAuthor(tx, item.authorAccountId, {
      kind: 'voice_answered',
      title: `${kindName(item)} của bạn đã được trả lời`,
      body: item.title.slice(0, 200),
      link: itemLink(item.id),
    });
  });
}

/** Moves an item to another handling unit with a fresh deadline for that unit's level. */
async function moveItem(
  tx: Db,
  item: VoiceItemRow,
  to: RoutingUnit,
  now: Date,
  event: { kind: 'escalated' | 'passed_on' | 'auto_escalated'; actorAccountId: number | null; text: string },
): Promise<Date> {
  const dueAt = await deadlineFor(
    tx,
    handlingLevelOf(to.type) ?? 'grassroots',
    item.category as VoiceCategory,
    now,
  );
  await tx
    .update(voiceItems)
    .set({
      status: 'received',
      handlingUnitId: to.id,
      handlingUnitPath: to.path,
      handlingProvinceId: to.provinceId,
      handlingSince: now,
      dueAt,
      escalations: event.kind === 'passed_on' ? item.escalations : item.escalations + 1,
      updatedAt: now,
    })
    .where(eq(voiceItems.id, item.id));
  await tx.insert(voiceItemEvents).values({
    itemId: item.id,
    kind: event.kind,
    actorAccountId: event.actorAccountId,
    fromUnitId: item.handlingUnitId,
    toUnitId: to.id,
    text: event.text,
    at: now,
  });
  const moved = event.kind === 'passed_on' ? 'được chuyển' : 'được chuyển lên';
  await notifyHandlers(tx, [to.id], {
    kind: 'voice_assigned',
    title: `${kindName(item)} ${moved} đơn vị bạn: ${item.title}`.slice(0, 200),
    body: `Hạn xử lý: ${formatDue(dueAt)}. Lý do: ${event.text}`.slice(0, 500),
    link: itemLink(item.id),
  });
  await notifyAuthor(tx, item.authorAccountId, {
    kind: 'voice_escalated',
    title: `${kindName(item)} của bạn ${moved} ${to.name}`.slice(0, 200),
    body: `Hạn trả lời mới: ${formatDue(dueAt)}.`,
    link: itemLink(item.id),
  });
  return dueAt;
}

async function handlingUnitOf(tx: Db, item: VoiceItemRow): Promise<RoutingUnit> {
  const unit = (await unsafeRoutingUnits(tx, [item.handlingUnitId])).get(item.handlingUnitId);
  if (!unit) throw new DomainError('voice.not_found');
  return unit;
}

async function managingUnitOf(tx: Db, item: VoiceItemRow): Promise<RoutingUnit | undefined> {
  const targetId = escalationTargetId(await handlingUnitOf(tx, item));
  return targetId === null ? undefined : (await unsafeRoutingUnits(tx, [targetId])).get(targetId);
}

export function escalateItem(context: VoiceContext, actor: Actor, id: number, body: EscalateVoiceBody) {
  return changeItem(context, actor, id, asHandler, async (tx, item, now) => {
    requireOpen(item);
    const target = await managingUnitOf(tx, item);
    if (!target) throw new DomainError('voice.top_level');
    await moveItem(tx, item, target, now, {
      kind: 'escalated',
      actorAccountId: actor.accountId,
      text: body.reason,
    });
    await recordAudit(tx, actor, {
      action: 'voice.escalate',
      entityType: 'voice_item',
      entityId: item.id,
      unitId: item.handlingUnitId,
      unitPath: item.handlingUnitPath,
      details: { toUnitId: target.id },
    });
  });
}

/** Sideways or down, to another unit the officer's office covers that can handle items. */
export function passOnItem(context: VoiceContext, actor: Actor, id: number, body: PassOnVoiceBody) {
  return changeItem(context, actor, id, asHandler, async (tx, item, now) => {
    requireOpen(item);
    const target = (await unsafeRoutingUnits(tx, [body.unitId])).get(body.unitId);
    if (
      !target ||
      target.id === item.handlingUnitId ||
      target.status !== 'active' ||
      handlingLevelOf(target.type) === null ||
      !mayAt(actor, 'voice.handle', target.path)
    ) {
      throw new DomainError('voice.pass_on_target');
    }
    await moveItem(tx, item, target, now, {
      kind: 'passed_on',
      actorAccountId: actor.accountId,
      text: body.reason,
    });
    await recordAudit(tx, actor, {
      action: 'voice.pass_on',
      entityType: 'voice_item',
      entityId: item.id,
      unitId: item.handlingUnitId,
      unitPath: item.handlingUnitPath,
      details: { toUnitId: target.id },
    });
  });
}

export function noteItem(context: VoiceContext, actor: Actor, id: number, body: VoiceNoteBody) {
  return changeItem(context, actor, id, asHandler, async (tx, item, now) => {
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: 'note',
      actorAccountId: actor.accountId,
      text: body.body,
      internal: true,
      at: now,
    });
  });
}

/** Officers take an item in hand or close it; the author may close their own. */
export function setItemStatus(context: VoiceContext, actor: Actor, id: number, body: SetVoiceStatusBody) {
  const allowed = (visible: VisibleItem) =>
    visible.viewer === 'handler' || (visible.viewer === 'author' && body.status === 'closed');
  return changeItem(context, actor, id, allowed, async (tx, item, now) => {
    if (body.status === 'in_progress' && item.status !== 'received')
      throw new DomainError('voice.wrong_status');
    if (body.status === 'closed' && item.status === 'closed') throw new DomainError('voice.wrong_status');
    await tx
      .update(voiceItems)
      .set({ status: body.status, closedAt: body.status === 'closed' ? now : null, updatedAt: now })
      .where(eq(voiceItems.id, item.id));
    const byAuthorOfAnonymous = item.anonymous && !isHandler(actor, item);
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: body.status === 'closed' ? 'closed' : 'status_changed',
      actorAccountId: byAuthorOfAnonymous ? null : actor.accountId,
      text: body.status === 'in_progress' ? 'Đang xử lý' : null,
      at: now,
    });
  });
}

export function recategoriseItem(
  context: VoiceContext,
  actor: Actor,
  id: number,
  body: RecategoriseVoiceBody,
) {
  return changeItem(context, actor, id, asHandler, async (tx, item, now) => {
    if (item.status === 'closed') throw new DomainError('voice.wrong_status');
    if (item.category === body.category) return;
    await tx
      .update(voiceItems)
      .set({ category: body.category, updatedAt: now })
      .where(eq(voiceItems.id, item.id));
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: 'recategorised',
      actorAccountId: actor.accountId,
      text: `${item.category} → ${body.category}`,
      at: now,
    });
  });
}

/** The author rates the official answer once; rating it closes the item. */
export function rateItem(context: VoiceContext, actor: Actor, id: number, body: RateVoiceBody) {
  return changeItem(context, actor, id, asAuthor, async (tx, item, now) => {
    if (item.status !== 'answered' || item.rating !== null) throw new DomainError('voice.wrong_status');
    await tx
      .update(voiceItems)
      .set({
        rating: body.stars,
        ratingComment: body.comment || null,
        status: 'closed',
        closedAt: now,
        updatedAt: now,
      })
      .where(eq(voiceItems.id, item.id));
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: 'rated',
      actorAccountId: item.anonymous ? null : actor.accountId,
      text: body.comment ? `${body.stars}/5 — ${body.comment}` : `${body.stars}/5`,
      at: now,
    });
  });
}

/** Once, after an answer: back to the unit that answered, with a fresh deadline. */
export function reopenItem(context: VoiceContext, actor: Actor, id: number, body: ReopenVoiceBody) {
  return changeItem(context, actor, id, asAuthor, async (tx, item, now) => {
    if (item.answeredAt === null || isOpen(item)) throw new DomainError('voice.wrong_status');
    if (item.reopenedAt !== null) throw new DomainError('voice.reopen_used');
    const unit = await handlingUnitOf(tx, item);
    const dueAt = await deadlineFor(
      tx,
      handlingLevelOf(unit.type) ?? 'grassroots',
      item.category as VoiceCategory,
      now,
    );
    await tx
      .update(voiceItems)
      .set({
        status: 'in_progress',
        reopenedAt: now,
        closedAt: null,
        // The earlier answer stays in the history; the counts wait for the new one.
        answeredAt: null,
        answeredOnTime: null,
        rating: null,
        ratingComment: null,
        handlingSince: now,
        dueAt,
        updatedAt: now,
      })
      .where(eq(voiceItems.id, item.id));
    await tx.insert(voiceItemEvents).values({
      itemId: item.id,
      kind: 'reopened',
      actorAccountId: item.anonymous ? null : actor.accountId,
      text: body.reason,
      at: now,
    });
    await notifyHandlers(tx, [unit.id], {
      kind: 'voice_assigned',
      title: `${kindName(item)} được mở lại: ${item.title}`.slice(0, 200),
      body: `Hạn xử lý: ${formatDue(dueAt)}. Lý do: ${body.reason}`.slice(0, 500),
      link: itemLink(item.id),
    });
  });
}

/**
 * A member supports a proposal in their scope, once. Reaching the threshold in force obliges the
 * handling unit to answer officially: the item is marked and its officers told.
 */
export async function supportItem(context: VoiceContext, actor: Actor, id: number): Promise<SupportResponse> {
  const visible = await getVisibleItemOrThrow(context.db, actor, id);
  if (visible.viewer !== 'public' || !visible.member || visible.item.status === 'closed')
    throw new DomainError('voice.support_not_allowed');
  const memberId = visible.member.id;
  const now = context.now();
  return context.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(voiceSupports)
      .values({ itemId: id, memberId })
      .onConflictDoNothing()
      .returning({ memberId: voiceSupports.memberId });
    const item = await lockItem(tx, id);
    if (inserted.length === 0)
      return { supportCount: item.supportCount, answerRequired: item.answerRequiredAt !== null };
    const supportCount = item.supportCount + 1;
    const threshold = (await loadSupportThresholds(tx))(item.scope ?? 'unit', item.createdAt);
    const reached = item.answerRequiredAt === null && threshold !== null && supportCount >= threshold;
    await tx
      .update(voiceItems)
      .set({ supportCount, ...(reached ? { answerRequiredAt: now } : {}), updatedAt: now })
      .where(eq(voiceItems.id, id));
    if (reached) {
      await tx.insert(voiceItemEvents).values({
        itemId: id,
        kind: 'support_threshold_reached',
        text: `${supportCount} đoàn viên ủng hộ (ngưỡng ${threshold})`,
        at: now,
      });
      await notifyHandlers(tx, [item.handlingUnitId], {
        kind: 'voice_assigned',
        title: `Kiến nghị đủ ${threshold} ủng hộ, cần trả lời chính thức`,
        body: item.title.slice(0, 200),
        link: itemLink(id),
      });
    }
    return { supportCount, answerRequired: reached || item.answerRequiredAt !== null };
  });
}

export async function withdrawSupport(
  context: VoiceContext,
  actor: Actor,
  id: number,
): Promise<SupportResponse> {
  const visible = await getVisibleItemOrThrow(context.db, actor, id);
  if (visible.viewer !== 'public' || !visible.member) throw new DomainError('voice.support_not_allowed');
  const memberId = visible.member.id;
  return context.db.transaction(async (tx) => {
    const removed = await tx
      .delete(voiceSupports)
      .where(and(eq(voiceSupports.itemId, id), eq(voiceSupports.memberId, memberId)))
      .returning({ memberId: voiceSupports.memberId });
    const item = await lockItem(tx, id);
    const supportCount = item.supportCount - removed.length;
    if (removed.length > 0) await tx.update(voiceItems).set({ supportCount }).where(eq(voiceItems.id, id));
    return { supportCount, answerRequired: item.answerRequiredAt !== null };
  });
}

/** Items handled per sweep transaction: a backlog after an outage clears in steps, not one long lock. */
const SWEEP_BATCH = 200;

/**
 * Moves every open item whose deadline has passed to its handling unit's managing unit, with a fresh
 * deadline and notices to both units' officers and the member. Items at the Confederation stay (there
 * is nowhere higher) and show as overdue. Returns how many moved. Safe to run from several servers:
 * rows are claimed with SKIP LOCKED.
 */
export async function escalateOverdueItems(db: Db, now: Date): Promise<number> {
  let moved = 0;
  for (;;) {
    const picked = await db.transaction(async (tx) => {
      const due = await tx
        .select()
        .from(voiceItems)
        .where(
          and(
            inArray(voiceItems.status, ['received', 'in_progress']),
            lt(voiceItems.dueAt, now),
            isNotNull(voiceItems.handlingProvinceId),
          ),
        )
        .orderBy(asc(voiceItems.dueAt))
        .limit(SWEEP_BATCH)
        .for('update', { skipLocked: true });
      if (due.length === 0) return 0;
      const units = await unsafeRoutingUnits(
        tx,
        due.map((item) => item.handlingUnitId),
      );
      const targetIds = [...units.values()].map(escalationTargetId).filter((id): id is number => id !== null);
      const targets = await unsafeRoutingUnits(tx, targetIds);
      let steps = 0;
      for (const item of due) {
        const from = units.get(item.handlingUnitId);
        const targetId = from ? escalationTargetId(from) : null;
        const target = targetId === null ? undefined : targets.get(targetId);
        if (!from || !target) {
          // Nowhere to go: leave it overdue where it is, but stop picking it up every sweep.
          await tx.update(voiceItems).set({ handlingProvinceId: null }).where(eq(voiceItems.id, item.id));
          continue;
        }
        await moveItem(tx, item, target, now, {
          kind: 'auto_escalated',
          actorAccountId: null,
          text: `Quá hạn xử lý tại ${from.name} (hạn ${formatDue(item.dueAt)})`,
        });
        await notifyHandlers(tx, [from.id], {
          kind: 'voice_escalated',
          title: `Quá hạn: ${kindName(item)} đã tự động chuyển lên ${target.name}`.slice(0, 200),
          body: item.title.slice(0, 200),
          link: itemLink(item.id),
        });
        steps += 1;
      }
      moved += steps;
      return due.length;
    });
    if (picked < SWEEP_BATCH) break;
  }
  return moved;
}
