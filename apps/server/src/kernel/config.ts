import path from 'node:path';

/** Everything the service reads from its environment, in one place; the README's table lists the same. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Set: run on PostgreSQL at this URL. Unset: run on the embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demoData: boolean;
  logLevel: string;
  /** Cookies marked Secure: on behind HTTPS, off for plain-HTTP localhost. */
  secureCookies: boolean;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For. */
  trustProxy: boolean;
  sessionDays: number;
  loginRateLimitPerMinute: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** `prompt`: a role that needs TOTP is asked to enrol; `strict`: it can do nothing else until it has. */
  totpEnforcement: 'prompt' | 'strict';
  webDistDir: string;
  /** Who signs union cards: the `iss` of every card credential and status list. */
  cardIssuer: string;
  /** A new card signing key takes over after this many days. */
  cardKeyRotationDays: number;
  /** Card checks per minute per client address on the public verify route. */
  cardVerifyRateLimitPerMinute: number;
  /** Items (concerns, proposals, complaints) one account may raise per hour: a flood is refused. */
  voiceSubmitRateLimitPerHour: number;
  /** Questions to the legal assistant per minute: from one address without a session, from one account with. */
  assistantAnonymousRateLimitPerMinute: number;
  assistantMemberRateLimitPerMinute: number;
}

const flag = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined || value === '' ? fallback : !['0', 'false', 'no', 'off'].includes(value.toLowerCase());

const integer = (name: string, value: string | undefined, fallback: number): number => {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return parsed;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  const totpEnforcement = env.TOTP_ENFORCEMENT ?? 'prompt';
  if (totpEnforcement !== 'prompt' && totpEnforcement !== 'strict') {
    throw new Error(`TOTP_ENFORCEMENT must be "prompt" or "strict", got "${totpEnforcement}"`);
  }
  return {
    port: integer('PORT', env.PORT, 3000),
    host: env.HOST || '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    // Demo data only ever loads by itself on the embedded database; on PostgreSQL it must be asked for.
    demoData: flag(env.DEMO_DATA, databaseUrl === undefined),
    logLevel: env.LOG_LEVEL || 'info',
    secureCookies: flag(env.SECURE_COOKIES, false),
    trustProxy: flag(env.TRUST_PROXY, false),
    sessionDays: integer('SESSION_DAYS', env.SESSION_DAYS, 14),
    loginRateLimitPerMinute: integer('LOGIN_RATE_LIMIT', env.LOGIN_RATE_LIMIT, 20),
    loginMaxFailures: integer('LOGIN_MAX_FAILURES', env.LOGIN_MAX_FAILURES, 5),
    loginLockMinutes: integer('LOGIN_LOCK_MINUTES', env.LOGIN_LOCK_MINUTES, 15),
    totpEnforcement,
    cardIssuer: env.CARD_ISSUER || 'urn:cong-doan-so:cards',
    cardKeyRotationDays: integer('CARD_KEY_ROTATION_DAYS', env.CARD_KEY_ROTATION_DAYS, 90),
    cardVerifyRateLimitPerMinute: integer('CARD_VERIFY_RATE_LIMIT', env.CARD_VERIFY_RATE_LIMIT, 300),
    voiceSubmitRateLimitPerHour: integer('VOICE_SUBMIT_RATE_LIMIT', env.VOICE_SUBMIT_RATE_LIMIT, 20),
    assistantAnonymousRateLimitPerMinute: integer(
      'ASSISTANT_ANONYMOUS_RATE_LIMIT',
      env.ASSISTANT_ANONYMOUS_RATE_LIMIT,
      20,
    ),
    assistantMemberRateLimitPerMinute: integer(
      'ASSISTANT_MEMBER_RATE_LIMIT',
      env.ASSISTANT_MEMBER_RATE_LIMIT,
      60,
    ),
    webDistDir: path.resolve(env.WEB_DIST_DIR || path.join(import.meta.dirname, '../../../web/dist')),
  };
}
