import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type {
  AskBody,
  AskResponse,
  ArticleRef,
  CitationDto,
  ContactBody,
  ConversationDto,
  ConversationList,
  ConversationMessageDto,
  FeedbackBody,
  LegalCaseStatus,
} from '@union/contracts/assistant';
import { withoutControlCharacters } from '../../kernel/text/control-characters.js';
import { todayInVietnam } from '../../kernel/time.js';
import type { Actor } from '../../kernel/access/actor.js';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { findOwnAssistantMember } from '../members/index.js';
import { unsafeProvinceLevelUnits, unsafeUnitSummaries } from '../units/index.js';
import type { AssistantContext } from './assistant-context.js';
import { assistantConversations, assistantMessages, legalCases } from './assistant.schema.js';
import type { EngineReply } from './engine/assistant-engine.js';
import { openCase } from './legal-cases.service.js';

/**
 * One turn of a conversation: the question and the reply are stored together, a handover opens a case
 * for a signed-in member, and the conversation remembers what follow-ups need.
 *
 * Who may read or continue a conversation: one started by an account only that account; one started
 * without a session whoever holds its id (a random UUID). Anything else reads as not found, so an id
 * never tells whether someone else's conversation exists.
 */

type ConversationRow = typeof assistantConversations.$inferSelect;

export async function ask(
  context: AssistantContext,
  actor: Actor | null,
  body: AskBody,
): Promise<AskResponse> {
  const { db } = context;
  const question = withoutControlCharacters(body.question).trim();
  const existing = body.conversationId
    ? await readableConversation(db, actor, body.conversationId)
    : undefined;
  const conversation = existing ?? { id: randomUUID(), accountId: actor?.accountId ?? null, memory: {} };
  const reply = context.engine.reply(question, conversation.memory, todayInVietnam(context.now()));
  const citations = citationDtos(context, reply.citations);

  const turn = {
    conversationId: conversation.id,
    accountId: conversation.accountId ?? actor?.accountId ?? null,
    memory: reply.memory,
    question: question.slice(0, 2_000) || '…',
    reply,
  };
  let text = reply.text;
  let caseId: number | undefined;
  let contactRequested: boolean | undefined;
  let messageId: number;
  if (reply.outcome !== 'handover') {
    messageId = await storeTurn(db, { ...turn, text });
  } else {
    // A case refers to its conversation: the conversation is written first, the turn after the case.
    messageId = await db.transaction(async (tx) => {
      await upsertConversation(tx, turn);
      const handed = await handOver(context, tx, actor, conversation.id, question, reply);
      text = `${reply.text}\n\n${handed.text}`;
      caseId = handed.caseId;
      contactRequested = handed.contactRequested;
      return storeTurn(tx, { ...turn, text });
    });
  }
  return {
    conversationId: conversation.id,
    answer: text,
    outcome: reply.outcome,
    citations,
    ...(caseId !== undefined ? { caseId } : {}),
    confidence: reply.confidence,
    messageId,
    ...(contactRequested ? { contactRequested } : {}),
    ...(reply.formula ? { formula: reply.formula } : {}),
    ...(reply.suggestions.length > 0 ? { suggestions: reply.suggestions } : {}),
  };
}

interface Turn {
  conversationId: string;
  accountId: number | null;
  memory: EngineReply['memory'];
  question: string;
  reply: EngineReply;
}

/**
 * The conversation (created, or its memory updated) and both messages in one statement: one round trip
 * and atomic without a transaction. A conversation begun on the public page becomes the member's once
 * they ask signed in. The two messages are inserted in order, so the question's id is the smaller.
 */
async function storeTurn(db: Db, turn: Turn & { text: string }): Promise<number> {
  const { reply } = turn;
  const rows = await queryRows<{ id: number; role: string }>(
    db,
    sql`with conversation as (
          insert into assistant_conversations (id, account_id, memory)
          values (${turn.conversationId}, ${turn.accountId}, ${JSON.stringify(turn.memory)}::jsonb)
          on conflict (id) do update
            set memory = excluded.memory, last_at = now(),
                account_id = coalesce(assistant_conversations.account_id, excluded.account_id)
          returning id)
        insert into assistant_messages
          (conversation_id, role, text, outcome, citations, formula, confidence, answer_version_id)
        select conversation.id, m.role, m.text, m.outcome, m.citations::jsonb, m.formula, m.confidence::real,
               m.answer_version_id::integer
          from conversation
          cross join (values
            (1, 'user', ${turn.question}, null, '[]', null, null, null),
            (2, 'assistant', ${turn.text}, ${reply.outcome}, ${JSON.stringify(reply.citations)},
             ${reply.formula ?? null}, ${reply.confidence}, ${reply.answer?.versionId ?? null})
          ) as m(ord, role, text, outcome, citations, formula, confidence, answer_version_id)
         order by m.ord
        returning id, role`,
  );
  return Number(rows.find((row) => row.role === 'assistant')!.id);
}

async function upsertConversation(tx: Db, turn: Turn): Promise<void> {
  await tx
    .insert(assistantConversations)
    .values({ id: turn.conversationId, accountId: turn.accountId, memory: turn.memory })
    .onConflictDoUpdate({
      target: assistantConversations.id,
      set: {
        memory: turn.memory,
        lastAt: sql`now()`,
        accountId: sql`coalesce(${assistantConversations.accountId}, ${turn.accountId})`,
      },
    });
}

/** A signed-in member's question becomes a case at their province-level union; anyone else is asked for a way back. */
async function handOver(
  context: AssistantContext,
  tx: Db,
  actor: Actor | null,
  conversationId: string,
  question: string,
  reply: EngineReply,
): Promise<{ text: string; caseId?: number; contactRequested?: boolean }> {
  const [open] = await tx
    .select({ id: legalCases.id, status: legalCases.status })
    .from(legalCases)
    .where(eq(legalCases.conversationId, conversationId));
  if (open && open.status !== 'closed') {
    return {
      text: `Câu hỏi này đã được gửi thêm vào hồ sơ tư vấn #${open.id}; tư vấn viên sẽ trả lời ngay trong cuộc trò chuyện này.`,
      caseId: open.id,
    };
  }
  const member = actor ? await findOwnAssistantMember(tx, actor) : undefined;
  if (!actor || !member?.provinceId) {
    return {
      text: 'Để tư vấn viên trả lời bạn, hãy đăng nhập bằng tài khoản đoàn viên, hoặc để lại tên và số điện thoại.',
      contactRequested: true,
    };
  }
  const [unit] = await unsafeUnitSummaries(tx, [member.provinceId]);
  if (!unit) return { text: 'Bạn có thể gọi đường dây nóng của Công đoàn nơi bạn làm việc để được tư vấn.' };
  const caseId = await openCase(tx, {
    conversationId,
    question,
    reason: reply.reason ?? 'low_confidence',
    unit,
    memberId: member.id,
    accountId: actor.accountId,
    actor,
  });
  return {
    text: `Mình đã chuyển câu hỏi cho tư vấn viên pháp luật của ${unit.name} (hồ sơ #${caseId}). Câu trả lời sẽ hiện ngay trong cuộc trò chuyện này và bạn sẽ nhận được thông báo. Câu hỏi và thông tin của bạn chỉ các tư vấn viên pháp luật của Công đoàn được xem.`,
    caseId,
  };
}

/** A person without a session leaves a name and a phone after a handover: the case goes to the union they chose. */
export async function leaveContact(
  context: AssistantContext,
  actor: Actor | null,
  body: ContactBody,
): Promise<{ caseId: number }> {
  const { db } = context;
  const conversation = await readableConversation(db, actor, body.conversationId);
  if (!conversation) throw new DomainError('assistant.conversation_not_found');
  const centres = await unsafeProvinceLevelUnits(db);
  const unit = centres.find((c) => c.id === body.unitId);
  if (!unit) throw new DomainError('assistant.advice_centre_unknown');
  const [lastQuestion] = await db
    .select({ text: assistantMessages.text })
    .from(assistantMessages)
    .where(and(eq(assistantMessages.conversationId, conversation.id), eq(assistantMessages.role, 'user')))
    .orderBy(desc(assistantMessages.id))
    .limit(1);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: legalCases.id })
      .from(legalCases)
      .where(eq(legalCases.conversationId, conversation.id));
    if (existing) throw new DomainError('assistant.case_exists');
    const caseId = await openCase(tx, {
      conversationId: conversation.id,
      question: lastQuestion?.text ?? '',
      reason: 'contact',
      unit,
      memberId: null,
      accountId: actor?.accountId ?? null,
      contact: { name: body.name, phone: body.phone },
      actor,
    });
    await tx.insert(assistantMessages).values({
      conversationId: conversation.id,
      role: 'assistant',
      text: `Cảm ơn bạn. Hồ sơ tư vấn #${caseId} đã được gửi tới ${unit.name}; tư vấn viên sẽ gọi lại số bạn để lại và trả lời trong cuộc trò chuyện này.`,
      outcome: 'handover',
    });
    return { caseId };
  });
}

/** The conversation if this caller may read it: its account's, or an anonymous one by id. */
async function readableConversation(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db.select().from(assistantConversations).where(eq(assistantConversations.id, id));
  if (!row) return undefined;
  if (row.accountId !== null && row.accountId !== actor?.accountId) return undefined;
  return row;
}

export async function getConversation(
  context: AssistantContext,
  actor: Actor | null,
  id: string,
): Promise<ConversationDto> {
  const conversation = await readableConversation(context.db, actor, id);
  if (!conversation) throw new DomainError('assistant.conversation_not_found');
  const [legalCase] = await context.db
    .select({ id: legalCases.id, status: legalCases.status })
    .from(legalCases)
    .where(eq(legalCases.conversationId, id));
  return {
    id: conversation.id,
    startedAt: conversation.startedAt.toISOString(),
    messages: await transcriptOf(context, id),
    caseId: legalCase?.id ?? null,
    caseStatus: (legalCase?.status as LegalCaseStatus | undefined) ?? null,
  };
}

/** The messages of a conversation, oldest first, as the member and the adviser see them. */
export async function transcriptOf(
  context: AssistantContext,
  conversationId: string,
): Promise<ConversationMessageDto[]> {
  const rows = await context.db
    .select()
    .from(assistantMessages)
    .where(eq(assistantMessages.conversationId, conversationId))
    .orderBy(asc(assistantMessages.id))
    .limit(500);
  return rows.map((m) => ({
    id: m.id,
    role: m.role as ConversationMessageDto['role'],
    text: m.text,
    outcome: (m.outcome as ConversationMessageDto['outcome']) ?? null,
    citations: citationDtos(context, m.citations),
    formula: m.formula,
    authorName: m.role === 'adviser' ? m.authorName : null,
    helpful: m.helpful,
    at: m.createdAt.toISOString(),
  }));
}

export async function listConversations(context: AssistantContext, actor: Actor): Promise<ConversationList> {
  const items = await queryRows<{
    id: string;
    startedAt: Date | string;
    lastAt: Date | string;
    caseStatus: string | null;
    firstQuestion: string | null;
  }>(
    context.db,
    sql`
    select c.id, c.started_at as "startedAt", c.last_at as "lastAt", lc.status as "caseStatus",
           (select m.text from assistant_messages m
             where m.conversation_id = c.id and m.role = 'user' order by m.id limit 1) as "firstQuestion"
      from assistant_conversations c
      left join legal_cases lc on lc.conversation_id = c.id
     where c.account_id = ${actor.accountId}
     order by c.last_at desc
     limit 50`,
  );
  return {
    items: items.map((r) => ({
      id: r.id,
      startedAt: new Date(r.startedAt).toISOString(),
      lastAt: new Date(r.lastAt).toISOString(),
      firstQuestion: r.firstQuestion ?? '',
      caseStatus: (r.caseStatus as LegalCaseStatus | null) ?? null,
    })),
  };
}

/** Thumbs up or down on an assistant message of a conversation the caller may read. */
export async function giveFeedback(
  context: AssistantContext,
  actor: Actor | null,
  messageId: number,
  body: FeedbackBody & { conversationId: string },
): Promise<void> {
  const conversation = await readableConversation(context.db, actor, body.conversationId);
  if (!conversation) throw new DomainError('assistant.conversation_not_found');
  const updated = await context.db
    .update(assistantMessages)
    .set({ helpful: body.helpful, feedbackComment: body.comment ?? null, feedbackAt: sql`now()` })
    .where(
      and(
        eq(assistantMessages.id, messageId),
        eq(assistantMessages.conversationId, conversation.id),
        eq(assistantMessages.role, 'assistant'),
      ),
    )
    .returning({ id: assistantMessages.id });
  if (updated.length === 0) throw new DomainError('assistant.message_not_found');
}

export async function adviceCentres(context: AssistantContext) {
  const units = await unsafeProvinceLevelUnits(context.db);
  return { items: units.map((u) => ({ unitId: u.id, name: u.name })) };
}

/** Stored references → what the API shows, skipping any article the knowledge no longer has. */
export function citationDtos(context: AssistantContext, refs: readonly ArticleRef[]): CitationDto[] {
  const knowledge = context.knowledge;
  const dtos: CitationDto[] = [];
  for (const ref of refs) {
    const article = knowledge.article(ref);
    const document = knowledge.documents.get(ref.document);
    if (!article || !document) continue;
    dtos.push({
      document: document.shortTitle,
      number: document.number,
      article: `Điều ${ref.article}`,
      title: article.title,
      articleId: article.id,
    });
  }
  return dtos;
}
