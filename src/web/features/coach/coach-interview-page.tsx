import { ArrowLeft, BadgeCheck, CalendarClock, CalendarPlus, CalendarX, FileText, Lock, Radio } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { Interview } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { PageHeader } from '../../ui/page-header.js';
import { ScoreRing } from '../../ui/score-ring.js';
import { PageSpinner } from '../../ui/spinner.js';
import { useInterview } from '../../lib/api/interviews.js';
import { DeadlineTimer } from '../../ui/deadline-timer.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { interviewTypeLabel, questionTypeLabel, levelLabel, scoreBand, scoreTextClass } from '../../lib/interview-meta.js';
import { formatMinutes, formatWindow } from '../../lib/schedule-format.js';
import { useHasPassed } from '../../lib/server-clock.js';
import { useLiveStatus } from '../../lib/live-events.js';
import { useFinalizeInterview } from '../../lib/api/coach.js';
import { IntegrityPanel } from '../../ui/integrity-panel.js';
import { AnswerReview } from './components/answer-review.js';
import { CancelDialog } from './components/cancel-dialog.js';
import { QuestionEditor } from './components/question-editor.js';
import { RescheduleDialog } from './components/reschedule-dialog.js';
import { useCoachLiveRefresh } from './use-coach-live-refresh.js';

const LIVE_POLL_MS = 15_000;

/** An assigned interview from the coach's side: edit before, watch during, review after. */
export function CoachInterviewPage() {
  const { id = '' } = useParams();
  // Live events refresh the page when the candidate starts or completes; poll only while the socket is down.
  const live = useLiveStatus() === 'open';
  const query = useInterview(id, {
    refetchInterval: (data) => (!live && (data?.status === 'in_progress' || data?.status === 'scheduled') ? LIVE_POLL_MS : false),
  });
  useCoachLiveRefresh(false);

  if (query.isPending) return <PageSpinner label="Loading the interview…" />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
        <title>Interview · Panelist</title>
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
          {notFound ? 'Interview not found' : 'Could not load the interview'}
        </h1>
        {notFound ? (
          <p className="text-fg-muted">It does not exist, or it is not one you coach.</p>
        ) : (
          <Alert>{errorMessage(query.error)}</Alert>
        )}
        <Link to="/coach" className={buttonClass('primary')}>
          Back to coaching
        </Link>
      </div>
    );
  }
  return <CoachInterview interview={query.data} />;
}

function CoachInterview({ interview }: { interview: Interview }) {
  const location = useLocation();
  const justScheduled = (location.state as { scheduled?: boolean } | null)?.scheduled === true;
  const [dialog, setDialog] = useState<'reschedule' | 'cancel' | 'finalize' | null>(null);
  const finalize = useFinalizeInterview(interview.id);
  const opened = useHasPassed(interview.windowStart);
  const candidate = interview.candidate?.name ?? 'The candidate';
  const status = interview.status;
  const editable = status === 'scheduled' && !opened;

  return (
    <div className="space-y-8">
      <title>{`${candidate} · ${interview.role} · Panelist`}</title>
      <Link to="/coach" className={buttonClass('ghost', 'sm', '-ml-3')}>
        <ArrowLeft className="size-4" aria-hidden="true" /> Coaching
      </Link>

      <PageHeader
        eyebrow={`Interview for ${candidate}`}
        title={interview.role}
        description={`${interviewTypeLabel(interview.type)} · ${levelLabel(interview.level)} · ${interview.questionCount} ${interview.questionCount === 1 ? 'question' : 'questions'}`}
        actions={
          status === 'scheduled' ? (
            <>
              <Button variant="secondary" onClick={() => setDialog('reschedule')}>
                <CalendarClock className="size-4" aria-hidden="true" /> Reschedule
              </Button>
              <Button variant="ghost" className="text-danger hover:text-danger" onClick={() => setDialog('cancel')}>
                <CalendarX className="size-4" aria-hidden="true" /> Cancel interview
              </Button>
            </>
          ) : status === 'completed' ? (
            <Button onClick={() => setDialog('finalize')}>
              <BadgeCheck className="size-4" aria-hidden="true" /> Finalize review
            </Button>
          ) : status === 'missed' || status === 'cancelled' ? (
            <Link
              to={`/coach/schedule?candidateId=${interview.candidate?.id ?? ''}${interview.orgId ? `&orgId=${interview.orgId}` : ''}`}
              className={buttonClass('secondary')}
            >
              <CalendarPlus className="size-4" aria-hidden="true" /> Schedule again
            </Link>
          ) : status === 'reviewed' ? (
            <Link to={`/interviews/${interview.id}/report`} className={buttonClass('secondary')}>
              <FileText className="size-4" aria-hidden="true" /> Open report
            </Link>
          ) : null
        }
      />

      {justScheduled && status === 'scheduled' ? (
        <Alert tone="success" title="Interview scheduled">
          {editable
            ? `${candidate} has been notified. You can edit the questions below until the window opens.`
            : `${candidate} has been notified and can start now. Review the questions below.`}
        </Alert>
      ) : null}

      <Facts interview={interview} />

      {status === 'scheduled' && editable ? <QuestionEditor key={interview.id} interview={interview} /> : null}
      {status === 'scheduled' && !editable ? (
        <>
          <Notice icon={<Lock className="size-5" />}>
            The window is open, so the questions are fixed. {candidate} can start at any time until it closes.
          </Notice>
          <QuestionList interview={interview} />
        </>
      ) : null}
      {(interview.proctoring && interview.proctoring !== 'off' && status !== 'scheduled') ||
      status === 'completed' ||
      status === 'terminated' ? (
        <IntegrityPanel interview={interview} live={status === 'in_progress'} />
      ) : null}
      {status === 'in_progress' ? (
        <>
          <LiveProgress interview={interview} />
          <ReviewList interview={interview} canOverride={false} />
        </>
      ) : null}
      {status === 'completed' || status === 'reviewed' ? (
        <>
          <ReviewSummary interview={interview} />
          <ReviewList interview={interview} canOverride={status === 'completed'} />
          {status === 'completed' ? (
            <div className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
              <p className="text-fg-muted">
                {interview.releaseResults === 'immediately'
                  ? `${candidate} already sees the engine’s results. Finalizing marks your review done and shows your scores and notes.`
                  : `Done reviewing? Finalizing releases the scores, feedback and your notes to ${candidate}.`}
              </p>
              <Button onClick={() => setDialog('finalize')} className="shrink-0">
                <BadgeCheck className="size-4" aria-hidden="true" /> Finalize review
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
      {status === 'missed' || status === 'cancelled' ? (
        <>
          <Notice icon={<CalendarX className="size-5" />}>
            {status === 'missed'
              ? `The window closed before ${candidate} started. Schedule it again if they should still take it.`
              : `You cancelled this interview${interview.cancelledAt ? ` on ${formatDateTime(interview.cancelledAt)}` : ''}.`}
          </Notice>
          <QuestionList interview={interview} />
        </>
      ) : null}

      <RescheduleDialog interview={interview} open={dialog === 'reschedule'} onClose={() => setDialog(null)} />
      <CancelDialog interview={interview} open={dialog === 'cancel'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        open={dialog === 'finalize'}
        title="Finalize this review?"
        confirmLabel={interview.releaseResults === 'immediately' ? 'Finalize' : 'Finalize and release'}
        cancelLabel="Keep reviewing"
        busy={finalize.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => finalize.mutate(undefined, { onSuccess: () => setDialog(null) })}
      >
        {interview.releaseResults === 'immediately'
          ? `${candidate} will see your final scores and notes. Scores cannot change afterwards.`
          : `${candidate} will see the scores, the feedback and your notes. Scores cannot change afterwards.`}
        {finalize.isError ? <span className="mt-3 block font-medium text-danger">{errorMessage(finalize.error)}</span> : null}
      </ConfirmDialog>
    </div>
  );
}

function Facts({ interview }: { interview: Interview }) {
  const facts: Array<[string, ReactNode]> = [
    ['Status', <StatusBadge key="s" interview={interview} audience="coach" />],
    ['Candidate', interview.candidate?.name ?? '—'],
    ['Window', interview.windowStart && interview.windowEnd ? formatWindow(interview.windowStart, interview.windowEnd) : '—'],
    ['Time to answer', interview.durationMinutes ? formatMinutes(interview.durationMinutes) : '—'],
    ['Results', interview.releaseResults === 'immediately' ? 'Shown to the candidate at once' : 'Released when you finalize'],
  ];
  if (interview.startedAt) facts.push(['Started', formatDateTime(interview.startedAt)]);
  if (interview.completedAt) facts.push(['Submitted', formatDateTime(interview.completedAt)]);
  if (interview.finalizedAt) facts.push(['Finalized', formatDateTime(interview.finalizedAt)]);
  if (interview.coach) facts.push(['Scheduled by', interview.coach.name]);
  return (
    <dl className="card grid grid-cols-1 gap-x-6 gap-y-3 p-5 text-sm sm:grid-cols-2 sm:p-6 lg:grid-cols-3">
      {facts.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-fg-subtle">{k}</dt>
          <dd className="mt-0.5 font-medium break-words text-fg">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Notice({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <div className="flex gap-3 rounded-xl border border-border bg-surface-muted px-4 py-3 text-sm text-fg-muted">
      <span className="shrink-0 text-fg-subtle" aria-hidden="true">
        {icon}
      </span>
      <p>{children}</p>
    </div>
  );
}

function LiveProgress({ interview }: { interview: Interview }) {
  return (
    <section aria-labelledby="live-heading" className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
      <div className="flex gap-3">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary" aria-hidden="true">
          <Radio className="size-5 motion-safe:animate-pulse" />
        </span>
        <div>
          <h2 id="live-heading" className="font-semibold text-fg">
            {interview.candidate?.name ?? 'The candidate'} is taking this interview
          </h2>
          <p className="text-sm text-fg-muted" aria-live="polite">
            {interview.answeredCount} of {interview.questionCount} answered. This page updates by itself.
          </p>
        </div>
      </div>
      {interview.deadlineAt ? <DeadlineTimer deadlineAt={interview.deadlineAt} className="self-start sm:self-center" /> : null}
    </section>
  );
}

function ReviewSummary({ interview }: { interview: Interview }) {
  const band = scoreBand(interview.overallScore);
  const overrides = interview.answers.filter((a) => a.override).length;
  return (
    <section
      aria-labelledby="summary-heading"
      className="card flex flex-col items-center gap-5 p-5 text-center sm:flex-row sm:p-6 sm:text-left"
    >
      <ScoreRing
        score={interview.overallScore}
        tone={band.tone}
        size={104}
        label={interview.overallScore === null ? 'Overall score: not scored' : `Overall score ${interview.overallScore} out of 100`}
      />
      <div className="space-y-1">
        <h2 id="summary-heading" className="text-lg font-semibold text-fg">
          Overall <span className={cn('ml-1', scoreTextClass[band.tone])}>{band.label}</span>
        </h2>
        <p className="text-fg-muted">
          {interview.answeredCount} of {interview.questionCount} questions answered; unanswered ones count as 0.
          {overrides ? ` ${overrides} ${overrides === 1 ? 'score' : 'scores'} changed by a coach.` : ''}
        </p>
        {interview.status === 'reviewed' && interview.finalizedAt ? (
          <p className="text-sm text-success">Finalized on {formatDateTime(interview.finalizedAt)}; the candidate can see the results.</p>
        ) : null}
      </div>
    </section>
  );
}

function ReviewList({ interview, canOverride }: { interview: Interview; canOverride: boolean }) {
  const answers = new Map(interview.answers.map((a) => [a.questionId, a]));
  const questions = [...interview.questions].sort((a, b) => a.order - b.order);
  return (
    <section aria-labelledby="answers-heading" className="space-y-4">
      <h2 id="answers-heading" className="text-lg font-semibold tracking-tight text-fg">
        Answers
      </h2>
      <ol className="space-y-5">
        {questions.map((q, i) => (
          <AnswerReview
            key={q.id}
            interviewId={interview.id}
            question={q}
            number={i + 1}
            answer={answers.get(q.id)}
            canOverride={canOverride}
          />
        ))}
      </ol>
    </section>
  );
}

function QuestionList({ interview }: { interview: Interview }) {
  const questions = [...interview.questions].sort((a, b) => a.order - b.order);
  return (
    <section aria-labelledby="questions-heading" className="space-y-4">
      <h2 id="questions-heading" className="text-lg font-semibold tracking-tight text-fg">
        Questions <span className="text-base font-normal text-fg-subtle">({questions.length})</span>
      </h2>
      <ol className="space-y-3">
        {questions.map((q, i) => (
          <li key={q.id} className="card space-y-2 p-4 sm:p-5">
            <p className="text-sm font-medium text-fg-muted">
              Question {i + 1} · {questionTypeLabel(q)}
            </p>
            <p className="font-medium text-fg">{q.text}</p>
            {q.keyPoints?.length ? (
              <ul className="flex flex-wrap gap-2" aria-label="Key points">
                {q.keyPoints.map((k) => (
                  <li key={k} className="rounded-lg bg-surface-muted px-2.5 py-1 text-sm text-fg-muted">
                    {k}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
