import { and, count, desc, eq, gte, inArray, isNull, like, lt, lte, or, type SQL } from 'drizzle-orm';
import { ageBandOf } from '@union/contracts/statistics';
import {
  SURVEY_TEXT_ANSWER_MAX,
  type AnswerSurveyBody,
  type AnswerSurveyResponse,
  type CreateSurveyBody,
  type SurveyDto,
  type SurveyListQuery,
  type SurveyPage,
  type SurveyQuestion,
  type SurveyStatus,
  type SurveySummaryDto,
} from '@union/contracts/voice';
import { holdsAnywhere, mayAt, type Actor } from '../../kernel/access/actor.js';
import { withinScope } from '../../kernel/access/scope.js';
import { recordAudit } from '../../kernel/audit/audit.js';
import type { Db } from '../../kernel/db/database.js';
import { isUniqueViolation } from '../../kernel/db/pg-errors.js';
import { DomainError, type FieldError } from '../../kernel/errors.js';
import { idCursorBefore, newestFirstPage } from '../../kernel/http/cursor.js';
import { todayInVietnam } from '../../kernel/time.js';
import { findOwnVoiceMember, type VoiceMember } from '../members/index.js';
import { findUnit, unsafeUnitSummaries } from '../units/index.js';
import { surveyResponses, surveys } from './voice.schema.js';

export type SurveyRow = typeof surveys.$inferSelect;

export interface SurveysContext {
  db: Db;
  /** The platform's clock: "today" (Vietnam's calendar) decides whether a survey is open. */
  now: () => Date;
}
export type SurveyAnswers = Record<string, number | number[] | string>;

/** A closed survey stays in the member's list this long, so they can see it ended. */
const RECENTLY_CLOSED_DAYS = 30;
const DAY_MS = 86_400_000;

/** Scheduled before its first day, open through its last day (Vietnam's calendar) unless closed early. */
export function surveyStatusOn(survey: SurveyRow, today: string): SurveyStatus {
  if (survey.closedEarlyAt !== null || today > survey.closesOn) return 'closed';
  return today < survey.opensOn ? 'scheduled' : 'open';
}

/** "/1/14/203/" → "/1/", "/1/14/", "/1/14/203/": the paths of every survey that may reach this member. */
function ancestorPaths(unitPath: string): string[] {
  const ids = unitPath.split('/').filter(Boolean);
  return ids.map((_, index) => `/${ids.slice(0, index + 1).join('/')}/`);
}

/** The child of the survey's unit the member belongs under, or the survey's unit when they are in it. */
export function groupUnitOf(survey: Pick<SurveyRow, 'unitId' | 'unitPath'>, memberUnitPath: string): number {
  const [child] = memberUnitPath.slice(survey.unitPath.length).split('/').filter(Boolean);
  return child === undefined ? survey.unitId : Number(child);
}

const inSubtree = (member: VoiceMember | undefined, survey: SurveyRow): member is VoiceMember =>
  member !== undefined && member.unitPath.startsWith(survey.unitPath);

interface Decorations {
  unitNames: Map<number, string>;
  responses: Map<number, number>;
  answered: Set<number>;
}

/** What a page of surveys shows beside each row, read for the whole page at once. */
async function decorate(db: Db, rows: SurveyRow[], member: VoiceMember | undefined): Promise<Decorations> {
  if (rows.length === 0) return { unitNames: new Map(), responses: new Map(), answered: new Set() };
  const ids = rows.map((row) => row.id);
  const units = await unsafeUnitSummaries(db, [...new Set(rows.map((row) => row.unitId))]);
  const counts = await db
    .select({ surveyId: surveyResponses.surveyId, responses: count() })
    .from(surveyResponses)
    .where(inArray(surveyResponses.surveyId, ids))
    .groupBy(surveyResponses.surveyId);
  const answered = member
    ? await db
        .select({ surveyId: surveyResponses.surveyId })
        .from(surveyResponses)
        .where(and(eq(surveyResponses.memberId, member.id), inArray(surveyResponses.surveyId, ids)))
    : [];
  return {
    unitNames: new Map(units.map((unit) => [unit.id, unit.name])),
    responses: new Map(counts.map((row) => [row.surveyId, Number(row.responses)])),
    answered: new Set(answered.map((row) => row.surveyId)),
  };
}

function toSummary(row: SurveyRow, decorations: Decorations, today: string): SurveySummaryDto {
  return {
    id: row.id,
    unit: { id: row.unitId, name: decorations.unitNames.get(row.unitId) ?? '' },
    title: row.title,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: surveyStatusOn(row, today),
    responses: decorations.responses.get(row.id) ?? 0,
    answeredByMe: decorations.answered.has(row.id),
  };
}

/** What the caller may do with a survey they can see: the UI hides the rest. */
export function surveyAbilities(
  actor: Actor,
  survey: SurveyRow,
  member: VoiceMember | undefined,
  context: { status: SurveyStatus; answeredByMe: boolean },
): SurveyDto['can'] {
  const manages = mayAt(actor, 'voice.surveys', survey.unitPath);
  return {
    answer:
      inSubtree(member, survey) &&
      member.status === 'active' &&
      context.status === 'open' &&
      !context.answeredByMe,
    viewResults: manages,
    close: manages && context.status !== 'closed',
  };
}

async function toSurveyDto(
  { db, now }: SurveysContext,
  actor: Actor,
  row: SurveyRow,
  member: VoiceMember | undefined,
) {
  const summary = toSummary(row, await decorate(db, [row], member), todayInVietnam(now()));
  return {
    ...summary,
    description: row.description,
    questions: row.questions,
    can: surveyAbilities(actor, row, member, summary),
  } satisfies SurveyDto;
}

async function findSurveyRow(db: Db, id: number, scope?: SQL): Promise<SurveyRow | undefined> {
  const [row] = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.id, id), scope));
  return row;
}

/** A survey in the officer's `voice.surveys` scope; anywhere else it reads as missing. */
export async function getManagedSurveyOrThrow(db: Db, actor: Actor, id: number): Promise<SurveyRow> {
  const row = await findSurveyRow(db, id, withinScope(surveys.unitPath, actor, 'voice.surveys'));
  if (!row) throw new DomainError('survey.not_found');
  return row;
}

/**
 * A survey the caller may see: a member of its subtree, or an officer whose scope covers it. The one
 * row is read by its key and judged in memory, which is the scope predicate for a single record.
 */
async function getVisibleSurveyOrThrow(db: Db, actor: Actor, id: number) {
  const row = await findSurveyRow(db, id);
  const member = await findOwnVoiceMember(db, actor);
  if (!row || !(inSubtree(member, row) || mayAt(actor, 'voice.surveys', row.unitPath)))
    throw new DomainError('survey.not_found');
  return { row, member };
}

export async function createSurvey(
  context: SurveysContext,
  actor: Actor,
  body: CreateSurveyBody,
): Promise<SurveyDto> {
  const { db } = context;
  const unit = await findUnit(db, actor, body.unitId, 'voice.surveys');
  if (!unit || unit.status !== 'active') throw new DomainError('survey.unit_not_found');
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(surveys)
      .values({
        unitId: unit.id,
        unitPath: unit.path,
        provinceId: unit.provinceId,
        title: body.title,
        description: body.description,
        questions: body.questions,
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        createdBy: actor.accountId,
      })
      .returning();
    await recordAudit(tx, actor, {
      action: 'survey.created',
      entityType: 'survey',
      entityId: row!.id,
      unitId: unit.id,
      unitPath: unit.path,
      details: {
        title: body.title,
        opensOn: body.opensOn,
        closesOn: body.closesOn,
        questions: body.questions.length,
      },
    });
    return row!;
  });
  return toSurveyDto(context, actor, created, await findOwnVoiceMember(db, actor));
}

/**
 * `mine`: surveys whose subtree holds the member's unit (an equality on each ancestor path, so the
 * path index answers it), open or closed lately. `managed`: surveys in the officer's units.
 */
export async function listSurveys(
  { db, now }: SurveysContext,
  actor: Actor,
  query: SurveyListQuery,
): Promise<SurveyPage> {
  const view = query.view ?? (holdsAnywhere(actor, 'voice.surveys') ? 'managed' : 'mine');
  const member = await findOwnVoiceMember(db, actor);
  const today = todayInVietnam(now());
  const filters: (SQL | undefined)[] = [];
  if (view === 'mine') {
    if (!member) return { items: [], nextCursor: null };
    const since = new Date(now().getTime() - RECENTLY_CLOSED_DAYS * DAY_MS);
    filters.push(
      inArray(surveys.unitPath, ancestorPaths(member.unitPath)),
      lte(surveys.opensOn, today),
      gte(surveys.closesOn, todayInVietnam(since)),
      or(isNull(surveys.closedEarlyAt), gte(surveys.closedEarlyAt, since)),
    );
    if (query.unitId !== undefined) filters.push(eq(surveys.unitId, query.unitId));
  } else {
    filters.push(withinScope(surveys.unitPath, actor, 'voice.surveys'));
    if (query.unitId !== undefined) {
      const unit = await findUnit(db, actor, query.unitId, 'voice.surveys');
      if (!unit) throw new DomainError('survey.unit_not_found');
      filters.push(like(surveys.unitPath, `${unit.path}%`));
    }
  }
  const before = idCursorBefore(query.cursor);
  if (before !== undefined) filters.push(lt(surveys.id, before));
  const rows = await db
    .select()
    .from(surveys)
    .where(and(...filters))
    .orderBy(desc(surveys.id))
    .limit(query.limit + 1);
  const { page, nextCursor } = newestFirstPage(rows, query.limit);
  const decorations = await decorate(db, page, member);
  return { items: page.map((row) => toSummary(row, decorations, today)), nextCursor };
}

export async function getSurvey(context: SurveysContext, actor: Actor, id: number): Promise<SurveyDto> {
  const { row, member } = await getVisibleSurveyOrThrow(context.db, actor, id);
  return toSurveyDto(context, actor, row, member);
}

const isIndex = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** One answer against its question: the Vietnamese problem, or undefined when it fits. */
function answerProblem(question: SurveyQuestion, value: number | number[] | string): string | undefined {
  const optionCount = question.options?.length ?? 0;
  switch (question.kind) {
    case 'single':
      return isIndex(value) && value < optionCount
        ? undefined
        : `Hãy chọn một phương án trong ${optionCount} phương án của câu hỏi.`;
    case 'multiple':
      if (!Array.isArray(value) || !value.every((index) => isIndex(index) && index < optionCount))
        return `Hãy chọn các phương án trong ${optionCount} phương án của câu hỏi.`;
      return new Set(value).size === value.length ? undefined : 'Mỗi phương án chỉ được chọn một lần.';
    case 'scale': {
      const scaleMax = question.scaleMax ?? 0;
      return isIndex(value) && value >= 1 && value <= scaleMax
        ? undefined
        : `Hãy chọn một điểm từ 1 đến ${scaleMax}.`;
    }
    case 'text':
      if (typeof value !== 'string') return 'Câu hỏi này cần trả lời bằng chữ.';
      return value.length <= SURVEY_TEXT_ANSWER_MAX
        ? undefined
        : `Câu trả lời không quá ${SURVEY_TEXT_ANSWER_MAX} ký tự.`;
  }
}

const isBlank = (value: number | number[] | string | undefined) =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Checks every answer against its question and returns what is stored: the answered questions only,
 * multiple choices in option order. Every problem is reported at once, by field.
 */
export function validateSurveyAnswers(questions: SurveyQuestion[], answers: AnswerSurveyBody['answers']) {
  const problems: FieldError[] = [];
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ path: `answers.${id}`, message: 'Phiếu không có câu hỏi này.' });
  }
  const stored: SurveyAnswers = {};
  for (const question of questions) {
    const value = answers[question.id];
    if (isBlank(value)) {
      if (question.required)
        problems.push({ path: `answers.${question.id}`, message: 'Câu hỏi này bắt buộc trả lời.' });
      continue;
    }
    const problem = answerProblem(question, value!);
    if (problem) problems.push({ path: `answers.${question.id}`, message: problem });
    else stored[question.id] = Array.isArray(value) ? [...value].sort((a, b) => a - b) : value!;
  }
  if (problems.length > 0) throw new DomainError('survey.answer_invalid', problems);
  return stored;
}

/**
 * Stores a member's answers once. The unique index on (survey, member) is the guarantee: of two
 * concurrent answers one is stored, the other told it already answered.
 */
export async function answerSurvey(
  { db, now }: SurveysContext,
  actor: Actor,
  id: number,
  body: AnswerSurveyBody,
): Promise<AnswerSurveyResponse> {
  const { row, member } = await getVisibleSurveyOrThrow(db, actor, id);
  if (!inSubtree(member, row) || member.status !== 'active') throw new DomainError('survey.member_required');
  const today = todayInVietnam(now());
  if (surveyStatusOn(row, today) !== 'open') throw new DomainError('survey.not_open');
  const answers = validateSurveyAnswers(row.questions, body.answers);
  try {
    const [stored] = await db
      .insert(surveyResponses)
      .values({
        surveyId: row.id,
        memberId: member.id,
        groupUnitId: groupUnitOf(row, member.unitPath),
        sex: member.sex,
        // By year of birth, as the live statistics count ages.
        ageBand: ageBandOf(Number(today.slice(0, 4)) - Number(member.birthDate.slice(0, 4))),
        answers,
      })
      .returning({ id: surveyResponses.id });
    return { id: stored!.id };
  } catch (error) {
    if (isUniqueViolation(error, 'survey_responses_once_key'))
      throw new DomainError('survey.already_answered');
    throw error;
  }
}

/** Ends the survey today, before its last day: answers stop at once. */
export async function closeSurvey(context: SurveysContext, actor: Actor, id: number): Promise<SurveyDto> {
  const { db, now } = context;
  const row = await getManagedSurveyOrThrow(db, actor, id);
  const closedAt = now();
  const closed = await db.transaction(async (tx) => {
    // The condition makes two concurrent closes one close: the second finds nothing to update.
    const [updated] = await tx
      .update(surveys)
      .set({ closedEarlyAt: closedAt })
      .where(
        and(
          eq(surveys.id, row.id),
          isNull(surveys.closedEarlyAt),
          gte(surveys.closesOn, todayInVietnam(closedAt)),
        ),
      )
      .returning();
    if (!updated) throw new DomainError('survey.not_open');
    await recordAudit(tx, actor, {
      action: 'survey.closed',
      entityType: 'survey',
      entityId: row.id,
      unitId: row.unitId,
      unitPath: row.unitPath,
      details: { closesOn: row.closesOn },
    });
    return updated;
  });
  return toSurveyDto(context, actor, closed, await findOwnVoiceMember(db, actor));
}
