import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import type {
  LegalCaseDto,
  LegalCaseListQuery,
  LegalCasePage,
  LegalCaseStatus,
  LegalCaseSummaryDto,
  ReplyCaseBody,
} from '@union/contracts/assistant';
import type { Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { getAccountNames, unsafeAccountsHoldingAt } from '../accounts/index.js';
import { notifyMany } from '../notifications/index.js';
import { unsafeUnitSummaries } from '../units/index.js';
import type { AssistantContext } from './assistant-context.js';
import { assistantConversations, assistantMessages, legalCases } from './assistant.schema.js';
import { transcriptOf } from './conversations.service.js';

/**
 * Consultation cases: what the assistant hands to the union's legal advisers. A case sits at a
 * province-level union; its advisers (and advisers above, at the Confederation) see it, take it, and
 * reply into the member's own chat. Reading a case is audited: it holds a person's situation and phone.
 */

type CaseRow = typeof legalCases.$inferSelect;

export interface NewCase {
  conversationId: string;
  question: string;
  reason: string;
  unit: { id: number; name: string; path: string };
  memberId: number | null;
  accountId: number | null;
  contact?: { name: string; phone: string };
  actor: Actor | null;
}

/** Opens a case in the caller's transaction and tells the union's advisers. */
export async function openCase(tx: Db, input: NewCase): Promise<number> {
  const [row] = await tx
    .insert(legalCases)
    .values({
      conversationId: input.conversationId,
      question: input.question.slice(0, 2_000),
      reason: input.reason,
      handlingUnitId: input.unit.id,
      handlingUnitPath: input.unit.path,
      memberId: input.memberId,
      accountId: input.accountId,
      contactName: input.contact?.name ?? null,
      contactPhone: input.contact?.phone ?? null,
    })
    .returning({ id: legalCases.id });
  const caseId = row!.id;
  const advisers = await unsafeAccountsHoldingAt(tx, [input.unit.id], 'legal.consult');
  await notifyMany(
    tx,
    advisers.map((a) => ({
      accountId: a.accountId,
      kind: 'legal_case_received' as const,
      title: `Hồ sơ tư vấn mới #${caseId}`,
      body: input.question.slice(0, 200),
      link: `/legal-cases/${caseId}`,
    })),
  );
  await recordAudit(tx, input.actor, {
    action: 'legal_case.opened',
    entityType: 'legal_case',
    entityId: caseId,
    unitId: input.unit.id,
    unitPath: input.unit.path,
    details: { reason: input.reason },
  });
  return caseId;
}

const scoped = (actor: Actor): SQL => withinScope(legalCases.handlingUnitPath, actor, 'legal.consult');

async function caseInScope(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  const [row] = await db
    .select()
    .from(legalCases)
    .where(and(eq(legalCases.id, id), scoped(actor)));
  if (!row) throw new DomainError('legal_case.not_found');
  return row;
}

export async function listCases(
  context: AssistantContext,
  actor: Actor,
  query: LegalCaseListQuery,
): Promise<LegalCasePage> {
  const before = idCursorBefore(query.cursor);
  const rows = await context.db
    .select()
    .from(legalCases)
    .where(
      and(
        scoped(actor),
        query.status ? eq(legalCases.status, query.status) : undefined,
        query.mine === 'true' ? eq(legalCases.assigneeAccountId, actor.accountId) : undefined,
        before !== undefined ? lt(legalCases.id, before) : undefined,
      ),
    )
    .orderBy(desc(legalCases.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  const names = await unitNames(context.db, page);
  return { items: page.map((row) => summaryOf(row, names)), nextCursor };
}

export async function getCase(context: AssistantContext, actor: Actor, id: number): Promise<LegalCaseDto> {
  const row = await caseInScope(context.db, actor, id);
  await recordAudit(context.db, actor, {
    action: 'legal_case.read',
    entityType: 'legal_case',
    entityId: id,
    unitId: row.handlingUnitId,
    unitPath: row.handlingUnitPath,
  });
  return detailOf(context, row);
}

/** The adviser takes the case. Taking a case someone else holds is refused: one person answers. */
export async function assignCase(context: AssistantContext, actor: Actor, id: number): Promise<LegalCaseDto> {
  const row = await context.db.transaction(async (tx) => {
    const current = await caseInScope(tx, actor, id);
    if (current.status === 'closed') throw new DomainError('legal_case.wrong_status');
    if (current.assigneeAccountId !== null && current.assigneeAccountId !== actor.accountId) {
      throw new DomainError('legal_case.assigned_to_other');
    }
    const [updated] = await tx
      .update(legalCases)
      .set({
        assigneeAccountId: actor.accountId,
        assigneeName: actor.fullName,
        status: current.status === 'waiting' ? 'assigned' : current.status,
        assignedAt: sql`coalesce(${legalCases.assignedAt}, now())`,
      })
      .where(eq(legalCases.id, id))
      .returning();
    await recordAudit(tx, actor, {
      action: 'legal_case.assign',
      entityType: 'legal_case',
      entityId: id,
      unitId: current.handlingUnitId,
      unitPath: current.handlingUnitPath,
    });
    return updated!;
  });
  return detailOf(context, row);
}

/** The adviser's reply goes into the member's chat, and the member is told. */
export async function replyToCase(
  context: AssistantContext,
  actor: Actor,
  id: number,
  body: ReplyCaseBody,
): Promise<LegalCaseDto> {
  const row = await context.db.transaction(async (tx) => {
    const current = await caseInScope(tx, actor, id);
    if (current.status === 'closed') throw new DomainError('legal_case.wrong_status');
    if (current.assigneeAccountId !== null && current.assigneeAccountId !== actor.accountId) {
      throw new DomainError('legal_case.assigned_to_other');
    }
    await tx.insert(assistantMessages).values({
      conversationId: current.conversationId,
      role: 'adviser',
      text: body.text,
      authorAccountId: actor.accountId,
      authorName: actor.fullName,
    });
    await tx
      .update(assistantConversations)
      .set({ lastAt: sql`now()` })
      .where(eq(assistantConversations.id, current.conversationId));
    const [updated] = await tx
      .update(legalCases)
      .set({
        status: body.close ? 'closed' : 'answered',
        assigneeAccountId: actor.accountId,
        assigneeName: actor.fullName,
        assignedAt: sql`coalesce(${legalCases.assignedAt}, now())`,
        answeredAt: sql`now()`,
        closedAt: body.close ? sql`now()` : null,
      })
      .where(eq(legalCases.id, id))
      .returning();
    if (current.accountId !== null) {
      await notifyMany(tx, [
        {
          accountId: current.accountId,
          kind: 'legal_case_answered',
          title: 'Tư vấn viên đã trả lời câu hỏi của bạn',
          body: body.text.slice(0, 200),
          link: `/app/assistant?conversation=${current.conversationId}`,
        },
      ]);
    }
    await recordAudit(tx, actor, {
      action: 'legal_case.reply',
      entityType: 'legal_case',
      entityId: id,
      unitId: current.handlingUnitId,
      unitPath: current.handlingUnitPath,
      details: { closed: body.close === true },
    });
    return updated!;
  });
  return detailOf(context, row);
}

/** The case, in scope, for drafting a curated answer from it. */
export async function caseForDraft(db: Db, actor: Actor, id: number): Promise<CaseRow> {
  return caseInScope(db, actor, id);
}

export async function linkDraftToCase(db: Db, caseId: number, answerId: number): Promise<void> {
  await db.update(legalCases).set({ draftAnswerId: answerId }).where(eq(legalCases.id, caseId));
}

async function unitNames(db: Db, rows: readonly CaseRow[]): Promise<Map<number, string>> {
  const units = await unsafeUnitSummaries(db, [...new Set(rows.map((r) => r.handlingUnitId))]);
  return new Map(units.map((u) => [u.id, u.name]));
}

function summaryOf(row: CaseRow, names: Map<number, string>): LegalCaseSummaryDto {
  return {
    id: row.id,
    status: row.status as LegalCaseStatus,
    question: row.question,
    handlingUnitId: row.handlingUnitId,
    handlingUnitName: names.get(row.handlingUnitId) ?? '',
    assigneeName: row.assigneeName,
    requester: row.memberId !== null ? 'member' : 'contact',
    openedAt: row.openedAt.toISOString(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
  };
}

async function detailOf(context: AssistantContext, row: CaseRow): Promise<LegalCaseDto> {
  const names = await unitNames(context.db, [row]);
  const requesterName = row.contactName ?? (await memberNameOf(context.db, row));
  return {
    ...summaryOf(row, names),
    requesterName,
    requesterPhone: row.contactPhone,
    transcript: await transcriptOf(context, row.conversationId),
    draftAnswerId: row.draftAnswerId,
  };
}

async function memberNameOf(db: Db, row: CaseRow): Promise<string | null> {
  if (row.accountId === null) return null;
  const names = await getAccountNames(db, [row.accountId]);
  return names.get(row.accountId) ?? null;
}
