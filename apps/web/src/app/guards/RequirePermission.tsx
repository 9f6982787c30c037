import type { Permission } from '@union/contracts/permissions';
import type { ReactNode } from 'react';
import { useCan } from '../../features/auth/session';
import { ForbiddenPage } from '../pages/ForbiddenPage';

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? children : <ForbiddenPage />;
}
