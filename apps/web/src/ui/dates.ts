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

/** Today in the browser's calendar, as the value of an `<input type="date">`. */
export function todayIsoDate(): string {
  return dayjs().format('YYYY-MM-DD');
}
