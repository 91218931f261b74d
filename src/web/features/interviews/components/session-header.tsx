import { Clock } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { Interview } from '../../../../contract/index.js';
import { formatClock, formatDurationWords } from '../../../lib/format.js';
import { interviewTypeLabel, levelLabel } from '../../../lib/interview-meta.js';
import { formatTime } from '../../../lib/schedule-format.js';
import { startClock, useNowSeconds } from '../../../lib/use-elapsed.js';
import { DeadlineBanner, DeadlineTimer } from '../../../ui/deadline-timer.js';
import { ProgressBar } from '../../../ui/progress-bar.js';

/** Where the candidate is: the interview, question n of total, the clock (or the server's deadline) and progress. */
export function SessionHeader({
  interview,
  index,
  total,
  answeredCount,
  answered,
  clockKey,
  timer,
}: {
  interview: Interview;
  index: number;
  total: number;
  answeredCount: number;
  answered: boolean;
  clockKey: string;
  /** A paced practice's question timer, in place of the count-up clock. */
  timer?: ReactNode;
}) {
  const assigned = interview.kind === 'assigned';
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
        <p className="text-sm text-fg-muted">
          <span className="font-medium text-fg">{interview.role}</span> · {levelLabel(interview.level)} ·{' '}
          {interviewTypeLabel(interview.type)}
          {assigned && interview.coach ? <> · set by {interview.coach.name}</> : null}
        </p>
        {interview.deadlineAt ? (
          <p className="text-sm text-fg-subtle">
            Ends at <time dateTime={interview.deadlineAt}>{formatTime(interview.deadlineAt)}</time>
          </p>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-4">
        <p className="font-semibold text-fg" aria-live="polite">
          Question {index + 1} of {total}
        </p>
        <div className="flex flex-wrap items-center justify-end gap-2">
          {timer && !answered ? timer : null}
          {interview.deadlineAt ? (
            <DeadlineTimer deadlineAt={interview.deadlineAt} />
          ) : timer && !answered ? null : (
            <div
              role="timer"
              className="inline-flex items-center gap-1.5 rounded-lg bg-surface-muted px-2.5 py-1 text-sm font-medium tabular-nums text-fg-muted"
            >
              <Clock className="size-4" aria-hidden="true" />
              {answered ? <span>Answered</span> : <ElapsedTime key={clockKey} clockKey={clockKey} />}
            </div>
          )}
        </div>
      </div>
      <ProgressBar
        value={index + 1}
        max={total}
        label="Interview progress"
        valueText={`Question ${index + 1} of ${total}, ${answeredCount} answered`}
      />
      {interview.deadlineAt ? <DeadlineBanner deadlineAt={interview.deadlineAt} /> : null}
    </div>
  );
}

/** Time spent on the current question; keyed by question so each one starts its own clock. */
function ElapsedTime({ clockKey }: { clockKey: string }) {
  const [start] = useState(() => Math.floor(startClock(clockKey) / 1000));
  const seconds = Math.max(0, useNowSeconds() - start);
  return (
    <>
      <span className="sr-only">Time on this question: {formatDurationWords(seconds)}</span>
      <span aria-hidden="true">{formatClock(seconds)}</span>
    </>
  );
}
