import { Check, Lightbulb, MinusCircle, Sparkles, X } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { atsPart, type AtsAnalysis, type AtsPart } from '../../../../contract/index.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { ScoreRing } from '../../../ui/score-ring.js';
import { scoreBand, scoreBarClass, scoreTextClass } from '../../../lib/interview-meta.js';

export const atsPartLabels: Record<AtsPart, string> = {
  skills: 'Skills',
  experience: 'Experience',
  education: 'Education',
  keywords: 'Keywords',
  formatting: 'Formatting',
};

const partHints: Record<AtsPart, string> = {
  skills: 'The job’s skills found on your resume',
  experience: 'Years and relevance of your positions',
  education: 'Degrees the job asks for',
  keywords: 'The job’s wording, in yours',
  formatting: 'Sections and text a machine can read',
};

/** Weights as whole percentages, whether the server sends fractions (0.35) or percentages (35). */
function weightPercents(weights: AtsAnalysis['weights']): Record<AtsPart, number> {
  const values = atsPart.options.map((p) => weights[p] ?? 0);
  const total = values.reduce((a, b) => a + b, 0);
  const scale = total > 0 && total <= 1.01 ? 100 : total > 0 ? 100 / total : 0;
  return Object.fromEntries(atsPart.options.map((p) => [p, Math.round((weights[p] ?? 0) * scale)])) as Record<AtsPart, number>;
}

function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return `−${rounded}`;
}

interface AtsReportProps {
  analysis: AtsAnalysis;
  /** Shown when the viewer may start a practice from here. */
  onStartPractice?: (() => void) | undefined;
}

/** The full report: score, parts with their weights, skills, every deduction and what to do. */
export function AtsReport({ analysis, onStartPractice }: AtsReportProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const band = scoreBand(analysis.score);
  const weights = weightPercents(analysis.weights);
  const against = analysis.jobDescription.title ?? 'the pasted job description';
  const requiredMissing = analysis.missingSkills.filter((s) => s.required);
  const niceMissing = analysis.missingSkills.filter((s) => !s.required);
  const deductionsByPart = atsPart.options
    .map((part) => ({ part, items: analysis.deductions.filter((d) => d.part === part) }))
    .filter((g) => g.items.length);

  // A new report is read out from its heading, like a new page.
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [analysis]);

  return (
    <section aria-labelledby="ats-report-heading" className="card scroll-mt-24 p-5 sm:p-6 animate-fade-up" data-testid="ats-report">
      <div className="flex flex-col gap-5 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-5">
          <ScoreRing score={analysis.score} tone={band.tone} label={`ATS score ${analysis.score} out of 100`} />
          <div className="min-w-0 space-y-1">
            <h2 id="ats-report-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-fg">
              ATS report
            </h2>
            <p className={cn('font-semibold', scoreTextClass[band.tone])}>{band.label} match</p>
            <p className="text-sm text-fg-muted">
              Against <span className="font-medium text-fg">{against}</span>
              {analysis.jobDescription.requiredYears !== null ? ` · asks for ${analysis.jobDescription.requiredYears}+ years` : ''}
            </p>
          </div>
        </div>
        {onStartPractice ? (
          <Button onClick={onStartPractice} className="shrink-0">
            <Sparkles className="size-4" aria-hidden="true" /> Start a tailored practice
          </Button>
        ) : null}
      </div>

      <div className="mt-8 grid gap-8 md:grid-cols-2 md:gap-10">
        <div className="min-w-0 space-y-8">
          <div>
            <h3 className="mb-3 font-semibold text-fg">Score by part</h3>
            <ul className="space-y-3.5">
              {atsPart.options.map((part) => {
                const score = analysis.parts[part];
                const partBand = scoreBand(score);
                return (
                  <li key={part}>
                    <div className="flex items-baseline justify-between gap-3 text-sm">
                      <span className="min-w-0">
                        <span className="font-medium text-fg">{atsPartLabels[part]}</span>
                        <span className="ml-2 text-xs text-fg-subtle">counts {weights[part]}%</span>
                      </span>
                      <span className="shrink-0 font-semibold text-fg tabular-nums">
                        {score}
                        <span className="sr-only"> out of 100</span>
                      </span>
                    </div>
                    <div className="mt-1.5 h-2 overflow-hidden rounded-full bg-surface-muted" aria-hidden="true">
                      <div
                        className={cn('h-full rounded-full transition-[width] duration-700 ease-out', scoreBarClass[partBand.tone])}
                        style={{ width: `${Math.max(2, Math.min(100, score))}%` }}
                      />
                    </div>
                    <p className="mt-1 text-xs text-fg-subtle">{partHints[part]}</p>
                  </li>
                );
              })}
            </ul>
          </div>

          <div className="space-y-4">
            <h3 className="font-semibold text-fg">Skills</h3>
            <SkillGroup
              title={`Missing required (${requiredMissing.length})`}
              empty="None: you have every required skill."
              items={requiredMissing.map((s) => s.name)}
              tone="danger"
            />
            <SkillGroup
              title={`Missing nice-to-have (${niceMissing.length})`}
              empty="None."
              items={niceMissing.map((s) => s.name)}
              tone="warning"
            />
            <SkillGroup
              title={`Matched (${analysis.matchedSkills.length})`}
              empty="No skills of the job were found on your resume."
              items={analysis.matchedSkills.map((s) => (s.required ? s.name : `${s.name} (nice-to-have)`))}
              tone="success"
            />
          </div>
        </div>

        <div className="min-w-0 space-y-8">
          <div>
            <h3 className="mb-3 font-semibold text-fg">Where points were lost</h3>
            {deductionsByPart.length ? (
              <div className="space-y-4">
                {deductionsByPart.map(({ part, items }) => (
                  <div key={part}>
                    <p className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">{atsPartLabels[part]}</p>
                    <ul className="mt-1.5 divide-y divide-border rounded-xl border border-border">
                      {items.map((d, i) => (
                        <li key={i} className="flex gap-3 px-3 py-2 text-sm">
                          <span className="w-11 shrink-0 font-semibold text-danger tabular-nums">
                            {formatPoints(d.points)}
                            <span className="sr-only"> points</span>
                          </span>
                          <span className="min-w-0 text-fg-muted">{d.reason}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            ) : (
              <p className="text-sm text-fg-muted">No points lost.</p>
            )}
          </div>

          {analysis.suggestions.length ? (
            <div className="rounded-xl bg-surface-muted/70 p-4">
              <h3 className="mb-2 flex items-center gap-2 font-semibold text-fg">
                <Lightbulb className="size-4 text-warning" aria-hidden="true" /> Suggestions
              </h3>
              <ol className="list-decimal space-y-1.5 pl-5 text-sm text-fg-muted marker:text-fg-subtle">
                {analysis.suggestions.map((s, i) => (
                  <li key={i}>{s}</li>
                ))}
              </ol>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}

const groupIcons = { danger: X, warning: MinusCircle, success: Check } as const;
const groupTones = {
  danger: 'bg-danger-soft text-danger ring-danger/25',
  warning: 'bg-warning-soft text-warning ring-warning/25',
  success: 'bg-success-soft text-success ring-success/25',
} as const;

function SkillGroup({ title, items, empty, tone }: { title: string; items: string[]; empty: string; tone: keyof typeof groupTones }) {
  const Icon = groupIcons[tone];
  return (
    <div>
      <p className="mb-1.5 text-sm text-fg-muted">{title}</p>
      {items.length ? (
        <ul className="flex flex-wrap gap-1.5" aria-label={title.replace(/ \(\d+\)$/, '')}>
          {items.map((name) => (
            <li
              key={name}
              className={cn(
                'inline-flex items-center gap-1 rounded-lg px-2 py-0.5 text-sm font-medium ring-1 ring-inset',
                groupTones[tone],
              )}
            >
              <Icon className="size-3.5 shrink-0" aria-hidden="true" />
              {name}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">{empty}</p>
      )}
    </div>
  );
}
