import { Building2, ChevronRight, Plus, Users } from 'lucide-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Org } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { buttonClass } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { canManage, useOrgList } from '../../lib/api/orgs.js';
import { roleLabel, roleTone } from '../../lib/org-meta.js';

export function OrgsPage() {
  const user = useCurrentUser();
  const superadmin = user?.platformRole === 'superadmin';
  // ?all=1 (the platform admin's links) opens with every organization on the server.
  const [params] = useSearchParams();
  const [all, setAll] = useState(() => superadmin && params.get('all') === '1');
  const orgs = useOrgList(all);

  return (
    <div className="space-y-8">
      <title>Organizations · Panelist</title>
      <PageHeader
        title="Organizations"
        description="Organizations bring admins, coaches and candidates together: coaches schedule interviews for the candidates assigned to them."
        actions={
          <Link to="/orgs/new" className={buttonClass('primary')}>
            <Plus className="size-4" aria-hidden="true" /> New organization
          </Link>
        }
      />
      {superadmin ? (
        <label className="flex w-fit items-center gap-2.5 text-sm text-fg-muted">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} className="size-4 accent-primary" />
          Show every organization on this server
        </label>
      ) : null}
      <section aria-label="Your organizations">
        {orgs.isPending ? (
          <ul className="grid gap-4 sm:grid-cols-2" aria-hidden="true">
            {[0, 1].map((i) => (
              <li key={i} className="card space-y-3 p-5">
                <Skeleton className="h-5 w-1/2" />
                <Skeleton className="h-4 w-1/3" />
              </li>
            ))}
          </ul>
        ) : orgs.isError ? (
          <Alert title="Could not load your organizations">{errorMessage(orgs.error)}</Alert>
        ) : orgs.data.items.length === 0 ? (
          <EmptyState />
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2">
            {orgs.data.items.map((o) => (
              <OrgCard key={o.id} org={o} superadmin={superadmin} />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function OrgCard({ org, superadmin }: { org: Org; superadmin: boolean }) {
  const manageable = canManage(org.myRole, superadmin);
  const body = (
    <>
      <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
        <Building2 className="size-5" />
      </span>
      <span className="min-w-0 flex-1 space-y-1">
        <span className="block truncate font-semibold text-fg">{org.name}</span>
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
          <Badge tone={org.myRole ? roleTone[org.myRole] : 'warning'}>{roleLabel(org.myRole)}</Badge>
          <span className="inline-flex items-center gap-1">
            <Users className="size-3.5" aria-hidden="true" />
            {org.memberCount} {org.memberCount === 1 ? 'member' : 'members'}
          </span>
          <span aria-hidden="true">·</span>
          <span>since {formatDate(org.createdAt)}</span>
        </span>
        {!manageable ? (
          <span className="block text-sm text-fg-muted">You take part as a candidate; your coaches schedule your interviews.</span>
        ) : null}
      </span>
      {manageable ? (
        <ChevronRight className="size-4 shrink-0 text-fg-subtle transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      ) : null}
    </>
  );
  return (
    <li>
      {manageable ? (
        <Link
          to={`/orgs/${org.id}`}
          className="card group flex items-center gap-4 p-5 transition-colors hover:border-border-strong hover:bg-surface-muted/40"
        >
          {body}
        </Link>
      ) : (
        <div className="card flex items-center gap-4 p-5">{body}</div>
      )}
    </li>
  );
}

function EmptyState() {
  return (
    <div className="card flex flex-col items-center px-6 py-14 text-center">
      <span className="mb-4 grid size-14 place-items-center rounded-2xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
        <Building2 className="size-7" />
      </span>
      <h2 className="text-lg font-semibold text-fg">No organizations yet</h2>
      <p className="mt-1 max-w-md text-fg-muted">
        Create one for your school, bootcamp or hiring team, then invite coaches and candidates by email. Invitations you accept show up
        here too.
      </p>
      <Link to="/orgs/new" className={buttonClass('primary', 'md', 'mt-6')}>
        <Plus className="size-4" aria-hidden="true" /> Create an organization
      </Link>
    </div>
  );
}
