import { ArrowUpRight, Check, CircleCheck, CircleDashed, Scale, SpellCheck, ThumbsUp, X } from 'lucide-react';
import type { ReactNode } from 'react';
import type { Evaluation, GrammarIssue } from '../../../contract/index.js';
import { cn } from '../cn.js';
import { ScoreRing } from '../score-ring.js';
import { scoreBand, scoreTextClass, starLabels, starOrder } from '../../lib/interview-meta.js';
import { DimensionBars } from './dimension-bars.js';
import { grammarMessage, grammarSuggestions } from './grammar-text.js';
import { KeyPointReview } from './key-point-review.js';
import { WhyThisScore } from './why-this-score.js';

// The coach's answer review shows the same explanation; it may import this file only.
export { WhyThisScore };

function Panel({ title, icon, children, className }: { title: string; icon: ReactNode; children: ReactNode; className?: string }) {
  return (
    <section className={cn('card p-5', className)}>
      <h3 className="mb-3 flex items-center gap-2 text-sm font-semibold text-fg">
        {icon}
        {title}
      </h3>
      {children}
    </section>
  );
}

function BulletList({ items, icon, empty }: { items: string[]; icon: ReactNode; empty: string }) {
  if (!items.length) return <p className="text-sm text-fg-subtle">{empty}</p>;
  return (
    <ul className="space-y-2.5">
      {items.map((text, i) => (
        <li key={i} className="flex gap-2.5 text-sm leading-relaxed text-fg-muted">
          <span className="mt-0.5 shrink-0">{icon}</span>
          <span>{text}</span>
        </li>
      ))}
    </ul>
  );
}

/** Per-point states with evidence when the engine judged them; the covered / missed lists of older evaluations otherwise. */
export function KeyPointsSection({ evaluation, answerText }: { evaluation: Evaluation; answerText: string }) {
  if (evaluation.keyPoints?.length) return <KeyPointReview keyPoints={evaluation.keyPoints} answerText={answerText} />;
  return <KeyPoints covered={evaluation.coveredKeyPoints} missing={evaluation.missingKeyPoints} />;
}

export const hasKeyPoints = (ev: Evaluation): boolean =>
  Boolean(ev.keyPoints?.length || ev.coveredKeyPoints.length || ev.missingKeyPoints.length);

export const hasScoreExplanation = (ev: Evaluation): boolean => Boolean(ev.scoreFactors?.length || ev.guards?.length);

export function KeyPoints({ covered, missing }: { covered: string[]; missing: string[] }) {
  if (!covered.length && !missing.length) return null;
  return (
    <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
      <KeyPointList title="Covered" items={covered} tone="success" Icon={Check} empty="None of the key points yet." />
      <KeyPointList title="Missed" items={missing} tone="warning" Icon={X} empty="You covered every key point." />
    </div>
  );
}

const keyPointTones = {
  success: 'bg-success-soft text-success',
  warning: 'bg-warning-soft text-warning',
} as const;

/** One column of key points; the title is repeated for screen readers because chips stand alone. */
function KeyPointList({
  title,
  items,
  tone,
  Icon,
  empty,
}: {
  title: string;
  items: string[];
  tone: keyof typeof keyPointTones;
  Icon: typeof Check;
  empty: string;
}) {
  return (
    <div>
      <p className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">{title}</p>
      {items.length ? (
        <ul className="flex flex-wrap gap-2">
          {items.map((k) => (
            <li key={k} className={`inline-flex items-center gap-1.5 rounded-lg px-2.5 py-1 text-sm ${keyPointTones[tone]}`}>
              <Icon className="size-3.5 shrink-0" aria-hidden="true" />
              <span className="sr-only">{title}: </span>
              {k}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">{empty}</p>
      )}
    </div>
  );
}

export function StarParts({ star }: { star: NonNullable<Evaluation['star']> }) {
  return (
    <div>
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {starOrder.map((part) => {
          const found = star.found.includes(part);
          return (
            <li
              key={part}
              className={cn(
                'flex items-center gap-2 rounded-xl border px-3 py-2 text-sm',
                found ? 'border-success/30 bg-success-soft text-success' : 'border-dashed border-border-strong text-fg-subtle',
              )}
            >
              {found ? (
                <CircleCheck className="size-4 shrink-0" aria-hidden="true" />
              ) : (
                <CircleDashed className="size-4 shrink-0" aria-hidden="true" />
              )}
              <span className="font-medium">{starLabels[part]}</span>
              <span className="sr-only">{found ? 'present' : 'missing'}</span>
            </li>
          );
        })}
      </ol>
      {star.missing.length ? (
        <p className="mt-2.5 text-sm text-fg-muted">
          Add the {star.missing.map((p) => starLabels[p].toLowerCase()).join(' and ')} to complete the story.
        </p>
      ) : (
        <p className="mt-2.5 text-sm text-fg-muted">Your story has all four STAR parts.</p>
      )}
    </div>
  );
}

export function GrammarNotes({ issues, text }: { issues: GrammarIssue[]; text: string }) {
  if (!issues.length) return <p className="text-sm text-fg-subtle">No grammar or spelling issues found.</p>;
  return (
    <ul className="space-y-3">
      {issues.map((g, i) => {
        const snippet = text.slice(g.start, g.end);
        const suggestions = grammarSuggestions(g);
        return (
          <li key={`${g.start}-${i}`} className="text-sm leading-relaxed">
            {snippet ? (
              <span className="mr-2 rounded bg-danger-soft px-1.5 py-0.5 font-medium text-danger decoration-danger/60 decoration-wavy">
                “{snippet}”
              </span>
            ) : null}
            <span className="text-fg-muted">{grammarMessage(g.message)}</span>
            {suggestions.length ? (
              <span className="text-fg-muted">
                {' '}
                Try <span className="font-medium text-fg">{suggestions.map((s) => `“${s}”`).join(', ')}</span>.
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Everything the evaluator said about one answer (an h2 "Feedback" with h3 panels). */
export function AnswerFeedback({ evaluation, answerText, headingId }: { evaluation: Evaluation; answerText: string; headingId: string }) {
  const band = scoreBand(evaluation.score);
  return (
    <div className="space-y-4">
      <section className="card overflow-hidden" aria-labelledby={headingId}>
        <div className="grid grid-cols-1 gap-6 p-5 sm:grid-cols-[auto_minmax(0,1fr)] sm:p-6">
          <div className="flex items-center gap-4 sm:flex-col sm:justify-center sm:px-2">
            <ScoreRing score={evaluation.score} tone={band.tone} size={104} />
            <div className="sm:text-center">
              <h2 id={headingId} tabIndex={-1} className="text-lg font-semibold text-fg">
                Feedback
              </h2>
              <p className={cn('text-sm font-semibold', scoreTextClass[band.tone])}>{band.label}</p>
            </div>
          </div>
          <DimensionBars dimensions={evaluation.dimensions} showHints />
        </div>
      </section>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <Panel title="What went well" icon={<ThumbsUp className="size-4 text-success" aria-hidden="true" />}>
          <BulletList
            items={evaluation.strengths}
            icon={<Check className="size-4 text-success" aria-hidden="true" />}
            empty="Nothing stood out yet — see the suggestions."
          />
        </Panel>
        <Panel title="How to improve" icon={<ArrowUpRight className="size-4 text-warning" aria-hidden="true" />}>
          <BulletList
            items={evaluation.improvements}
            icon={<ArrowUpRight className="size-4 text-warning" aria-hidden="true" />}
            empty="No suggestions — a strong answer."
          />
        </Panel>
      </div>

      {hasScoreExplanation(evaluation) ? (
        <Panel title="Why this score" icon={<Scale className="size-4 text-primary" aria-hidden="true" />}>
          <WhyThisScore factors={evaluation.scoreFactors} guards={evaluation.guards} />
        </Panel>
      ) : null}

      {hasKeyPoints(evaluation) ? (
        <Panel title="Key points" icon={<CircleCheck className="size-4 text-primary" aria-hidden="true" />}>
          <KeyPointsSection evaluation={evaluation} answerText={answerText} />
        </Panel>
      ) : null}

      {evaluation.star ? (
        <Panel title="STAR structure" icon={<CircleDashed className="size-4 text-primary" aria-hidden="true" />}>
          <StarParts star={evaluation.star} />
        </Panel>
      ) : null}

      <Panel title="Grammar notes" icon={<SpellCheck className="size-4 text-primary" aria-hidden="true" />}>
        <GrammarNotes issues={evaluation.grammar} text={answerText} />
      </Panel>
    </div>
  );
}
