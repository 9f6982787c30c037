import type { Permission } from '@union/contracts/permissions';
import {
  IconArrowsExchange,
  IconArrowsTransferUp,
  IconBooks,
  IconBell,
  IconBuildingCommunity,
  IconChartBar,
  IconChecklist,
  IconClipboardList,
  IconCreditCard,
  IconDiscount,
  IconFileImport,
  IconGavel,
  IconHome,
  IconId,
  IconIdBadge2,
  IconListDetails,
  IconMailbox,
  IconMessageChatbot,
  IconMessages,
  IconReportAnalytics,
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
    | 'nav.myCard'
    | 'nav.myUnion'
    | 'nav.notifications'
    | 'nav.statistics'
    | 'nav.benefitUses'
    | 'nav.benefitRecord'
    | 'nav.voiceInbox'
    | 'nav.voiceAnalytics'
    | 'nav.surveys'
    | 'nav.myVoice'
    | 'nav.legalCases'
    | 'nav.legalKnowledge'
    | 'nav.assistant'
    | 'nav.audit'
    | 'nav.accounts';
  icon: Icon;
  /** Shown only to users whose offices grant this permission (GET /me `permissions`). */
  permission?: Permission;
  /** The person's own pages as a member, listed apart from the work of their offices. */
  personal?: true;
  /** A count beside the entry. */
  badge?: 'unreadNotifications';
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
  { to: '/statistics', label: 'nav.statistics', icon: IconChartBar, permission: 'statistics.read' },
  { to: '/benefits', label: 'nav.benefitUses', icon: IconDiscount, permission: 'cards.benefits.read' },
  {
    to: '/benefits/record',
    label: 'nav.benefitRecord',
    icon: IconIdBadge2,
    permission: 'cards.benefits.record',
  },
  { to: '/voice/inbox', label: 'nav.voiceInbox', icon: IconMailbox, permission: 'voice.handle' },
  {
    to: '/voice/analytics',
    label: 'nav.voiceAnalytics',
    icon: IconReportAnalytics,
    permission: 'voice.analytics',
  },
  { to: '/surveys/manage', label: 'nav.surveys', icon: IconClipboardList, permission: 'voice.surveys' },
  { to: '/legal-cases', label: 'nav.legalCases', icon: IconGavel, permission: 'legal.consult' },
  {
    to: '/legal-knowledge',
    label: 'nav.legalKnowledge',
    icon: IconBooks,
    permission: 'legal.knowledge.edit',
  },
  { to: '/audit', label: 'nav.audit', icon: IconListDetails, permission: 'audit.read' },
  { to: '/accounts/new', label: 'nav.accounts', icon: IconUserPlus, permission: 'accounts.create' },
  // Every signed-in person may be a member: their own record, union and inbox need no office.
  { to: '/members/me', label: 'nav.myMember', icon: IconId, personal: true },
  { to: '/card', label: 'nav.myCard', icon: IconCreditCard, personal: true },
  { to: '/my-union', label: 'nav.myUnion', icon: IconBuildingCommunity, personal: true },
  { to: '/voice', label: 'nav.myVoice', icon: IconMessages, personal: true },
  { to: '/assistant', label: 'nav.assistant', icon: IconMessageChatbot, personal: true },
  {
    to: '/notifications',
    label: 'nav.notifications',
    icon: IconBell,
    personal: true,
    badge: 'unreadNotifications',
  },
];
