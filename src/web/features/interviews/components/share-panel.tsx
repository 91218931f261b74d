import { Copy, Link2, Share2 } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { Alert } from '../../../ui/alert.js';
import { Badge } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { SelectField } from '../../../ui/field.js';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from '../use-share-links.js';

const expiries = [1, 7, 14, 30, 90];

/** Make, copy and revoke read-only links to this report, for a mentor. */
export function SharePanel({ interviewId }: { interviewId: string }) {
  const links = useShareLinks(interviewId, true);
  const create = useCreateShareLink(interviewId);
  const revoke = useRevokeShareLink(interviewId);
  const [days, setDays] = useState(14);
  const [includeAnswers, setIncludeAnswers] = useState(false);
  const [includeFeedback, setIncludeFeedback] = useState(true);
  const [copied, setCopied] = useState('');
  const unconfirmed = create.error instanceof ApiError && create.error.problem.details?.reason === 'email_unconfirmed';

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('Link copied.');
    } catch {
      setCopied('Select the link and copy it.');
    }
  }

  return (
    <section aria-labelledby="share-heading" className="card space-y-5 p-5 sm:p-6 print:hidden">
      <div className="space-y-1">
        <h2 id="share-heading" className="flex items-center gap-2 text-lg font-semibold">
          <Share2 className="size-5 text-primary" aria-hidden="true" /> Share with a mentor
        </h2>
        <p className="text-sm text-fg-muted">
          Anyone with the link can read this report without signing in, until it expires or you revoke it. Scores and questions are always
          shown; choose what else.
        </p>
      </div>
      <form
        className="grid grid-cols-1 gap-4 sm:grid-cols-[12rem_minmax(0,1fr)_auto] sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ expiresInDays: days, includeAnswers, includeFeedback });
        }}
      >
        <SelectField label="Link works for" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {expiries.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '1 day' : `${d} days`}
            </option>
          ))}
        </SelectField>
        <fieldset className="space-y-2 text-sm">
          <legend className="sr-only">What the link shows</legend>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={includeFeedback}
              onChange={(e) => setIncludeFeedback(e.target.checked)}
            />
            Feedback and key points
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              className="size-4 accent-primary"
              checked={includeAnswers}
              onChange={(e) => setIncludeAnswers(e.target.checked)}
            />
            My answers
          </label>
        </fieldset>
        <Button type="submit" loading={create.isPending} loadingText="Creating…">
          <Link2 className="size-4" aria-hidden="true" /> Create link
        </Button>
      </form>

      {unconfirmed ? (
        <Alert title="Confirm your email first">
          Sharing sends your report outside Panelist, so it waits for a confirmed address. Use the link in the confirmation mail, or send it
          again from{' '}
          <Link to="/account" className="underline">
            your account
          </Link>
          .
        </Alert>
      ) : create.isError ? (
        <Alert title="Could not create the link">{errorMessage(create.error)}</Alert>
      ) : null}

      {create.data ? (
        <div className="space-y-2 rounded-xl border border-success/30 bg-success-soft p-4">
          <label htmlFor="share-url" className="text-sm font-medium text-success">
            Your link (shown only now: copy it)
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id="share-url"
              readOnly
              value={create.data.url}
              className="min-w-0 flex-1 rounded-lg border border-border bg-surface px-3 py-2 text-sm"
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button variant="secondary" onClick={() => void copy(create.data.url)}>
              <Copy className="size-4" aria-hidden="true" /> Copy
            </Button>
          </div>
          <p className="sr-only" role="status">
            {copied}
          </p>
        </div>
      ) : null}

      {links.data && links.data.items.length > 0 ? (
        <ul className="divide-y divide-border rounded-xl border border-border" aria-label="Links to this report">
          {links.data.items.map((l) => (
            <li key={l.id} className="flex flex-col gap-2 p-3 text-sm sm:flex-row sm:items-center sm:justify-between">
              <div className="space-y-1">
                <p className="flex flex-wrap items-center gap-2">
                  {l.active ? <Badge tone="success">Active</Badge> : <Badge>{l.revokedAt ? 'Revoked' : 'Expired'}</Badge>}
                  <span className="text-fg-muted">
                    Made {formatDateTime(l.createdAt)} ·{' '}
                    {l.revokedAt ? `revoked ${formatDateTime(l.revokedAt)}` : `expires ${formatDateTime(l.expiresAt)}`}
                  </span>
                </p>
                <p className="text-fg-subtle">
                  Shows scores{l.includeFeedback ? ', feedback' : ''}
                  {l.includeAnswers ? ', answers' : ''}
                </p>
              </div>
              {l.active ? (
                <Button variant="ghost" size="sm" onClick={() => revoke.mutate(l.id)} disabled={revoke.isPending}>
                  Revoke
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
