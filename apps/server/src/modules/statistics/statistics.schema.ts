import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { bytea } from '../../kernel/db/columns.js';

/**
 * Live figures of every unit's whole subtree, one row per (unit, figure): a subtree's statistics are
 * one index range read, never a scan of members or a sum over thousands of units. Database triggers
 * (migration 0008) add each change to the unit and all its ancestors in the same transaction as the
 * change itself — admissions, lifecycle events, transfers, imports by COPY, merges, moves, seeds alike.
 * The Confederation has no rows: its figures are the sum of its children's, so that admissions across
 * the country do not queue on one row. `stats:verify` recounts them from members and events.
 *
 * Metrics: `status.<status>`, `active.female|male|foreign|honorary|dues_exempt`, `age.<band>` (active
 * members by year of birth, as of `statistics_settings.age_band_year`), `unit.<type>` (active units),
 * `workforce.workers|female_workers|units` (latest declarations).
 */
export const unitFigures = pgTable(
  'unit_figures',
  {
    unitId: integer('unit_id').notNull(),
    metric: text('metric').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.metric] })],
);

/**
 * Membership movements of every unit's subtree by month of effect, from the member events: admitted,
 * readmitted, reinstated, transferred_in/out, left, expelled, deceased, and `current_net` — the net change
 * in current members (active or suspended), from which the members at the end of any month follow.
 */
export const unitMonthlyMovements = pgTable(
  'unit_monthly_movements',
  {
    unitId: integer('unit_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.month, t.metric] })],
);

/** One row: the year the age bands of the live figures are counted for (re-counted each new year). */
export const statisticsSettings = pgTable(
  'statistics_settings',
  {
    id: smallint('id').primaryKey().default(1),
    ageBandYear: smallint('age_band_year').notNull(),
  },
  (t) => [check('statistics_settings_single', sql`${t.id} = 1`)],
);

/** A grassroots union's declared workforce (tổng số CNVCLĐ) as of a date; the latest one counts. */
export const unitWorkforce = pgTable(
  'unit_workforce',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    unitId: integer('unit_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    workers: integer('workers').notNull(),
    femaleWorkers: integer('female_workers').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    recordedBy: integer('recorded_by'),
  },
  (t) => [
    uniqueIndex('unit_workforce_unit_as_of_key').on(t.unitId, t.asOf),
    check(
      'unit_workforce_counts_check',
      sql`${t.workers} >= 0 and ${t.femaleWorkers} >= 0 and ${t.femaleWorkers} <= ${t.workers}`,
    ),
  ],
);

/** A generated report file, kept for its job's creator to download. */
export const statisticsReportFiles = pgTable(
  'statistics_report_files',
  {
    jobId: integer('job_id').primaryKey(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('statistics_report_files_created_idx').on(t.createdAt)],
);
