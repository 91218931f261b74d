import type { RouteObject } from 'react-router';
import { ConfirmEmailChangePage } from './confirm-email-page.js';
import { PrivacyPage } from './privacy-page.js';
import { ProfilePage } from './profile-page.js';
import { SecurityPage } from './security-page.js';
import { SessionsPage } from './sessions-page.js';

export const accountRoutes: RouteObject[] = [
  { path: 'account', Component: SecurityPage },
  { path: 'account/security', Component: SecurityPage },
  { path: 'account/sessions', Component: SessionsPage },
  { path: 'account/profile', Component: ProfilePage },
  { path: 'account/privacy', Component: PrivacyPage },
  { path: 'account/confirm-email', Component: ConfirmEmailChangePage },
];
