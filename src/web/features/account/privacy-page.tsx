import { useQuery } from '@tanstack/react-query';
import { Download, FileArchive, ShieldCheck, Trash2 } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import type { Consent, ConsentKind, DataExport } from '../../../contract/index.js';
import { ERASURE_GRACE_DAYS } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { PasswordField } from '../../ui/password-field.js';
import { PageSpinner } from '../../ui/spinner.js';
import { AccountNav, sectionClass } from './account-nav.js';
import {
  consentsQuery,
  erasureQuery,
  exportsQuery,
  useCancelErasure,
  useGiveRecordingConsent,
  useRequestErasure,
  useRequestExport,
  useWithdrawConsent,
} from './privacy-api.js';

const CONSENT_LABELS: Record<ConsentKind, { title: string; about: string }> = {
  terms: { title: 'Terms of use', about: 'Accepted when you created your account.' },
  privacy: { title: 'Privacy notice', about: 'How Panelist handles your data; accepted when you created your account.' },
  proctoring: {
    title: 'Proctored interview',
    about: 'What is observed during a proctored interview; given when you saved its pre-check, for that interview only.',
  },
  recording: {
    title: 'Recorded answers',
    about: 'Lets you record spoken answers, kept for review for the period your organization sets. Without it, recording is refused.',
  },
};

/** The newest row of each kind: what is in force now. */
function currentConsents(items: readonly Consent[]): Consent[] {
  const seen = new Set<ConsentKind>();
  return items.filter((c) => (seen.has(c.kind) ? false : (seen.add(c.kind), true)));
}

function ConsentsSection() {
  const list = useQuery(consentsQuery);
  const withdraw = useWithdrawConsent();
  const give = useGiveRecordingConsent();
  const items = currentConsents(list.data?.items ?? []);
  const recording = items.find((c) => c.kind === 'recording');
  return (
    <section aria-labelledby="consents-heading" className={sectionClass}>
      <h2 id="consents-heading" className="flex items-center gap-2 text-lg font-semibold text-fg">
        <ShieldCheck className="size-5 text-fg-subtle" aria-hidden="true" />
        Consents
      </h2>
      {list.isPending ? (
        <PageSpinner label="Loading consents…" />
      ) : list.isError ? (
        <Alert title="Could not load your consents">{errorMessage(list.error)}</Alert>
      ) : (
        <ul className="divide-y divide-border">
          {items
            .filter((c) => c.kind !== 'recording')
            .map((c) => (
              <li key={c.id} className="space-y-1 py-3">
                <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
                  {CONSENT_LABELS[c.kind].title} <Badge>version {c.version}</Badge>
                </p>
                <p className="text-sm text-fg-muted">
                  {CONSENT_LABELS[c.kind].about} Given {formatDateTime(c.givenAt)}.
                </p>
              </li>
            ))}
          <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="space-y-1">
              <p className="flex flex-wrap items-center gap-2 font-medium text-fg">
                {CONSENT_LABELS.recording.title}
                {recording?.withdrawnAt ? <Badge tone="warning">Withdrawn</Badge> : <Badge tone="success">Allowed</Badge>}
              </p>
              <p className="text-sm text-fg-muted">
                {CONSENT_LABELS.recording.about}
                {recording?.withdrawnAt ? ` Withdrawn ${formatDateTime(recording.withdrawnAt)}.` : ''}
                {recording && !recording.withdrawnAt ? ` Given ${formatDateTime(recording.givenAt)}.` : ''}
              </p>
              {withdraw.error || give.error ? <p className="text-sm text-danger">{errorMessage(withdraw.error ?? give.error)}</p> : null}
            </div>
            {recording?.withdrawnAt ? (
              <Button size="sm" variant="secondary" loading={give.isPending} loadingText="Saving…" onClick={() => give.mutate(undefined)}>
                Allow recordings
              </Button>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                loading={withdraw.isPending}
                loadingText="Saving…"
                onClick={() => withdraw.mutate('recording')}
              >
                Withdraw consent
              </Button>
            )}
          </li>
        </ul>
      )}
    </section>
  );
}

const EXPORT_STATUS: Record<DataExport['status'], { label: string; tone: 'neutral' | 'success' | 'warning' | 'danger' }> = {
  pending: { label: 'Being made', tone: 'warning' },
  ready: { label: 'Ready', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
  expired: { label: 'Expired', tone: 'neutral' },
};

function ExportSection() {
  const list = useQuery(exportsQuery);
  const request = useRequestExport();
  const items = list.data?.items ?? [];
  const pending = items.some((e) => e.status === 'pending');
  return (
    <section aria-labelledby="export-heading" className={sectionClass}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 id="export-heading" className="flex items-center gap-2 text-lg font-semibold text-fg">
          <FileArchive className="size-5 text-fg-subtle" aria-hidden="true" />
          Download your data
        </h2>
        <Button size="sm" disabled={pending} loading={request.isPending} loadingText="Asking…" onClick={() => request.mutate(undefined)}>
          {pending ? 'Being made…' : 'Request an export'}
        </Button>
      </div>
      <p className="text-[0.9375rem] text-fg-muted">
        A ZIP with everything Panelist holds about you — account, profile, interviews and answers, resumes, recordings, notifications — as
        JSON, plus your files. You get a notification when it is ready; the download works for 7 days.
      </p>
      {request.error ? <Alert title="Could not request an export">{errorMessage(request.error)}</Alert> : null}
      {list.isError ? <Alert title="Could not load your exports">{errorMessage(list.error)}</Alert> : null}
      {items.length > 0 ? (
        <ul className="divide-y divide-border">
          {items.map((e) => (
            <li key={e.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="space-y-1">
                <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-fg">
                  Requested {formatDateTime(e.requestedAt)}{' '}
                  <Badge tone={EXPORT_STATUS[e.status].tone}>{EXPORT_STATUS[e.status].label}</Badge>
                </p>
                {e.status === 'ready' && e.expiresAt ? (
                  <p className="text-sm text-fg-muted">
                    {((e.sizeBytes ?? 0) / 1024).toFixed(0)} KB · available until {formatDateTime(e.expiresAt)}
                  </p>
                ) : null}
              </div>
              {e.status === 'ready' ? (
                <a className={buttonClass('secondary', 'sm')} href={`/api/v1/me/exports/${e.id}/download`} download>
                  <Download className="size-4" aria-hidden="true" />
                  Download ZIP
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function DeleteAccountSection() {
  const status = useQuery(erasureQuery);
  const request = useRequestErasure();
  const cancel = useCancelErasure();
  const [confirming, setConfirming] = useState(false);
  const [password, setPassword] = useState('');
  const pending = status.data?.status === 'pending' ? status.data : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    if (password) setConfirming(true);
  }

  return (
    <section aria-labelledby="delete-heading" className={sectionClass}>
      <h2 id="delete-heading" className="flex items-center gap-2 text-lg font-semibold text-fg">
        <Trash2 className="size-5 text-fg-subtle" aria-hidden="true" />
        Delete your account
      </h2>
      {pending ? (
        <>
          <Alert tone="info" title="Your account will be deleted">
            On {formatDateTime(pending.dueAt!)} your account, interviews, resumes, recordings and everything else that is yours are deleted
            for good. Until then you can use Panelist as usual and change your mind.
          </Alert>
          {cancel.error ? <Alert title="Could not cancel">{errorMessage(cancel.error)}</Alert> : null}
          <Button variant="secondary" loading={cancel.isPending} loadingText="Cancelling…" onClick={() => cancel.mutate(undefined)}>
            Keep my account
          </Button>
        </>
      ) : (
        <form className="space-y-4" onSubmit={submit}>
          <p className="text-[0.9375rem] text-fg-muted">
            Your account is deleted {ERASURE_GRACE_DAYS} days after you ask, and you can cancel until then. Your personal data and files are
            removed; organizations keep only their audit log, where you appear under a pseudonym. Download your data first if you want a
            copy.
          </p>
          <PasswordField
            label="Your password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
          {request.error ? <Alert title="Could not schedule the deletion">{errorMessage(request.error)}</Alert> : null}
          <Button type="submit" variant="danger" disabled={!password || status.isPending}>
            Delete my account…
          </Button>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title="Delete your account?"
        confirmLabel={`Delete in ${ERASURE_GRACE_DAYS} days`}
        tone="danger"
        busy={request.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          request.mutate(password, {
            onSettled: () => setConfirming(false),
            onSuccess: () => setPassword(''),
          })
        }
      >
        Everything that is yours will be deleted in {ERASURE_GRACE_DAYS} days. You can cancel on this page until then.
      </ConfirmDialog>
    </section>
  );
}

export function PrivacyPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>Privacy · Panelist</title>
      <PageHeader title="Your account" description="What you agreed to, a copy of your data, and deleting your account." />
      <AccountNav />
      <ConsentsSection />
      <ExportSection />
      <DeleteAccountSection />
    </div>
  );
}
