import { lazy } from 'react';
import { usesMemberApp } from '../../app/faces';
import { useMe } from '../auth/session';

const loadMemberHome = () => import('./MemberHomePage');
const MemberHomePage = lazy(() => loadMemberHome().then((m) => ({ default: m.MemberHomePage })));
const OfficerHomePage = lazy(() => import('./OfficerHomePage').then((m) => ({ default: m.OfficerHomePage })));

/** Starts fetching the member home's code as soon as the face is known, beside the layout's. */
export function preloadMemberHome(): void {
  void loadMemberHome();
}

/** Each face has its own home; the layout's Suspense shows the wait. */
export function HomePage() {
  return usesMemberApp(useMe()) ? <MemberHomePage /> : <OfficerHomePage />;
}
