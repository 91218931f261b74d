import { MessageCircleQuestion } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { MAX_ANSWER_CHARS, type Answer, type FollowUpQuestion, type Interview } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { useNextStep, useSubmitAnswer } from '../../../lib/api/interviews.js';
import { countWords } from '../../../lib/format.js';
import { scoreBand } from '../../../lib/interview-meta.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { TextAreaField } from '../../../ui/field.js';
import { AnswerFeedback } from '../../../ui/evaluation/answer-feedback.js';
import { GradingPending } from './submitted-answer.js';
import { useDraft } from '../use-draft.js';
import { ModelAnswer } from './model-answer.js';

const why: Record<FollowUpQuestion['kind'], string> = {
  probe_key_point: 'About a point your answer did not cover fully',
  ask_example: 'Asking for a concrete example',
  dig_claim: 'About something you said',
};

/**
 * The conversation after an answer, in order: each follow-up the interviewer asked, the answer to
 * it and its feedback. Asking /next after the answer is what lets the interviewer follow up; an
 * unanswered follow-up can be answered here or left by moving on (it is then not scored).
 */
export function FollowUpThread({
  interview,
  questionId,
  answers,
  onAnnounce,
}: {
  interview: Interview;
  questionId: string;
  answers: ReadonlyMap<string, Answer>;
  onAnnounce: (text: string) => void;
}) {
  const asked = (interview.followUpQuestions ?? []).filter((f) => f.parentQuestionId === questionId).sort((a, b) => a.order - b.order);
  const waiting = interview.status === 'in_progress' && (interview.followUps ?? 0) > asked.length && asked.every((f) => answers.has(f.id));
  const next = useNextStep(interview, { enabled: waiting });
  if (asked.length === 0 && !(waiting && next.isFetching)) return null;
  return (
    <section aria-label="Follow-up questions" className="space-y-6">
      {asked.map((f) => (
        <FollowUpTurn key={f.id} interview={interview} followUp={f} answer={answers.get(f.id)} onAnnounce={onAnnounce} />
      ))}
      {waiting && next.isFetching ? (
        <p className="text-sm text-fg-muted" role="status">
          The interviewer is thinking of a follow-up…
        </p>
      ) : null}
    </section>
  );
}

function FollowUpTurn({
  interview,
  followUp,
  answer,
  onAnnounce,
}: {
  interview: Interview;
  followUp: FollowUpQuestion;
  answer: Answer | undefined;
  onAnnounce: (text: string) => void;
}) {
  const headingId = useId();
  const feedbackId = useId();
  const fieldId = `follow-up-${followUp.id}`;
  const [draft, setDraft, clearDraft] = useDraft(`${interview.id}:${followUp.id}`);
  const [error, setError] = useState<string | undefined>();
  const submit = useSubmitAnswer(interview.id);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!draft.trim()) {
      setError('Write your answer before sending it.');
      document.getElementById(fieldId)?.focus();
      return;
    }
    setError(undefined);
    submit.mutate(
      { questionId: followUp.id, text: draft },
      {
        onSuccess: (saved) => {
          clearDraft();
          if (saved.evaluation)
            onAnnounce(`Follow-up answer scored ${saved.evaluation.score} out of 100, ${scoreBand(saved.evaluation.score).label}.`);
          requestAnimationFrame(() => document.getElementById(feedbackId)?.focus());
        },
      },
    );
  }

  return (
    <article className="space-y-4 animate-fade-up" aria-labelledby={headingId} data-testid="follow-up">
      <div className="card border-l-4 border-l-primary p-5 sm:p-6">
        <p className="flex items-center gap-2 text-sm font-medium text-primary">
          <MessageCircleQuestion className="size-4" aria-hidden="true" /> Follow-up {followUp.order} · {why[followUp.kind]}
        </p>
        <h2 id={headingId} className="mt-2 text-lg leading-snug font-semibold text-fg">
          {followUp.text}
        </h2>
      </div>
      {answer ? (
        <>
          <section className="card p-5" aria-label="Your follow-up answer">
            <p className="text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted">{answer.text}</p>
          </section>
          {answer.evaluation ? (
            <AnswerFeedback evaluation={answer.evaluation} answerText={answer.text} headingId={feedbackId} />
          ) : answer.evaluationStatus === 'pending' && interview.kind !== 'assigned' ? (
            <GradingPending headingId={feedbackId} />
          ) : null}
          <ModelAnswer question={followUp} />
        </>
      ) : interview.status === 'in_progress' ? (
        <form onSubmit={onSubmit} noValidate className="space-y-3">
          <TextAreaField
            id={fieldId}
            label="Reply to the follow-up"
            rows={5}
            maxLength={MAX_ANSWER_CHARS}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              if (error) setError(undefined);
            }}
            error={error}
            hint={`${countWords(draft)} words`}
          />
          {submit.isError ? <Alert title="Could not send your answer">{errorMessage(submit.error)}</Alert> : null}
          <Button type="submit" loading={submit.isPending} loadingText="Scoring…">
            Answer follow-up
          </Button>
        </form>
      ) : null}
    </article>
  );
}
