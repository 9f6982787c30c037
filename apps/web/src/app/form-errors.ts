import { ERROR_MESSAGES, isErrorCode } from '@union/contracts/errors';
import type { z } from 'zod';
import { ApiError } from './api-client';
import { currentLanguage } from './i18n';

/** Field name → the message to show under that field. */
export type FieldErrors = Partial<Record<string, string>>;

/** Contract refinements carry an API error code as their message: show its text, as the server would. */
function issueMessage(message: string): string {
  return isErrorCode(message) ? ERROR_MESSAGES[message][currentLanguage()] : message;
}

function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter(Boolean);
  return segments.at(-1) ?? path;
}

export type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Checks form values against a contract schema, so the form rejects what the server would.
 * `formatHints` replace the generic message for fields whose rule is a pattern the user must be told.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
  formatHints: FieldErrors = {},
): Validation<z.output<S>> {
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path.at(-1) ?? '');
    const hint = issue.code === 'invalid_format' ? formatHints[name] : undefined;
    errors[name] ??= hint ?? issueMessage(issue.message);
  }
  return { ok: false, errors };
}

/** The per-field messages of a 400 answer, keyed like the form's fields. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const errors: FieldErrors = {};
  for (const field of error.fields) errors[fieldName(field.path)] ??= field.message;
  return errors;
}
