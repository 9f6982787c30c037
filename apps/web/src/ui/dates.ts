import { todayInVietnam } from '@union/contracts/dates';
import dayjs from 'dayjs';

/** `yyyy-mm-dd` (as the API speaks dates) → `dd/mm/yyyy` (as Vietnamese readers expect). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return '';
  const date = dayjs(isoDate);
  return date.isValid() ? date.format('DD/MM/YYYY') : isoDate;
}

export function formatDateTime(instant: string): string {
  const date = dayjs(instant);
  return date.isValid() ? date.format('DD/MM/YYYY HH:mm') : instant;
}

/**
 * Today on Vietnam's calendar (the one the server checks dates against), as a date field's value or
 * limit: a browser elsewhere would otherwise offer a date a day off.
 */
export function todayIsoDate(): string {
  return todayInVietnam();
}

/** How date fields show their value: `dd/mm/yyyy`, as Vietnamese readers write dates. */
export const DATE_FIELD_FORMAT = 'DD/MM/YYYY';

const DAY_FIRST = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/**
 * A date as typed into a date field — `d/m/yyyy`, `dd/mm/yyyy`, `dd-mm-yyyy` or `dd.mm.yyyy`, day
 * first as Vietnamese write it (or an ISO `yyyy-mm-dd` pasted in) — as `yyyy-mm-dd`; `null` for
 * anything else, a half-typed date or a day the calendar lacks (31/02).
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const yearFirst = dayFirst ? null : YEAR_FIRST.exec(trimmed);
  const parts = dayFirst
    ? [dayFirst[3], dayFirst[2], dayFirst[1]]
    : yearFirst
      ? [yearFirst[1], yearFirst[2], yearFirst[3]]
      : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (year < 1000) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
