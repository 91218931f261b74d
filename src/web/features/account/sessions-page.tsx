import { useQuery } from '@tanstack/react-query';
import { KeyRound, Monitor } from 'lucide-react';
import { useState } from 'react';
import type { AccountSession } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { PageSpinner } from '../../ui/spinner.js';
import { AccountNav, sectionClass } from './account-nav.js';
import { sessionsQuery, useRevokeOtherSessions, useRevokeSession } from './api.js';

function SessionRow({ session }: { session: AccountSession }) {
  const revoke = useRevokeSession();
  const Icon = session.kind === 'api' ? KeyRound : Monitor;
  return (
    <li className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center sm:justify-between">
      <div className="flex min-w-0 gap-3">
        <Icon className="mt-0.5 size-5 shrink-0 text-fg-subtle" aria-hidden="true" />
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
            {session.device}
            {session.kind === 'api' ? <Badge>API token</Badge> : null}
            {session.current ? <Badge tone="success">This device</Badge> : null}
          </p>
          <p className="text-sm text-fg-muted">
            {session.ip ?? 'Unknown IP'} · last seen {formatDateTime(session.lastSeenAt)} · signed in {formatDateTime(session.createdAt)}
          </p>
          {revoke.error ? <p className="text-sm text-danger">{errorMessage(revoke.error)}</p> : null}
        </div>
      </div>
      {session.current ? null : (
        <Button
          variant="secondary"
          size="sm"
          loading={revoke.isPending}
          loadingText="Signing out…"
          onClick={() => revoke.mutate(session.id)}
          aria-label={`Sign out ${session.device}, last seen ${formatDateTime(session.lastSeenAt)}`}
        >
          Sign out
        </Button>
      )}
    </li>
  );
}

export function SessionsPage() {
  const list = useQuery(sessionsQuery);
  const others = useRevokeOtherSessions();
  const [confirming, setConfirming] = useState(false);
  const items = list.data?.items ?? [];
  const otherCount = items.filter((s) => !s.current).length;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>Sessions · Panelist</title>
      <PageHeader
        title="Your account"
        description="Where you are signed in. Sign out anything you do not recognise, then change your password."
      />
      <AccountNav />
      <section aria-labelledby="sessions-heading" className={sectionClass}>
        <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
          <h2 id="sessions-heading" className="text-lg font-semibold text-fg">
            Sessions and API tokens
          </h2>
          <Button variant="danger" size="sm" disabled={otherCount === 0} onClick={() => setConfirming(true)}>
            Sign out all others
          </Button>
        </div>
        {others.isSuccess ? (
          <Alert tone="success">
            Signed out {others.data.revoked} other {others.data.revoked === 1 ? 'session' : 'sessions'}.
          </Alert>
        ) : null}
        {list.isPending ? (
          <PageSpinner label="Loading sessions…" />
        ) : list.isError ? (
          <Alert title="Could not load your sessions">{errorMessage(list.error)}</Alert>
        ) : (
          <ul className="divide-y divide-border">
            {items.map((s) => (
              <SessionRow key={s.id} session={s} />
            ))}
          </ul>
        )}
      </section>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere else?"
        confirmLabel="Sign out others"
        tone="danger"
        busy={others.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => others.mutate(undefined, { onSettled: () => setConfirming(false) })}
      >
        {otherCount} other {otherCount === 1 ? 'session or token' : 'sessions and tokens'} will be signed out at once. This device stays
        signed in.
      </ConfirmDialog>
    </div>
  );
}
