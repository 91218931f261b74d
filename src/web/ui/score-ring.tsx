import { cn } from './cn.js';

export type ScoreTone = 'success' | 'primary' | 'warning' | 'danger' | 'neutral';

const strokes: Record<ScoreTone, string> = {
  success: 'stroke-success',
  primary: 'stroke-primary',
  warning: 'stroke-warning',
  danger: 'stroke-danger',
  neutral: 'stroke-fg-subtle',
};

interface ScoreRingProps {
  score: number | null;
  tone: ScoreTone;
  size?: number;
  /** Caption under the number, e.g. "of 100". */
  caption?: string;
  className?: string;
  label?: string;
}

/** A 0–100 score as a ring with the number in the middle. */
export function ScoreRing({ score, tone, size = 112, caption = 'of 100', className, label }: ScoreRingProps) {
  const stroke = size >= 100 ? 9 : 7;
  const r = (size - stroke) / 2;
  const c = 2 * Math.PI * r;
  const pct = score === null ? 0 : Math.max(0, Math.min(100, score)) / 100;
  return (
    <div
      className={cn('relative inline-grid shrink-0 place-items-center', className)}
      style={{ width: size, height: size }}
      role="img"
      aria-label={label ?? (score === null ? 'Not scored' : `Score ${score} out of 100`)}
    >
      <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} className="-rotate-90" aria-hidden="true">
        <circle cx={size / 2} cy={size / 2} r={r} fill="none" strokeWidth={stroke} className="stroke-surface-muted" />
        <circle
          cx={size / 2}
          cy={size / 2}
          r={r}
          fill="none"
          strokeWidth={stroke}
          strokeLinecap="round"
          strokeDasharray={c}
          strokeDashoffset={c * (1 - pct)}
          className={cn(strokes[tone], 'transition-[stroke-dashoffset] duration-700 ease-out')}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center" aria-hidden="true">
        <span
          className={cn(
            'font-semibold tabular-nums tracking-tight text-fg',
            size >= 100 ? 'text-3xl' : size >= 64 ? 'text-xl' : 'text-base',
          )}
        >
          {score ?? '—'}
        </span>
        {caption && size >= 88 ? <span className="text-xs text-fg-subtle">{caption}</span> : null}
      </div>
    </div>
  );
}
