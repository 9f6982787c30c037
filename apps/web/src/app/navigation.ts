import type { Permission } from '@union/contracts/permissions';
import {
  IconArrowsTransferUp,
  IconHome,
  IconListDetails,
  IconSitemap,
  IconUserPlus,
  type Icon,
} from '@tabler/icons-react';

export type NavigationItem = {
  to: string;
  label: 'nav.home' | 'nav.units' | 'nav.bulkMove' | 'nav.audit' | 'nav.accounts';
  icon: Icon;
  /** Shown only to users whose offices grant this permission (GET /me `permissions`). */
  permission?: Permission;
};

export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  { to: '/units', label: 'nav.units', icon: IconSitemap, permission: 'units.read' },
  { to: '/units/bulk-move', label: 'nav.bulkMove', icon: IconArrowsTransferUp, permission: 'units.move' },
  { to: '/audit', label: 'nav.audit', icon: IconListDetails, permission: 'audit.read' },
  { to: '/accounts/new', label: 'nav.accounts', icon: IconUserPlus, permission: 'accounts.create' },
];
