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
