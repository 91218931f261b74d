import { ArrowRight, CalendarClock, Clock, Play } from 'lucide-react';
import { Link } from 'react-router';
import type { InterviewSummary } from '../../contract/index.js';
import { errorMessage } from '../lib/api-client.js';
import { formatClock, formatDurationWords } from '../lib/format.js';
import { Alert } from './alert.js';
import { Badge } from './badge.js';
import { Button, buttonClass } from './button.js';
import { cn } from './cn.js';
import { Skeleton } from './skeleton.js';
import { useLiveStatus } from '../lib/live-events.js';
import { useInterview, useInterviewList } from '../lib/api/interviews.js';
import { interviewTypeIcons, interviewTypeLabel, levelLabel } from '../lib/interview-meta.js';
import { formatMinutes, formatSpan, formatSpanWords, formatWhen, formatWindow } from '../lib/schedule-format.js';
import { useHasPassed, useServerNowSeconds } from '../lib/server-clock.js';

const upcomingParams = { kind: 'assigned', status: ['scheduled', 'in_progress'], limit: 10 } as const;

function soonestFirst(a: InterviewSummary, b: InterviewSummary): number {
  if (a.status !== b.status) return a.status === 'in_progress' ? -1 : 1;
  return Date.parse(a.windowStart ?? a.createdAt) - Date.parse(b.windowStart ?? b.createdAt);
}

/**
 * The candidate's interviews set by a coach and not yet done, soonest first, each with a live
 * countdown and a Start button that turns on when its window opens. Renders nothing when there
 * are none, so practice-only candidates see the dashboard they know.
 */
export function UpcomingInterviews({ className }: { className?: string }) {
  // Live events refresh the list when the coach reschedules or cancels; poll while the socket is down.
  const live = useLiveStatus() === 'open';
  const list = useInterviewList(upcomingParams, { refetchInterval: live ? false : 60_000 });
  const items = [...(list.data?.items ?? [])].sort(soonestFirst);
  // One detail read tells the server's time, so countdowns do not trust this device's clock.
  useInterview(items[0]?.id ?? '', { enabled: items.length > 0 });

  if (list.isPending) {
    return (
      <section aria-label="Upcoming interviews" className={cn('card space-y-3 p-5', className)}>
        <Skeleton className="h-5 w-48" />
        <Skeleton className="h-16 w-full" />
      </section>
    );
  }
  if (list.isError) return <Alert title="Could not load your upcoming interviews">{errorMessage(list.error)}</Alert>;
  if (items.length === 0) return null;

  return (
    <section aria-labelledby="upcoming-heading" className={cn('space-y-4', className)}>
      <div className="flex items-end justify-between gap-3">
        <h2 id="upcoming-heading" className="text-lg font-semibold tracking-tight text-fg">
          Upcoming interviews
        </h2>
        <p className="text-sm text-fg-subtle">Set by your coach</p>
      </div>
      <ul className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {items.map((i) => (
          <UpcomingCard key={i.id} interview={i} />
        ))}
      </ul>
    </section>
  );
}

function UpcomingCard({ interview }: { interview: InterviewSummary }) {
  const Icon = interviewTypeIcons[interview.type];
  const opened = useHasPassed(interview.windowStart);
  const closed = useHasPassed(interview.windowEnd);
  const inProgress = interview.status === 'in_progress';
  const href = `/interviews/${interview.id}`;
  const titleId = `upcoming-${interview.id}`;
  const statusId = `upcoming-status-${interview.id}`;

  return (
    <li className="card flex flex-col gap-4 p-5">
      <div className="flex gap-3.5">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <Icon className="size-5" />
        </span>
        <div className="min-w-0 flex-1 space-y-0.5">
          <h3 id={titleId} className="font-semibold break-words text-fg">
            <Link to={href} className="rounded-sm underline-offset-4 hover:underline">
              {interview.role}
            </Link>
          </h3>
          <p className="text-sm text-fg-subtle">
            {interview.coach ? <>From {interview.coach.name} · </> : null}
            {interviewTypeLabel(interview.type)} · {levelLabel(interview.level)} · {interview.questionCount}{' '}
            {interview.questionCount === 1 ? 'question' : 'questions'}
            {interview.durationMinutes ? <> · {formatMinutes(interview.durationMinutes)}</> : null}
          </p>
        </div>
        {inProgress ? (
          <Badge tone="primary" className="self-start">
            In progress
          </Badge>
        ) : closed ? (
          <Badge tone="danger" className="self-start">
            Missed
          </Badge>
        ) : opened ? (
          <Badge tone="success" className="self-start max-sm:hidden">
            Open now
          </Badge>
        ) : null}
      </div>

      {interview.windowStart && interview.windowEnd ? (
        <p className="flex items-start gap-2 text-sm text-fg-muted">
          <CalendarClock className="mt-0.5 size-4 shrink-0 text-fg-subtle" aria-hidden="true" />
          <span>{formatWindow(interview.windowStart, interview.windowEnd)}</span>
        </p>
      ) : null}

      <div className="mt-auto flex flex-col gap-3 border-t border-border pt-4 sm:flex-row sm:items-center sm:justify-between">
        <p id={statusId} className="text-sm font-medium">
          <LiveStatus interview={interview} />
        </p>
        {inProgress ? (
          <Link to={href} className={buttonClass('primary', 'md', 'w-full sm:w-auto')}>
            Continue <ArrowRight className="size-4" aria-hidden="true" />
          </Link>
        ) : closed ? null : opened ? (
          <Link to={href} className={buttonClass('primary', 'md', 'w-full sm:w-auto')} aria-describedby={statusId}>
            <Play className="size-4" aria-hidden="true" /> Start
          </Link>
        ) : (
          <Button disabled className="w-full sm:w-auto" aria-describedby={statusId}>
            <Play className="size-4" aria-hidden="true" /> Start
          </Button>
        )}
      </div>
    </li>
  );
}

/** The ticking part of a card, kept small so only it re-renders each second. */
function LiveStatus({ interview }: { interview: InterviewSummary }) {
  const now = useServerNowSeconds();
  const at = (iso: string | null | undefined) => (iso ? Math.floor(Date.parse(iso) / 1000) - now : null);
  if (interview.status === 'in_progress') {
    const left = at(interview.deadlineAt);
    if (left === null) return <span className="text-primary">In progress</span>;
    return (
      <span className="inline-flex items-center gap-1.5 text-primary">
        <Clock className="size-4" aria-hidden="true" />
        <span aria-hidden="true" className="tabular-nums">
          {formatClock(left)} left
        </span>
        <span className="sr-only">{formatDurationWords(left)} left</span>
      </span>
    );
  }
  const toOpen = at(interview.windowStart);
  const toClose = at(interview.windowEnd);
  if (toOpen !== null && toOpen > 0) {
    return (
      <span className="text-fg-muted">
        <span aria-hidden="true">Opens in {formatSpan(toOpen)}</span>
        <span className="sr-only">Opens in {formatSpanWords(toOpen)}</span>
        {interview.windowStart ? (
          <span className="block text-xs font-normal text-fg-subtle">{formatWhen(interview.windowStart)}</span>
        ) : null}
      </span>
    );
  }
  if (toClose !== null && toClose > 0) {
    return (
      <span className="text-success">
        <span aria-hidden="true">Open now · closes in {formatSpan(toClose)}</span>
        <span className="sr-only">Open now, closes in {formatSpanWords(toClose)}</span>
      </span>
    );
  }
  return <span className="text-danger">Missed — the window has closed</span>;
}
