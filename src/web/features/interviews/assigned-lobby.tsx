import { ArrowLeft, CalendarClock, Check, Clock, Play, ShieldCheck } from 'lucide-react';
import { Link } from 'react-router';
import type { Interview } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';
import { useInterview, useStartInterview } from '../../lib/api/interviews.js';
import { interviewTypeLabel, levelLabel } from '../../lib/interview-meta.js';
import {
  formatMinutes,
  formatSpan,
  formatSpanWords,
  formatTime,
  formatWhen,
  formatWindow,
  timeZoneLabel,
} from '../../lib/schedule-format.js';
import { useHasPassed, useServerNowSeconds } from '../../lib/server-clock.js';

/**
 * Before an assigned interview starts: when it can be taken, what the rules are, and a Start
 * button that enables itself when the window opens (by the server's clock, not the device's).
 */
export function AssignedLobby({ interview }: { interview: Interview }) {
  const start = useStartInterview(interview.id);
  const opened = useHasPassed(interview.windowStart);
  const closed = useHasPassed(interview.windowEnd);
  // Once the window has passed, the server marks the interview missed; fetch that verdict.
  const fresh = useInterview(interview.id, { refetchInterval: closed ? 5000 : false });
  const coach = interview.coach?.name ?? 'Your coach';
  const startError = start.error instanceof ApiError ? start.error : null;
  const notYetOpen = startError?.code === 'not_yet_open';
  const reportedOpensAt = startError?.problem.details?.opensAt;
  const opensAt = notYetOpen && typeof reportedOpensAt === 'string' ? reportedOpensAt : interview.windowStart;

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <title>{`${interview.role} · Panelist`}</title>
      <Link to="/" className={buttonClass('ghost', 'sm', '-ml-3')}>
        <ArrowLeft className="size-4" aria-hidden="true" /> Dashboard
      </Link>
      <PageHeader
        eyebrow={`Interview from ${coach}`}
        title={interview.role}
        description={`${interviewTypeLabel(interview.type)} · ${levelLabel(interview.level)} · ${interview.questionCount} ${interview.questionCount === 1 ? 'question' : 'questions'}${interview.durationMinutes ? ` · ${formatMinutes(interview.durationMinutes)}` : ''}`}
      />

      <section aria-labelledby="when-heading" className="card overflow-hidden">
        <div className="flex flex-col gap-5 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6">
          <div className="flex gap-4">
            <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
              <CalendarClock className="size-5" />
            </span>
            <div className="min-w-0 space-y-1">
              <h2 id="when-heading" className="font-semibold text-fg">
                {interview.windowStart && interview.windowEnd ? formatWindow(interview.windowStart, interview.windowEnd) : 'Any time'}
              </h2>
              <p className="text-sm text-fg-subtle">Times in your time zone, {timeZoneLabel()}</p>
              <WindowStatus interview={interview} />
            </div>
          </div>
          {!closed ? (
            <Button
              size="lg"
              className="w-full shrink-0 sm:w-auto"
              disabled={!opened}
              loading={start.isPending}
              loadingText="Starting…"
              onClick={() =>
                start.mutate(undefined, {
                  onError: (err) => {
                    if (err instanceof ApiError && err.code === 'window_closed') void fresh.refetch();
                  },
                })
              }
              aria-describedby="start-note"
            >
              <Play className="size-4" aria-hidden="true" /> Start interview
            </Button>
          ) : null}
        </div>
        <p id="start-note" className="border-t border-border bg-surface-muted/60 px-5 py-3 text-sm text-fg-muted sm:px-6">
          {closed
            ? 'The window has closed, so this interview can no longer be started.'
            : opened
              ? 'The timer starts when you press Start and keeps running if you leave the page.'
              : interview.windowStart
                ? `The Start button turns on at ${formatTime(interview.windowStart)} on ${formatWhen(interview.windowStart).split(',')[0]}.`
                : 'The Start button turns on when the window opens.'}
        </p>
      </section>

      {interview.proctoring === 'light' || interview.proctoring === 'full' ? (
        <section
          aria-labelledby="proctoring-heading"
          className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between sm:p-6"
        >
          <div className="flex gap-4">
            <span className="grid size-11 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
              <ShieldCheck className="size-5" />
            </span>
            <div className="space-y-1">
              <h2 id="proctoring-heading" className="font-semibold text-fg">
                Proctored {interview.proctoring === 'full' ? 'with the camera' : 'in the browser'}
              </h2>
              <p className="text-sm text-fg-muted">
                Read what is observed and check your device before you start. It takes about a minute.
              </p>
            </div>
          </div>
          <Link to={`/interviews/${interview.id}/precheck`} className={buttonClass('secondary', 'md', 'shrink-0')}>
            Check my device
          </Link>
        </section>
      ) : null}

      {start.isError ? (
        <Alert title={notYetOpen ? 'Not open yet' : 'Could not start the interview'}>
          {notYetOpen && opensAt ? `This interview opens at ${formatWhen(opensAt)}.` : errorMessage(start.error)}
        </Alert>
      ) : null}

      <section aria-labelledby="rules-heading" className="card p-5 sm:p-6">
        <h2 id="rules-heading" className="mb-4 font-semibold text-fg">
          Before you start
        </h2>
        <ul className="space-y-3">
          {rules(interview, coach).map((rule) => (
            <li key={rule} className="flex gap-3 text-[0.9375rem] leading-relaxed text-fg-muted">
              <Check className="mt-1 size-4 shrink-0 text-success" aria-hidden="true" />
              <span>{rule}</span>
            </li>
          ))}
        </ul>
        {interview.durationMinutes && interview.windowEnd && !closed ? (
          <ShortenedWarning windowEnd={interview.windowEnd} durationMinutes={interview.durationMinutes} />
        ) : null}
      </section>
    </div>
  );
}

function rules(interview: Interview, coach: string): string[] {
  const duration = interview.durationMinutes ? formatMinutes(interview.durationMinutes) : null;
  return [
    duration
      ? `You have ${duration} from the moment you press Start, or until the window closes — whichever comes first.`
      : 'You can answer until the window closes.',
    'The questions appear once you start. Answer them one at a time and submit each answer when it is ready.',
    'Your writing is saved as you type, on this device and on Panelist, so a reload or a dropped connection loses nothing.',
    'When time runs out, the interview is submitted with the answers you have submitted.',
    interview.releaseResults === 'immediately'
      ? 'You see the score and feedback for each answer as soon as you submit it.'
      : `${coach} reviews your answers first, then releases your scores and feedback.`,
  ];
}

/** "Opens in 2 h 10 min" / "Open now · closes in 5 h" — live, by the server's clock. */
function WindowStatus({ interview }: { interview: Interview }) {
  const now = useServerNowSeconds();
  if (!interview.windowStart || !interview.windowEnd) return null;
  const toOpen = Math.floor(Date.parse(interview.windowStart) / 1000) - now;
  const toClose = Math.floor(Date.parse(interview.windowEnd) / 1000) - now;
  if (toOpen > 0) {
    return (
      <p className="inline-flex items-center gap-1.5 text-sm font-medium text-primary">
        <Clock className="size-4" aria-hidden="true" />
        <span aria-hidden="true">Opens in {formatSpan(toOpen)}</span>
        <span className="sr-only">Opens in {formatSpanWords(toOpen)}</span>
      </p>
    );
  }
  if (toClose > 0) {
    return (
      <p className="inline-flex items-center gap-1.5 text-sm font-medium text-success">
        <span className="size-2 rounded-full bg-success motion-safe:animate-pulse" aria-hidden="true" />
        <span aria-hidden="true">Open now · closes in {formatSpan(toClose)}</span>
        <span className="sr-only">Open now, closes in {formatSpanWords(toClose)}</span>
      </p>
    );
  }
  return <p className="text-sm font-medium text-danger">The window has closed</p>;
}

/** When the window closes before a full duration would end, say so before the candidate starts. */
function ShortenedWarning({ windowEnd, durationMinutes }: { windowEnd: string; durationMinutes: number }) {
  const now = useServerNowSeconds();
  const left = Math.floor(Date.parse(windowEnd) / 1000) - now;
  if (left <= 0 || left >= durationMinutes * 60) return null;
  return (
    <p className="mt-4 rounded-xl bg-warning-soft px-4 py-3 text-sm font-medium text-warning">
      The window closes at {formatTime(windowEnd)}: if you start now you will have {formatSpan(left)}, not the full{' '}
      {formatMinutes(durationMinutes)}.
    </p>
  );
}
