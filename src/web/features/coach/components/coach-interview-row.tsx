import { ChevronRight } from 'lucide-react';
import { Link } from 'react-router';
import type { InterviewSummary } from '../../../../contract/index.js';
import { formatRelativeDay, initials } from '../../../lib/format.js';
import { cn } from '../../../ui/cn.js';
import { StatusBadge } from '../../../ui/status-badge.js';
import { interviewTypeLabel, scoreBand, scoreTextClass } from '../../../lib/interview-meta.js';
import { formatTime, formatWindow } from '../../../lib/schedule-format.js';

/** The second line of a row: what matters about the interview in its current state. */
function whenLine(i: InterviewSummary): string {
  switch (i.status) {
    case 'scheduled':
      return i.windowStart && i.windowEnd ? formatWindow(i.windowStart, i.windowEnd) : 'Scheduled';
    case 'in_progress':
      return `${i.startedAt ? `Started ${formatTime(i.startedAt)} · ` : ''}${i.answeredCount} of ${i.questionCount} answered`;
    case 'completed':
      return i.completedAt
        ? `Submitted ${formatRelativeDay(i.completedAt)} · ${i.answeredCount} of ${i.questionCount} answered`
        : 'Submitted';
    case 'reviewed':
      return i.finalizedAt ? `Finalized ${formatRelativeDay(i.finalizedAt)}` : 'Reviewed';
    case 'missed':
      return i.windowEnd ? `Window closed ${formatRelativeDay(i.windowEnd)}` : 'Missed';
    case 'cancelled':
      return i.cancelledAt ? `Cancelled ${formatRelativeDay(i.cancelledAt)}` : 'Cancelled';
    case 'terminated':
      return i.completedAt ? `Ended by proctoring rules ${formatRelativeDay(i.completedAt)}` : 'Ended by proctoring rules';
  }
}

export function CoachInterviewRow({ interview }: { interview: InterviewSummary }) {
  const name = interview.candidate?.name ?? 'Candidate';
  const scored = (interview.status === 'completed' || interview.status === 'reviewed') && interview.overallScore !== null;
  const band = scoreBand(interview.overallScore);
  return (
    <li>
      <Link
        to={`/coach/interviews/${interview.id}`}
        className="group flex items-center gap-3 px-4 py-3.5 transition-colors hover:bg-surface-muted/70 focus-visible:-outline-offset-2 sm:gap-4 sm:px-5"
      >
        <span
          className="grid size-9 shrink-0 place-items-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-fg"
          aria-hidden="true"
        >
          {initials(name)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block truncate font-medium text-fg">{name}</span>
          <span className="block text-sm break-words text-fg-subtle">
            {interview.role} · {interviewTypeLabel(interview.type)}
          </span>
          <span className="block text-sm text-fg-subtle">{whenLine(interview)}</span>
        </span>
        <span className="flex shrink-0 flex-col items-end gap-1">
          <StatusBadge interview={interview} audience="coach" />
          {scored ? (
            <span className={cn('text-sm font-semibold tabular-nums', scoreTextClass[band.tone])} aria-hidden="true">
              {interview.overallScore}
            </span>
          ) : null}
        </span>
        {scored ? <span className="sr-only">, score {interview.overallScore}</span> : null}
        <ChevronRight className="size-4 shrink-0 text-fg-subtle transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      </Link>
    </li>
  );
}
