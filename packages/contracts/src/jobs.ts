import { z } from 'zod';

/** Long work off the request path, as the UI polls it. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export const JobDto = z.object({
  id: z.number(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  /** 0 to 1. */
  progress: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobDto = z.infer<typeof JobDto>;
