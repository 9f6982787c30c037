import { PUBLIC_HOLIDAYS, type CalendarDay } from './public-holidays.js';

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;
const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
/** Vietnam keeps UTC+7 all year (no DST since 1975), so its dates need no Intl. */
const FIXED_OFFSET_MINUTES: ReadonlyMap<string, number> = new Map([
  [VIETNAM_TIME_ZONE, 7 * 60],
  ['Asia/Saigon', 7 * 60],
  ['UTC', 0],
  ['Etc/UTC', 0],
]);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// 1970-01-01, day number 0, was a Thursday; weekdays below count 0 = Sunday … 6 = Saturday.
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 0;

/** Days since 1970-01-01 of a yyyy-mm-dd calendar date, or NaN when it is not a real date. */
function dayNumberOf(day: string): number {
  const match = ISO_DAY.exec(day);
  if (!match) return Number.NaN;
  const [, year, month, date] = match.map(Number) as [number, number, number, number];
  const utc = Date.UTC(year, month - 1, date);
  // Date.UTC rolls 2025-02-30 over into March: a date that does not round-trip is not a date.
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    return Number.NaN;
  }
  return utc / MS_PER_DAY;
}

function weekdayOf(dayNumber: number): number {
  return (((dayNumber + THURSDAY) % 7) + 7) % 7;
}

/** Wall-clock offset from UTC of a time zone with DST or a changing offset, by one cached formatter. */
class ZoneOffsets {
  readonly #formatter: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.#formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  offsetMinutesAt(instantMs: number): number {
    const fields: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
    for (const part of this.#formatter.formatToParts(instantMs)) fields[part.type] = Number(part.value);
    const wallClock = Date.UTC(
      fields.year ?? 1970,
      (fields.month ?? 1) - 1,
      fields.day ?? 1,
      fields.hour ?? 0,
      fields.minute ?? 0,
      fields.second ?? 0,
    );
    // The formatter drops milliseconds; compare against the instant truncated to the second.
    const wholeSecond = instantMs - (((instantMs % 1000) + 1000) % 1000);
    return Math.round((wallClock - wholeSecond) / MS_PER_MINUTE);
  }
}

const zoneOffsetsByName = new Map<string, ZoneOffsets>();

function zoneOffsetsFor(timeZone: string): ZoneOffsets {
  let offsets = zoneOffsetsByName.get(timeZone);
  if (!offsets) {
    offsets = new ZoneOffsets(timeZone);
    zoneOffsetsByName.set(timeZone, offsets);
  }
  return offsets;
}

/** The calendar day number, in `timeZone`, that an instant falls on. */
function localDayNumberOf(instantMs: number, timeZone: string): number {
  const offset = FIXED_OFFSET_MINUTES.get(timeZone) ?? zoneOffsetsFor(timeZone).offsetMinutesAt(instantMs);
  return Math.floor((instantMs + offset * MS_PER_MINUTE) / MS_PER_DAY);
}

/** The last millisecond (23:59:59.999 wall clock) of a calendar day in `timeZone`, as a UTC instant. */
function endOfLocalDay(dayNumber: number, timeZone: string): Date {
  const wallClockEnd = (dayNumber + 1) * MS_PER_DAY - 1;
  const fixed = FIXED_OFFSET_MINUTES.get(timeZone);
  if (fixed !== undefined) return new Date(wallClockEnd - fixed * MS_PER_MINUTE);
  // Guess with the offset at the wall-clock time read as UTC, then correct once across a DST change.
  const offsets = zoneOffsetsFor(timeZone);
  const guess = wallClockEnd - offsets.offsetMinutesAt(wallClockEnd) * MS_PER_MINUTE;
  return new Date(wallClockEnd - offsets.offsetMinutesAt(guess) * MS_PER_MINUTE);
}

function instantOf(date: Date, argument: string): number {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`${argument} is not a valid date`);
  return ms;
}

/**
 * Working days in Vietnam's public sector: Monday to Friday, less the public holidays, Tết and
 * compensatory days off, plus the make-up Saturdays the government announces. Years the data does not
 * cover fall back to plain weekends.
 */
export class WorkingCalendar {
  /** Weekdays that are not worked: holidays, Tết, compensatory and swapped days off. */
  readonly #daysOff = new Set<number>();
  /** Weekend days that are worked ("làm bù"). */
  readonly #workedWeekendDays = new Set<number>();

  constructor(days: readonly CalendarDay[]) {
    const seen = new Set<number>();
    for (const entry of days) {
      const dayNumber = dayNumberOf(entry.day);
      if (Number.isNaN(dayNumber)) throw new RangeError(`Calendar day ${entry.day} is not a yyyy-mm-dd date`);
      // One kind per day: a day listed twice would be ambiguous (worked or not?).
      if (seen.has(dayNumber)) throw new RangeError(`Calendar day ${entry.day} is listed twice`);
      seen.add(dayNumber);
      if (entry.kind === 'working_saturday') {
        const weekday = weekdayOf(dayNumber);
        if (weekday !== SATURDAY && weekday !== SUNDAY) {
          throw new RangeError(`Make-up working day ${entry.day} is not on a weekend`);
        }
        this.#workedWeekendDays.add(dayNumber);
      } else {
        this.#daysOff.add(dayNumber);
      }
    }
  }

  /** Whether a yyyy-mm-dd date is a working day. */
  isWorkingDay(day: string): boolean {
    const dayNumber = dayNumberOf(day);
    if (Number.isNaN(dayNumber)) throw new RangeError(`${day} is not a yyyy-mm-dd date`);
    return this.#isWorking(dayNumber);
  }

  /**
   * The deadline `workingDays` working days after `start`: the end (23:59:59.999 in `timeZone`) of the
   * n-th working day counted after the day of `start`. Zero gives the end of the day of `start` when it
   * is a working day, else of the next working day.
   */
  addWorkingDays(start: Date, workingDays: number, timeZone: string = VIETNAM_TIME_ZONE): Date {
    if (!Number.isSafeInteger(workingDays) || workingDays < 0) {
      throw new RangeError(`workingDays must be a whole number ≥ 0, got ${workingDays}`);
    }
    let dayNumber = localDayNumberOf(instantOf(start, 'start'), timeZone);
    if (workingDays === 0) {
      while (!this.#isWorking(dayNumber)) dayNumber += 1;
    } else {
      for (let counted = 0; counted < workingDays;) {
        dayNumber += 1;
        if (this.#isWorking(dayNumber)) counted += 1;
      }
    }
    return endOfLocalDay(dayNumber, timeZone);
  }

  /**
   * Working days after the day of `from` up to and including the day of `to`, the inverse of
   * `addWorkingDays` for n ≥ 1. Negative when `to` is on an earlier day: −(working days after `to` up to
   * `from`), so "how many working days overdue" reads as workingDaysBetween(deadline, now).
   */
  workingDaysBetween(from: Date, to: Date, timeZone: string = VIETNAM_TIME_ZONE): number {
    const fromDay = localDayNumberOf(instantOf(from, 'from'), timeZone);
    const toDay = localDayNumberOf(instantOf(to, 'to'), timeZone);
    const [first, last, sign] = fromDay <= toDay ? [fromDay, toDay, 1] : [toDay, fromDay, -1];
    let count = 0;
    for (let dayNumber = first + 1; dayNumber <= last; dayNumber += 1) {
      if (this.#isWorking(dayNumber)) count += 1;
    }
    // `|| 0`: never −0, which equals 0 but prints and compares (Object.is) differently.
    return sign * count || 0;
  }

  #isWorking(dayNumber: number): boolean {
    if (this.#daysOff.has(dayNumber)) return false;
    const weekday = weekdayOf(dayNumber);
    if (weekday === SATURDAY || weekday === SUNDAY) return this.#workedWeekendDays.has(dayNumber);
    return true;
  }
}

/** Vietnam's public-sector calendar with the announced holidays. */
export const vietnamCalendar = new WorkingCalendar(PUBLIC_HOLIDAYS);
