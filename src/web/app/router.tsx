import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page.js';
import { RegisterPage } from '../features/auth/register-page.js';
import { SetupPage } from '../features/auth/setup-page.js';
import { ResetPasswordPage } from '../features/auth/reset-password-page.js';
import { VerifyEmailPage } from '../features/auth/verify-email-page.js';
import { accountRoutes } from '../features/account/routes.js';
import { DashboardPage } from '../features/dashboard/dashboard-page.js';
import { HistoryPage } from '../features/interviews/history-page.js';
import { InterviewPage } from '../features/interviews/interview-page.js';
import { NewPracticePage } from '../features/interviews/new-practice-page.js';
import { SavedQuestionsPage } from '../features/saved-questions/saved-questions-page.js';
import { SharedReportPage } from '../features/shared-report/shared-report-page.js';
import { MailsPage } from '../features/admin/mails-page.js';
import { UsersPage } from '../features/admin/users-page.js';
import { AcceptInvitationPage } from '../features/invitations/accept-invitation-page.js';
import { NotificationsPage } from '../features/notifications/notifications-page.js';
import { orgRoutes } from '../features/orgs/routes.js';
import { jobDescriptionRoutes } from '../features/job-descriptions/routes.js';
import { resumeRoutes } from '../features/resumes/routes.js';
import { coachRoutes } from '../features/coach/routes.js';
import { proctoringRoutes } from '../features/proctoring/routes.js';
import { AppLayout } from './app-layout.js';
import { GuestOnly, RequireAuth } from './require-auth.js';
import { NotFoundPage, RouteError } from './route-error.js';
import { PageSpinner } from '../ui/spinner.js';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    // A lazy route (a report opened by its link) loads before the first render: show a spinner meanwhile.
    HydrateFallback: () => <PageSpinner />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', Component: LoginPage },
          { path: 'register', Component: RegisterPage },
        ],
      },
      { path: 'setup', Component: SetupPage },
      // Public: a forgotten password, or a mail's link opened on another device.
      { path: 'reset-password', Component: ResetPasswordPage },
      { path: 'verify-email', Component: VerifyEmailPage },
      // Public: the invited person may not have an account yet.
      { path: 'invitations/accept', Component: AcceptInvitationPage },
      // Public: a report a candidate shared; the token is the only key.
      { path: 'shared/:token', Component: SharedReportPage },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, Component: DashboardPage },
              { path: 'practice/new', Component: NewPracticePage },
              {
                path: 'practice/coding',
                lazy: async () => ({ Component: (await import('../features/coding/practice-library-page.js')).PracticeLibraryPage }),
              },
              {
                path: 'practice/coding/:slug',
                lazy: async () => ({ Component: (await import('../features/coding/practice-problem-page.js')).PracticeProblemPage }),
              },
              { path: 'practice/saved', Component: SavedQuestionsPage },
              { path: 'interviews', Component: HistoryPage },
              { path: 'interviews/:id', Component: InterviewPage },
              {
                path: 'interviews/:id/report',
                // Charts are the heaviest code; load them only when a report is opened.
                lazy: async () => ({ Component: (await import('../features/interviews/report-page.js')).ReportPage }),
              },
              ...orgRoutes,
              ...coachRoutes,
              ...proctoringRoutes,
              ...resumeRoutes,
              ...accountRoutes,
              ...jobDescriptionRoutes,
              { path: 'notifications', Component: NotificationsPage },
              { path: 'admin/mails', Component: MailsPage },
              { path: 'admin/users', Component: UsersPage },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
]);
