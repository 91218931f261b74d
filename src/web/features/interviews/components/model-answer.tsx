import { BookOpen } from 'lucide-react';
import type { InterviewQuestion } from '../../../../contract/index.js';

/**
 * Learning from the question once it is answered: what a strong answer covers and one way to say
 * it. The server sends these only after the answer (and, for an assigned interview, only once
 * results are released), so their absence needs no explanation here.
 */
export function ModelAnswer({ question }: { question: Pick<InterviewQuestion, 'id' | 'modelAnswer' | 'keyPoints'> }) {
  const keyPoints = question.keyPoints ?? [];
  if (!question.modelAnswer && keyPoints.length === 0) return null;
  const headingId = `model-answer-${question.id}`;
  return (
    <section className="card p-5 sm:p-6" aria-labelledby={headingId} data-testid="model-answer">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold text-fg">
        <BookOpen className="size-4 text-primary" aria-hidden="true" /> How a strong answer goes
      </h2>
      {keyPoints.length > 0 ? (
        <>
          <h3 className="mt-4 text-sm font-medium text-fg">It covers</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-[0.9375rem] text-fg-muted">
            {keyPoints.map((k) => (
              <li key={k}>{k}</li>
            ))}
          </ul>
        </>
      ) : null}
      {question.modelAnswer ? (
        <>
          <h3 className="mt-4 text-sm font-medium text-fg">Model answer</h3>
          <p className="mt-2 text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted">{question.modelAnswer}</p>
        </>
      ) : null}
    </section>
  );
}
