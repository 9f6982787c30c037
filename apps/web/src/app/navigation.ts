import type { Permission } from '@union/contracts/permissions';
import {
  IconArrowsExchange,
  IconArrowsTransferUp,
  IconChartBar,
  IconChecklist,
  IconFileImport,
  IconHome,
  IconId,
  IconListDetails,
  IconSitemap,
  IconUserPlus,
  IconUsers,
  type Icon,
} from '@tabler/icons-react';

export type NavigationItem = {
  to: string;
  label:
    | 'nav.home'
    | 'nav.units'
    | 'nav.bulkMove'
    | 'nav.members'
    | 'nav.memberTransfers'
    | 'nav.memberCorrections'
    | 'nav.memberImport'
    | 'nav.myMember'
    | 'nav.statistics'
    | 'nav.audit'
    | 'nav.accounts';
  icon: Icon;
  /** Shown only to users whose offices grant this permission (GET /me `permissions`). */
  permission?: Permission;
};

export const NAVIGATION: readonly NavigationItem[] = [
  { to: '/', label: 'nav.home', icon: IconHome },
  { to: '/units', label: 'nav.units', icon: IconSitemap, permission: 'units.read' },
  { to: '/units/bulk-move', label: 'nav.bulkMove', icon: IconArrowsTransferUp, permission: 'units.move' },
  { to: '/members', label: 'nav.members', icon: IconUsers, permission: 'members.read' },
  {
    to: '/members/transfers',
    label: 'nav.memberTransfers',
    icon: IconArrowsExchange,
    permission: 'members.transfer',
  },
  {
    to: '/members/corrections',
    label: 'nav.memberCorrections',
    icon: IconChecklist,
    permission: 'members.corrections',
  },
  { to: '/members/import', label: 'nav.memberImport', icon: IconFileImport, permission: 'members.import' },
  // Every signed-in person may be a member: their own record needs no office.
  { to: '/members/me', label: 'nav.myMember', icon: IconId },
  { to: '/statistics', label: 'nav.statistics', icon: IconChartBar, permission: 'statistics.read' },
  { to: '/audit', label: 'nav.audit', icon: IconListDetails, permission: 'audit.read' },
  { to: '/accounts/new', label: 'nav.accounts', icon: IconUserPlus, permission: 'accounts.create' },
];
