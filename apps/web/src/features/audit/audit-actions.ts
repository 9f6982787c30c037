import { AUDIT_ACTIONS, type AuditAction } from '@union/contracts/audit';

export { AUDIT_ACTIONS, type AuditAction };

/** An action missing from the catalogue (a newer server) still shows, by its code. */
export function isKnownAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
