import { ArrowDown, ArrowUp, ShieldAlert } from 'lucide-react';
import type { Guard, ScoreFactor } from '../../../contract/index.js';

const guardWords: Record<Guard['kind'], string> = {
  grader_instructions: 'It contains instructions to the grader',
  non_answer: 'It does not attempt an answer',
  restated_question: 'It mostly repeats the question',
  keyword_list: 'It lists terms without explaining them',
  off_topic: 'It is about something else than the question',
  contradiction: 'It contradicts a key point',
  wrong_result: 'The result is not the expected one',
  too_short: 'It is too short to show what you know',
  content_free: 'It says little of substance',
  no_example: 'It gives no example of your own',
  padding: 'Sentences that make no point about the question do not add to it',
};

const points = (n: number) => `${n > 0 ? '+' : '−'}${Math.abs(Math.round(n))} point${Math.abs(Math.round(n)) === 1 ? '' : 's'}`;

/**
 * "Why this score": what raised it, what held it down, and the limits (guards) that applied, in
 * plain words. Renders nothing for evaluations stored before engines explained themselves.
 */
export function WhyThisScore({ factors = [], guards = [] }: { factors?: ScoreFactor[]; guards?: Guard[] }) {
  const raised = factors.filter((f) => f.effect > 0).sort((a, b) => b.effect - a.effect);
  const held = factors.filter((f) => f.effect < 0).sort((a, b) => a.effect - b.effect);
  if (!raised.length && !held.length && !guards.length) return null;
  return (
    <div className="space-y-4" data-testid="why-this-score">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <FactorList title="What raised it" factors={raised} empty="Nothing in particular." up />
        <FactorList title="What held it down" factors={held} empty="Nothing held it down." />
      </div>
      {guards.length ? (
        <div>
          <p className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">Limits that applied</p>
          <ul className="space-y-2">
            {guards.map((g, i) => (
              <li key={`${g.kind}-${i}`} className="flex gap-2.5 rounded-xl bg-warning-soft px-3 py-2.5 text-sm text-fg">
                <ShieldAlert className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
                <span>
                  <span className="font-medium">{guardWords[g.kind]}</span>, so the score can be at most {g.cap}.
                  {g.detail ? <span className="block text-fg-muted">{g.detail}</span> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function FactorList({ title, factors, empty, up = false }: { title: string; factors: ScoreFactor[]; empty: string; up?: boolean }) {
  const Icon = up ? ArrowUp : ArrowDown;
  return (
    <div>
      <p className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">{title}</p>
      {factors.length ? (
        <ul className="space-y-1.5">
          {factors.map((f, i) => (
            <li key={i} className="flex items-start gap-2 text-sm text-fg-muted">
              <Icon className={up ? 'mt-0.5 size-4 shrink-0 text-success' : 'mt-0.5 size-4 shrink-0 text-warning'} aria-hidden="true" />
              <span className="min-w-0 flex-1">{f.label}</span>
              <span className="shrink-0 font-medium text-fg tabular-nums">{points(f.effect)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">{empty}</p>
      )}
    </div>
  );
}
