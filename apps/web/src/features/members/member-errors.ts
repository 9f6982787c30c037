import { ERROR_MESSAGES, type ErrorCode } from '@union/contracts/errors';
import { ApiError } from '../../app/api-client';
import { currentLanguage } from '../../app/i18n';

/** Refusals about an event's date belong under the date field rather than above the buttons. */
const DATE_CODES = new Set(['member.date_in_future', 'member.event_before_last']);

export function isDateRefusal(error: unknown): error is ApiError {
  return error instanceof ApiError && DATE_CODES.has(error.code);
}

/** An API error code's message in the UI language, for the checks the form makes before asking. */
export function codeMessage(code: ErrorCode): string {
  return ERROR_MESSAGES[code][currentLanguage()];
}
