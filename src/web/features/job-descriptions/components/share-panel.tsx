import { Search, Share2, UserMinus } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { JobDescription } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { initials } from '../../../lib/format.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { useOrgCandidates, useShareJobDescription, useUnshareJobDescription } from '../../../lib/api/job-descriptions.js';

/** Who can see this job (and check their resume against it), and adding more candidates of the organization. */
export function SharePanel({ job }: { job: JobDescription }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [notice, setNotice] = useState<string | null>(null);
  // Everyone (for names of those already shared with), and the search results to pick from.
  const all = useOrgCandidates(job.orgId, '');
  const found = useOrgCandidates(job.orgId, q);
  const share = useShareJobDescription(job.id);
  const unshare = useUnshareJobDescription(job.id);
  const shared = new Set(job.sharedWith);
  const byId = new Map((all.data?.items ?? []).map((m) => [m.userId, m]));
  const options = (found.data?.items ?? []).filter((m) => !shared.has(m.userId));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!picked.size) return;
    const ids = [...picked];
    share.mutate(ids, {
      onSuccess: () => {
        setPicked(new Set());
        setNotice(`Shared with ${ids.length === 1 ? (byId.get(ids[0]!)?.name ?? '1 candidate') : `${ids.length} candidates`}.`);
      },
    });
  }

  function toggle(userId: string) {
    setPicked((p) => {
      const next = new Set(p);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });
  }

  return (
    <section aria-labelledby={`${id}-heading`} className="card p-5 sm:p-6">
      <h2 id={`${id}-heading`} className="flex items-center gap-2 font-semibold text-fg">
        <Share2 className="size-4 text-primary" aria-hidden="true" /> Shared with candidates
      </h2>
      <p className="mt-1 text-sm text-fg-muted">They see this job, can check their resume against it and practise for it.</p>

      <div className="mt-4" aria-live="polite">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
      </div>
      {unshare.isError ? (
        <Alert className="mt-3" title="Could not stop sharing">
          {errorMessage(unshare.error)}
        </Alert>
      ) : null}

      {job.sharedWith.length ? (
        <ul className="mt-3 divide-y divide-border" aria-label="Shared with">
          {job.sharedWith.map((userId) => {
            const m = byId.get(userId);
            const name = m?.name ?? 'A former member';
            return (
              <li key={userId} className="flex items-center gap-3 py-2.5">
                <span
                  className="grid size-8 shrink-0 place-items-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-fg"
                  aria-hidden="true"
                >
                  {initials(name)}
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-medium text-fg">{name}</span>
                  {m ? <span className="block truncate text-xs text-fg-subtle">{m.email}</span> : null}
                </span>
                <Button
                  variant="ghost"
                  size="sm"
                  className="hover:text-danger"
                  loading={unshare.isPending && unshare.variables === userId}
                  onClick={() => {
                    setNotice(null);
                    unshare.mutate(userId, { onSuccess: () => setNotice(`Stopped sharing with ${name}.`) });
                  }}
                >
                  <UserMinus className="size-4" aria-hidden="true" /> Stop sharing<span className="sr-only"> with {name}</span>
                </Button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-fg-subtle">Not shared with anyone yet.</p>
      )}

      <form onSubmit={submit} className="mt-5 space-y-3 border-t border-border pt-5">
        <h3 className="text-sm font-semibold text-fg">Share with more candidates</h3>
        <div className="relative">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" aria-hidden="true" />
          <label htmlFor={`${id}-search`} className="sr-only">
            Search candidates
          </label>
          <input
            id={`${id}-search`}
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder="Search by name or email"
            className="h-10 w-full rounded-xl border border-border-strong bg-surface pr-3 pl-9 text-sm text-fg placeholder:text-fg-subtle hover:border-fg-subtle"
          />
        </div>
        {found.isPending ? (
          <div className="space-y-2" aria-hidden="true">
            <Skeleton className="h-9" />
            <Skeleton className="h-9" />
          </div>
        ) : found.isError ? (
          <Alert title="Could not load the candidates">{errorMessage(found.error)}</Alert>
        ) : options.length ? (
          <fieldset>
            <legend className="sr-only">Candidates to share with</legend>
            <ul className="max-h-64 space-y-1 overflow-y-auto rounded-xl border border-border p-1">
              {options.map((m) => (
                <li key={m.userId}>
                  <label className="flex cursor-pointer items-center gap-3 rounded-lg px-2.5 py-2 hover:bg-surface-muted has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring">
                    <input
                      type="checkbox"
                      checked={picked.has(m.userId)}
                      onChange={() => toggle(m.userId)}
                      className="size-4 shrink-0 accent-primary"
                    />
                    <span className="min-w-0">
                      <span className="block truncate text-sm font-medium text-fg">{m.name}</span>
                      <span className="block truncate text-xs text-fg-subtle">{m.email}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        ) : (
          <p className="text-sm text-fg-subtle">
            {q.trim() ? (
              'No other candidates match.'
            ) : (all.data?.items.length ?? 0) === 0 ? (
              <>
                This organization has no candidates yet.{' '}
                <Link to={`/orgs/${job.orgId}/invitations`} className="font-medium text-primary underline-offset-4 hover:underline">
                  Invite some
                </Link>
                .
              </>
            ) : (
              'Every candidate already has it.'
            )}
          </p>
        )}
        {share.isError ? <Alert title="Could not share">{errorMessage(share.error)}</Alert> : null}
        <Button type="submit" className="w-full" disabled={!picked.size} loading={share.isPending} loadingText="Sharing…">
          {picked.size ? `Share with ${picked.size === 1 ? '1 candidate' : `${picked.size} candidates`}` : 'Pick candidates to share with'}
        </Button>
      </form>
    </section>
  );
}
