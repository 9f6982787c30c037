import { asc, eq } from 'drizzle-orm';
import type {
  VoiceAttachmentDto,
  VoiceEventDto,
  VoiceEventKind,
  VoiceItemDto,
  ProposalScope,
  VoiceCategory,
} from '@union/contracts/voice';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import { getAccountNames } from '../accounts/index.js';
import { unsafeRoutingUnits } from '../units/index.js';
import { escalationTargetId } from './handling-levels.js';
import { getVisibleItemOrThrow, isOpen, type VisibleItem } from './voice-access.js';
import type { VoiceContext } from './voice-items.service.js';
import { summariesOf } from './voice-items.service.js';
import { voiceAttachments, voiceItemEvents } from './voice.schema.js';

/** The item as the caller may see it, with its history; officers' reads of a named item are audited. */
export async function getItem(context: VoiceContext, actor: Actor, id: number): Promise<VoiceItemDto> {
  const visible = await getVisibleItemOrThrow(context.db, actor, id);
  if (visible.viewer === 'handler' && !visible.item.anonymous) {
    await recordAudit(context.db, actor, {
      action: 'voice.read',
      entityType: 'voice_item',
      entityId: id,
      unitId: visible.item.handlingUnitId,
      unitPath: visible.item.handlingUnitPath,
    });
  }
  return itemDto(context, actor, visible);
}

export async function itemDto(
  context: VoiceContext,
  actor: Actor,
  visible: VisibleItem,
): Promise<VoiceItemDto> {
  const { db } = context;
  const { item, viewer, member } = visible;
  const now = context.now();
  const [summary] = await summariesOf(db, actor, [item], now, viewer === 'handler' ? 'handler' : member);
  if (!summary) throw new Error('summary of one item');
  const events = await db
    .select()
    .from(voiceItemEvents)
    .where(eq(voiceItemEvents.itemId, item.id))
    .orderBy(asc(voiceItemEvents.id));
  const shownEvents = viewer === 'handler' ? events : events.filter((event) => !event.internal);
  const unitIds = [
    item.originUnitId,
    item.handlingUnitId,
    ...(item.answeredByUnitId === null ? [] : [item.answeredByUnitId]),
    ...shownEvents.flatMap((event) => [event.fromUnitId, event.toUnitId]).filter((id) => id !== null),
  ];
  const units = await unsafeRoutingUnits(db, unitIds);
  const handlingUnit = units.get(item.handlingUnitId);
  const accountIds = [...shownEvents.map((event) => event.actorAccountId), item.answeredByAccountId].filter(
    (id): id is number => id !== null,
  );
  const names = await getAccountNames(db, [...new Set(accountIds)]);
  const unitRef = (id: number | null) => (id === null ? null : { id, name: units.get(id)?.name ?? '' });
  const attachments = await db
    .select({
      id: voiceAttachments.id,
      fileName: voiceAttachments.fileName,
      contentType: voiceAttachments.contentType,
      size: voiceAttachments.size,
    })
    .from(voiceAttachments)
    .where(eq(voiceAttachments.itemId, item.id))
    .orderBy(asc(voiceAttachments.id));
  const isAuthor = viewer === 'author';
  const handler = viewer === 'handler';
  const hasAnswer = item.answerBody !== null && item.answeredAt !== null;
  const history: VoiceEventDto[] = shownEvents.map((event) => ({
    id: event.id,
    kind: event.kind as VoiceEventKind,
    at: event.at.toISOString(),
    // An officer's name is part of the official record. The author's own steps name them to handlers of a
    // named item and to themselves, never to other members reading a public proposal.
    actorName:
      event.actorAccountId === null || (viewer === 'public' && event.actorAccountId === item.authorAccountId)
        ? null
        : (names.get(event.actorAccountId) ?? null),
    fromUnit: unitRef(event.fromUnitId),
    toUnit: unitRef(event.toUnitId),
    text: event.text,
    internal: event.internal,
  }));
  return {
    ...summary,
    body: item.body,
    scope: item.scope as ProposalScope | null,
    categorySuggested: item.categorySuggested as VoiceCategory,
    categoryConfidence: item.categoryConfidence,
    // The origin can narrow the author to a small group: only handlers of a named item, and the author, see it.
    originUnit: isAuthor || (handler && !item.anonymous) ? unitRef(item.originUnitId) : null,
    answer: hasAnswer
      ? {
          body: item.answerBody!,
          at: item.answeredAt!.toISOString(),
          unit: unitRef(item.answeredByUnitId ?? item.handlingUnitId)!,
          officerName:
            item.answeredByAccountId === null ? null : (names.get(item.answeredByAccountId) ?? null),
        }
      : null,
    rating: item.rating === null ? null : { stars: item.rating, comment: item.ratingComment },
    reopened: item.reopenedAt !== null,
    answerRequired: item.answerRequiredAt !== null,
    mine: isAuthor,
    attachments: attachments.map((attachment) => ({
      ...attachment,
      contentType: attachment.contentType as VoiceAttachmentDto['contentType'],
    })),
    history,
    can: {
      answer: handler && isOpen(item),
      escalate:
        handler && isOpen(item) && handlingUnit !== undefined && escalationTargetId(handlingUnit) !== null,
      passOn: handler && isOpen(item),
      note: handler,
      setStatus: handler && item.status !== 'closed',
      recategorise: handler && item.status !== 'closed',
      rate: isAuthor && item.status === 'answered' && item.rating === null,
      reopen:
        isAuthor &&
        hasAnswer &&
        item.status !== 'received' &&
        item.status !== 'in_progress' &&
        item.reopenedAt === null,
      close: (isAuthor || handler) && item.status !== 'closed',
      support: viewer === 'public' && item.kind === 'proposal' && item.status !== 'closed',
      attach:
        (isAuthor || (handler && item.enteredByAccountId === actor.accountId)) &&
        item.kind === 'complaint' &&
        item.status !== 'closed',
    },
  };
}
