import type { FastifyBaseLogger } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import type { ErrorCode } from '@union/contracts/errors';
import { queryRows, type Db } from '../db/database.js';
import { DomainError } from '../errors.js';
import { jobs } from './jobs.schema.js';

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  accountId: number | null;
  attempts: number;
}

export interface JobContext {
  db: Db;
  job: ClaimedJob;
  /** Records progress (0–1) and renews the lease; call it inside the transaction of each checkpoint. */
  checkpoint(tx: Db, progress: number): Promise<void>;
  /** True once the process is shutting down: stop after the current checkpoint, the job resumes later. */
  stopping(): boolean;
}

export type JobHandler = (context: JobContext) => Promise<Record<string, unknown>>;

/** Thrown by a handler that stopped at a checkpoint because the process is shutting down. */
export class JobInterrupted extends Error {}

const MAX_ATTEMPTS = 3;

export async function enqueueJob(
  db: Db,
  job: { kind: string; payload: Record<string, unknown>; accountId: number | null },
): Promise<number> {
  const [created] = await db.insert(jobs).values(job).returning({ id: jobs.id });
  return created!.id;
}

/**
 * One worker per process, one job at a time: imports and reports are heavy, and PGlite runs one query
 * at a time anyway. Several processes on PostgreSQL share the queue safely through SKIP LOCKED.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private isStopping = false;

  constructor(
    private readonly db: Db,
    private readonly log: FastifyBaseLogger,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly options: { pollMs: number; leaseSeconds: number } = { pollMs: 2000, leaseSeconds: 60 },
  ) {}

  start(): void {
    this.isStopping = false;
    this.schedule(0);
  }

  /** Look for work now (after an enqueue) rather than at the next poll. */
  wake(): void {
    if (!this.isStopping && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.isStopping = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain().finally(() => {
        this.running = undefined;
        if (!this.isStopping) this.schedule(this.options.pollMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    while (!this.isStopping) {
      const job = await this.claim().catch((error: unknown) => {
        this.log.error({ err: error }, 'job claim failed');
        return undefined;
      });
      if (!job) return;
      await this.run(job);
    }
  }

  private async claim(): Promise<ClaimedJob | undefined> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return undefined;
    const [row] = await queryRows<Omit<ClaimedJob, 'accountId'> & { account_id: number | null }>(
      this.db,
      sql`
      update jobs set status = 'running', attempts = attempts + 1,
        lease_until = now() + make_interval(secs => ${this.options.leaseSeconds}),
        started_at = coalesce(started_at, now())
      where id = (
        select id from jobs
        where kind = any(${`{${kinds.join(',')}}`}::text[])
          and (status = 'queued' or (status = 'running' and lease_until < now()))
        order by id limit 1 for update skip locked)
      returning id, kind, payload, account_id, attempts`,
    );
    return row && { ...row, accountId: row.account_id };
  }

  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.kind)!;
    if (job.attempts > MAX_ATTEMPTS) return this.finish(job.id, 'failed', null, 'internal.error');
    const context: JobContext = {
      db: this.db,
      job,
      checkpoint: async (tx, progress) => {
        await tx
          .update(jobs)
          .set({
            progress: Math.min(1, Math.max(0, progress)),
            leaseUntil: sql`now() + make_interval(secs => ${this.options.leaseSeconds})`,
          })
          .where(eq(jobs.id, job.id));
      },
      stopping: () => this.isStopping,
    };
    try {
      const result = await handler(context);
      await this.finish(job.id, 'succeeded', result, null);
    } catch (error) {
      if (error instanceof JobInterrupted) {
        // Give the lease back at once so the next start resumes without waiting for it to lapse.
        await this.db
          .update(jobs)
          .set({ leaseUntil: sql`now()` })
          .where(eq(jobs.id, job.id));
        return;
      }
      const code: ErrorCode = error instanceof DomainError ? error.code : 'internal.error';
      if (code === 'internal.error') this.log.error({ err: error, jobId: job.id }, 'job failed');
      await this.finish(job.id, 'failed', null, code);
    }
  }

  private async finish(
    id: number,
    status: 'succeeded' | 'failed',
    result: Record<string, unknown> | null,
    errorCode: ErrorCode | null,
  ): Promise<void> {
    await this.db
      .update(jobs)
      .set({
        status,
        progress: status === 'succeeded' ? 1 : sql`${jobs.progress}`,
        result,
        error: errorCode ? { code: errorCode, message: '' } : null,
        leaseUntil: null,
        finishedAt: new Date(),
      })
      .where(eq(jobs.id, id));
  }
}
