import { DomainError } from '../errors.js';

/** Opaque keyset cursors: base64url JSON, so clients pass back exactly what they were given. */
export const encodeCursor = (position: unknown): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (isValid(value)) return value;
  } catch {
    // fall through to the one error below
  }
  throw new DomainError('validation.failed', [
    { path: 'cursor', message: 'Con trỏ phân trang không hợp lệ.' },
  ]);
}

/** Newest-first lists keyed by id: the id a page reads below, from the cursor the last page gave. */
export const idCursorBefore = (cursor: string | undefined): number | undefined =>
  cursor === undefined
    ? undefined
    : decodeCursor<number>(cursor, (value): value is number => Number.isInteger(value));

/** Cuts the `limit + 1` rows read into the page and the cursor after its last row (null at the end). */
export function newestFirstPage<Row extends { id: number }>(rows: Row[], limit: number) {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? encodeCursor(page.at(-1)!.id) : null };
}
