import { Loader2, Send } from 'lucide-react';
import type { Answer, Interview } from '../../../../contract/index.js';
import { GrammarLegend, GrammarText, usableIssues } from '../../../ui/evaluation/grammar-text.js';

export function SubmittedAnswer({ answer, words }: { answer: Answer; words: number }) {
  const grammar = answer.evaluation?.grammar ?? [];
  return (
    <section className="card p-5" aria-labelledby="your-answer-heading">
      <div className="mb-2 flex items-baseline justify-between gap-3">
        <h2 id="your-answer-heading" className="text-sm font-semibold text-fg">
          Your answer
        </h2>
        <span className="text-sm tabular-nums text-fg-subtle">
          {words} {words === 1 ? 'word' : 'words'}
        </span>
      </div>
      <GrammarText
        text={answer.text}
        issues={grammar}
        className="max-h-72 overflow-y-auto text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted"
      />
      {answer.evaluation ? (
        <GrammarLegend count={usableIssues(answer.text, grammar).length} className="mt-3 border-t border-border pt-3" />
      ) : null}
    </section>
  );
}

/** In place of feedback while the answer, already saved, is being graded; the grade arrives by itself. */
export function GradingPending({ headingId }: { headingId: string }) {
  return (
    <section className="card flex gap-4 p-5 sm:p-6" aria-labelledby={headingId} aria-busy="true">
      <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-bg-subtle text-fg-subtle" aria-hidden="true">
        <Loader2 className="size-5 motion-safe:animate-spin" />
      </span>
      <div className="space-y-1">
        <h2 id={headingId} tabIndex={-1} className="text-lg font-semibold text-fg">
          Answer saved — grading it now
        </h2>
        <p className="text-fg-muted">Your feedback appears here in a moment. You can go on to the next question meanwhile.</p>
      </div>
    </section>
  );
}

/** In place of feedback while the coach has not released results. */
export function AwaitingReview({ interview, headingId }: { interview: Interview; headingId: string }) {
  return (
    <section className="card flex gap-4 p-5 sm:p-6" aria-labelledby={headingId}>
      <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-success-soft text-success" aria-hidden="true">
        <Send className="size-5" />
      </span>
      <div className="space-y-1">
        <h2 id={headingId} tabIndex={-1} className="text-lg font-semibold text-fg">
          Submitted — your coach will review it
        </h2>
        <p className="text-fg-muted">
          {interview.coach ? `${interview.coach.name} sees your answer` : 'Your coach sees your answer'} and will release the scores and
          feedback after reviewing the whole interview.
        </p>
      </div>
    </section>
  );
}
