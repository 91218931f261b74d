import { Search } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { AdminUser } from '../../../contract/index.js';
import { NotFoundPage } from '../../app/route-error.js';
import { errorMessage } from '../../lib/api-client.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useAdminUsers, useSetPlatformRole, useUserAction } from './api.js';
import { SignInFailuresCard } from './components/sign-in-failures-card.js';

const PAGE_SIZE = 20;
const STATUSES = [
  { value: '', label: 'Everyone' },
  { value: 'active', label: 'Active' },
  { value: 'deactivated', label: 'Deactivated' },
] as const;

/** The platform admin's accounts: find someone, switch them off or on, change their role. */
export function UsersPage() {
  const user = useCurrentUser();
  if (!user) return null;
  if (user.platformRole !== 'superadmin') return <NotFoundPage />;
  return <Users selfId={user.id} />;
}

function Users({ selfId }: { selfId: string }) {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as '' | 'active' | 'deactivated';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const users = useAdminUsers({ q: q || undefined, status: status || undefined, page, limit: PAGE_SIZE });
  const action = useUserAction();
  const role = useSetPlatformRole();

  function update(next: Record<string, string | undefined>) {
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(next)) {
        if (v) p.set(k, v);
        else p.delete(k);
      }
      return p;
    });
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: search.trim() || undefined, page: undefined });
  };
  const failure = action.error ?? role.error;

  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <title>Users · Panelist</title>
      <PageHeader title="Users" description="Every account on this Panelist. Changes here are written to the audit log." />
      <SignInFailuresCard />
      <form onSubmit={submit} role="search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="relative flex-1">
          <TextField label="Name or email" name="q" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
          <Search className="pointer-events-none absolute bottom-3.5 left-3.5 size-4 text-fg-subtle" aria-hidden="true" />
        </div>
        <label className="flex flex-col gap-1.5 text-sm font-medium text-fg">
          Status
          <select
            name="status"
            value={status}
            onChange={(e) => update({ status: e.target.value || undefined, page: undefined })}
            className="h-11 rounded-lg border border-border-strong bg-surface px-3 text-fg"
          >
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">Search</Button>
      </form>
      {failure ? <Alert title="That did not work">{errorMessage(failure)}</Alert> : null}
      {users.error ? <Alert>{errorMessage(users.error)}</Alert> : null}
      {!users.data ? (
        <Skeleton className="h-48 w-full" />
      ) : users.data.items.length === 0 ? (
        <p className="rounded-2xl border border-border bg-surface p-6 text-sm text-fg-muted">No one matches.</p>
      ) : (
        <ul aria-label="Users" className="divide-y divide-border rounded-2xl border border-border bg-surface">
          {users.data.items.map((u) => (
            <UserRow
              key={u.id}
              user={u}
              self={u.id === selfId}
              busy={action.isPending || role.isPending}
              onAction={(a) => action.mutate({ id: u.id, action: a })}
              onRole={(r) => role.mutate({ id: u.id, platformRole: r })}
            />
          ))}
        </ul>
      )}
      {users.data && users.data.pages > 1 ? (
        <Pagination
          page={page}
          pages={users.data.pages}
          onPage={(p) => update({ page: p === 1 ? undefined : String(p) })}
          label="Pages of users"
        />
      ) : null}
    </div>
  );
}

function UserRow(props: {
  user: AdminUser;
  self: boolean;
  busy: boolean;
  onAction: (a: 'deactivate' | 'reactivate' | 'two-factor/reset') => void;
  onRole: (r: 'user' | 'superadmin') => void;
}) {
  const { user: u, self, busy } = props;
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0 space-y-1">
        <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
          <span className="truncate">{u.name}</span>
          {u.platformRole === 'superadmin' ? <Badge tone="primary">Platform admin</Badge> : null}
          {u.deactivatedAt ? <Badge tone="danger">Deactivated</Badge> : null}
          {u.twoFactor ? <Badge tone="success">Two-factor</Badge> : null}
        </p>
        <p className="truncate text-sm text-fg-muted">{u.email}</p>
        <p className="text-xs text-fg-subtle">
          {u.lastSignInAt ? `Last sign-in ${formatDateTime(u.lastSignInAt)}` : 'Never signed in'} · joined {formatDateTime(u.createdAt)}
        </p>
      </div>
      {self ? (
        <p className="text-sm text-fg-subtle">This is you</p>
      ) : (
        <div className="flex flex-wrap gap-2">
          {u.deactivatedAt ? (
            <Button
              size="sm"
              variant="secondary"
              disabled={busy}
              onClick={() => props.onAction('reactivate')}
              aria-label={`Reactivate ${u.name}`}
            >
              Reactivate
            </Button>
          ) : (
            <Button
              size="sm"
              variant="danger"
              disabled={busy}
              onClick={() => props.onAction('deactivate')}
              aria-label={`Deactivate ${u.name}`}
            >
              Deactivate
            </Button>
          )}
          <Button
            size="sm"
            variant="secondary"
            disabled={busy}
            onClick={() => props.onRole(u.platformRole === 'superadmin' ? 'user' : 'superadmin')}
            aria-label={u.platformRole === 'superadmin' ? `Remove admin: ${u.name}` : `Make admin: ${u.name}`}
          >
            {u.platformRole === 'superadmin' ? 'Remove admin' : 'Make admin'}
          </Button>
          {u.twoFactor ? (
            <Button
              size="sm"
              variant="ghost"
              disabled={busy}
              onClick={() => props.onAction('two-factor/reset')}
              aria-label={`Reset two-factor: ${u.name}`}
            >
              Reset two-factor
            </Button>
          ) : null}
        </div>
      )}
    </li>
  );
}
