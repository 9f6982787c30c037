import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows, type Database } from '../../kernel/db/database.js';
import { enqueueJob, type JobContext } from '../../kernel/jobs/job-runner.js';
import { jobs } from '../../kernel/jobs/jobs.schema.js';
import { todayInVietnam } from '../../kernel/time.js';
import { unsafeRebuildStatistics } from './statistics.system.js';

export const REBAND_JOB_KIND = 'statistics.reband_ages';

/**
 * Ages are counted by year of birth, so on 1 January every active member moves up a year and the age
 * bands of the live figures must be counted again: once a year, as a job (it recounts every figure).
 * Returns whether a job was queued.
 */
export async function queueAgeRebandIfDue(database: Database): Promise<boolean> {
  const db = database.db;
  const year = Number(todayInVietnam().slice(0, 4));
  const [settings] = await queryRows<{ year: number }>(
    db,
    sql`select age_band_year::int as year from statistics_settings where id = 1`,
  );
  if (!settings || Number(settings.year) >= year) return false;
  const waiting = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.kind, REBAND_JOB_KIND), inArray(jobs.status, ['queued', 'running'])));
  if (waiting.length > 0) return false;
  await enqueueJob(db, { kind: REBAND_JOB_KIND, payload: { year }, accountId: null });
  return true;
}

export function rebandJobHandler() {
  return async (context: JobContext): Promise<Record<string, unknown>> => {
    const { year } = context.job.payload as { year: number };
    await unsafeRebuildStatistics(context.db, year);
    await context.db.transaction((tx) => context.checkpoint(tx, 1));
    return { year };
  };
}
