import { ERROR_MESSAGES, isErrorCode } from '@union/contracts/errors';
import { z } from 'zod';
import { ApiError } from './api-client';
import { currentLanguage, i18n } from './i18n';

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

type Validation<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

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

const isBlank = (input: unknown) =>
  input === undefined || input === '' || (typeof input === 'number' && Number.isNaN(input));

/**
 * Contract schemas validate forms in the browser too: their generic messages must speak the UI
 * language and the user's terms ("please fill in"), not zod's. Called once at start-up.
 */
export function localizeValidationMessages(): void {
  z.config({
    customError: (issue) => {
      // Optional inputs left blank are dropped before validation, so a blank that fails was required.
      if (issue.code !== 'custom' && isBlank(issue.input)) return i18n.t('validation.required');
      switch (issue.code) {
        case 'too_small':
          return issue.origin === 'string'
            ? i18n.t('validation.tooShort', { min: Number(issue.minimum) })
            : undefined;
        case 'too_big':
          return issue.origin === 'string'
            ? i18n.t('validation.tooLong', { max: Number(issue.maximum) })
            : undefined;
        case 'invalid_format':
          if (issue.format === 'email') return i18n.t('validation.email');
          if (issue.format === 'date') return i18n.t('validation.date');
          return i18n.t('validation.format');
        default:
          return undefined;
      }
    },
  });
}
