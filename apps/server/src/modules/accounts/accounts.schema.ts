import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** People who log in: officers by username or e-mail, members by phone number. */
export const accounts = pgTable(
  'accounts',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username'),
    email: text('email'),
    /** Normalised to +84…; the member's login. */
    phone: text('phone'),
    fullName: text('full_name').notNull(),
    fullNameFolded: text('full_name_folded').notNull(),
    passwordHash: text('password_hash').notNull(),
    totpSecret: text('totp_secret'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [
    uniqueIndex('accounts_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('accounts_email_key').on(sql`lower(${t.email})`),
    uniqueIndex('accounts_phone_key').on(t.phone),
    index('accounts_name_idx').on(t.fullNameFolded.op('text_pattern_ops')),
    check('accounts_has_login', sql`coalesce(${t.username}, ${t.email}, ${t.phone}) is not null`),
  ],
);

/** Sessions for the web (cookie) and API clients (bearer): only a SHA-256 of the token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    tokenHash: text('token_hash').notNull(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [uniqueIndex('sessions_token_key').on(t.tokenHash), index('sessions_account_idx').on(t.accountId)],
);

/** Codes sent to a phone or inbox (password reset); stored hashed, single use, short-lived. */
export const oneTimeCodes = pgTable(
  'one_time_codes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    purpose: text('purpose').notNull(),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_codes_account_idx').on(t.accountId, t.purpose, t.createdAt)],
);

/** Roles are data: what each grants, where it may be held, whether it needs two-factor sign-in. */
export const roles = pgTable('roles', {
  code: text('code').primaryKey(),
  nameVi: text('name_vi').notNull(),
  nameEn: text('name_en').notNull(),
  requiresTotp: boolean('requires_totp').notNull().default(false),
  /** Unit types where the role may be held. */
  unitTypes: text('unit_types').array().notNull(),
});

export const rolePermissions = pgTable(
  'role_permissions',
  {
    role: text('role')
      .notNull()
      .references(() => roles.code),
    permission: text('permission').notNull(),
  },
  (t) => [primaryKey({ columns: [t.role, t.permission] })],
);

/** An office: a person holds a role at a unit for a term. Only a current term grants anything. */
export const offices = pgTable(
  'offices',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id),
    unitId: integer('unit_id').notNull(),
    /** Copied from the unit and rewritten when it moves, so scope filters need no join. */
    unitPath: text('unit_path').notNull(),
    role: text('role')
      .notNull()
      .references(() => roles.code),
    termStart: date('term_start', { mode: 'string' }).notNull(),
    termEnd: date('term_end', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by'),
  },
  (t) => [
    index('offices_account_idx').on(t.accountId),
    index('offices_unit_idx').on(t.unitId, t.termStart),
    index('offices_unit_path_idx').on(t.unitPath.op('text_pattern_ops')),
    check('offices_term_order', sql`${t.termEnd} is null or ${t.termEnd} >= ${t.termStart}`),
  ],
);
