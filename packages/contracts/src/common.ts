import { z } from 'zod';

/** Every error the API returns has this shape; `message` is Vietnamese unless `Accept-Language: en`. */
export const ErrorDto = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z
      .array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() }))
      .optional(),
    /** What the caller needs to act on the error (the holder of a citizen ID, probable duplicates…). */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorDto = z.infer<typeof ErrorDto>;

export const LIST_LIMIT_DEFAULT = 50;
export const LIST_LIMIT_MAX = 200;

/** Ids are PostgreSQL integers: anything larger is malformed input, not a missing record. */
export const ID_MAX = 2_147_483_647;
export const Id = z.coerce.number().int().positive().max(ID_MAX);
export const IdParams = z.object({ id: Id });
export type IdParams = z.infer<typeof IdParams>;

/** A calendar date as the API speaks it: ISO `yyyy-mm-dd` (the UI shows dd/mm/yyyy). */
export const IsoDate = z.iso.date();

/** Opaque cursors: clients pass back what they were given. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(LIST_LIMIT_MAX).default(LIST_LIMIT_DEFAULT),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const HealthDto = z.object({
  status: z.literal('ok'),
  database: z.enum(['pglite', 'postgres']),
  version: z.string(),
});
export type HealthDto = z.infer<typeof HealthDto>;
