import { Link } from 'react-router';
import type { IntegrityReport, Interview } from '../../contract/index.js';

/**
 * What the similarity check found in an assigned interview's answers: for each match, the
 * passages the two texts share side by side (stacked on a narrow screen), and typing signals
 * that stand out. Hints for the coach to read, never a verdict.
 */
export function SimilarityFindings({ interview, report }: { interview: Interview; report: IntegrityReport }) {
  const orderOf = (questionId: string) => interview.questions.find((q) => q.id === questionId)?.order ?? null;
  const bursts = report.typing.filter((t) => t.oneBurst || t.pastedShare >= 0.5);
  return (
    <div>
      <h3 className="mb-2 text-sm font-semibold text-fg">Similar answers</h3>
      {report.similarity.length === 0 ? (
        <p className="text-sm text-fg-muted">
          {interview.status === 'completed' || interview.status === 'terminated'
            ? 'No answer closely matches another candidate’s answer or the model answer.'
            : 'Answers are compared once the interview has ended.'}
        </p>
      ) : (
        <ul className="space-y-4">
          {report.similarity.map((m) => (
            <li key={`${m.questionId}-${m.otherInterviewId ?? 'reference'}`} className="rounded-lg border border-border p-3 text-sm">
              <p className="font-medium text-fg">
                Question {orderOf(m.questionId) ?? '?'}: {Math.round(m.shingleSimilarity * 100)} % shared with{' '}
                {m.source === 'reference_answer' ? (
                  'the model answer'
                ) : m.otherInterviewId ? (
                  <Link
                    to={`/coach/interviews/${m.otherInterviewId}`}
                    className="font-medium text-primary underline-offset-4 hover:underline"
                  >
                    another candidate’s answer
                  </Link>
                ) : (
                  'another candidate’s answer'
                )}
              </p>
              {m.embeddingSimilarity !== null ? (
                <p className="mt-1 text-xs text-fg-muted">
                  Closeness in meaning (word vectors): {Math.round(m.embeddingSimilarity * 100)} %. Shared wording is what raised this; the
                  meaning figure alone cannot tell a reworded copy from an honest answer.
                </p>
              ) : null}
              {m.passages.length > 0 ? (
                <ol className="mt-2 space-y-2" aria-label="Shared passages">
                  {m.passages.map((p, i) => (
                    <li key={i} className="grid gap-2 sm:grid-cols-2">
                      <blockquote className="rounded-md bg-surface-muted/60 px-3 py-2 text-fg">
                        <span className="block text-xs font-semibold uppercase tracking-wide text-fg-subtle">This answer</span>
                        {p.answer}
                      </blockquote>
                      <blockquote className="rounded-md bg-surface-muted/60 px-3 py-2 text-fg">
                        <span className="block text-xs font-semibold uppercase tracking-wide text-fg-subtle">
                          {m.source === 'reference_answer' ? 'Model answer' : 'Other answer'}
                        </span>
                        {p.other}
                      </blockquote>
                    </li>
                  ))}
                </ol>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {bursts.length > 0 ? (
        <ul className="mt-3 space-y-1 text-sm text-fg-muted" aria-label="Typing signals">
          {bursts.map((t) => (
            <li key={t.questionId}>
              Question {orderOf(t.questionId) ?? '?'}: {Math.round(t.pastedShare * 100)} % pasted from outside the page
              {t.charsPerSecond !== null ? `, ${t.charsPerSecond} characters a second overall` : ''}.
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
