import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { and, eq } from 'drizzle-orm';
import { IdParams } from '@union/contracts/common';
import { JobDto } from '@union/contracts/jobs';
import type { ErrorCode } from '@union/contracts/errors';
import { actorOf } from '../auth/auth.plugin.js';
import { DomainError, messageOf } from '../errors.js';
import { languageOf } from '../http/error-handler.js';
import { jobs } from './jobs.schema.js';

/** A job is its starter's: anyone else is told it does not exist. */
export const jobsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/jobs/:id',
    {
      config: { authenticated: true },
      schema: { tags: ['jobs'], params: IdParams, response: { 200: JobDto } },
    },
    async (request) => {
      const actor = actorOf(request);
      const [job] = await app.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, request.params.id), eq(jobs.accountId, actor.accountId)));
      if (!job) throw new DomainError('job.not_found');
      const errorCode = job.error?.code as ErrorCode | undefined;
      return {
        id: job.id,
        kind: job.kind,
        status: job.status as JobDto['status'],
        progress: job.progress,
        result: job.result ?? null,
        error: errorCode ? { code: errorCode, message: messageOf(errorCode, languageOf(request)) } : null,
        createdAt: job.createdAt.toISOString(),
        finishedAt: job.finishedAt?.toISOString() ?? null,
      };
    },
  );
};
