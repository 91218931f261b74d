import { ArrowLeft, Building2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useOutletContext, useParams } from 'react-router';
import type { Org, OrgRole } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { cn } from '../../ui/cn.js';
import { Skeleton } from '../../ui/skeleton.js';
import { NotFoundPage } from '../../app/route-error.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { useOrg } from '../../lib/api/orgs.js';
import { roleLabel, roleTone } from '../../lib/org-meta.js';

export interface OrgContext {
  org: Org;
  /** Admins of the organization, and the platform admin. */
  isAdmin: boolean;
  isCoach: boolean;
  myRole: OrgRole | null;
  userId: string;
}

export function useOrgContext(): OrgContext {
  return useOutletContext<OrgContext>();
}

type Section = { to: string; label: string; roles: Array<'admin' | 'coach'> };

export const orgSections: Section[] = [
  { to: 'members', label: 'Members', roles: ['admin', 'coach'] },
  { to: 'teams', label: 'Teams', roles: ['admin'] },
  { to: 'invitations', label: 'Invitations', roles: ['admin', 'coach'] },
  { to: 'assignments', label: 'Assignments', roles: ['admin', 'coach'] },
  { to: 'access', label: 'Access', roles: ['admin'] },
  { to: 'audit', label: 'Audit log', roles: ['admin'] },
  { to: 'settings', label: 'Settings', roles: ['admin'] },
];

export function OrgLayout() {
  const { orgId = '' } = useParams();
  const user = useCurrentUser();
  const org = useOrg(orgId);
  const tabs = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  // On a phone the tab row scrolls sideways: keep the open section's tab in sight.
  useEffect(() => {
    tabs.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname, org.isSuccess]);
  if (!user) return null;

  if (org.isPending) {
    return (
      <div className="space-y-8" aria-busy="true">
        <div className="space-y-3">
          <Skeleton className="h-4 w-28" />
          <Skeleton className="h-9 w-64" />
          <Skeleton className="h-4 w-40" />
        </div>
        <Skeleton className="h-11 w-full" />
        <Skeleton className="h-64 w-full rounded-2xl" />
      </div>
    );
  }
  if (org.isError) {
    if (org.error instanceof ApiError && (org.error.status === 404 || org.error.status === 400)) return <NotFoundPage />;
    return <Alert title="Could not load the organization">{errorMessage(org.error)}</Alert>;
  }

  const myRole = org.data.myRole;
  const superadmin = user.platformRole === 'superadmin';
  const isAdmin = myRole === 'admin' || (superadmin && myRole !== 'coach' && myRole !== 'candidate');
  const isCoach = myRole === 'coach';
  const sections = orgSections.filter((s) => (isAdmin ? s.roles.includes('admin') : isCoach ? s.roles.includes('coach') : false));
  const context: OrgContext = { org: org.data, isAdmin, isCoach, myRole, userId: user.id };

  return (
    <div className="space-y-6">
      <Link to="/orgs" className="inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-fg-muted hover:text-fg">
        <ArrowLeft className="size-4" aria-hidden="true" /> Organizations
      </Link>
      <div className="flex items-start gap-4">
        <span
          className="mt-1 hidden size-12 shrink-0 place-items-center rounded-2xl bg-primary-soft text-primary-soft-fg sm:grid"
          aria-hidden="true"
        >
          <Building2 className="size-6" />
        </span>
        <div className="min-w-0 space-y-1.5">
          <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight break-words text-fg sm:text-3xl">
            {org.data.name}
          </h1>
          <p className="flex flex-wrap items-center gap-2 text-sm text-fg-subtle">
            <span className="sr-only">Your role:</span>
            <Badge tone={myRole ? roleTone[myRole] : 'warning'}>{roleLabel(myRole)}</Badge>
            <span>
              {org.data.memberCount} {org.data.memberCount === 1 ? 'member' : 'members'}
            </span>
          </p>
        </div>
      </div>
      {sections.length === 0 ? (
        <Alert tone="info" title="Nothing to manage here">
          You are a candidate in {org.data.name}. Your coaches schedule interviews for you; they appear on your dashboard.
        </Alert>
      ) : (
        <>
          <nav ref={tabs} aria-label="Organization sections" className="-mx-4 overflow-x-auto border-b border-border px-4 sm:mx-0 sm:px-0">
            <ul className="flex min-w-max gap-1">
              {sections.map((s) => (
                <li key={s.to}>
                  <NavLink
                    to={s.to}
                    className={({ isActive }) =>
                      cn(
                        '-mb-px inline-flex h-11 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2',
                        isActive ? 'border-primary text-fg' : 'border-transparent text-fg-muted hover:border-border-strong hover:text-fg',
                      )
                    }
                  >
                    {s.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <Outlet context={context} />
        </>
      )}
    </div>
  );
}

/** `/orgs/:orgId` opens the first section the person may see. */
export function OrgIndexRedirect() {
  return <Navigate to="members" replace />;
}

/** Wraps a section only admins may open (a coach who types the address gets a clear note). */
export function AdminOnly({ children }: { children: React.ReactNode }) {
  const { isAdmin, org } = useOrgContext();
  if (!isAdmin) {
    return (
      <Alert tone="info" title="Only admins can open this section">
        Ask an admin of {org.name} if you need a change here.
      </Alert>
    );
  }
  return <>{children}</>;
}
