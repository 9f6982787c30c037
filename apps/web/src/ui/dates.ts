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
 * Today on Vietnam's calendar (the one the server checks dates against), as the value of an
 * `<input type="date">`: a browser elsewhere would otherwise offer a date a day off.
 */
export function todayIsoDate(): string {
  return todayInVietnam();
}
