import { z } from 'zod';
import { PageQuery, pageOf } from './common.js';

/** What the member app's inbox shows. Modules write them when something happens to the person. */
export const NOTIFICATION_KINDS = [
  'card_issued',
  'card_revoked',
  'membership_changed',
  'correction_decided',
  'transfer_decided',
  'voice_received',
  'voice_answered',
  'voice_escalated',
  'voice_assigned',
  'voice_alert',
  'legal_case_received',
  'legal_case_answered',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const NotificationDto = z.object({
  id: z.number(),
  kind: NotificationKind,
  /** Vietnamese, written when the notification is made. */
  title: z.string(),
  body: z.string(),
  /** An app path to open, such as /the-doan-vien. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = PageQuery;
export type NotificationListQuery = z.infer<typeof NotificationListQuery>;

export const NotificationPage = pageOf(NotificationDto).extend({ unread: z.number() });
export type NotificationPage = z.infer<typeof NotificationPage>;

/** Marks as read every notification up to and including this id. */
export const MarkNotificationsReadBody = z.object({ upToId: z.number().int().positive() });
export type MarkNotificationsReadBody = z.infer<typeof MarkNotificationsReadBody>;
