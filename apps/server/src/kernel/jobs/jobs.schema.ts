import { index, integer, jsonb, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Long work off the request path (imports, national exports, reports). A worker claims a job with
 * `FOR UPDATE SKIP LOCKED` and holds a lease it renews; a job whose lease lapsed (the process died) is
 * claimed again and its handler resumes from the checkpoint it committed.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    status: text('status').notNull().default('queued'),
    progress: real('progress').notNull().default(0),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: jsonb('error').$type<{ code: string; message: string }>(),
    /** Who started it: only they (and the system) see it. */
    accountId: integer('account_id'),
    attempts: integer('attempts').notNull().default(0),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_claim_idx').on(t.status, t.leaseUntil),
    index('jobs_account_idx').on(t.accountId, t.id),
  ],
);
