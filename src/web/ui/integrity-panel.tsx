import { ShieldAlert, ShieldCheck } from 'lucide-react';
import { useState } from 'react';
import {
  THRESHOLD_CATEGORIES,
  type IntegrityFlag,
  type IntegrityReport,
  type Interview,
  type StoredIntegrityEvent,
  type ThresholdCategory,
} from '../../contract/index.js';
import { errorMessage } from '../lib/api-client.js';
import { useIntegrity, useReviewFlag } from '../lib/api/proctoring.js';
import { formatDateTime } from '../lib/format.js';
import { Alert } from './alert.js';
import { Badge } from './badge.js';
import { Button } from './button.js';
import { TextField } from './field.js';
import { SimilarityFindings } from './similarity-findings.js';

const CATEGORY_LABELS: Record<ThresholdCategory, string> = {
  face_missing: 'Face not visible',
  tab_switch: 'Tab switches',
  fullscreen_exit: 'Full-screen exits',
  multiple_faces: 'More than one face',
  suspicious_input: 'Outside pastes, devtools, context menus',
};

const KIND_LABELS: Record<StoredIntegrityEvent['kind'], string> = {
  tab_hidden: 'Left the tab',
  window_blur: 'Window lost focus',
  fullscreen_exit: 'Left full screen',
  copy: 'Copied',
  cut: 'Cut',
  paste: 'Pasted',
  context_menu: 'Opened a context menu',
  devtools_shortcut: 'Developer-tools shortcut',
  screen_added: 'A second screen appeared',
  face_missing: 'Face not visible',
  multiple_faces: 'More than one face',
  idle: 'Idle',
  offline: 'Went offline',
  online: 'Back online',
};

function describe(e: StoredIntegrityEvent): string {
  const parts = [KIND_LABELS[e.kind]];
  if (typeof e.details.length === 'number') parts.push(`${e.details.length} characters`);
  if (e.details.fromOutside === true) parts.push('from outside the page');
  return parts.join(', ');
}

/** The question being answered when an event happened: the first one whose answer came after it. */
function questionAt(interview: Interview, at: string): number | null {
  const answered = interview.answers
    .map((a) => ({ order: interview.questions.find((q) => q.id === a.questionId)?.order ?? 0, at: Date.parse(a.createdAt) }))
    .sort((a, b) => a.at - b.at);
  const t = Date.parse(at);
  const next = answered.find((a) => a.at >= t);
  if (next) return next.order;
  const unanswered = interview.questions.filter((q) => !interview.answers.some((a) => a.questionId === q.id)).map((q) => q.order);
  return unanswered.length > 0 ? Math.min(...unanswered) : null;
}

/** The integrity of a proctored interview for its coach: verified or not, counts against thresholds, the timeline, flags to review. */
export function IntegrityPanel({ interview, live = false }: { interview: Interview; live?: boolean }) {
  const integrity = useIntegrity(interview.id, { refetchInterval: live ? 15_000 : false });
  if (integrity.isPending) return null;
  if (integrity.isError) return <Alert>{errorMessage(integrity.error)}</Alert>;
  if (integrity.data.viewer !== 'staff') return null;
  return <Panel interview={interview} report={integrity.data} />;
}

function Panel({ interview, report }: { interview: Interview; report: IntegrityReport }) {
  // Not proctored: only what the answers themselves show, compared after the interview.
  if (report.level === 'off') {
    return (
      <section aria-labelledby="integrity-heading" className="card space-y-5 p-5 sm:p-6">
        <h2 id="integrity-heading" className="font-semibold text-fg">
          Answer originality
        </h2>
        <SimilarityFindings interview={interview} report={report} />
        <FlagList interview={interview} flags={report.flags} />
      </section>
    );
  }
  return (
    <section aria-labelledby="integrity-heading" className="card space-y-5 p-5 sm:p-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="integrity-heading" className="flex items-center gap-2 font-semibold text-fg">
          {report.chainValid ? (
            <ShieldCheck className="size-5 text-success" aria-hidden="true" />
          ) : (
            <ShieldAlert className="size-5 text-danger" aria-hidden="true" />
          )}
          Integrity · {report.level === 'full' ? 'camera and browser' : 'browser'}
        </h2>
        {report.chainValid ? (
          <Badge tone="success">Log verified</Badge>
        ) : (
          <Badge tone="danger">Log tampered at event {report.tamperedAt}</Badge>
        )}
      </div>
      {report.terminatedReason ? <Alert title="Ended by proctoring rules">{report.terminatedReason}</Alert> : null}
      {report.precheck?.warnings.length ? (
        <p className="text-sm text-fg-muted">Pre-check notes: {report.precheck.warnings.join(' ')}</p>
      ) : null}

      <div>
        <h3 className="mb-2 text-sm font-semibold text-fg">Against the thresholds</h3>
        <ul className="grid gap-2 sm:grid-cols-2">
          {THRESHOLD_CATEGORIES.map((c) => {
            const n = report.categoryCounts[c] ?? 0;
            const reached = n >= report.thresholds[c];
            return (
              <li key={c} className="flex items-center justify-between gap-3 rounded-lg bg-surface-muted/60 px-3 py-2 text-sm">
                <span className="text-fg-muted">{CATEGORY_LABELS[c]}</span>
                <span className={reached ? 'font-semibold text-danger' : 'text-fg'}>
                  {n} of {report.thresholds[c]}
                  <span className="sr-only">{reached ? ', threshold reached' : ''}</span>
                </span>
              </li>
            );
          })}
        </ul>
        <p className="mt-2 text-xs text-fg-subtle">
          {report.terminateOnThreshold
            ? 'Your organization ends the interview when a threshold is reached.'
            : 'Thresholds are advisory: flags for review.'}
        </p>
      </div>

      <FlagList interview={interview} flags={report.flags} />
      <SimilarityFindings interview={interview} report={report} />

      <div>
        <h3 className="mb-2 text-sm font-semibold text-fg">Timeline</h3>
        {report.events.length === 0 ? (
          <p className="text-sm text-fg-muted">Nothing was observed.</p>
        ) : (
          <ol className="space-y-1.5 text-sm" aria-label="Integrity events in order">
            {report.events.map((e) => {
              const q = questionAt(interview, e.at);
              return (
                <li key={e.position} className="flex flex-wrap gap-x-3 gap-y-0.5">
                  <span className="w-10 shrink-0 text-fg-subtle tabular-nums">#{e.seq}</span>
                  <time dateTime={e.at} className="shrink-0 text-fg-subtle tabular-nums">
                    {new Date(e.at).toLocaleTimeString()}
                  </time>
                  <span className="text-fg">{describe(e)}</span>
                  {q ? <span className="text-fg-subtle">during question {q}</span> : null}
                  {e.problem ? <Badge tone="danger">{e.problem.replace('_', ' ')}</Badge> : null}
                </li>
              );
            })}
          </ol>
        )}
      </div>
    </section>
  );
}

function FlagList({ interview, flags }: { interview: Interview; flags: IntegrityFlag[] }) {
  if (flags.length === 0) return null;
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-fg">Flags</h3>
      <ul className="space-y-3">
        {flags.map((f) => (
          <FlagItem key={f.id} interviewId={interview.id} flag={f} />
        ))}
      </ul>
    </div>
  );
}

function FlagItem({ interviewId, flag }: { interviewId: string; flag: IntegrityFlag }) {
  const review = useReviewFlag(interviewId);
  const [note, setNote] = useState('');
  const id = `flag-note-${flag.id}`;
  return (
    <li className="rounded-lg border border-border p-3 text-sm">
      <p className="font-medium text-fg">{flag.message}</p>
      {flag.reviewedAt ? (
        <p className="mt-1 text-fg-muted">
          Reviewed by {flag.reviewedBy?.name ?? 'a coach'} on {formatDateTime(flag.reviewedAt)}: {flag.reviewNote}
        </p>
      ) : (
        <form
          className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-end"
          onSubmit={(e) => {
            e.preventDefault();
            if (note.trim()) review.mutate({ flagId: flag.id, note: note.trim() });
          }}
        >
          <div className="min-w-0 flex-1">
            <TextField id={id} label="Review note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
          </div>
          <Button type="submit" size="sm" variant="secondary" loading={review.isPending} loadingText="Saving…" disabled={!note.trim()}>
            Mark as reviewed
          </Button>
        </form>
      )}
      {review.isError ? <p className="mt-1 text-danger">{errorMessage(review.error)}</p> : null}
    </li>
  );
}
