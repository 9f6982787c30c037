import { PassThrough, type Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { and, asc, eq, gt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  SURVEY_BREAKDOWNS,
  type SurveyBreakdown,
  type SurveyQuestion,
  type SurveyQuestionKind,
} from '@union/contracts/voice';
import type { Sex } from '@union/contracts/members';
import type { AgeBand } from '@union/contracts/statistics';
import type { Actor } from '../../kernel/access/actor.js';
import type { Db } from '../../kernel/db/database.js';
import { todayInVietnam } from '../../kernel/time.js';
import { unitActiveMemberTotal } from '../statistics/index.js';
import { unsafeUnitSummaries } from '../units/index.js';
import {
  AGE_BAND_LABELS,
  BREAKDOWN_LABELS,
  SEX_LABELS,
  breakdownGroups,
  countsOf,
  meanOf,
  tallySurveyAnswers,
  type BreakdownGroup,
  type GroupTally,
  type SurveyTally,
} from './survey-results.js';
import {
  getManagedSurveyOrThrow,
  surveyStatusOn,
  type SurveyAnswers,
  type SurveyRow,
  type SurveysContext,
} from './surveys.service.js';
import { surveyResponses } from './voice.schema.js';

export const SUMMARY_SHEET_NAME = 'Tổng hợp';
export const RESPONSES_SHEET_NAME = 'Phiếu trả lời';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const RESPONSE_BATCH = 2_000;
/** Rows written between looks at whether the client has caught up. */
const ROWS_PER_DRAIN_CHECK = 1_000;

const KIND_LABELS: Readonly<Record<SurveyQuestionKind, string>> = {
  single: 'Chọn một phương án',
  multiple: 'Chọn nhiều phương án',
  scale: 'Thang điểm',
  text: 'Trả lời tự do',
};
const STATUS_LABELS = { scheduled: 'Chưa mở', open: 'Đang mở', closed: 'Đã kết thúc' } as const;

const COUNT_FORMAT = '#,##0';
const RATIO_FORMAT = '0.0%';
const DATE_FORMAT = 'dd/mm/yyyy';
const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

/** dd/mm/yyyy, as every Vietnamese document writes a date. */
const displayDate = (isoDate: string): string => isoDate.split('-').reverse().join('/');
/** A calendar date as a real date cell (midnight UTC: Excel has no time zones). */
const dateCell = (isoDate: string): Date => new Date(`${isoDate}T00:00:00Z`);
const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** ASCII only, so the name survives every browser, mail client and file system. */
export const surveyFilename = (survey: SurveyRow, today: string): string =>
  `ket-qua-khao-sat-${survey.id}_${today}.xlsx`;

interface SummaryColumns {
  breakdown: SurveyBreakdown;
  groups: BreakdownGroup[];
}

/** The point labels of a choice or scale question: its options, or 1..scaleMax. */
const pointLabelsOf = (question: SurveyQuestion): string[] =>
  question.kind === 'scale'
    ? Array.from({ length: question.scaleMax ?? 0 }, (_, index) => `${index + 1} điểm`)
    : (question.options ?? []);

function writeSurveyHeading(
  sheet: ExcelJS.Worksheet,
  survey: SurveyRow,
  unitName: string,
  figures: { responses: number; eligible: number; today: string },
) {
  sheet.addRow(['KẾT QUẢ KHẢO SÁT Ý KIẾN ĐOÀN VIÊN']).font = { bold: true, size: 14 };
  sheet.addRow([survey.title]).font = BOLD;
  sheet.addRow(['Đơn vị tổ chức khảo sát', unitName]);
  const period = `${displayDate(survey.opensOn)} – ${displayDate(survey.closesOn)}`;
  const closedEarly = survey.closedEarlyAt
    ? ` (kết thúc sớm ngày ${displayDate(todayInVietnam(survey.closedEarlyAt))})`
    : '';
  sheet.addRow(['Thời gian khảo sát', `${period}${closedEarly}`]);
  sheet.addRow(['Trạng thái', STATUS_LABELS[surveyStatusOn(survey, figures.today)]]);
  sheet.addRow(['Số phiếu trả lời', figures.responses]).getCell(2).numFmt = COUNT_FORMAT;
  sheet.addRow(['Số đoàn viên trong phạm vi khảo sát', figures.eligible]).getCell(2).numFmt = COUNT_FORMAT;
  sheet.addRow(['Tỷ lệ trả lời', ratio(figures.responses, figures.eligible)]).getCell(2).numFmt =
    RATIO_FORMAT;
  sheet.addRow(['Ngày xuất', dateCell(figures.today)]).getCell(2).numFmt = DATE_FORMAT;
  sheet.addRow(['Phiếu khảo sát ẩn danh: tệp này không có họ tên hay mã đoàn viên.']).font = { italic: true };
  sheet.addRow([]);
}

/** The two heading rows of a question's table: the breakdowns over their groups, then the columns. */
function writeTableHeading(sheet: ExcelJS.Worksheet, columns: SummaryColumns[]) {
  const over: (string | null)[] = [null, null, null];
  const names: string[] = ['Phương án', 'Số lượt', 'Tỷ lệ'];
  for (const { breakdown, groups } of columns) {
    groups.forEach((group, index) => {
      over.push(index === 0 ? BREAKDOWN_LABELS[breakdown] : null);
      names.push(group.label);
    });
  }
  for (const cells of [over, names]) {
    const row = sheet.addRow(cells);
    row.eachCell((cell) => {
      cell.font = BOLD;
      cell.fill = HEADING_FILL;
      cell.alignment = { wrapText: true, vertical: 'middle' };
    });
  }
}

function addFigureRow(
  sheet: ExcelJS.Worksheet,
  label: string,
  total: number | null,
  share: number | null,
  byGroup: (number | null)[],
  format = COUNT_FORMAT,
) {
  const row = sheet.addRow([label, total, share, ...byGroup]);
  row.eachCell((cell, column) => {
    if (column === 3) cell.numFmt = RATIO_FORMAT;
    else if (column !== 1) cell.numFmt = format;
  });
}

/** One question: a count per option or point with its share of those who answered, and each breakdown. */
function writeQuestionBlock(
  sheet: ExcelJS.Worksheet,
  position: number,
  question: SurveyQuestion,
  total: GroupTally,
  columns: SummaryColumns[],
  groupTallies: GroupTally[],
) {
  const kind =
    question.kind === 'scale'
      ? `${KIND_LABELS.scale} 1–${question.scaleMax ?? 0}`
      : KIND_LABELS[question.kind];
  sheet.addRow([
    `Câu ${position}. ${question.text}`,
    `(${kind}${question.required ? '' : ', không bắt buộc'})`,
  ]).font = BOLD;
  writeTableHeading(sheet, columns);
  const answered = total.answered.get(question.id) ?? 0;
  const totals = countsOf(question, total);
  if (totals) {
    const byGroup = groupTallies.map((group) => countsOf(question, group) ?? []);
    pointLabelsOf(question).forEach((label, index) => {
      const count = totals[index] ?? 0;
      addFigureRow(
        sheet,
        label,
        count,
        ratio(count, answered),
        byGroup.map((counts) => counts[index] ?? 0),
      );
    });
  }
  addFigureRow(
    sheet,
    'Số người trả lời câu này',
    answered,
    ratio(answered, total.responses),
    groupTallies.map((group) => group.answered.get(question.id) ?? 0),
  );
  if (question.kind === 'scale') {
    addFigureRow(
      sheet,
      'Điểm trung bình',
      meanOf(question, total),
      null,
      groupTallies.map((group) => meanOf(question, group)),
      '0.00',
    );
  }
  if (question.kind === 'multiple') {
    sheet.addRow(['Mỗi người chọn được nhiều phương án: tổng tỷ lệ có thể quá 100%.']).font = {
      italic: true,
    };
  }
  if (question.kind === 'text') {
    sheet.addRow([`Nội dung trả lời: xem trang "${RESPONSES_SHEET_NAME}".`]).font = { italic: true };
  }
  sheet.addRow([]);
}

function writeSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  survey: SurveyRow,
  unitName: string,
  tally: SurveyTally,
  columns: SummaryColumns[],
  figures: { eligible: number; today: string },
) {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET_NAME);
  sheet.columns = [
    { width: 44 },
    { width: 12 },
    { width: 10 },
    ...columns.flatMap(({ groups }) => groups.map(() => ({ width: 16 }))),
  ];
  const total = tally.of('all');
  writeSurveyHeading(sheet, survey, unitName, { ...figures, responses: total.responses });
  const groupTallies = columns.flatMap(({ breakdown, groups }) =>
    groups.map((group) => tally.of(`${breakdown}:${group.key}`)),
  );
  survey.questions.forEach((question, index) =>
    writeQuestionBlock(sheet, index + 1, question, total, columns, groupTallies),
  );
  sheet.commit();
}

/** One response's answer to one question, as a reader reads it: option names, the point, the text. */
function answerCell(
  question: SurveyQuestion,
  value: SurveyAnswers[string] | undefined,
): string | number | null {
  if (value === undefined) return null;
  if (question.kind === 'single' && typeof value === 'number') return question.options?.[value] ?? value;
  if (question.kind === 'multiple' && Array.isArray(value))
    return value.map((index) => question.options?.[index] ?? String(index)).join('; ');
  return Array.isArray(value) ? value.join('; ') : value;
}

async function caughtUp(out: Writable): Promise<void> {
  await setImmediate();
  if (out.writableNeedDrain && !out.destroyed) {
    await new Promise<void>((resolve) => {
      const settle = () => {
        out.off('drain', settle);
        out.off('close', settle);
        resolve();
      };
      out.on('drain', settle);
      out.on('close', settle);
    });
  }
  if (out.destroyed) throw new Error('The export stream closed before the export ended.');
}

/**
 * Every response, read in id order one batch at a time so a province's survey never sits in memory.
 * Anonymous: the member's id is never selected; only the breakdown columns copied when answering.
 */
async function writeResponsesSheet(
  db: Db,
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  survey: SurveyRow,
  unitNames: Map<number, string>,
  out: Writable,
) {
  const sheet = workbook.addWorksheet(RESPONSES_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
  sheet.columns = [
    { width: 6 },
    { width: 12, style: dateStyle },
    { width: 36 },
    { width: 10 },
    { width: 14 },
    ...survey.questions.map(() => ({ width: 28 })),
  ];
  const header = sheet.addRow([
    'STT',
    'Ngày trả lời',
    'Đơn vị',
    'Giới tính',
    'Độ tuổi',
    ...survey.questions.map((question, index) => `Câu ${index + 1}. ${question.text}`),
  ]);
  header.font = BOLD;
  header.alignment = { wrapText: true, vertical: 'top' };
  header.commit();
  let position = 0;
  let after = 0;
  for (;;) {
    const batch = await db
      .select({
        id: surveyResponses.id,
        groupUnitId: surveyResponses.groupUnitId,
        sex: surveyResponses.sex,
        ageBand: surveyResponses.ageBand,
        answers: surveyResponses.answers,
        submittedAt: surveyResponses.submittedAt,
      })
      .from(surveyResponses)
      .where(and(eq(surveyResponses.surveyId, survey.id), gt(surveyResponses.id, after)))
      .orderBy(asc(surveyResponses.id))
      .limit(RESPONSE_BATCH);
    if (batch.length === 0) break;
    const unknownUnits = [...new Set(batch.map((row) => row.groupUnitId))].filter((id) => !unitNames.has(id));
    for (const unit of await unsafeUnitSummaries(db, unknownUnits)) unitNames.set(unit.id, unit.name);
    for (const row of batch) {
      position += 1;
      sheet
        .addRow([
          position,
          dateCell(todayInVietnam(row.submittedAt)),
          unitNames.get(row.groupUnitId) ?? '',
          SEX_LABELS[row.sex as Sex] ?? row.sex,
          AGE_BAND_LABELS[row.ageBand as AgeBand] ?? row.ageBand,
          ...survey.questions.map((question) => answerCell(question, row.answers[question.id])),
        ])
        .commit();
      if (position % ROWS_PER_DRAIN_CHECK === 0) await caughtUp(out);
    }
    after = batch.at(-1)!.id;
  }
  sheet.commit();
}

/**
 * The results as a workbook: a summary of every question with its counts, shares and all three
 * breakdowns, then the responses one per row without names or ids. Counting happens in the database
 * before the stream starts (so a refusal is still a proper error); the responses stream after.
 */
export async function exportSurveyResults({ db, now }: SurveysContext, actor: Actor, id: number) {
  const survey = await getManagedSurveyOrThrow(db, actor, id);
  const today = todayInVietnam(now());
  const tally = await tallySurveyAnswers(db, survey, SURVEY_BREAKDOWNS);
  const columns: SummaryColumns[] = [];
  for (const breakdown of SURVEY_BREAKDOWNS)
    columns.push({ breakdown, groups: await breakdownGroups(db, survey, tally, breakdown) });
  const eligible = await unitActiveMemberTotal(db, { id: survey.unitId, path: survey.unitPath });
  const unitNames = new Map(
    (columns.find((column) => column.breakdown === 'unit')?.groups ?? []).map((group) => [
      Number(group.key),
      group.label,
    ]),
  );
  if (!unitNames.has(survey.unitId)) {
    for (const unit of await unsafeUnitSummaries(db, [survey.unitId])) unitNames.set(unit.id, unit.name);
  }
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      useSharedStrings: false,
    });
    workbook.creator = 'Công đoàn số';
    writeSummarySheet(workbook, survey, unitNames.get(survey.unitId) ?? '', tally, columns, {
      eligible,
      today,
    });
    await writeResponsesSheet(db, workbook, survey, unitNames, out);
    await workbook.commit();
  };
  write().catch((error: unknown) => out.destroy(error as Error));
  return { filename: surveyFilename(survey, today), stream: out };
}
