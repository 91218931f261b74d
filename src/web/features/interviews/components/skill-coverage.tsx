import { Target } from 'lucide-react';
import type { Report } from '../../../../contract/index.js';
import { cn } from '../../../ui/cn.js';
import { scoreBand, scoreBarClass, scoreTextClass } from '../../../lib/interview-meta.js';

type Coverage = NonNullable<Report['skillCoverage']>;

/** Per targeted skill: how many answered questions exercised it and their average score. */
export function SkillCoverageCard({ coverage, className }: { coverage: Coverage; className?: string }) {
  if (!coverage.length) return null;
  return (
    <section aria-labelledby="skill-coverage-heading" className={cn('card p-6 print:break-inside-avoid', className)}>
      <div className="mb-5 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="skill-coverage-heading" className="flex items-center gap-2 font-semibold text-fg">
          <Target className="size-4 text-primary" aria-hidden="true" />
          Skill coverage
        </h2>
        <p className="text-sm text-fg-subtle">Average score of the answered questions that targeted each skill</p>
      </div>
      <ul className="-mb-4 gap-x-10 md:columns-2 print:columns-2" aria-label="Skills practised">
        {coverage.map((s) => {
          const band = scoreBand(s.averageScore);
          const questions = s.questions === 1 ? '1 question' : `${s.questions} questions`;
          return (
            <li key={s.skill} className="min-w-0 break-inside-avoid pb-4">
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 truncate font-medium text-fg" title={s.name}>
                  {s.name}
                </span>
                <span className="shrink-0 tabular-nums">
                  <span className="sr-only">average score </span>
                  <span className="font-semibold text-fg">{s.averageScore}</span>
                  <span className="sr-only"> out of 100</span>
                </span>
              </div>
              <div className="mt-1.5 h-1.5 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
                <div
                  className={cn('h-full rounded-full transition-[width] duration-700 ease-out', scoreBarClass[band.tone])}
                  style={{ width: `${Math.max(2, Math.min(100, s.averageScore))}%` }}
                />
              </div>
              <p className="mt-1 flex justify-between gap-3 text-xs text-fg-subtle">
                <span>{questions}</span>
                <span className={cn('font-medium', scoreTextClass[band.tone])}>{band.label}</span>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
