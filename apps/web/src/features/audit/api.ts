import { AuditPage } from '@union/contracts/audit';
import { api } from '../../app/api-client';

const AUDIT_PAGE_SIZE = 50;

export type AuditFilter = { unitId: number; action?: string };

export const fetchAuditPage = ({ unitId, action }: AuditFilter, cursor: string | undefined) =>
  api('/audit', { query: { unitId, action, limit: AUDIT_PAGE_SIZE, cursor }, schema: AuditPage });
