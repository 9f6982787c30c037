import { todayInVietnam } from '@union/contracts/dates';

const DAY_MS = 86_400_000;

/** The day an instant (or a `yyyy-mm-dd` date) falls on in Vietnam, as `yyyy-mm-dd`. */
export function vietnamDateOf(instant: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(instant)) return instant;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : todayInVietnam(date);
}

const dayNumber = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;

/** Whole calendar days (Vietnam's calendar) from the deadline to today; 0 when it has not passed. */
export function daysLate(dueAt: string, now: Date = new Date()): number {
  const late = dayNumber(todayInVietnam(now)) - dayNumber(vietnamDateOf(dueAt));
  return Number.isFinite(late) && late > 0 ? late : 0;
}
