import { ERROR_MESSAGES, type ErrorCode } from '@union/contracts/errors';

/** A field's problem: a stable `code` (its message then follows the caller's language) or a message. */
export type FieldError =
  { path: string; message: string; code?: ErrorCode } | { path: string; code: ErrorCode };

/** A business rule said no. The code is stable; the HTTP status comes from `statusOf`, once. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

const EXACT_STATUS: Partial<Record<ErrorCode, number>> = {
  'request.malformed_json': 400,
  'request.unsupported_media_type': 415,
  'request.too_large': 413,
  'import.too_large': 413,
  // A warning the officer answers ("this is someone else"), like an identity conflict.
  'member.probable_duplicate': 409,
  'validation.failed': 400,
  'internal.error': 500,
  'request.rate_limited': 429,
  'auth.locked': 429,
  'auth.totp_setup_required': 403,
  'auth.wrong_password': 400,
  'auth.reset_code_invalid': 400,
  // Things that go wrong for someone already signed in are not a failed sign-in.
  'auth.totp_code_invalid': 400,
  'auth.totp_already_enabled': 409,
  'auth.totp_not_started': 409,
  'auth.totp_required_by_role': 409,
  'access.denied': 403,
  'job.not_finished': 409,
  'member.account_exists': 409,
  'auth.login_code_invalid': 400,
  'voice.wrong_status': 409,
  'voice.reopen_used': 409,
  'voice.not_author': 403,
  'voice.attachment_type': 415,
  'voice.attachment_too_large': 413,
  'assistant.case_exists': 409,
  'legal_case.wrong_status': 409,
  'legal_case.assigned_to_other': 409,
  'legal_knowledge.wrong_status': 409,
  'legal_knowledge.own_version': 403,
  'survey.not_open': 409,
  'survey.already_answered': 409,
};

/** The one code → HTTP status table: exact entries first, then by the code's shape. */
export function statusOf(code: ErrorCode): number {
  const exact = EXACT_STATUS[code];
  if (exact !== undefined) return exact;
  if (code.endsWith('not_found') || code === 'member.no_own_record') return 404;
  if (code.startsWith('auth.')) return 401;
  if (code.endsWith('_taken') || code.endsWith('_pending') || code === 'office.already_held') return 409;
  return 422;
}

export type Language = 'vi' | 'en';

export const messageOf = (code: ErrorCode, language: Language): string => ERROR_MESSAGES[code][language];
