import type { Permission } from '@union/contracts/permissions';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { CreateAccountPage } from '../features/accounts/CreateAccountPage';
import { AuditPage } from '../features/audit/AuditPage';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage';
import { LoginPage } from '../features/auth/LoginPage';
import { PasswordResetPage } from '../features/auth/PasswordResetPage';
import { TwoFactorPage } from '../features/auth/TwoFactorPage';
import { HomePage } from '../features/home/HomePage';
import { AdmitMemberPage } from '../features/members/AdmitMemberPage';
import { CorrectionsPage } from '../features/members/CorrectionsPage';
import { EditMemberPage } from '../features/members/EditMemberPage';
import { ImportMembersPage } from '../features/members/ImportMembersPage';
import { MemberListPage } from '../features/members/MemberListPage';
import { MemberPage } from '../features/members/MemberPage';
import { MyMemberPage } from '../features/members/MyMemberPage';
import { TransfersPage } from '../features/members/TransfersPage';
import { StatisticsPage } from '../features/statistics/StatisticsPage';
import { BulkMovePage } from '../features/units/BulkMovePage';
import { UnitPage } from '../features/units/UnitPage';
import { UnitTreePage } from '../features/units/UnitTreePage';
import { RequirePermission } from './guards/RequirePermission';
import { RequireSession } from './guards/RequireSession';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './pages/NotFoundPage';
import { RouteErrorPage } from './pages/RouteErrorPage';

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <PasswordResetPage /> },
      {
        path: '/',
        element: (
          <RequireSession>
            <AppLayout />
          </RequireSession>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: 'units', element: guarded('units.read', <UnitTreePage />) },
          { path: 'units/bulk-move', element: guarded('units.move', <BulkMovePage />) },
          { path: 'units/:unitId', element: guarded('units.read', <UnitPage />) },
          { path: 'members', element: guarded('members.read', <MemberListPage />) },
          { path: 'members/new', element: guarded('members.admit', <AdmitMemberPage />) },
          { path: 'members/me', element: <MyMemberPage /> },
          { path: 'members/transfers', element: guarded('members.transfer', <TransfersPage />) },
          { path: 'members/corrections', element: guarded('members.corrections', <CorrectionsPage />) },
          { path: 'members/import', element: guarded('members.import', <ImportMembersPage />) },
          { path: 'members/:memberId', element: guarded('members.read', <MemberPage />) },
          { path: 'members/:memberId/edit', element: guarded('members.update', <EditMemberPage />) },
          { path: 'statistics', element: guarded('statistics.read', <StatisticsPage />) },
          { path: 'statistics/:unitId', element: guarded('statistics.read', <StatisticsPage />) },
          { path: 'audit', element: guarded('audit.read', <AuditPage />) },
          { path: 'accounts/new', element: guarded('accounts.create', <CreateAccountPage />) },
          { path: 'account/password', element: <ChangePasswordPage /> },
          { path: 'account/two-factor', element: <TwoFactorPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
