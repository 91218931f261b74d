import { ArrowLeft, CalendarDays, Download, Inbox, Search } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Mail, MailStatus } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { useMediaQuery } from '../../lib/use-media-query.js';
import { Alert } from '../../ui/alert.js';
import { Badge, type BadgeTone } from '../../ui/badge.js';
import { buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { NotFoundPage } from '../../app/route-error.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { timeAgo } from '../../ui/notification-item.js';
import { useMail, useMails } from './api.js';

const PAGE_SIZE = 25;

const statusTone: Record<MailStatus, BadgeTone> = { queued: 'warning', sent: 'success', stored: 'primary', failed: 'danger' };
const statusLabel: Record<MailStatus, string> = { queued: 'Queued', sent: 'Sent', stored: 'Stored', failed: 'Failed' };

/** The outbox for the platform admin: what Panelist sent, or keeps here when no SMTP is set up. */
export function MailsPage() {
  const user = useCurrentUser();
  if (!user) return null;
  // Other people get the same answer as for a page that does not exist.
  if (user.platformRole !== 'superadmin') return <NotFoundPage />;
  return <Mails />;
}

function Mails() {
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const selectedId = params.get('mail');
  const [search, setSearch] = useState(to);
  const wide = useMediaQuery('(min-width: 1024px)');
  const mails = useMails({ to: to || undefined, page, limit: PAGE_SIZE });
  const inPage = mails.data?.items.find((m) => m.id === selectedId) ?? null;
  const fetched = useMail(selectedId, mails.isSuccess && !inPage);
  const selected = inPage ?? fetched.data ?? null;

  function update(next: Record<string, string | undefined>) {
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next)) {
          if (v) p.set(k, v);
          else p.delete(k);
        }
        return p;
      },
      { replace: true },
    );
  }

  useEffect(() => {
    if (search.trim() === to) return;
    const t = setTimeout(() => update({ to: search.trim() || undefined, page: undefined }), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- update is rebuilt every render
  }, [search, to]);

  const showList = wide || !selectedId;
  const showDetail = wide || Boolean(selectedId);
  const listHref = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('mail', id);
    return `?${p.toString()}`;
  };

  return (
    <div className="space-y-6">
      <title>Outgoing mail · Panelist</title>
      <PageHeader
        eyebrow="Platform admin"
        title="Outgoing mail"
        description="Every email Panelist has queued, newest first. Without SMTP configured, mails are stored here instead of being sent, so you can follow their links."
      />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        {showList ? (
          <section aria-labelledby="mail-list-heading" className="space-y-3">
            <h2 id="mail-list-heading" className="sr-only">
              Mails
            </h2>
            <div role="search" className="relative">
              <TextField
                label="Recipient"
                type="search"
                placeholder="Filter by address"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                className="pl-10"
              />
              <Search className="pointer-events-none absolute bottom-3.5 left-3.5 size-4 text-fg-subtle" aria-hidden="true" />
            </div>
            <div className="card overflow-hidden">
              {mails.isPending ? (
                <div className="space-y-4 p-4" aria-hidden="true">
                  {[0, 1, 2].map((i) => (
                    <div key={i} className="space-y-2">
                      <Skeleton className="h-4 w-4/5" />
                      <Skeleton className="h-3 w-1/2" />
                    </div>
                  ))}
                </div>
              ) : mails.isError ? (
                <div className="p-4">
                  <Alert title="Could not load the outbox">{errorMessage(mails.error)}</Alert>
                </div>
              ) : mails.data.items.length === 0 ? (
                <div className="px-5 py-12 text-center">
                  <Inbox className="mx-auto mb-3 size-8 text-fg-subtle" aria-hidden="true" />
                  <p className="text-fg-muted">
                    {to ? `No mail to addresses containing “${to}”.` : 'No mail yet. Invitations and interview notices will appear here.'}
                  </p>
                </div>
              ) : (
                <ul className="divide-y divide-border" aria-label="Mails, newest first">
                  {mails.data.items.map((m) => (
                    <li key={m.id}>
                      <Link
                        to={listHref(m.id)}
                        replace={wide}
                        aria-current={m.id === selectedId ? 'true' : undefined}
                        className={cn(
                          'block px-4 py-3 transition-colors focus-visible:-outline-offset-2',
                          m.id === selectedId ? 'bg-primary-soft/60' : 'hover:bg-surface-muted/70',
                        )}
                      >
                        <span className="flex items-start justify-between gap-2">
                          <span className="line-clamp-2 text-sm font-medium text-fg">{m.subject}</span>
                          <time dateTime={m.createdAt} className="shrink-0 text-xs text-fg-subtle">
                            {timeAgo(m.createdAt)}
                          </time>
                        </span>
                        <span className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
                          <span className="min-w-0 truncate">{m.to}</span>
                          {m.ics ? (
                            <span className="inline-flex items-center gap-1 text-primary">
                              <CalendarDays className="size-3.5" aria-hidden="true" />
                              <span className="sr-only">has a calendar invite</span>
                            </span>
                          ) : null}
                          {m.status !== 'stored' && m.status !== 'sent' ? (
                            <Badge tone={statusTone[m.status]}>{statusLabel[m.status]}</Badge>
                          ) : null}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </div>
            {mails.data ? (
              <Pagination
                page={mails.data.page}
                pages={mails.data.pages}
                onPage={(p) => update({ page: String(p) })}
                label="Mail pages"
                previousLabel="Newer"
                nextLabel="Older"
              />
            ) : null}
          </section>
        ) : null}
        {showDetail ? (
          <section aria-label="Selected mail" className="min-w-0 space-y-3 lg:sticky lg:top-24">
            {!wide ? (
              <Link
                to={`?${new URLSearchParams([...params].filter(([k]) => k !== 'mail')).toString()}`}
                className="inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-fg-muted hover:text-fg"
              >
                <ArrowLeft className="size-4" aria-hidden="true" /> All mail
              </Link>
            ) : null}
            {selected ? (
              <MailView key={selected.id} mail={selected} />
            ) : selectedId && fetched.isError ? (
              <Alert title="Could not open this mail">{errorMessage(fetched.error)}</Alert>
            ) : selectedId ? (
              <div className="card space-y-3 p-6" aria-hidden="true">
                <Skeleton className="h-6 w-2/3" />
                <Skeleton className="h-40 w-full" />
              </div>
            ) : (
              <div className="card hidden px-6 py-20 text-center text-fg-muted lg:block">Choose a mail to read it.</div>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}

type View = 'html' | 'text' | 'ics';

function MailView({ mail }: { mail: Mail }) {
  const views: Array<{ value: View; label: string }> = [
    ...(mail.html ? [{ value: 'html' as const, label: 'Formatted' }] : []),
    { value: 'text', label: 'Plain text' },
    ...(mail.ics ? [{ value: 'ics' as const, label: 'Calendar invite' }] : []),
  ];
  const [view, setView] = useState<View>(views[0]!.value);

  return (
    <article className="card overflow-hidden" aria-labelledby="mail-subject">
      <header className="space-y-3 border-b border-border p-4 sm:p-6">
        <h2 id="mail-subject" className="text-lg font-semibold tracking-tight break-words text-fg sm:text-xl">
          {mail.subject}
        </h2>
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
          <Meta label="To">{mail.to}</Meta>
          <Meta label="Kind">
            <code className="text-xs">{mail.kind}</code>
          </Meta>
          <Meta label="Queued">{formatDateTime(mail.createdAt)}</Meta>
          <Meta label="Status">
            <span className="inline-flex flex-wrap items-center gap-2">
              <Badge tone={statusTone[mail.status]}>{statusLabel[mail.status]}</Badge>
              {mail.sentAt ? <span className="text-fg-subtle">at {formatDateTime(mail.sentAt)}</span> : null}
              {mail.attempts > 1 ? <span className="text-fg-subtle">{mail.attempts} attempts</span> : null}
            </span>
          </Meta>
        </dl>
        {mail.lastError ? <Alert title="Last delivery error">{mail.lastError}</Alert> : null}
        {mail.ics ? (
          <p className="inline-flex items-center gap-2 rounded-lg bg-primary-soft px-2.5 py-1 text-sm font-medium text-primary-soft-fg">
            <CalendarDays className="size-4" aria-hidden="true" /> Has a calendar invite (.ics)
          </p>
        ) : null}
      </header>
      <div className="space-y-4 p-4 sm:p-6">
        {views.length > 1 ? (
          <fieldset className="inline-flex rounded-xl border border-border bg-surface-muted p-0.5">
            <legend className="sr-only">Show the mail as</legend>
            {views.map((v) => (
              <label
                key={v.value}
                className={cn(
                  'relative cursor-pointer rounded-[0.6rem] px-3 py-1.5 text-sm font-medium transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
                  view === v.value ? 'bg-surface text-fg shadow-sm ring-1 ring-border' : 'text-fg-muted hover:text-fg',
                )}
              >
                <input
                  type="radio"
                  name="mail-view"
                  value={v.value}
                  checked={view === v.value}
                  onChange={() => setView(v.value)}
                  className="absolute inset-0 cursor-pointer opacity-0"
                />
                {v.label}
              </label>
            ))}
          </fieldset>
        ) : null}
        {view === 'html' && mail.html ? (
          // No scripts, forms or navigation of this page from the mail; its links open in a new tab.
          <iframe
            title={`Formatted preview of “${mail.subject}”`}
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcDoc={previewDocument(mail.html)}
            className="h-[28rem] w-full rounded-xl border border-border bg-white"
          />
        ) : view === 'ics' && mail.ics ? (
          <div className="space-y-3">
            <pre className="max-h-[28rem] overflow-auto rounded-xl bg-surface-muted p-4 text-xs leading-relaxed text-fg">{mail.ics}</pre>
            <a
              href={`data:text/calendar;charset=utf-8,${encodeURIComponent(mail.ics)}`}
              download="invite.ics"
              className={buttonClass('secondary', 'sm')}
            >
              <Download className="size-4" aria-hidden="true" /> Download .ics
            </a>
          </div>
        ) : (
          <pre className="overflow-x-auto rounded-xl bg-surface-muted p-4 font-sans text-sm leading-relaxed break-words whitespace-pre-wrap text-fg">
            <Linkified text={mail.text} />
          </pre>
        )}
      </div>
    </article>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-fg-subtle">{label}</dt>
      <dd className="min-w-0 break-words text-fg">{children}</dd>
    </>
  );
}

/** Mail HTML in a plain readable frame; the mail's own styles still apply. */
function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>body{font:15px/1.55 system-ui,sans-serif;color:#111827;margin:16px;word-wrap:break-word}a{color:#4f46e5}</style></head><body>${html}</body></html>`;
}

/** Web addresses in a plain-text mail become links, so invitation and reset links can be followed. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s<>"]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part} className="break-all text-primary underline underline-offset-2">
            {part}
          </a>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
