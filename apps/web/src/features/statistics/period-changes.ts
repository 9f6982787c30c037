import type {
  MonthFiguresDto,
  MovementFigures,
  StatisticsChildDto,
  UnitStatisticsDto,
} from '@union/contracts/statistics';

/** The trend charts cover two years, which also holds last year's same months and the year's baseline. */
export const TREND_MONTHS = 24;

/** `yyyy-mm` of a `yyyy-mm-dd` date. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7);

export function addMonths(month: string, count: number): string {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  const year = Math.floor(index / 12);
  return `${String(year)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last day of a `yyyy-mm` month, as `yyyy-mm-dd`. */
export function lastDayOfMonth(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** The months the dashboard asks for: the two years up to the cut-off date's month. */
export function trendRange(at: string): { from: string; to: string } {
  const to = monthOf(at);
  return { from: addMonths(to, -(TREND_MONTHS - 1)), to };
}

/** Members who joined (admission, readmission) and who left (leave, expulsion) in one month or period. */
export const joinedOf = (movements: MovementFigures) => movements.admitted + movements.readmitted;
export const leftOf = (movements: MovementFigures) => movements.left + movements.expelled;

export type Change = { previous: number; change: number };

export type KeyFigureChanges = {
  /** Members now against the end of the month before the report year began. */
  members: (Change & { baselineDate: string }) | null;
  /** This report year to date against the same months of the year before. */
  movements: {
    fromMonth: string;
    toMonth: string;
    admitted: Change;
    transferredIn: Change;
    transferredOut: Change;
    leftOrExpelled: Change;
  } | null;
};

const changeOf = (now: number, previous: number): Change => ({ previous, change: now - previous });

/**
 * The change of each key figure from the monthly series. `membersAtEnd` counts current members (active
 * and suspended), so the comparison is current against current, whatever the card shows as its value.
 */
export function keyFigureChanges(
  statistics: UnitStatisticsDto,
  months: readonly MonthFiguresDto[],
): KeyFigureChanges {
  const byMonth = new Map(months.map((month) => [month.month, month]));
  const yearStart = monthOf(statistics.period.from);
  const baselineMonth = addMonths(yearStart, -1);
  const baseline = byMonth.get(baselineMonth);

  const fromMonth = addMonths(yearStart, -12);
  const toMonth = addMonths(monthOf(statistics.at), -12);
  const lastYear = months.filter((month) => month.month >= fromMonth && month.month <= toMonth);
  const sum = (pick: (movements: MovementFigures) => number) =>
    lastYear.reduce((total, month) => total + pick(month.movements), 0);
  // Without a single month of last year the unit had no history then: no comparison rather than "+all".
  const hasLastYear = lastYear.length > 0;
  const now = statistics.movements;

  return {
    members: baseline
      ? {
          ...changeOf(statistics.members.current, baseline.membersAtEnd),
          baselineDate: lastDayOfMonth(baselineMonth),
        }
      : null,
    movements: hasLastYear
      ? {
          fromMonth,
          toMonth,
          admitted: changeOf(
            now.admitted,
            sum((movements) => movements.admitted),
          ),
          transferredIn: changeOf(
            now.transferredIn,
            sum((movements) => movements.transferredIn),
          ),
          transferredOut: changeOf(
            now.transferredOut,
            sum((movements) => movements.transferredOut),
          ),
          leftOrExpelled: changeOf(leftOf(now), sum(leftOf)),
        }
      : null,
  };
}

/**
 * Growth of a unit's members over the report year to date, from its own movements: members at the start
 * are today's less what came in and plus what went out. `null` when it started with none.
 */
export function growthOf(unit: Pick<StatisticsChildDto, 'members' | 'movements'>): number | null {
  const { movements } = unit;
  const cameIn = movements.admitted + movements.readmitted + movements.reinstated + movements.transferredIn;
  const wentOut = movements.transferredOut + movements.left + movements.expelled + movements.deceased;
  const atStart = unit.members.current - cameIn + wentOut;
  return atStart > 0 ? (cameIn - wentOut) / atStart : null;
}
