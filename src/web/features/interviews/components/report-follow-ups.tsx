import type { Report } from '../../../../contract/index.js';
import { scoreBand } from '../../../lib/interview-meta.js';

/** The conversation after an answer, as the report shows it: each follow-up, the reply and its score. */
export function ReportFollowUps({ followUps }: { followUps: NonNullable<Report['questions'][number]['followUps']> }) {
  if (followUps.length === 0) return null;
  return (
    <div>
      <h4 className="mb-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">Follow-ups</h4>
      <ol className="space-y-4">
        {followUps.map((f) => (
          <li key={f.id} className="rounded-xl border border-border bg-surface p-4">
            <p className="text-sm font-medium text-fg">
              <span className="sr-only">Interviewer: </span>
              {f.text}
            </p>
            {f.answer ? (
              <blockquote className="mt-2 border-l-2 border-border-strong pl-3 text-sm leading-relaxed whitespace-pre-wrap text-fg-muted">
                {f.answer}
              </blockquote>
            ) : (
              <p className="mt-2 text-sm text-fg-subtle italic">Not answered (left out of the score).</p>
            )}
            {f.evaluation ? (
              <p className="mt-2 text-sm text-fg-muted">
                Scored <span className="font-semibold text-fg tabular-nums">{f.evaluation.score}</span>/100 ·{' '}
                {scoreBand(f.evaluation.score).label}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  );
}
