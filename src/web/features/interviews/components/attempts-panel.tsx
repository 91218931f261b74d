import { Check, History } from 'lucide-react';
import type { QuestionAttempt } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { scoreBand } from '../../../lib/interview-meta.js';
import { Alert } from '../../../ui/alert.js';
import { Badge } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { useAttempts, useChooseAttempt } from '../use-attempts.js';

/**
 * A retried practice question: every attempt with its score, and a choice of the one that counts
 * (the newest counts until the candidate picks another). Shown once there is more than one.
 */
export function AttemptsPanel({
  interviewId,
  questionId,
  onAnnounce,
}: {
  interviewId: string;
  questionId: string;
  onAnnounce: (message: string) => void;
}) {
  const attempts = useAttempts(interviewId, questionId, true);
  const choose = useChooseAttempt(interviewId, questionId);
  const list = attempts.data?.attempts ?? [];
  if (list.length < 2) return null;
  const headingId = `attempts-${questionId}`;

  function pick(a: QuestionAttempt) {
    choose.mutate(a.id, {
      onSuccess: () => onAnnounce(`Attempt ${a.number} now counts${a.score === null ? '' : `, scored ${a.score} out of 100`}.`),
    });
  }

  return (
    <section className="card p-5 sm:p-6" aria-labelledby={headingId} data-testid="attempts">
      <h2 id={headingId} className="flex items-center gap-2 text-base font-semibold text-fg">
        <History className="size-4 text-primary" aria-hidden="true" /> Your attempts ({list.length})
      </h2>
      <p className="mt-1 text-sm text-fg-muted">The attempt that counts is scored in your report. Choose the one you want to keep.</p>
      <ol className="mt-4 space-y-3">
        {list.map((a) => {
          const band = scoreBand(a.score);
          return (
            <li
              key={a.id}
              className={`rounded-xl border p-3 sm:p-4 ${a.counts ? 'border-primary/40 bg-primary-soft/40' : 'border-border'}`}
              aria-current={a.counts ? 'true' : undefined}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium text-fg">
                  Attempt {a.number}
                  {a.score !== null ? (
                    <span className="ml-2 tabular-nums text-fg-muted">
                      {a.score}/100 · {band.label}
                    </span>
                  ) : null}
                </p>
                {a.counts ? (
                  <Badge tone="primary">
                    <Check className="size-3" aria-hidden="true" /> Counts
                  </Badge>
                ) : (
                  <Button
                    variant="secondary"
                    size="sm"
                    onClick={() => pick(a)}
                    loading={choose.isPending && choose.variables === a.id}
                    disabled={choose.isPending}
                    aria-label={`Count attempt ${a.number}`}
                  >
                    Count this one
                  </Button>
                )}
              </div>
              <p className="mt-2 line-clamp-3 text-sm whitespace-pre-wrap text-fg-muted">{a.text}</p>
            </li>
          );
        })}
      </ol>
      {choose.isError ? (
        <Alert title="Could not change the attempt that counts" className="mt-4">
          {errorMessage(choose.error)}
        </Alert>
      ) : null}
    </section>
  );
}
