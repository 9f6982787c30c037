import { sql, type SQL } from 'drizzle-orm';
import { SEXES, type Sex } from '@union/contracts/members';
import { AGE_BANDS, type AgeBand } from '@union/contracts/statistics';
import type {
  SurveyBreakdown,
  SurveyQuestion,
  SurveyResultsDto,
  SurveyResultsQuery,
} from '@union/contracts/voice';
import type { Actor } from '../../kernel/access/actor.js';
import { queryRows, type Db } from '../../kernel/db/database.js';
import { unitActiveMemberTotal } from '../statistics/index.js';
import { unsafeUnitSummaries } from '../units/index.js';
import { getManagedSurveyOrThrow, type SurveyRow, type SurveysContext } from './surveys.service.js';

/** Text questions show this many of their latest answers. */
const TEXT_SAMPLES = 20;

export const SEX_LABELS: Readonly<Record<Sex, string>> = { male: 'Nam', female: 'Nữ' };
export const AGE_BAND_LABELS: Readonly<Record<AgeBand, string>> = {
  under_30: 'Dưới 30',
  '30_39': '30–39',
  '40_49': '40–49',
  '50_59': '50–59',
  '60_plus': 'Từ 60 trở lên',
};
export const BREAKDOWN_LABELS: Readonly<Record<SurveyBreakdown, string>> = {
  unit: 'Theo đơn vị',
  sex: 'Theo giới tính',
  age_band: 'Theo độ tuổi',
};

/** The whole survey, or one group of a breakdown: "all", "unit:203", "sex:female", "age_band:30_39". */
type TallyKey = 'all' | `${SurveyBreakdown}:${string}`;

/** What one group's responses add up to: per question, how many answered and how often each point. */
export interface GroupTally {
  responses: number;
  answered: Map<string, number>;
  /** Question id → option index (single, multiple) or scale point → count. */
  points: Map<string, Map<number, number>>;
}

export interface SurveyTally {
  groups: Map<TallyKey, GroupTally>;
  /** The groups of each breakdown that has responses, as keys without their breakdown prefix. */
  keysOf(breakdown: SurveyBreakdown): string[];
  of(key: TallyKey): GroupTally;
}

const emptyTally = (): GroupTally => ({ responses: 0, answered: new Map(), points: new Map() });

/** The column each breakdown groups by; the unit is the child of the survey's unit, copied at answering. */
const BREAKDOWN_COLUMNS: Readonly<Record<SurveyBreakdown, SQL>> = {
  unit: sql.raw('r.group_unit_id'),
  sex: sql.raw('r.sex'),
  age_band: sql.raw('r.age_band'),
};

/** One counted column: responses (no question), a question answered (no point), or a point chosen. */
interface TallyColumn {
  question: string | null;
  point: number | null;
  count: SQL;
}

/** Option indexes count from 0, scale points from 1. */
const pointsOf = (question: SurveyQuestion): number[] =>
  question.kind === 'scale'
    ? Array.from({ length: question.scaleMax ?? 0 }, (_, index) => index + 1)
    : Array.from({ length: question.options?.length ?? 0 }, (_, index) => index);

/** How `jsonb_to_record` types each answer: an option index or point, indexes, or text. */
const RECORD_TYPES: Readonly<Record<SurveyQuestion['kind'], SQL>> = {
  single: sql.raw('int'),
  scale: sql.raw('int'),
  multiple: sql.raw('int[]'),
  text: sql.raw('text'),
};

/** The aggregates of one pass: responses, then per question how many answered and chose each point. */
function tallyColumns(questions: readonly SurveyQuestion[]): TallyColumn[] {
  const columns: TallyColumn[] = [{ question: null, point: null, count: sql`count(*)` }];
  for (const question of questions) {
    const answer = sql`a.${sql.identifier(question.id)}`;
    columns.push({ question: question.id, point: null, count: sql`count(${answer})` });
    for (const point of question.kind === 'text' ? [] : pointsOf(question)) {
      const chose =
        question.kind === 'multiple'
          ? sql`${answer} @> array[${point}::int]`
          : sql`${answer} = ${point}::int`;
      columns.push({ question: question.id, point, count: sql`count(*) filter (where ${chose})` });
    }
  }
  return columns;
}

/**
 * Counts every answer of a survey in the database. Each response is read once and its answers typed by
 * `jsonb_to_record` (one parse per row; re-reading the jsonb per count cost 5x more), then counted per
 * point with a filter, grouped by the breakdown columns asked for. GROUPING SETS then add those few
 * groups up for the whole survey and each breakdown, so the responses are not aggregated once per set.
 * Measured on PostgreSQL (2 cores): 500,000 responses to ten questions in 1.5 s, 1.8 s with all three
 * breakdowns (8–14 s when each answer was unfolded into rows); the result is a few thousand counts.
 * The first stage is named `r` too, so the breakdown columns read the same in both stages.
 */
export async function tallySurveyAnswers(
  db: Db,
  survey: SurveyRow,
  breakdowns: readonly SurveyBreakdown[],
): Promise<SurveyTally> {
  const columns = tallyColumns(survey.questions);
  const record = sql.join(
    survey.questions.map((question) => sql`${sql.identifier(question.id)} ${RECORD_TYPES[question.kind]}`),
    sql`, `,
  );
  const groupColumns = breakdowns.map((breakdown) => BREAKDOWN_COLUMNS[breakdown]);
  const column = (index: number) => sql.raw(`c${index}`);
  const whenGrouped = (value: (breakdown: SurveyBreakdown) => SQL) =>
    breakdowns.length
      ? sql`case ${sql.join(
          breakdowns.map(
            (breakdown) => sql`when grouping(${BREAKDOWN_COLUMNS[breakdown]}) = 0 then ${value(breakdown)}`,
          ),
          sql` `,
        )} end`
      : sql`null`;
  const rows = await queryRows<Record<string, string | number | null>>(
    db,
    sql`with by_group as (
          select ${sql.join(
            [...groupColumns, ...columns.map((tally, index) => sql`${tally.count} as ${column(index)}`)],
            sql`, `,
          )}
          from survey_responses r
          cross join lateral jsonb_to_record(r.answers) as a(${record})
          where r.survey_id = ${survey.id}
          ${groupColumns.length ? sql`group by ${sql.join(groupColumns, sql`, `)}` : sql``}
        )
        select ${whenGrouped((breakdown) => sql`${breakdown}::text`)} as breakdown,
          ${whenGrouped((breakdown) => sql`${BREAKDOWN_COLUMNS[breakdown]}::text`)} as group_key,
          ${sql.join(
            columns.map((_, index) => sql`sum(${column(index)}) as ${column(index)}`),
            sql`, `,
          )}
        from by_group r
        group by grouping sets (${sql.join(
          [sql`()`, ...groupColumns.map((group) => sql`(${group})`)],
          sql`, `,
        )})`,
  );
  const groups = new Map<TallyKey, GroupTally>();
  for (const row of rows) {
    const key: TallyKey =
      row.breakdown === null ? 'all' : `${row.breakdown as SurveyBreakdown}:${String(row.group_key ?? '')}`;
    const group = emptyTally();
    columns.forEach((tally, index) => {
      const n = Number(row[`c${index}`] ?? 0);
      if (tally.question === null) group.responses = n;
      else if (tally.point === null) group.answered.set(tally.question, n);
      else if (n > 0) {
        let points = group.points.get(tally.question);
        if (!points) group.points.set(tally.question, (points = new Map()));
        points.set(tally.point, n);
      }
    });
    groups.set(key, group);
  }
  return {
    groups,
    keysOf: (breakdown) =>
      [...groups.keys()]
        .filter((key) => key.startsWith(`${breakdown}:`))
        .map((key) => key.slice(breakdown.length + 1)),
    of: (key) => groups.get(key) ?? emptyTally(),
  };
}

export interface BreakdownGroup {
  key: string;
  label: string;
}

/**
 * The groups of a breakdown in the order a report lists them: both sexes and every age band always;
 * for units, the survey's own unit first (members directly in it), then the child units that answered,
 * by name as Vietnamese sorts.
 */
export async function breakdownGroups(
  db: Db,
  survey: SurveyRow,
  tally: SurveyTally,
  breakdown: SurveyBreakdown,
): Promise<BreakdownGroup[]> {
  if (breakdown === 'sex') return SEXES.map((sex) => ({ key: sex, label: SEX_LABELS[sex] }));
  if (breakdown === 'age_band') return AGE_BANDS.map((band) => ({ key: band, label: AGE_BAND_LABELS[band] }));
  const ids = tally.keysOf('unit').map(Number);
  const units = await unsafeUnitSummaries(db, ids);
  return units
    .map((unit) => ({ key: String(unit.id), label: unit.name }))
    .sort((a, b) =>
      a.key === String(survey.unitId)
        ? -1
        : b.key === String(survey.unitId)
          ? 1
          : a.label.localeCompare(b.label, 'vi'),
    );
}

/** A choice or scale question's counts in one group, in option or point order; null for text questions. */
export function countsOf(question: SurveyQuestion, group: GroupTally): number[] | null {
  if (question.kind === 'text') return null;
  const points = group.points.get(question.id);
  return pointsOf(question).map((point) => points?.get(point) ?? 0);
}

/** The mean of a scale question in one group, to two decimals; null when nobody answered it. */
export function meanOf(question: SurveyQuestion, group: GroupTally): number | null {
  const answered = group.answered.get(question.id) ?? 0;
  if (question.kind !== 'scale' || answered === 0) return null;
  let total = 0;
  for (const [point, n] of group.points.get(question.id) ?? []) total += point * n;
  return Math.round((total / answered) * 100) / 100;
}

/** The latest answers of each text question, newest first: one short index walk per question. */
async function textSamples(db: Db, surveyId: number, questionIds: string[]): Promise<Map<string, string[]>> {
  const samples = new Map<string, string[]>(questionIds.map((id) => [id, []]));
  if (questionIds.length === 0) return samples;
  const rows = await queryRows<{ question: string; answer: string }>(
    db,
    sql`select k.question, s.answer
        from unnest(array[${sql.join(
          questionIds.map((id) => sql`${id}`),
          sql`, `,
        )}]::text[]) as k(question)
        cross join lateral (
          select r.id, r.answers ->> k.question as answer from survey_responses r
          where r.survey_id = ${surveyId} and r.answers ->> k.question is not null
          order by r.id desc limit ${TEXT_SAMPLES}
        ) as s
        order by k.question, s.id desc`,
  );
  for (const row of rows) samples.get(row.question)?.push(row.answer);
  return samples;
}

/** Live results, counted in the database, with the breakdown asked for. */
export async function getSurveyResults(
  { db }: SurveysContext,
  actor: Actor,
  id: number,
  query: SurveyResultsQuery,
): Promise<SurveyResultsDto> {
  const survey = await getManagedSurveyOrThrow(db, actor, id);
  const breakdown = query.breakdown ?? null;
  const tally = await tallySurveyAnswers(db, survey, breakdown ? [breakdown] : []);
  const groups = breakdown ? await breakdownGroups(db, survey, tally, breakdown) : [];
  const textIds = survey.questions
    .filter((question) => question.kind === 'text')
    .map((question) => question.id);
  const samples = await textSamples(db, survey.id, textIds);
  const total = tally.of('all');
  const groupTallies = groups.map((group) => tally.of(`${breakdown!}:${group.key}`));
  return {
    surveyId: survey.id,
    responses: total.responses,
    eligibleMembers: await unitActiveMemberTotal(db, { id: survey.unitId, path: survey.unitPath }),
    breakdown,
    groups: groups.map((group, index) => ({ ...group, responses: groupTallies[index]!.responses })),
    questions: survey.questions.map((question) => ({
      id: question.id,
      kind: question.kind,
      text: question.text,
      answered: total.answered.get(question.id) ?? 0,
      counts: countsOf(question, total),
      byGroup:
        breakdown && question.kind !== 'text'
          ? groupTallies.map((group) => countsOf(question, group) ?? [])
          : null,
      mean: meanOf(question, total),
      samples: question.kind === 'text' ? (samples.get(question.id) ?? []) : null,
    })),
  };
}
