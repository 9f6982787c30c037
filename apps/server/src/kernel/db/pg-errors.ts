interface PgErrorLike {
  code?: string;
  constraint?: string;
  cause?: unknown;
}

/** Both drivers report SQLSTATE codes; Drizzle may wrap the driver's error in `cause`. */
function pgError(error: unknown): PgErrorLike | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const candidate = current as PgErrorLike;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate;
    current = candidate.cause;
  }
  return undefined;
}

/** A unique constraint said no: the database, not a prior check, is what keeps two writers apart. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const found = pgError(error);
  return found?.code === '23505' && (constraint === undefined || found.constraint === constraint);
}
