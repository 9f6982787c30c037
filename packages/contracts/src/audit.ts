import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';

export const AuditEntryDto = z.object({
  id: z.number(),
  at: z.string(),
  actorId: z.number().nullable(),
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditListQuery = PageQuery.extend({
  unitId: Id,
  action: z.string().max(100).optional(),
  actorId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
export const AuditPage = pageOf(AuditEntryDto);
