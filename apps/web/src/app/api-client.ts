import { ErrorDto } from '@union/contracts/common';
import type { z } from 'zod';
import { i18n } from './i18n';

const API_BASE = '/api/v1';

type FieldIssue = { path: string; message: string };

/** An error answered by the API, or a transport failure dressed the same way (`status` 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    /** What the caller needs to act on the error (the holder of a citizen ID, probable duplicates…). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type QueryValue = string | number | boolean | undefined;

type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** The contract schema of a successful answer; without one the body is ignored. */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
};

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  const parsed = ErrorDto.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) {
    const { code, message, fields, details } = parsed.data.error;
    return new ApiError(response.status, code, message, fields, details);
  }
  return new ApiError(response.status, 'http.unexpected', i18n.t('errors.unexpected'));
}

/** The one door to the API: same-origin cookie session, UI language, contract-checked answers. */
export async function api<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': i18n.language };
  // A FormData body (an upload) goes out as multipart, with the boundary the browser sets.
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body:
        options.body === undefined
          ? undefined
          : multipart
            ? (options.body as FormData)
            : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'http.network', i18n.t('errors.network'));
  }

  if (!response.ok) throw await toApiError(response);
  if (!options.schema) return undefined as T;
  return options.schema.parse(await response.json());
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('errors.unexpected');
}

/**
 * A file (or a 202 that starts a job instead), asked with the same cookie session and language as
 * `api`; a refusal is read as the API's `{ error }` so the user sees its message, not a broken download.
 */
export async function apiResponse(
  path: string,
  options: { query?: Record<string, QueryValue>; signal?: AbortSignal } = {},
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      credentials: 'same-origin',
      headers: { 'Accept-Language': i18n.language },
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'http.network', i18n.t('errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}
