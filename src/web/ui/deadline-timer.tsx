import { AlarmClock, Clock } from 'lucide-react';
import { formatClock, formatDurationWords } from '../lib/format.js';
import { cn } from './cn.js';
import { useServerNowSeconds } from '../lib/server-clock.js';

const WARN_SECONDS = 5 * 60;
const URGENT_SECONDS = 60;

type Phase = 'calm' | 'warn' | 'urgent' | 'over';

function phaseOf(remaining: number): Phase {
  if (remaining <= 0) return 'over';
  if (remaining <= URGENT_SECONDS) return 'urgent';
  if (remaining <= WARN_SECONDS) return 'warn';
  return 'calm';
}

const announcements: Record<Phase, string> = {
  calm: '',
  warn: 'Less than 5 minutes left. Your answers are saved as you type.',
  urgent: 'Less than 1 minute left. Submit the answer you are writing now.',
  over: 'Time is up. Your interview has been submitted.',
};

/**
 * Time left until the server-owned deadline. The visible clock ticks silently (role="timer" is
 * not announced); screen readers hear it only when 5 minutes, then 1 minute, are left.
 */
export function DeadlineTimer({ deadlineAt, className }: { deadlineAt: string; className?: string }) {
  const now = useServerNowSeconds();
  const remaining = Math.max(0, Math.floor(Date.parse(deadlineAt) / 1000) - now);
  const phase = phaseOf(remaining);
  const Icon = phase === 'calm' ? Clock : AlarmClock;
  return (
    <>
      <div
        role="timer"
        aria-label="Time left"
        className={cn(
          'inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1 text-sm font-semibold tabular-nums transition-colors',
          phase === 'calm' && 'bg-surface-muted text-fg-muted',
          phase === 'warn' && 'bg-warning-soft text-warning ring-1 ring-warning/30',
          (phase === 'urgent' || phase === 'over') && 'bg-danger-soft text-danger ring-1 ring-danger/30',
          className,
        )}
      >
        <Icon className={cn('size-4', phase === 'urgent' && 'motion-safe:animate-pulse')} aria-hidden="true" />
        <span className="sr-only">{formatDurationWords(remaining)} left</span>
        <span aria-hidden="true">{formatClock(remaining)}</span>
        <span aria-hidden="true" className="font-normal">
          left
        </span>
      </div>
      {/* Only the phase changes this text, so each warning is read once. */}
      <p className="sr-only" role="status" aria-live={phase === 'urgent' ? 'assertive' : 'polite'}>
        {announcements[phase]}
      </p>
    </>
  );
}

/** A banner under the header in the last minutes, so the warning is seen as well as heard. */
export function DeadlineBanner({ deadlineAt }: { deadlineAt: string }) {
  const now = useServerNowSeconds();
  const remaining = Math.floor(Date.parse(deadlineAt) / 1000) - now;
  const phase = phaseOf(remaining);
  if (phase === 'calm' || phase === 'over') return null;
  return (
    <div
      aria-hidden="true"
      className={cn(
        'flex items-center gap-2 rounded-xl border px-4 py-2.5 text-sm font-medium',
        phase === 'warn' ? 'border-warning/30 bg-warning-soft text-warning' : 'border-danger/30 bg-danger-soft text-danger',
      )}
    >
      <AlarmClock className="size-4 shrink-0" />
      {phase === 'warn'
        ? 'Less than 5 minutes left. Your answers are saved as you type.'
        : 'Less than a minute left — submit the answer you are writing now.'}
    </div>
  );
}
