import { z } from 'zod';
import { Id, IsoDate, PageQuery, pageOf } from './common.js';

/** Every action the audit log records; the web app names them in the filter. */
export const AUDIT_ACTIONS = [
  'unit.create',
  'unit.update',
  'unit.move',
  'unit.bulk_move',
  'unit.merge',
  'unit.dissolve',
  'office.assign',
  'office.end',
  'account.create',
  'account.search',
  'auth.login',
  'auth.login_failed',
  'auth.locked',
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.totp_enabled',
  'auth.totp_disabled',
  'member.admit',
  'member.readmit',
  'member.update',
  'member.event',
  'member.read',
  'member.search',
  'member.transfer_request',
  'member.transfer_decide',
  'member.correction_request',
  'member.correction_decide',
  'member.import',
  'member.export',
  'statistics.workforce',
  'card.issue',
  'card.device_bind',
  'card.revoke',
  'card.bulk_issue',
  'card.benefit_use',
  'voice.entered_for_member',
  'voice.read',
  'voice.answer',
  'voice.escalate',
  'voice.pass_on',
  'voice.attachment_read',
  'survey.created',
  'survey.closed',
  'system.first_start',
  'system.demo_data',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

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
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;
export const AuditPage = pageOf(AuditEntryDto);
