import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DIMENSIONS, sharedReport, type SharedReport } from '../../../contract/index.js';
import { ApiError, apiRequest, errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { interviewTypeLabel, levelLabel, scoreBand } from '../../lib/interview-meta.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { buttonClass } from '../../ui/button.js';
import { Logo } from '../../ui/logo.js';
import { ScoreRing } from '../../ui/score-ring.js';
import { Skeleton } from '../../ui/skeleton.js';

const dimensionNames: Record<(typeof DIMENSIONS)[number], string> = {
  relevance: 'Relevance',
  correctness: 'Correctness',
  completeness: 'Completeness',
  clarity: 'Clarity',
  structure: 'Structure',
};

/** A report opened from a share link: no sign-in, no account, only what the candidate chose to show. */
export function SharedReportPage() {
  const { token = '' } = useParams();
  const query = useQuery({
    queryKey: ['shared-report', token],
    queryFn: ({ signal }) => apiRequest(`/api/v1/shared/${encodeURIComponent(token)}`, { schema: sharedReport, signal }),
    retry: false,
  });

  return (
    <div className="min-h-screen bg-bg">
      <header className="border-b border-border bg-surface">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-4 px-4 py-3">
          <Logo />
          <span className="text-sm text-fg-subtle">Shared interview report · read only</span>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-8 px-4 py-8">
        {query.isPending ? (
          <div role="status" className="space-y-4">
            <span className="sr-only">Loading the report…</span>
            <Skeleton className="h-10 w-2/3" />
            <Skeleton className="h-48 w-full" />
          </div>
        ) : query.isError ? (
          <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
            <title>Link not available · Panelist</title>
            <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
              This link does not open a report
            </h1>
            {query.error instanceof ApiError && query.error.status === 404 ? (
              <p className="text-fg-muted">It may have expired or been revoked. Ask the person who shared it for a new link.</p>
            ) : (
              <Alert>{errorMessage(query.error)}</Alert>
            )}
            <Link to="/" className={buttonClass('primary')}>
              Go to Panelist
            </Link>
          </div>
        ) : (
          <SharedReportView report={query.data} />
        )}
      </main>
    </div>
  );
}

function SharedReportView({ report }: { report: SharedReport }) {
  const band = scoreBand(report.overallScore);
  return (
    <>
      <title>{`Shared report · ${report.role} · Panelist`}</title>
      <div className="space-y-2">
        <p className="text-sm font-medium text-primary">Practice interview report</p>
        <h1 tabIndex={-1} data-page-heading className="text-3xl font-semibold tracking-tight">
          {report.role}
        </h1>
        <p className="text-fg-muted">
          {interviewTypeLabel(report.type)} · {levelLabel(report.level)}
          {report.completedAt ? <> · {formatDateTime(report.completedAt)}</> : null} · link expires {formatDateTime(report.expiresAt)}
        </p>
      </div>

      <section
        aria-labelledby="shared-overall"
        className="card grid grid-cols-1 gap-6 p-6 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-center"
      >
        <div className="flex flex-col items-center gap-2">
          <h2 id="shared-overall" className="text-sm font-semibold tracking-wide text-fg-subtle uppercase">
            Overall score
          </h2>
          <ScoreRing score={report.overallScore} tone={band.tone} size={120} />
          <span className="text-sm font-medium">{band.label}</span>
        </div>
        {report.dimensions ? (
          <dl className="grid grid-cols-1 gap-2 text-sm sm:grid-cols-2">
            {DIMENSIONS.map((d) => (
              <div key={d} className="flex justify-between gap-3 rounded-lg bg-surface-muted px-3 py-2">
                <dt className="text-fg-muted">{dimensionNames[d]}</dt>
                <dd className="font-semibold tabular-nums">{Math.round(report.dimensions![d])}</dd>
              </div>
            ))}
          </dl>
        ) : null}
      </section>

      {report.strengths.length > 0 || report.improvements.length > 0 ? (
        <section aria-label="Summary" className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <List title="Strengths" items={report.strengths} />
          <List title="To work on" items={report.improvements} />
        </section>
      ) : null}

      <section aria-labelledby="shared-questions" className="space-y-4">
        <h2 id="shared-questions" className="text-xl font-semibold">
          Question by question
        </h2>
        <ol className="space-y-4">
          {report.questions.map((q, i) => (
            <li key={q.order} className="card space-y-3 p-5">
              <div className="flex items-start justify-between gap-4">
                <div className="space-y-2">
                  <p className="flex items-center gap-2 text-sm text-fg-subtle">
                    <span className="font-medium text-fg-muted">Question {i + 1}</span> <Badge>{interviewTypeLabel(q.type)}</Badge>
                  </p>
                  <h3 className="font-semibold">{q.text}</h3>
                </div>
                <p className="shrink-0 text-lg font-semibold tabular-nums">
                  {q.score === null ? (
                    <span className="text-sm text-fg-subtle">Not answered</span>
                  ) : (
                    <>
                      {q.score}
                      <span className="text-sm text-fg-subtle">/100</span>
                    </>
                  )}
                </p>
              </div>
              {q.answer ? (
                <blockquote className="rounded-lg border-l-4 border-primary/40 bg-surface-muted px-4 py-3 text-sm whitespace-pre-wrap">
                  {q.answer}
                </blockquote>
              ) : null}
              {q.strengths?.length || q.improvements?.length ? (
                <div className="grid grid-cols-1 gap-3 text-sm md:grid-cols-2">
                  <List title="Went well" items={q.strengths ?? []} small />
                  <List title="Could be better" items={q.improvements ?? []} small />
                </div>
              ) : null}
              {q.missingKeyPoints?.length ? (
                <p className="text-sm text-fg-muted">
                  <span className="font-medium text-fg">Key points missed:</span> {q.missingKeyPoints.join('; ')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function List({ title, items, small = false }: { title: string; items: string[]; small?: boolean }) {
  if (items.length === 0) return null;
  const Heading = small ? 'h4' : 'h2';
  return (
    <div className={small ? 'space-y-1' : 'card space-y-2 p-5'}>
      <Heading className={small ? 'font-medium' : 'font-semibold'}>{title}</Heading>
      <ul className="list-disc space-y-1 pl-5 text-sm text-fg-muted">
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}
