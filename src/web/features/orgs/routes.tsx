import type { RouteObject } from 'react-router';
import { AccessTab } from './access-tab.js';
import { AssignmentsTab } from './assignments-tab.js';
import { AuditLogTab } from './audit-log-tab.js';
import { InvitationsTab } from './invitations-tab.js';
import { MembersTab } from './members-tab.js';
import { NewOrgPage } from './new-org-page.js';
import { OrgIndexRedirect, OrgLayout } from './org-layout.js';
import { OrgsPage } from './orgs-page.js';
import { SettingsTab } from './settings-tab.js';
import { TeamsTab } from './teams-tab.js';

/** The Organization area, mounted inside the signed-in app layout. */
export const orgRoutes: RouteObject[] = [
  { path: 'orgs', Component: OrgsPage },
  { path: 'orgs/new', Component: NewOrgPage },
  {
    path: 'orgs/:orgId',
    Component: OrgLayout,
    children: [
      { index: true, Component: OrgIndexRedirect },
      { path: 'members', Component: MembersTab },
      { path: 'teams', Component: TeamsTab },
      { path: 'invitations', Component: InvitationsTab },
      { path: 'assignments', Component: AssignmentsTab },
      { path: 'access', Component: AccessTab },
      { path: 'audit', Component: AuditLogTab },
      { path: 'settings', Component: SettingsTab },
    ],
  },
];
