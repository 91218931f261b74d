import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-client.js';
import { useMemberAccountAction, useMemberAccounts } from '../../lib/api/orgs.js';
import { formatDateTime } from '../../lib/format.js';
import { roleLabel, roleTone } from '../../lib/org-meta.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { AdminOnly, useOrgContext } from './org-layout.js';

const PAGE_SIZE = 20;

/** Org admins: who can reach the organization, when they last signed in, and switching access off and on. */
export function AccessTab() {
  return (
    <AdminOnly>
      <Access />
    </AdminOnly>
  );
}

function Access() {
  const { org, userId: selfId } = useOrgContext();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (params.get('status') ?? '') as '' | 'active' | 'deactivated';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const accounts = useMemberAccounts(org.id, { q: q || undefined, status: status || undefined, page, limit: PAGE_SIZE });
  const action = useMemberAccountAction(org.id);

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

  return (
    <section className="space-y-5" aria-labelledby="access-title">
      <title>{`Access · ${org.name} · Panelist`}</title>
      <div>
        <h2 id="access-title" className="text-lg font-semibold text-fg">
          Access
        </h2>
        <p className="text-sm text-fg-muted">
          Switch a membership off to end someone&apos;s access to {org.name} at once; switching it on restores their role and team. Each
          change is written to the audit log.
        </p>
      </div>
      <form onSubmit={submit} role="search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField label="Name or email" name="q" value={search} onChange={(e) => setSearch(e.target.value)} />
        </div>
        <SelectField
          label="Status"
          name="status"
          value={status}
          onChange={(e) => update({ status: e.target.value || undefined, page: undefined })}
        >
          <option value="">Everyone</option>
          <option value="active">Active</option>
          <option value="deactivated">Deactivated</option>
        </SelectField>
        <Button type="submit">Search</Button>
      </form>
      {action.error ? <Alert title="That did not work">{errorMessage(action.error)}</Alert> : null}
      {accounts.error ? <Alert>{errorMessage(accounts.error)}</Alert> : null}
      {!accounts.data ? (
        <Skeleton className="h-48 w-full" />
      ) : accounts.data.items.length === 0 ? (
        <p className="rounded-2xl border border-border bg-surface p-6 text-sm text-fg-muted">No one matches.</p>
      ) : (
        <ul className="divide-y divide-border rounded-2xl border border-border bg-surface">
          {accounts.data.items.map((m) => (
            <li key={m.userId} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0 space-y-1">
                <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
                  <span className="break-words">{m.name}</span>
                  <Badge tone={roleTone[m.role]}>{roleLabel(m.role)}</Badge>
                  {m.status === 'deactivated' ? <Badge tone="danger">Deactivated</Badge> : null}
                  {m.twoFactor ? <Badge tone="success">Two-factor on</Badge> : null}
                </p>
                <p className="text-sm break-all text-fg-muted">
                  {m.email}
                  {m.emailVerified ? '' : ' · email not confirmed'}
                </p>
                <p className="text-sm text-fg-subtle">
                  Last sign-in: {m.lastSignInAt ? formatDateTime(m.lastSignInAt) : 'never'}
                  {m.deactivatedAt ? ` · deactivated ${formatDateTime(m.deactivatedAt)}` : ''}
                </p>
              </div>
              {m.userId === selfId ? null : (
                <div className="flex flex-wrap gap-2">
                  {m.twoFactor ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={action.isPending}
                      onClick={() => {
                        if (
                          window.confirm(
                            `Turn off two-factor for ${m.name}? They sign in with their password alone until they set it up again.`,
                          )
                        )
                          action.mutate({ userId: m.userId, action: 'two-factor/reset' });
                      }}
                    >
                      Reset two-factor
                    </Button>
                  ) : null}
                  {m.status === 'active' ? (
                    <Button
                      size="sm"
                      variant="danger"
                      disabled={action.isPending}
                      onClick={() => action.mutate({ userId: m.userId, action: 'deactivate' })}
                    >
                      Deactivate
                    </Button>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      disabled={action.isPending}
                      onClick={() => action.mutate({ userId: m.userId, action: 'reactivate' })}
                    >
                      Reactivate
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {accounts.data && accounts.data.pages > 1 ? (
        <Pagination page={page} pages={accounts.data.pages} onPage={(p) => update({ page: p > 1 ? String(p) : undefined })} />
      ) : null}
    </section>
  );
}
