import { History, X } from 'lucide-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AuditEntry } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useAuditLog, useMembers, useTeams } from '../../lib/api/orgs.js';
import { ChangeView, type NameLookup } from './components/change-view.js';
import { actionLabel, knownActions } from '../../lib/org-meta.js';
import { AdminOnly, useOrgContext } from './org-layout.js';

const PAGE_SIZE = 25;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A yyyy-mm-dd from a date input as the start of that day where the admin is. */
function startOfDay(date: string): string | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

/** The end of the chosen day (the start of the next), so "to" includes the day itself. */
function endOfDay(date: string): string | undefined {
  if (!DATE.test(date)) return undefined;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

export function AuditLogTab() {
  return (
    <AdminOnly>
      <AuditLog />
    </AdminOnly>
  );
}

function AuditLog() {
  const { org } = useOrgContext();
  const [params, setParams] = useSearchParams();
  const actorId = params.get('actor') ?? undefined;
  const action = params.get('action') ?? undefined;
  const fromDate = params.get('from') ?? '';
  const toDate = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const log = useAuditLog({ orgId: org.id, actorId, action, from: startOfDay(fromDate), to: endOfDay(toDate), page, limit: PAGE_SIZE });
  const members = useMembers(org.id, { page: 1, limit: 100 });
  const teams = useTeams(org.id);

  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const t of teams.data?.items ?? []) m.set(t.id, t.name);
    for (const p of members.data?.items ?? []) m.set(p.userId, p.name);
    for (const e of log.data?.items ?? []) if (e.actor) m.set(e.actor.id, e.actor.name);
    return m;
  }, [teams.data, members.data, log.data]);
  const lookup: NameLookup = (id) => names.get(id);

  function setParam(key: string, value: string | undefined) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  const filtered = Boolean(actorId || action || fromDate || toDate);
  const rangeError = fromDate && toDate && fromDate > toDate ? 'The end date is before the start date.' : undefined;

  return (
    <section aria-labelledby="audit-heading" className="space-y-5">
      <title>{`Audit log · ${org.name} · Panelist`}</title>
      <div>
        <h2 id="audit-heading" className="text-lg font-semibold tracking-tight text-fg">
          Audit log
        </h2>
        <p className="text-sm text-fg-muted">
          Every change to members, teams, invitations and assignments: who did it, when, and what changed.
        </p>
      </div>

      <div role="search" aria-label="Filter the audit log" className="card space-y-3 p-4 sm:p-5">
        <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
          <SelectField label="Who" value={actorId ?? ''} onChange={(e) => setParam('actor', e.target.value || undefined)}>
            <option value="">Anyone</option>
            {(members.data?.items ?? []).map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </SelectField>
          <SelectField label="Action" value={action ?? ''} onChange={(e) => setParam('action', e.target.value || undefined)}>
            <option value="">Any action</option>
            {knownActions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </SelectField>
          <TextField
            label="From"
            type="date"
            value={fromDate}
            max={toDate || undefined}
            onChange={(e) => setParam('from', e.target.value || undefined)}
          />
          <TextField
            label="To"
            type="date"
            value={toDate}
            min={fromDate || undefined}
            onChange={(e) => setParam('to', e.target.value || undefined)}
            error={rangeError}
          />
        </div>
        {filtered ? (
          <Button variant="ghost" size="sm" className="-ml-3" onClick={() => setParams({}, { replace: true })}>
            <X className="size-4" aria-hidden="true" /> Clear filters
          </Button>
        ) : null}
      </div>

      {log.isPending ? (
        <div className="card space-y-4 p-5" aria-hidden="true">
          {[0, 1, 2].map((i) => (
            <div key={i} className="space-y-2">
              <Skeleton className="h-4 w-1/3" />
              <Skeleton className="h-10 w-full" />
            </div>
          ))}
        </div>
      ) : log.isError ? (
        <Alert title="Could not load the audit log">{errorMessage(log.error)}</Alert>
      ) : log.data.items.length === 0 ? (
        <p className="card px-5 py-12 text-center text-fg-muted">
          {filtered ? 'No entries match these filters.' : 'Nothing has happened here yet.'}
        </p>
      ) : (
        <ol className="card divide-y divide-border overflow-hidden" aria-label="Audit log entries, newest first">
          {log.data.items.map((e) => (
            <AuditRow key={e.id} entry={e} lookup={lookup} />
          ))}
        </ol>
      )}
      <p className="sr-only" aria-live="polite">
        {log.data ? `${log.data.total} ${log.data.total === 1 ? 'entry' : 'entries'}` : ''}
      </p>
      {log.data ? (
        <Pagination
          page={log.data.page}
          pages={log.data.pages}
          onPage={(p) => setParam('page', String(p))}
          label="Audit log pages"
          previousLabel="Newer"
          nextLabel="Older"
        />
      ) : null}
    </section>
  );
}

function AuditRow({ entry: e, lookup }: { entry: AuditEntry; lookup: NameLookup }) {
  const target = e.targetId ? lookup(e.targetId) : undefined;
  return (
    <li className="flex gap-3 px-4 py-4 sm:gap-4 sm:px-5">
      <span
        className="mt-0.5 hidden size-9 shrink-0 place-items-center rounded-xl bg-surface-muted text-fg-muted sm:grid"
        aria-hidden="true"
      >
        <History className="size-4" />
      </span>
      <div className="min-w-0 flex-1 space-y-2">
        <div className="flex flex-col gap-0.5 sm:flex-row sm:items-baseline sm:justify-between sm:gap-4">
          <p className="text-fg">
            <span className="font-semibold">{actionLabel(e.action)}</span>
            {target ? <span className="text-fg-muted"> · {target}</span> : null}
          </p>
          <time dateTime={e.createdAt} className="shrink-0 text-sm text-fg-subtle">
            {formatDateTime(e.createdAt)}
          </time>
        </div>
        <p className="text-sm text-fg-muted">
          by {e.actor ? e.actor.name : 'the system'}
          {e.ip ? <span className="text-fg-subtle"> · from {e.ip}</span> : null}
          <span className="text-fg-subtle"> · </span>
          <code className="text-xs text-fg-subtle">{e.action}</code>
        </p>
        <ChangeView before={e.before} after={e.after} lookup={lookup} />
      </div>
    </li>
  );
}
