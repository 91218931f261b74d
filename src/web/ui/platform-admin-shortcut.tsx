import { ArrowRight, Building2, Plus } from 'lucide-react';
import { Link } from 'react-router';
import { useCurrentUser } from '../lib/api/auth.js';
import { useQuery } from '@tanstack/react-query';
import { orgListQuery } from '../lib/api/orgs.js';
import { buttonClass } from './button.js';

const SHOWN = 5;

/** On a platform admin's dashboard: every organization on the server, to open, and a way to create one. */
export function PlatformAdminShortcut() {
  const user = useCurrentUser();
  const superadmin = user?.platformRole === 'superadmin';
  const orgs = useQuery({ ...orgListQuery(true), enabled: superadmin });
  if (!superadmin) return null;
  // The newest first: on a busy server the ones just made are the ones an admin looks for.
  const items = [...(orgs.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <section aria-labelledby="platform-orgs-heading" className="card space-y-4 p-5" data-testid="platform-orgs">
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex gap-3.5">
          <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
            <Building2 className="size-5" />
          </span>
          <div>
            <h2 id="platform-orgs-heading" className="font-semibold text-fg">
              Organizations on this server
            </h2>
            <p className="text-sm text-fg-muted">
              {orgs.isPending
                ? 'Schools, bootcamps and hiring teams that use Panelist here.'
                : orgs.isError
                  ? 'The list could not be loaded; open the organizations page to try again.'
                  : items.length === 0
                    ? 'None yet. Create the first, then invite its admins, coaches and candidates.'
                    : `${items.length} ${items.length === 1 ? 'organization' : 'organizations'}, newest first. As platform admin you can open any of them.`}
            </p>
          </div>
        </div>
        <Link to="/orgs/new" className={buttonClass(items.length === 0 ? 'primary' : 'secondary', 'md', 'w-full sm:w-auto')}>
          <Plus className="size-4" aria-hidden="true" /> New organization
        </Link>
      </div>
      {items.length > 0 ? (
        <ul className="divide-y divide-border rounded-xl border border-border">
          {items.slice(0, SHOWN).map((o) => (
            <li key={o.id}>
              <Link
                to={`/orgs/${o.id}`}
                className="flex items-center justify-between gap-3 px-4 py-3 text-sm font-medium text-fg hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="truncate">{o.name}</span>
                <ArrowRight className="size-4 shrink-0 text-fg-subtle" aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {items.length > SHOWN ? (
        <Link to="/orgs?all=1" className="inline-block text-sm font-medium text-primary underline-offset-4 hover:underline">
          All {items.length} organizations
        </Link>
      ) : null}
    </section>
  );
}
