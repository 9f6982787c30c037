import { setImmediate } from 'node:timers/promises';
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { CARD_SHEET_MAX_MEMBERS, type BulkIssueBody } from '@union/contracts/cards';
import type { Actor } from '../../kernel/access/actor.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { DomainError } from '../../kernel/errors.js';
import { enqueueJob, JobInterrupted, type JobContext } from '../../kernel/jobs/job-runner.js';
import { jobs } from '../../kernel/jobs/jobs.schema.js';
import { unsafeActiveCardHoldersIn, type CardHolder } from '../members/index.js';
import { findUnit, getUnitOrThrow, unsafeUnitIdsUnder } from '../units/index.js';
import { PRINTED_CARD_YEARS } from './card-lifetimes.js';
import { cardSheetPdf, type PrintableCard } from './card-pdf.js';
import { cardPrintFiles, cards } from './cards.schema.js';
import { mintCredential, type CardsContext, type CardRow } from './cards.service.js';

export const BULK_ISSUE_JOB_KIND = 'cards.bulk_issue';
/** Units read per step, and cards written per transaction: a checkpoint after each. */
const UNITS_PER_STEP = 100;
const CARDS_PER_WRITE = 2_000;
const SHEET_FILE_DAYS = 7;
const ANALYZE_AFTER_CARDS = 1_000;

interface BulkIssuePayload {
  unitId: number;
  unitPath: string;
  unitName: string;
  reissue: boolean;
  /** Cards issued before this instant are the ones a re-issue replaces: a resumed job skips its own. */
  startedAt: string;
}

export async function startBulkIssue(
  context: CardsContext,
  actor: Actor,
  unitId: number,
  body: BulkIssueBody,
): Promise<number> {
  const unit = await getUnitOrThrow(context.db, actor, unitId, 'cards.issue');
  return context.db.transaction(async (tx) => {
    const payload: BulkIssuePayload = {
      unitId: unit.id,
      unitPath: unit.path,
      unitName: unit.name,
      reissue: body.reissue,
      startedAt: new Date().toISOString(),
    };
    const jobId = await enqueueJob(tx, {
      kind: BULK_ISSUE_JOB_KIND,
      payload: { ...payload },
      accountId: actor.accountId,
    });
    await recordAudit(tx, actor, {
      action: 'card.bulk_issue',
      entityType: 'unit',
      entityId: unit.id,
      unitId: unit.id,
      unitPath: unit.path,
      details: { jobId, reissue: body.reissue },
    });
    return jobId;
  });
}

export interface IssueOutcome {
  issued: number;
  replaced: number;
  alreadyValid: number;
}

/**
 * Printed cards for these members: each without a live printed card gets one; with `replaceBefore`,
 * live cards issued before that instant are revoked and replaced. Safe to run twice.
 */
export async function issuePrintedCards(
  context: CardsContext,
  holders: readonly CardHolder[],
  options: { replaceBefore?: Date; issuedBy: number | null },
): Promise<IssueOutcome> {
  const outcome: IssueOutcome = { issued: 0, replaced: 0, alreadyValid: 0 };
  for (let start = 0; start < holders.length; start += CARDS_PER_WRITE) {
    const slice = holders.slice(start, start + CARDS_PER_WRITE);
    const byId = new Map(slice.map((holder) => [holder.id, holder]));
    const ids = [...byId.keys()];
    // Read before the transaction: on PGlite a query outside it would wait for it to end.
    const key = await context.keys.current();
    await context.db.transaction(async (tx) => {
      if (options.replaceBefore) {
        const replaced = await tx
          .update(cards)
          .set({ revokedAt: new Date(), revokedReason: 'reissued', revokedBy: options.issuedBy })
          .where(
            and(
              inArray(cards.memberId, ids),
              eq(cards.kind, 'printed'),
              isNull(cards.revokedAt),
              lt(cards.issuedAt, options.replaceBefore),
            ),
          )
          .returning({ id: cards.id });
        outcome.replaced += replaced.length;
      }
      const created = await tx
        .insert(cards)
        .values(
          slice.map((holder) => ({
            memberId: holder.id,
            kind: 'printed',
            unitId: holder.unitId,
            unitName: holder.grassrootsUnitName,
            issuedBy: options.issuedBy,
          })),
        )
        .onConflictDoNothing()
        .returning();
      outcome.issued += created.length;
      outcome.alreadyValid += slice.length - created.length;
      if (created.length === 0) return;
      const signed = await Promise.all(
        created.map(async (card) => {
          const expiresAt = new Date(card.issuedAt);
          expiresAt.setUTCFullYear(expiresAt.getUTCFullYear() + PRINTED_CARD_YEARS);
          const credential = await mintCredential(
            context,
            card,
            byId.get(card.memberId)!,
            'p',
            card.issuedAt,
            expiresAt,
            key,
          );
          return { id: card.id, credential, expiresAt };
        }),
      );
      // One statement for the whole slice. JWS text is base64url and dots: safe in an array literal.
      await tx.execute(sql`update cards set credential = v.credential, expires_at = v.expires_at, kid = ${key.kid}
        from unnest(${`{${signed.map((s) => s.id).join(',')}}`}::bigint[],
                    ${`{${signed.map((s) => s.credential).join(',')}}`}::text[],
                    ${`{${signed.map((s) => s.expiresAt.toISOString()).join(',')}}`}::timestamptz[])
          as v(id, credential, expires_at)
        where cards.id = v.id`);
    });
  }
  return outcome;
}

/** Walks the subtree unit by unit; progress is the share of units done. */
export function bulkIssueJobHandler(context: Omit<CardsContext, 'db'>) {
  return async (job: JobContext): Promise<Record<string, unknown>> => {
    const { db } = job;
    const cardsContext: CardsContext = { ...context, db };
    const payload = job.job.payload as unknown as BulkIssuePayload;
    const unitIds = await unsafeUnitIdsUnder(db, payload.unitPath);
    const totals: IssueOutcome & { members: number } = {
      issued: 0,
      replaced: 0,
      alreadyValid: 0,
      members: 0,
    };
    const startedAt = new Date(payload.startedAt);
    for (let start = 0; start < unitIds.length; start += UNITS_PER_STEP) {
      const holders = await unsafeActiveCardHoldersIn(db, unitIds.slice(start, start + UNITS_PER_STEP));
      const outcome = await issuePrintedCards(cardsContext, holders, {
        ...(payload.reissue ? { replaceBefore: startedAt } : {}),
        issuedBy: job.job.accountId,
      });
      totals.members += holders.length;
      totals.issued += outcome.issued;
      totals.replaced += outcome.replaced;
      totals.alreadyValid += outcome.alreadyValid;
      const done = Math.min(start + UNITS_PER_STEP, unitIds.length) / unitIds.length;
      await db.transaction((tx) => job.checkpoint(tx, done * 0.95));
      // Let queued requests in between steps: on PGlite everything shares one connection.
      await setImmediate();
      if (job.stopping()) throw new JobInterrupted();
    }
    // PGlite has no autovacuum: after thousands of new cards, the planner must hear of them, or the
    // triggers' lookups by member plan for an empty table (a 1,000-member suspension took 174 s).
    if (totals.issued + totals.replaced >= ANALYZE_AFTER_CARDS) await db.execute(sql`analyze cards`);
    const sheet = totals.members > 0 && totals.members <= CARD_SHEET_MAX_MEMBERS;
    if (sheet) {
      const content = Buffer.from(await subtreeSheet(cardsContext, unitIds, payload.unitName));
      await db.transaction(async (tx) => {
        await tx
          .delete(cardPrintFiles)
          .where(lt(cardPrintFiles.createdAt, sql`now() - make_interval(days => ${SHEET_FILE_DAYS})`));
        await tx
          .insert(cardPrintFiles)
          .values({ jobId: job.job.id, filename: `the-doan-vien-${payload.unitId}.pdf`, content })
          .onConflictDoUpdate({ target: cardPrintFiles.jobId, set: { content, createdAt: new Date() } });
        await job.checkpoint(tx, 1);
      });
    }
    return { ...totals, sheet };
  };
}

async function subtreeSheet(context: CardsContext, unitIds: number[], unitName: string): Promise<Uint8Array> {
  const holders: CardHolder[] = [];
  for (let start = 0; start < unitIds.length; start += UNITS_PER_STEP) {
    holders.push(
      ...(await unsafeActiveCardHoldersIn(context.db, unitIds.slice(start, start + UNITS_PER_STEP))),
    );
  }
  const byMember = new Map(holders.map((holder) => [holder.id, holder]));
  const rows: CardRow[] = [];
  const ids = [...byMember.keys()];
  for (let start = 0; start < ids.length; start += CARDS_PER_WRITE) {
    rows.push(
      ...(await context.db
        .select()
        .from(cards)
        .where(
          and(
            inArray(cards.memberId, ids.slice(start, start + CARDS_PER_WRITE)),
            eq(cards.kind, 'printed'),
            isNull(cards.revokedAt),
          ),
        )),
    );
  }
  const printable: PrintableCard[] = rows
    .filter((row) => row.credential && row.expiresAt)
    .map((row) => ({ holder: byMember.get(row.memberId)!, row }))
    // Vietnamese lists run by given name: the sheet is cut and handed out in the order people expect.
    .sort(
      (a, b) =>
        a.row.unitName.localeCompare(b.row.unitName, 'vi') ||
        givenName(a.holder).localeCompare(givenName(b.holder), 'vi'),
    )
    .map(({ holder, row }) => ({
      fullName: holder.fullName,
      memberCode: holder.memberCode,
      unitName: row.unitName,
      issuedAt: row.issuedAt,
      expiresAt: row.expiresAt!,
      presentation: row.credential!,
    }));
  return cardSheetPdf(printable, `Thẻ đoàn viên — ${unitName}`);
}

const givenName = (holder: CardHolder) => {
  const words = holder.fullName.trim().split(/\s+/);
  return `${words.at(-1)} ${words.slice(0, -1).join(' ')}`;
};

/** The card sheet of a finished bulk issue, for its starter only, while they still see the unit. */
export async function printFileOfJob(db: Db, actor: Actor, jobId: number) {
  const [job] = await db
    .select({ status: jobs.status, payload: jobs.payload })
    .from(jobs)
    .where(and(eq(jobs.id, jobId), eq(jobs.accountId, actor.accountId), eq(jobs.kind, BULK_ISSUE_JOB_KIND)));
  if (!job) throw new DomainError('job.not_found');
  const unitId = Number((job.payload as { unitId?: number }).unitId);
  if (!(await findUnit(db, actor, unitId, 'cards.issue'))) throw new DomainError('job.not_found');
  const [file] = await db.select().from(cardPrintFiles).where(eq(cardPrintFiles.jobId, jobId));
  if (!file) {
    if (job.status === 'queued' || job.status === 'running') throw new DomainError('job.not_finished');
    throw new DomainError('card.sheet_not_ready');
  }
  return file;
}
