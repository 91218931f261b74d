import { createBrowserRouter } from 'react-router';
import { LoginPage } from '../features/auth/login-page.js';
import { RegisterPage } from '../features/auth/register-page.js';
import { SetupPage } from '../features/auth/setup-page.js';
import { DashboardPage } from '../features/dashboard/dashboard-page.js';
import { HistoryPage } from '../features/interviews/history-page.js';
import { InterviewPage } from '../features/interviews/interview-page.js';
import { NewPracticePage } from '../features/interviews/new-practice-page.js';
import { MailsPage } from '../features/admin/mails-page.js';
import { AcceptInvitationPage } from '../features/invitations/accept-invitation-page.js';
import { NotificationsPage } from '../features/notifications/notifications-page.js';
import { orgRoutes } from '../features/orgs/routes.js';
import { jobDescriptionRoutes } from '../features/job-descriptions/routes.js';
import { resumeRoutes } from '../features/resumes/routes.js';
import { coachRoutes } from '../features/coach/routes.js';
import { AppLayout } from './app-layout.js';
import { GuestOnly, RequireAuth } from './require-auth.js';
import { NotFoundPage, RouteError } from './route-error.js';

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <GuestOnly />,
        children: [
          { path: 'login', Component: LoginPage },
          { path: 'register', Component: RegisterPage },
        ],
      },
      { path: 'setup', Component: SetupPage },
      // Public: the invited person may not have an account yet.
      { path: 'invitations/accept', Component: AcceptInvitationPage },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, Component: DashboardPage },
              { path: 'practice/new', Component: NewPracticePage },
              { path: 'interviews', Component: HistoryPage },
              { path: 'interviews/:id', Component: InterviewPage },
              {
                path: 'interviews/:id/report',
                // Charts are the heaviest code; load them only when a report is opened.
                lazy: async () => ({ Component: (await import('../features/interviews/report-page.js')).ReportPage }),
              },
              ...orgRoutes,
              ...coachRoutes,
              ...resumeRoutes,
              ...jobDescriptionRoutes,
              { path: 'notifications', Component: NotificationsPage },
              { path: 'admin/mails', Component: MailsPage },
              { path: '*', Component: NotFoundPage },
            ],
          },
        ],
      },
    ],
  },
]);
