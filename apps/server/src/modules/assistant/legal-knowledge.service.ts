import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, max, or, sql } from 'drizzle-orm';
import type {
  AnswerDraftBody,
  AnswerVersionDto,
  AnswerVersionStatus,
  CalculatorKind,
  CuratedAnswerDto,
  CuratedAnswerListQuery,
  CuratedAnswerPage,
  FeedbackListQuery,
  FeedbackPage,
  ReviewBody,
} from '@union/contracts/assistant';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { escapeLike } from '../../kernel/text/fold.js';
import { todayInVietnam } from '../../kernel/time.js';
import type { AssistantContext } from './assistant-context.js';
import { assistantMessages, curatedAnswers, curatedAnswerVersions } from './assistant.schema.js';
import { caseForDraft, linkDraftToCase } from './legal-cases.service.js';

/**
 * The knowledge console: curated answers change only by new versions. draft → in_review → live (the
 * previous live version is superseded) or rejected. Someone other than the author approves; going live
 * rebuilds the assistant's snapshot at once.
 */

type VersionRow = typeof curatedAnswerVersions.$inferSelect;

const PENDING: AnswerVersionStatus[] = ['draft', 'in_review'];

/** Every citation must name an article we hold, of a document in force on the answer's first day. */
function checkCitations(context: AssistantContext, body: AnswerDraftBody): void {
  const knowledge = context.knowledge;
  for (const [i, citation] of body.citations.entries()) {
    if (!knowledge.article(citation)) {
      throw new DomainError('legal_knowledge.unknown_article', [
        { path: `citations.${i}`, code: 'legal_knowledge.unknown_article' },
      ]);
    }
    const validOn =
      body.validFrom > todayInVietnam(context.now()) ? body.validFrom : todayInVietnam(context.now());
    if (!knowledge.documentInForce(citation.document, validOn)) {
      throw new DomainError('legal_knowledge.expired_document', [
        { path: `citations.${i}`, code: 'legal_knowledge.expired_document' },
      ]);
    }
  }
}

const versionValues = (body: AnswerDraftBody) => ({
  topic: body.topic,
  questions: body.questions,
  answer: body.answer,
  citations: body.citations,
  calculator: body.calculator ?? null,
  validFrom: body.validFrom,
  validTo: body.validTo ?? null,
});

export async function createAnswer(
  context: AssistantContext,
  actor: Actor,
  body: AnswerDraftBody,
  fromCaseId: number | null = null,
): Promise<AnswerVersionDto> {
  checkCitations(context, body);
  const row = await context.db.transaction(async (tx) => {
    const [answer] = await tx
      .insert(curatedAnswers)
      .values({ key: `ans-${randomUUID()}` })
      .returning({ id: curatedAnswers.id });
    const [version] = await tx
      .insert(curatedAnswerVersions)
      .values({
        answerId: answer!.id,
        version: 1,
        status: body.submit ? 'in_review' : 'draft',
        ...versionValues(body),
        authorAccountId: actor.accountId,
        authorName: actor.fullName,
        fromCaseId,
      })
      .returning();
    await audit(tx, actor, 'legal_knowledge.draft', version!);
    return version!;
  });
  return toDto(row);
}

export async function addVersion(
  context: AssistantContext,
  actor: Actor,
  answerId: number,
  body: AnswerDraftBody,
): Promise<AnswerVersionDto> {
  checkCitations(context, body);
  const row = await context.db.transaction(async (tx) => {
    const [answer] = await tx
      .select()
      .from(curatedAnswers)
      .where(eq(curatedAnswers.id, answerId))
      .for('update');
    if (!answer) throw new DomainError('legal_knowledge.not_found');
    const [{ latest } = { latest: 0 }] = await tx
      .select({ latest: max(curatedAnswerVersions.version) })
      .from(curatedAnswerVersions)
      .where(eq(curatedAnswerVersions.answerId, answerId));
    const [version] = await tx
      .insert(curatedAnswerVersions)
      .values({
        answerId,
        version: (latest ?? 0) + 1,
        status: body.submit ? 'in_review' : 'draft',
        ...versionValues(body),
        authorAccountId: actor.accountId,
        authorName: actor.fullName,
      })
      .returning();
    await audit(tx, actor, 'legal_knowledge.draft', version!);
    return version!;
  });
  return toDto(row);
}

/** An adviser turns a handled case into a curated answer draft, linked both ways. */
export async function draftFromCase(
  context: AssistantContext,
  actor: Actor,
  caseId: number,
  body: AnswerDraftBody,
): Promise<AnswerVersionDto> {
  const legalCase = await caseForDraft(context.db, actor, caseId);
  if (legalCase.status !== 'answered' && legalCase.status !== 'closed') {
    throw new DomainError('legal_case.wrong_status');
  }
  const version = await createAnswer(context, actor, body, caseId);
  await linkDraftToCase(context.db, caseId, version.answerId);
  return version;
}

export async function submitVersion(
  context: AssistantContext,
  actor: Actor,
  versionId: number,
): Promise<AnswerVersionDto> {
  const [row] = await context.db
    .update(curatedAnswerVersions)
    .set({ status: 'in_review' })
    .where(
      and(
        eq(curatedAnswerVersions.id, versionId),
        eq(curatedAnswerVersions.status, 'draft'),
        eq(curatedAnswerVersions.authorAccountId, actor.accountId),
      ),
    )
    .returning();
  if (!row) throw new DomainError('legal_knowledge.wrong_status');
  return toDto(row);
}

/** Approve (goes live, the assistant reloads) or reject. Never one's own version. */
export async function reviewVersion(
  context: AssistantContext,
  actor: Actor,
  versionId: number,
  body: ReviewBody,
): Promise<AnswerVersionDto> {
  const row = await context.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(curatedAnswerVersions)
      .where(eq(curatedAnswerVersions.id, versionId))
      .for('update');
    if (!current) throw new DomainError('legal_knowledge.not_found');
    if (current.status !== 'in_review') throw new DomainError('legal_knowledge.wrong_status');
    if (current.authorAccountId === actor.accountId) throw new DomainError('legal_knowledge.own_version');
    if (body.decision === 'approve') {
      await tx
        .update(curatedAnswerVersions)
        .set({ status: 'superseded' })
        .where(
          and(eq(curatedAnswerVersions.answerId, current.answerId), eq(curatedAnswerVersions.status, 'live')),
        );
    }
    const [updated] = await tx
      .update(curatedAnswerVersions)
      .set({
        status: body.decision === 'approve' ? 'live' : 'rejected',
        reviewerAccountId: actor.accountId,
        reviewerName: actor.fullName,
        reviewNote: body.note ?? null,
        reviewedAt: sql`now()`,
      })
      .where(eq(curatedAnswerVersions.id, versionId))
      .returning();
    await audit(tx, actor, 'legal_knowledge.review', updated!, { decision: body.decision });
    return updated!;
  });
  if (body.decision === 'approve') await context.reload();
  return toDto(row);
}

export async function listAnswers(
  context: AssistantContext,
  query: CuratedAnswerListQuery,
): Promise<CuratedAnswerPage> {
  const before = idCursorBefore(query.cursor);
  const search = query.q ? `%${escapeLike(query.q)}%` : undefined;
  const rows = await context.db
    .select({ id: curatedAnswers.id, key: curatedAnswers.key })
    .from(curatedAnswers)
    .where(
      and(
        before !== undefined ? lt(curatedAnswers.id, before) : undefined,
        query.status
          ? sql`exists (select 1 from curated_answer_versions v where v.answer_id = ${curatedAnswers.id} and v.status = ${query.status})`
          : undefined,
        search
          ? sql`exists (select 1 from curated_answer_versions v where v.answer_id = ${curatedAnswers.id}
                 and (v.answer ilike ${search} or array_to_string(v.questions, ' ') ilike ${search} or v.topic ilike ${search}))`
          : undefined,
      ),
    )
    .orderBy(desc(curatedAnswers.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  const ids = page.map((r) => r.id);
  const versions = ids.length
    ? await context.db
        .select()
        .from(curatedAnswerVersions)
        .where(inArray(curatedAnswerVersions.answerId, ids))
        .orderBy(desc(curatedAnswerVersions.version))
    : [];
  const feedback = await feedbackCounts(
    context.db,
    versions.map((v) => v.id),
  );
  return {
    items: page.map((answer) => {
      const own = versions.filter((v) => v.answerId === answer.id);
      const live = own.find((v) => v.status === 'live');
      const pending = own.find((v) => PENDING.includes(v.status as AnswerVersionStatus));
      const latest = own[0]!;
      const counts = own.reduce(
        (sum, v) => {
          const c = feedback.get(v.id);
          return c ? { up: sum.up + c.up, down: sum.down + c.down } : sum;
        },
        { up: 0, down: 0 },
      );
      return {
        id: answer.id,
        key: answer.key,
        topic: (live ?? latest).topic,
        firstQuestion: (live ?? latest).questions[0] ?? '',
        liveVersion: live?.version ?? null,
        pendingVersion: pending?.version ?? null,
        status: latest.status as AnswerVersionStatus,
        helpfulCount: counts.up,
        unhelpfulCount: counts.down,
      };
    }),
    nextCursor,
  };
}

async function feedbackCounts(db: Db, versionIds: number[]) {
  if (versionIds.length === 0) return new Map<number, { up: number; down: number }>();
  const rows = await db
    .select({
      versionId: assistantMessages.answerVersionId,
      up: sql<number>`count(*) filter (where ${assistantMessages.helpful})::int`,
      down: sql<number>`count(*) filter (where not ${assistantMessages.helpful})::int`,
    })
    .from(assistantMessages)
    .where(
      and(
        inArray(assistantMessages.answerVersionId, versionIds),
        sql`${assistantMessages.helpful} is not null`,
      ),
    )
    .groupBy(assistantMessages.answerVersionId);
  return new Map(rows.map((r) => [r.versionId!, { up: r.up, down: r.down }]));
}

export async function getAnswer(context: AssistantContext, id: number): Promise<CuratedAnswerDto> {
  const [answer] = await context.db.select().from(curatedAnswers).where(eq(curatedAnswers.id, id));
  if (!answer) throw new DomainError('legal_knowledge.not_found');
  const versions = await context.db
    .select()
    .from(curatedAnswerVersions)
    .where(eq(curatedAnswerVersions.answerId, id))
    .orderBy(desc(curatedAnswerVersions.version));
  return { id: answer.id, key: answer.key, versions: versions.map(toDto) };
}

/** Thumbs (down first by default) with the question that got the answer, for the people who fix it. */
export async function listFeedback(
  context: AssistantContext,
  query: FeedbackListQuery,
): Promise<FeedbackPage> {
  const before = idCursorBefore(query.cursor);
  const rows = await context.db
    .select({
      id: assistantMessages.id,
      conversationId: assistantMessages.conversationId,
      helpful: assistantMessages.helpful,
      comment: assistantMessages.feedbackComment,
      answer: assistantMessages.text,
      outcome: assistantMessages.outcome,
      versionId: assistantMessages.answerVersionId,
      at: assistantMessages.feedbackAt,
    })
    .from(assistantMessages)
    .where(
      and(
        sql`${assistantMessages.helpful} is not null`,
        query.helpful ? eq(assistantMessages.helpful, query.helpful === 'true') : undefined,
        before !== undefined ? lt(assistantMessages.id, before) : undefined,
      ),
    )
    .orderBy(desc(assistantMessages.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  // The question is the user message just before each answer in its conversation.
  const questions = page.length
    ? await context.db
        .select({
          id: assistantMessages.id,
          conversationId: assistantMessages.conversationId,
          text: assistantMessages.text,
        })
        .from(assistantMessages)
        .where(
          and(
            eq(assistantMessages.role, 'user'),
            or(
              ...page.map((p) =>
                and(eq(assistantMessages.conversationId, p.conversationId), lt(assistantMessages.id, p.id)),
              ),
            ),
          ),
        )
        .orderBy(desc(assistantMessages.id))
    : [];
  const versionAnswer = new Map<number, number>();
  const versionIds = page.map((p) => p.versionId).filter((v): v is number => v !== null);
  if (versionIds.length) {
    const versions = await context.db
      .select({ id: curatedAnswerVersions.id, answerId: curatedAnswerVersions.answerId })
      .from(curatedAnswerVersions)
      .where(inArray(curatedAnswerVersions.id, versionIds));
    for (const v of versions) versionAnswer.set(v.id, v.answerId);
  }
  return {
    items: page.map((p) => ({
      messageId: p.id,
      helpful: p.helpful!,
      comment: p.comment,
      question: questions.find((q) => q.conversationId === p.conversationId && q.id < p.id)?.text ?? '',
      answer: p.answer,
      outcome: (p.outcome ?? 'answered') as FeedbackPage['items'][number]['outcome'],
      answerId: p.versionId !== null ? (versionAnswer.get(p.versionId) ?? null) : null,
      at: (p.at ?? new Date()).toISOString(),
    })),
    nextCursor,
  };
}

async function audit(
  tx: Db,
  actor: Actor,
  action: 'legal_knowledge.draft' | 'legal_knowledge.review',
  version: VersionRow,
  details: Record<string, unknown> = {},
) {
  await recordAudit(tx, actor, {
    action,
    entityType: 'curated_answer_version',
    entityId: version.id,
    details: { answerId: version.answerId, version: version.version, ...details },
  });
}

function toDto(row: VersionRow): AnswerVersionDto {
  return {
    id: row.id,
    answerId: row.answerId,
    version: row.version,
    status: row.status as AnswerVersionStatus,
    topic: row.topic,
    questions: row.questions,
    answer: row.answer,
    citations: row.citations,
    calculator: (row.calculator as CalculatorKind | null) ?? null,
    validFrom: row.validFrom,
    validTo: row.validTo,
    authorName: row.authorName,
    reviewerName: row.reviewerName,
    reviewNote: row.reviewNote,
    fromCaseId: row.fromCaseId,
    createdAt: row.createdAt.toISOString(),
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
  };
}
