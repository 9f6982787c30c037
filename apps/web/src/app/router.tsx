import type { Permission } from '@union/contracts/permissions';
import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { HomePage } from '../features/home/HomePage';
import { RequirePermission } from './guards/RequirePermission';
import { type OfflineRouteHandle, RequireSession } from './guards/RequireSession';
import { preloadMemberApp, SignedInShell } from './layout/SignedInShell';
import { LoadingState } from '../ui/states';
import { RouteErrorPage } from './pages/RouteErrorPage';

/**
 * A page loaded when its route is first visited: a member on a phone downloads the shell, the login
 * page and the member pages, never the officer console's screens.
 */
function page(load: () => Promise<ComponentType>, permission?: Permission): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return {
        element: permission ? (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ) : (
          <Page />
        ),
      };
    },
  };
}

/**
 * The login page; the member app's code comes while the password is being typed (most who sign in
 * are members), from the first keystroke, so that it never competes with the page's own first load.
 */
function LoginRoute() {
  return (
    <div onInputCapture={preloadMemberApp}>
      <LoginPage />
    </div>
  );
}

export const router = createBrowserRouter([
  {
    errorElement: <RouteErrorPage />,
    // Opened straight at a page (a link, a reload), its code loads before anything is drawn.
    hydrateFallbackElement: <LoadingState />,
    children: [
      // Part of the first load: it is where a member's first visit starts.
      { path: '/login', element: <LoginRoute /> },
      {
        path: '/forgot-password',
        ...page(() => import('../features/auth/PasswordResetPage').then((m) => m.PasswordResetPage)),
      },
      // Anyone may check a union card, signed in or not.
      {
        path: '/verify',
        ...page(() => import('../features/cards/VerifyCardPage').then((m) => m.VerifyCardPage)),
      },
      // The legal assistant and the law it cites are public: anyone may ask, signed in or not.
      {
        path: '/tro-ly-phap-luat',
        ...page(() => import('../features/assistant/PublicAssistantPage').then((m) => m.PublicAssistantPage)),
      },
      {
        path: '/phap-luat',
        ...page(() => import('../features/assistant/LawDocumentsPage').then((m) => m.LawDocumentsPage)),
      },
      {
        // The document's number carries slashes ("45/2019/QH14"): it goes in the query, `?so=`.
        path: '/phap-luat/van-ban',
        ...page(() => import('../features/assistant/LawDocumentPage').then((m) => m.LawDocumentPage)),
      },
      {
        path: '/phap-luat/dieu/:articleId',
        ...page(() => import('../features/assistant/LawArticlePage').then((m) => m.LawArticlePage)),
      },
      {
        path: '/',
        element: (
          <RequireSession>
            <SignedInShell />
          </RequireSession>
        ),
        children: [
          // A small switch between the two faces' home pages, each loaded when needed.
          { index: true, element: <HomePage /> },
          // The member app; officers reach the same pages from the console's "personal" entries.
          {
            path: 'members/me',
            ...page(() => import('../features/member-app/MyProfilePage').then((m) => m.MyProfilePage)),
          },
          {
            path: 'my-union',
            ...page(() => import('../features/member-app/MyUnionPage').then((m) => m.MyUnionPage)),
          },
          {
            path: 'notifications',
            ...page(() =>
              import('../features/member-app/NotificationsPage').then((m) => m.NotificationsPage),
            ),
          },
          {
            path: 'card',
            // Offline the card opens from what the phone keeps, without asking who is signed in.
            handle: { worksOffline: true } satisfies OfflineRouteHandle,
            ...page(() => import('../features/cards/MyCardPage').then((m) => m.MyCardPage)),
          },
          // Members' voice: concerns, proposals, complaints and surveys. The member's screens need a
          // session only; the item page serves the member and the handling officer alike (`can`).
          {
            path: 'voice',
            ...page(() => import('../features/voice/MyVoicePage').then((m) => m.MyVoicePage)),
          },
          {
            path: 'voice/new',
            ...page(() => import('../features/voice/SubmitVoicePage').then((m) => m.SubmitVoicePage)),
          },
          {
            path: 'voice/proposals',
            ...page(() => import('../features/voice/ProposalsPage').then((m) => m.ProposalsPage)),
          },
          {
            path: 'voice/inbox',
            ...page(
              () => import('../features/voice/VoiceInboxPage').then((m) => m.VoiceInboxPage),
              'voice.handle',
            ),
          },
          {
            // Without a unit: the top unit of the caller's scope.
            path: 'voice/analytics/:unitId?',
            ...page(
              () => import('../features/voice/VoiceAnalyticsPage').then((m) => m.VoiceAnalyticsPage),
              'voice.analytics',
            ),
          },
          {
            path: 'voice/:itemId',
            ...page(() => import('../features/voice/VoiceItemPage').then((m) => m.VoiceItemPage)),
          },
          {
            path: 'surveys',
            ...page(() => import('../features/voice/MySurveysPage').then((m) => m.MySurveysPage)),
          },
          {
            path: 'surveys/manage',
            ...page(
              () => import('../features/voice/ManagedSurveysPage').then((m) => m.ManagedSurveysPage),
              'voice.surveys',
            ),
          },
          {
            path: 'surveys/new',
            ...page(
              () => import('../features/voice/SurveyBuilderPage').then((m) => m.SurveyBuilderPage),
              'voice.surveys',
            ),
          },
          {
            path: 'surveys/:surveyId',
            ...page(() => import('../features/voice/SurveyPage').then((m) => m.SurveyPage)),
          },
          {
            path: 'surveys/:surveyId/results',
            ...page(
              () => import('../features/voice/SurveyResultsPage').then((m) => m.SurveyResultsPage),
              'voice.surveys',
            ),
          },
          // The legal assistant in the member app: the chat, and the conversations asked before.
          {
            path: 'assistant',
            ...page(() => import('../features/assistant/AssistantPage').then((m) => m.AssistantPage)),
          },
          // The legal advisers' cases and the assistant's curated knowledge.
          {
            path: 'legal-cases',
            ...page(
              () => import('../features/assistant/LegalCasesPage').then((m) => m.LegalCasesPage),
              'legal.consult',
            ),
          },
          {
            path: 'legal-cases/:caseId',
            ...page(
              () => import('../features/assistant/LegalCasePage').then((m) => m.LegalCasePage),
              'legal.consult',
            ),
          },
          {
            path: 'legal-knowledge',
            ...page(
              () => import('../features/assistant/KnowledgePage').then((m) => m.KnowledgePage),
              'legal.knowledge.edit',
            ),
          },
          {
            path: 'legal-knowledge/new',
            ...page(
              () =>
                import('../features/assistant/NewKnowledgeAnswerPage').then((m) => m.NewKnowledgeAnswerPage),
              'legal.knowledge.edit',
            ),
          },
          {
            path: 'legal-knowledge/:answerId',
            ...page(
              () => import('../features/assistant/KnowledgeAnswerPage').then((m) => m.KnowledgeAnswerPage),
              'legal.knowledge.edit',
            ),
          },
          // The officer console.
          {
            path: 'units',
            ...page(() => import('../features/units/UnitTreePage').then((m) => m.UnitTreePage), 'units.read'),
          },
          {
            path: 'units/bulk-move',
            ...page(() => import('../features/units/BulkMovePage').then((m) => m.BulkMovePage), 'units.move'),
          },
          {
            path: 'units/:unitId',
            ...page(() => import('../features/units/UnitPage').then((m) => m.UnitPage), 'units.read'),
          },
          {
            path: 'members',
            ...page(
              () => import('../features/members/MemberListPage').then((m) => m.MemberListPage),
              'members.read',
            ),
          },
          {
            path: 'members/new',
            ...page(
              () => import('../features/members/AdmitMemberPage').then((m) => m.AdmitMemberPage),
              'members.admit',
            ),
          },
          {
            path: 'members/transfers',
            ...page(
              () => import('../features/members/TransfersPage').then((m) => m.TransfersPage),
              'members.transfer',
            ),
          },
          {
            path: 'members/corrections',
            ...page(
              () => import('../features/members/CorrectionsPage').then((m) => m.CorrectionsPage),
              'members.corrections',
            ),
          },
          {
            path: 'members/import',
            ...page(
              () => import('../features/members/ImportMembersPage').then((m) => m.ImportMembersPage),
              'members.import',
            ),
          },
          {
            path: 'members/:memberId',
            ...page(() => import('../features/members/MemberPage').then((m) => m.MemberPage), 'members.read'),
          },
          {
            path: 'members/:memberId/edit',
            ...page(
              () => import('../features/members/EditMemberPage').then((m) => m.EditMemberPage),
              'members.update',
            ),
          },
          {
            path: 'statistics',
            ...page(
              () => import('../features/statistics/StatisticsPage').then((m) => m.StatisticsPage),
              'statistics.read',
            ),
          },
          {
            path: 'statistics/:unitId',
            ...page(
              () => import('../features/statistics/StatisticsPage').then((m) => m.StatisticsPage),
              'statistics.read',
            ),
          },
          // Members' cards: benefit use per unit for officers, recording a benefit for partner merchants.
          {
            path: 'benefits',
            ...page(
              () => import('../features/cards/officer/BenefitUsePage').then((m) => m.BenefitUsePage),
              'cards.benefits.read',
            ),
          },
          {
            path: 'benefits/:unitId',
            ...page(
              () => import('../features/cards/officer/BenefitUsePage').then((m) => m.BenefitUsePage),
              'cards.benefits.read',
            ),
          },
          {
            path: 'benefits/record',
            ...page(
              () => import('../features/cards/officer/RecordBenefitPage').then((m) => m.RecordBenefitPage),
              'cards.benefits.record',
            ),
          },
          {
            path: 'audit',
            ...page(() => import('../features/audit/AuditPage').then((m) => m.AuditPage), 'audit.read'),
          },
          {
            path: 'accounts/new',
            ...page(
              () => import('../features/accounts/CreateAccountPage').then((m) => m.CreateAccountPage),
              'accounts.create',
            ),
          },
          {
            path: 'account/password',
            ...page(() => import('../features/auth/ChangePasswordPage').then((m) => m.ChangePasswordPage)),
          },
          {
            path: 'account/two-factor',
            ...page(() => import('../features/auth/TwoFactorPage').then((m) => m.TwoFactorPage)),
          },
          { path: '*', ...page(() => import('./pages/NotFoundPage').then((m) => m.NotFoundPage)) },
        ],
      },
    ],
  },
]);
