import { AlarmClock, Hourglass, Timer } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Interview } from '../../../../contract/index.js';
import { paceAt, warnLeadSeconds, type PaceState } from '../question-pace.js';
import { formatClock, formatDurationWords } from '../../../lib/format.js';
import { beginAt, peekStart, startClock, useNowSeconds } from '../../../lib/use-elapsed.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';

/** Whether the practice sets a per-question pace at all. */
export function isPaced(interview: Pick<Interview, 'kind' | 'thinkSeconds' | 'answerSeconds'>): boolean {
  return interview.kind === 'practice' && !!(interview.thinkSeconds || interview.answerSeconds);
}

/**
 * The pace of the question on screen, kept in sessionStorage per question so a reload neither
 * restarts nor resets the clock. `onAnswerTimeUp` runs once when the answer time ends.
 */
export function useQuestionPace(interview: Interview, clockKey: string, active: boolean, onAnswerTimeUp: () => void) {
  const thinkKey = `${clockKey}:think`;
  const answerKey = `${clockKey}:answer`;
  const [skipped, setSkipped] = useState(0);
  // The clocks start when a paced question is first shown, and survive reloads (sessionStorage).
  const thinkStart = useMemo(() => (active ? startClock(thinkKey) : 0), [active, thinkKey]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `skipped` re-reads the start the button recorded, `active` a retry's cleared one
  const answerStart = useMemo(() => peekStart(answerKey), [answerKey, skipped, active]);
  const now = useNowSeconds() * 1000;
  const limits = { thinkSeconds: interview.thinkSeconds ?? null, answerSeconds: interview.answerSeconds ?? null };
  // The ticker reads whole seconds: once the candidate skips to answering, the answer box opens at once, not on the next tick.
  const state = paceAt(limits, thinkStart, answerStart, answerStart === null ? now : Math.max(now, answerStart));
  const firedFor = useRef<string | null>(null);
  const timeUp = useRef(onAnswerTimeUp);
  useEffect(() => {
    timeUp.current = onAnswerTimeUp;
  });

  useEffect(() => {
    if (active && state.phase === 'over' && firedFor.current !== clockKey) {
      firedFor.current = clockKey;
      timeUp.current();
    }
  }, [active, state.phase, clockKey]);

  function startAnswering() {
    beginAt(answerKey, Date.now());
    setSkipped((n) => n + 1);
  }
  return { state, startAnswering };
}

const phaseWords: Record<PaceState['phase'], string> = {
  think: 'Think time',
  answer: 'Answer time',
  warn: 'Answer time',
  over: 'Time is up',
};

/**
 * The per-question clock. Screen readers hear it only when the phase changes (think time
 * starts, answering starts, the warning, time up), not every second.
 */
export function QuestionTimer({
  state,
  thinkSeconds,
  answerSeconds,
}: {
  state: PaceState;
  thinkSeconds: number | null | undefined;
  answerSeconds: number | null | undefined;
}) {
  const { phase, remaining } = state;
  const Icon = phase === 'think' ? Hourglass : phase === 'answer' ? Timer : AlarmClock;
  const announcement =
    phase === 'think'
      ? `Think time: ${formatDurationWords(thinkSeconds ?? 0)}. Answering starts when it ends.`
      : phase === 'answer'
        ? answerSeconds
          ? `Answer now. You have ${formatDurationWords(answerSeconds)}.`
          : 'Answer now.'
        : phase === 'warn'
          ? `Less than ${formatDurationWords(warnLeadSeconds(answerSeconds ?? 0))} left to answer. Your draft is submitted when time runs out.`
          : 'Answer time is up.';
  return (
    <>
      {remaining !== null ? (
        <div
          role="timer"
          aria-label={phaseWords[phase]}
          data-phase={phase}
          className={cn(
            'inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1 text-sm font-semibold tabular-nums transition-colors',
            phase === 'think' && 'bg-primary-soft text-primary',
            phase === 'answer' && 'bg-surface-muted text-fg-muted',
            phase === 'warn' && 'bg-warning-soft text-warning ring-1 ring-warning/30',
            phase === 'over' && 'bg-danger-soft text-danger ring-1 ring-danger/30',
          )}
        >
          <Icon className={cn('size-4', phase === 'warn' && 'motion-safe:animate-pulse')} aria-hidden="true" />
          <span className="font-normal">{phaseWords[phase]}</span>
          <span className="sr-only">: {formatDurationWords(remaining)} left</span>
          <span aria-hidden="true">{formatClock(remaining)}</span>
        </div>
      ) : null}
      <p className="sr-only" role="status" aria-live={phase === 'warn' ? 'assertive' : 'polite'} data-testid="pace-announcement">
        {announcement}
      </p>
    </>
  );
}

/** Shown instead of the answer box while the candidate thinks. */
export function ThinkTimePanel({ remaining, onStart }: { remaining: number; onStart: () => void }) {
  return (
    <div className="card flex flex-col items-center gap-4 p-6 text-center sm:p-8">
      <Hourglass className="size-8 text-primary" aria-hidden="true" />
      <div className="space-y-1">
        <p className="text-lg font-semibold text-fg">Take a moment to think</p>
        <p className="text-sm text-fg-muted">
          The answer box opens in <span className="font-semibold tabular-nums text-fg">{formatClock(remaining)}</span>, as in a one-way
          video interview.
        </p>
      </div>
      <Button onClick={onStart}>Start answering now</Button>
    </div>
  );
}
