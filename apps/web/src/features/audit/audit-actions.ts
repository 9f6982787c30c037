/**
 * The actions the server records today, so the filter can offer them by name. An action missing here
 * still shows, by its code.
 */
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
  'auth.logout',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.totp_enabled',
  'auth.totp_disabled',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export function isKnownAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
