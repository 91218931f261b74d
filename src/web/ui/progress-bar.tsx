import { cn } from './cn.js';

interface ProgressBarProps {
  value: number;
  max: number;
  label: string;
  /** Spoken value, e.g. "Question 2 of 5". */
  valueText?: string;
  className?: string;
  barClassName?: string;
}

export function ProgressBar({ value, max, label, valueText, className, barClassName }: ProgressBarProps) {
  const pct = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-surface-muted', className)}
    >
      <div
        className={cn('h-full rounded-full bg-primary transition-[width] duration-500 ease-out', barClassName)}
        style={{ width: `${pct}%` }}
      />
    </div>
  );
}
