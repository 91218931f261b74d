import { DIMENSIONS, type DimensionScores } from '../../../contract/index.js';
import { cn } from '../cn.js';
import { dimensionHints, dimensionLabels, scoreBand, scoreBarClass } from '../../lib/interview-meta.js';

/** The five rubric dimensions as labelled bars; the numbers are text, so nothing relies on colour. */
export function DimensionBars({
  dimensions,
  showHints = false,
  className,
}: {
  dimensions: DimensionScores;
  showHints?: boolean;
  className?: string;
}) {
  return (
    <ul className={cn('space-y-3.5', className)} aria-label="Scores by dimension">
      {DIMENSIONS.map((d) => {
        const value = Math.round(dimensions[d]);
        const tone = scoreBand(value).tone;
        return (
          <li key={d}>
            <div className="flex items-baseline justify-between gap-3 text-sm">
              <span className="font-medium text-fg">
                {dimensionLabels[d]}
                {showHints ? <span className="ml-2 hidden font-normal text-fg-subtle sm:inline">{dimensionHints[d]}</span> : null}
              </span>
              <span className="font-semibold tabular-nums text-fg">{value}</span>
            </div>
            <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
              <div
                className={cn('h-full rounded-full transition-[width] duration-700 ease-out', scoreBarClass[tone])}
                style={{ width: `${value}%` }}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
