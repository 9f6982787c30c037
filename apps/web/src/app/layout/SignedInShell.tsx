import { lazy, Suspense } from 'react';
import { useLocation } from 'react-router';
import { useMe } from '../../features/auth/session';
import { preloadMemberHome } from '../../features/home/HomePage';
import { LoadingState } from '../../ui/states';
import { usesMemberApp } from '../faces';

const loadMemberLayout = () => import('./MemberLayout');
const ConsoleLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const MemberLayout = lazy(() => loadMemberLayout().then((m) => ({ default: m.MemberLayout })));

/**
 * Fetches the member app's frame and home ahead of need: while someone types their password, most of
 * whom are members. Fetched twice, a module is still loaded once.
 */
export function preloadMemberApp(): void {
  void loadMemberLayout();
  preloadMemberHome();
}

/** The face chosen by role: a member downloads the member app's frame, an officer the console's. */
export function SignedInShell() {
  const memberApp = usesMemberApp(useMe());
  const { pathname } = useLocation();
  // The home page is where a member lands: its code loads beside the frame's, not after it.
  if (memberApp && pathname === '/') preloadMemberHome();
  return <Suspense fallback={<LoadingState />}>{memberApp ? <MemberLayout /> : <ConsoleLayout />}</Suspense>;
}
