import {
  IconBell,
  IconBuildingCommunity,
  IconClipboardList,
  IconDiscount,
  IconHome,
  IconId,
  IconMessageChatbot,
  IconSchool,
  IconSpeakerphone,
  IconUserCircle,
  IconUsersGroup,
  type Icon,
} from '@tabler/icons-react';

type TabLabel =
  | 'memberApp.nav.home'
  | 'memberApp.nav.card'
  | 'memberApp.nav.union'
  | 'memberApp.nav.notifications'
  | 'memberApp.nav.me';
type TileKey = 'card' | 'union' | 'assistant' | 'voice' | 'surveys' | 'profile';

export type MemberNavigationItem = {
  to: string;
  icon: Icon;
  /** Its place in the bottom tab bar, by the tab's short name. Five tabs fill a 360 px phone. */
  tab?: TabLabel;
  /** A tile on the member home (`memberApp.tiles.<key>`: a title and one line on what is there). */
  tile?: TileKey;
  /** A count on the tab. */
  badge?: 'unreadNotifications';
};

/**
 * The member app's screens, in tab order. A capability that ships (assistant, voice, learning,
 * community, market) adds its entry here, as a tile or, if it earns one, a tab, and leaves
 * UPCOMING_CAPABILITIES.
 */
export const MEMBER_NAVIGATION: readonly MemberNavigationItem[] = [
  { to: '/', icon: IconHome, tab: 'memberApp.nav.home' },
  { to: '/card', icon: IconId, tab: 'memberApp.nav.card', tile: 'card' },
  { to: '/my-union', icon: IconBuildingCommunity, tab: 'memberApp.nav.union', tile: 'union' },
  // The five tabs fill a 360 px phone: the assistant and voice are tiles on the home page, a tap apart.
  { to: '/assistant', icon: IconMessageChatbot, tile: 'assistant' },
  { to: '/voice', icon: IconSpeakerphone, tile: 'voice' },
  { to: '/surveys', icon: IconClipboardList, tile: 'surveys' },
  {
    to: '/notifications',
    icon: IconBell,
    tab: 'memberApp.nav.notifications',
    badge: 'unreadNotifications',
  },
  { to: '/members/me', icon: IconUserCircle, tab: 'memberApp.nav.me', tile: 'profile' },
];

export type UpcomingCapability = {
  key: 'learning' | 'community' | 'market';
  icon: Icon;
};

/** Shown on the member home as "coming soon" until each capability has its screens. */
export const UPCOMING_CAPABILITIES: readonly UpcomingCapability[] = [
  { key: 'learning', icon: IconSchool },
  { key: 'community', icon: IconUsersGroup },
  { key: 'market', icon: IconDiscount },
];
