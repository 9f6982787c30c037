import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isErrorCode, type ErrorCode } from '@union/contracts/errors';
import { DomainError, messageOf, statusOf, type FieldError, type Language } from '../errors.js';

export const languageOf = (request: FastifyRequest): Language =>
  request.headers['accept-language']?.trim().toLowerCase().startsWith('en') ? 'en' : 'vi';

const FIELD_MESSAGES: Record<string, { vi: string; en: string }> = {
  invalid_type: { vi: 'Thiếu hoặc sai kiểu dữ liệu.', en: 'Missing or of the wrong type.' },
  too_small: { vi: 'Quá ngắn hoặc quá nhỏ.', en: 'Too short or too small.' },
  too_big: { vi: 'Quá dài hoặc quá lớn.', en: 'Too long or too large.' },
  invalid_format: { vi: 'Sai định dạng.', en: 'Wrong format.' },
  invalid_value: { vi: 'Giá trị không nằm trong danh sách cho phép.', en: 'Not one of the allowed values.' },
  unrecognized_keys: { vi: 'Có trường không được phép.', en: 'Unexpected field.' },
};

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
}

/** zod issues → field errors in the caller's language; a schema may name a specific error code instead. */
function fromValidation(issues: ValidationIssue[], language: Language) {
  let code: ErrorCode = 'validation.failed';
  const fields: FieldError[] = issues.map((issue) => {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (issue.message && isErrorCode(issue.message)) {
      if (code === 'validation.failed') code = issue.message;
      return { path, message: messageOf(issue.message, language) };
    }
    const known = FIELD_MESSAGES[issue.keyword];
    return {
      path,
      message: known ? known[language] : (issue.message ?? FIELD_MESSAGES.invalid_value![language]),
    };
  });
  return { code, fields };
}

const inLanguage = (field: FieldError, language: Language) =>
  field.code
    ? { path: field.path, code: field.code, message: messageOf(field.code, language) }
    : { path: field.path, message: 'message' in field ? field.message : '' };

function send(
  reply: FastifyReply,
  language: Language,
  code: ErrorCode,
  fields?: FieldError[],
  status = statusOf(code),
  details?: Record<string, unknown>,
) {
  return reply.code(status).send({
    error: {
      code,
      message: messageOf(code, language),
      ...(fields?.length ? { fields: fields.map((field) => inLanguage(field, language)) } : {}),
      ...(details ? { details } : {}),
    },
  });
}

/** Every failure leaves as {error:{code,message,fields?}}; nothing internal reaches the caller. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const language = languageOf(request);
    if (error instanceof DomainError)
      return send(reply, language, error.code, error.fields, statusOf(error.code), error.details);
    if (hasZodFastifySchemaValidationErrors(error)) {
      // Input that fails its schema is a 400, even when the schema names a specific code for it.
      const { code, fields } = fromValidation(error.validation, language);
      return send(reply, language, code, fields, 400);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(reply, language, 'request.malformed_json');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(reply, language, 'request.unsupported_media_type');
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(reply, language, 'request.too_large');
    }
    if (error.statusCode === 429) return send(reply, language, 'request.rate_limited');
    if (
      error instanceof SyntaxError ||
      (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
    ) {
      request.log.info({ err: error }, 'rejected request');
      return send(reply, language, 'request.malformed_json');
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, language, 'internal.error');
  });
}

export function registerApiNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => send(reply, languageOf(request), 'request.not_found'));
}
