import { z } from 'zod';
import { IsoDate } from './common.js';
import { MEMBER_STATUSES } from './members.js';
import { UNIT_TYPES, UnitType } from './units.js';

/**
 * Live statistics for any unit, and the organisation report (domain.md §1.4, §5). Figures come from
 * counters kept in the same transaction as every change; figures at a past cut-off date are
 * recomputed from the dated membership events.
 */

/** Age by year of birth (tuổi tính theo năm sinh: the year of the figures minus the year of birth). */
export const AGE_BANDS = ['under_30', '30_39', '40_49', '50_59', '60_plus'] as const;
export const AgeBand = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBand>;

export function ageBandOf(age: number): AgeBand {
  if (age < 30) return 'under_30';
  if (age < 40) return '30_39';
  if (age < 50) return '40_49';
  if (age < 60) return '50_59';
  return '60_plus';
}

const count = z.number().int();
const figuresOf = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, count])) as Record<K, typeof count>);

/**
 * Members of a subtree. `total` counts active members (status `active`, honorary included);
 * `current` adds those whose activity is suspended — both are still members. Sex, nationality, age,
 * honorary and dues exemption describe the active members.
 */
export const MemberFigures = z.object({
  total: count,
  active: count,
  current: count,
  female: count,
  male: count,
  foreign: count,
  honorary: count,
  duesExempt: count,
  byAgeBand: figuresOf(AGE_BANDS),
  byStatus: figuresOf(MEMBER_STATUSES),
});
export type MemberFigures = z.infer<typeof MemberFigures>;

/**
 * Membership movements over a period, as the paper reports compiled them: the sum of each unit's own
 * movements, so a transfer between two units of one subtree shows as out of one and into the other.
 */
export const MOVEMENT_KINDS = [
  'admitted',
  'readmitted',
  'reinstated',
  'transferredIn',
  'transferredOut',
  'left',
  'expelled',
  'deceased',
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const MovementFigures = figuresOf(MOVEMENT_KINDS);
export type MovementFigures = z.infer<typeof MovementFigures>;

/** Active units of the subtree, the unit itself included. */
export const UnitCountFigures = z.object({
  /** Grassroots unions and grassroots guilds (CĐCS and nghiệp đoàn cơ sở). */
  grassroots: count,
  byType: figuresOf(UNIT_TYPES),
});
export type UnitCountFigures = z.infer<typeof UnitCountFigures>;

/** The workforce the grassroots unions last declared (số CNVCLĐ), and the share of it in the union. */
export const WorkforceFigures = z.object({
  workers: count,
  femaleWorkers: count,
  /** Grassroots unions that have declared their workforce. */
  unitsDeclared: count,
  /**
   * Current members of the unions that declared a workforce over their declared workers, 0 to 1; null when
   * none declared. Read it beside `unitsDeclared` against `units.grassroots`.
   */
  coverage: z.number().nullable(),
});
export type WorkforceFigures = z.infer<typeof WorkforceFigures>;

export const StatisticsChildDto = z.object({
  unitId: z.number(),
  name: z.string(),
  code: z.string(),
  type: UnitType,
  members: MemberFigures,
  movements: MovementFigures,
  units: UnitCountFigures,
});
export type StatisticsChildDto = z.infer<typeof StatisticsChildDto>;

/** A provincial federation can hold thousands of grassroots unions directly. */
export const CHILDREN_MAX = 2000;

export const DateRange = z.object({ from: IsoDate, to: IsoDate });
export type DateRange = z.infer<typeof DateRange>;

export const UnitStatisticsDto = z.object({
  unitId: z.number(),
  name: z.string(),
  code: z.string(),
  type: UnitType,
  /** The cut-off date of the figures. */
  at: IsoDate,
  /** True when read from the live counters (the cut-off is today); false when recomputed from events. */
  live: z.boolean(),
  /** The movements cover the union's report year up to `at` (the year runs 1/12 to 30/11). */
  period: DateRange,
  members: MemberFigures,
  movements: MovementFigures,
  units: UnitCountFigures,
  workforce: WorkforceFigures,
  /** Members attached to the unit itself, not to a unit below it. */
  own: z.object({ members: MemberFigures, movements: MovementFigures }),
  /** The child units, largest first, at most `CHILDREN_MAX`; `childrenTotal` says how many there are. */
  children: z.array(StatisticsChildDto),
  childrenTotal: count,
  /** What the caller may do here, so the UI hides what it may not. */
  can: z.object({ declareWorkforce: z.boolean() }),
});
export type UnitStatisticsDto = z.infer<typeof UnitStatisticsDto>;

/** A cut-off or declaration date: the union's records start in the 20th century (and PostgreSQL has no year 0). */
const FiguresDate = IsoDate.refine((date) => date >= '1900-01-01', { error: 'statistics.date_too_early' });

export const StatisticsQuery = z.object({ at: FiguresDate.optional() });
export type StatisticsQuery = z.infer<typeof StatisticsQuery>;

const YearMonth = z.string().regex(/^(19|2\d)\d{2}-(0[1-9]|1[0-2])$/, { error: 'statistics.month_invalid' });
export const SERIES_MONTHS_MAX = 120;
export const StatisticsSeriesQuery = z.object({ from: YearMonth, to: YearMonth });
export type StatisticsSeriesQuery = z.infer<typeof StatisticsSeriesQuery>;

export const MonthFiguresDto = z.object({
  /** yyyy-mm */
  month: z.string(),
  movements: MovementFigures,
  /** Members (`current`) at the end of the month (today for the month in progress). */
  membersAtEnd: count,
});
export type MonthFiguresDto = z.infer<typeof MonthFiguresDto>;
export const StatisticsSeriesDto = z.object({ unitId: z.number(), months: z.array(MonthFiguresDto) });
export type StatisticsSeriesDto = z.infer<typeof StatisticsSeriesDto>;

/**
 * Grassroots unions without a chair in office on the day: none was ever elected, or the last term has
 * ended (`withoutChair` counts both; `chairTermExpired` is the part whose term ended).
 */
export const OFFICER_GAPS = ['no_chair', 'term_expired'] as const;
export const OfficerGapDto = z.object({
  unitId: z.number(),
  name: z.string(),
  code: z.string(),
  type: UnitType,
  /** The unit above it, as the officer recognises it. */
  parentName: z.string().nullable(),
  gap: z.enum(OFFICER_GAPS),
  /** When the last chair's term ended, for `term_expired`. */
  termEndedOn: IsoDate.nullable(),
  members: count,
});
export type OfficerGapDto = z.infer<typeof OfficerGapDto>;

export const OFFICER_GAPS_LIMIT = 100;
export const OfficerFiguresDto = z.object({
  unitId: z.number(),
  grassroots: count,
  withoutChair: count,
  chairTermExpired: count,
  /** People holding a current office in the subtree. */
  officers: count,
  /** Current members per officer; null when there is no officer. */
  membersPerOfficer: z.number().nullable(),
  /** The first gaps, largest unions first. */
  gaps: z.array(OfficerGapDto),
});
export type OfficerFiguresDto = z.infer<typeof OfficerFiguresDto>;

/** A grassroots union declares its workforce (tổng số CNVCLĐ) as of a date; the latest counts. */
export const WorkforceBody = z
  .object({
    asOf: FiguresDate,
    workers: z.number().int().min(0).max(2_000_000),
    femaleWorkers: z.number().int().min(0).max(2_000_000),
  })
  .refine((body) => body.femaleWorkers <= body.workers, {
    path: ['femaleWorkers'],
    error: 'statistics.female_workers_exceed',
  });
export type WorkforceBody = z.infer<typeof WorkforceBody>;
export const WorkforceDto = z.object({
  unitId: z.number(),
  asOf: IsoDate,
  workers: count,
  femaleWorkers: count,
});
export type WorkforceDto = z.infer<typeof WorkforceDto>;

// ---------------------------------------------------------------- report periods

/**
 * The union's report periods (domain.md §5): the annual report runs to 30/11 and the 6-month report to
 * 31/5, both from 1/12 of the year before; quarters are calendar quarters.
 */
export const REPORT_PERIOD_PATTERN = /^(\d{4})-(annual|H1|Q[1-4])$/;
export const ReportPeriodCode = z
  .string()
  .regex(REPORT_PERIOD_PATTERN, { error: 'statistics.period_invalid' });

export interface ReportPeriod {
  code: string;
  from: string;
  to: string;
  labelVi: string;
  labelEn: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const vnDate = (iso: string) => iso.split('-').reverse().join('/');

export function parseReportPeriod(code: string): ReportPeriod | undefined {
  const match = REPORT_PERIOD_PATTERN.exec(code);
  if (!match) return undefined;
  const year = Number(match[1]);
  const kind = match[2]!;
  if (year < 1930 || year > 2200) return undefined;
  let from: string;
  let to: string;
  let labelVi: string;
  let labelEn: string;
  if (kind === 'annual') {
    from = `${year - 1}-12-01`;
    to = `${year}-11-30`;
    labelVi = `Năm ${year}`;
    labelEn = `Year ${year}`;
  } else if (kind === 'H1') {
    from = `${year - 1}-12-01`;
    to = `${year}-05-31`;
    labelVi = `6 tháng đầu năm ${year}`;
    labelEn = `First half of ${year}`;
  } else {
    const quarter = Number(kind.slice(1));
    const lastMonth = quarter * 3;
    from = `${year}-${pad(lastMonth - 2)}-01`;
    to = `${year}-${pad(lastMonth)}-${pad(lastDayOf(year, lastMonth))}`;
    labelVi = `Quý ${['I', 'II', 'III', 'IV'][quarter - 1]} năm ${year}`;
    labelEn = `Q${quarter} ${year}`;
  }
  return {
    code,
    from,
    to,
    labelVi: `${labelVi} (từ ${vnDate(from)} đến ${vnDate(to)})`,
    labelEn: `${labelEn} (${from} to ${to})`,
  };
}

/** The union's report year holding `date`: from 1/12 of the year before to 30/11. */
export function reportYearOf(date: string): DateRange {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const endYear = month === 12 ? year + 1 : year;
  return { from: `${endYear - 1}-12-01`, to: `${endYear}-11-30` };
}

/** The period codes worth offering on a date: this report year's, and the one before. */
export function recentReportPeriods(today: string): string[] {
  const endYear = Number(reportYearOf(today).to.slice(0, 4));
  const codes: string[] = [];
  for (const year of [endYear, endYear - 1]) {
    codes.push(`${year}-annual`, `${year}-H1`, `${year}-Q4`, `${year}-Q3`, `${year}-Q2`, `${year}-Q1`);
  }
  return codes.filter((code) => parseReportPeriod(code)!.from <= today);
}

export const REPORT_FORMATS = ['json', 'xlsx', 'pdf'] as const;
export const OrganisationReportQuery = z.object({
  period: ReportPeriodCode,
  format: z.enum(REPORT_FORMATS).default('json'),
});
export type OrganisationReportQuery = z.infer<typeof OrganisationReportQuery>;

/** One line of the organisation statistics report (báo cáo số liệu tổ chức). */
export const OrganisationReportLine = z.object({
  unitId: z.number(),
  name: z.string(),
  code: z.string(),
  type: UnitType,
  grassrootsUnions: count,
  grassrootsGuilds: count,
  /** Grassroots unions and guilds founded within the period. */
  newGrassroots: count,
  members: count,
  femaleMembers: count,
  admitted: count,
  transferredIn: count,
  transferredOut: count,
  left: count,
  expelled: count,
  workers: count,
  /** members / workers of the units that declared a workforce; null when none did. */
  coverage: z.number().nullable(),
});
export type OrganisationReportLine = z.infer<typeof OrganisationReportLine>;

export const OrganisationReportDto = z.object({
  unit: z.object({
    id: z.number(),
    name: z.string(),
    code: z.string(),
    type: UnitType,
    /** The unit directly above, named in the form's heading; null for the Confederation. */
    superiorName: z.string().nullable(),
  }),
  period: z.object({ code: z.string(), label: z.string(), from: IsoDate, to: IsoDate }),
  /** The cut-off date of member figures: the end of the period, or today while it runs. */
  at: IsoDate,
  generatedAt: z.string(),
  total: OrganisationReportLine,
  lines: z.array(OrganisationReportLine),
});
export type OrganisationReportDto = z.infer<typeof OrganisationReportDto>;

/** The Confederation's report runs as a job: the reply names it, the file is fetched when it is done. */
export const ReportJobDto = z.object({ jobId: z.number() });
export type ReportJobDto = z.infer<typeof ReportJobDto>;
