import { ArrowRight, ChevronDown, MessageSquareQuote, PenLine } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import type { Answer, InterviewQuestion } from '../../../../contract/index.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { sentence } from '../../../lib/form.js';
import { formatDateTime } from '../../../lib/format.js';
import { Alert } from '../../../ui/alert.js';
import { Badge } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { TextAreaField, TextField } from '../../../ui/field.js';
import { ScoreRing } from '../../../ui/score-ring.js';
import {
  GrammarNotes,
  KeyPointsSection,
  StarParts,
  hasKeyPoints,
  hasScoreExplanation,
  WhyThisScore,
} from '../../../ui/evaluation/answer-feedback.js';
import { DimensionBars } from '../../../ui/evaluation/dimension-bars.js';
import { GrammarText } from '../../../ui/evaluation/grammar-text.js';
import { SpokenAnswerReview } from '../../../ui/voice/spoken-answer-review.js';
import { questionTypeLabel, scoreBand, scoreTextClass } from '../../../lib/interview-meta.js';
import { useOverrideScore } from '../../../lib/api/coach.js';

/**
 * One question as the coach reviews it: what a good answer covers, the candidate's answer, the
 * engine's evaluation, and the coach's override (score and note) beside the engine's score.
 */
export function AnswerReview({
  interviewId,
  question,
  number,
  answer,
  canOverride,
}: {
  interviewId: string;
  question: InterviewQuestion;
  number: number;
  answer: Answer | undefined;
  canOverride: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const ev = answer?.evaluation ?? null;
  const override = answer?.override ?? null;
  const final = answer?.finalScore ?? override?.score ?? ev?.score ?? null;
  const finalBand = scoreBand(answer ? final : null);
  const headingId = useId();

  return (
    <li className="card overflow-hidden">
      <div className="flex gap-4 p-5 sm:p-6">
        <div className="min-w-0 flex-1 space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium text-fg-muted">Question {number}</span>
            <Badge>{questionTypeLabel(question)}</Badge>
            {override ? <Badge tone="primary">Score overridden</Badge> : null}
          </div>
          <h3 id={headingId} className="text-[1.0625rem] leading-snug font-semibold text-fg">
            {question.text}
          </h3>
        </div>
        <div className="flex shrink-0 flex-col items-center gap-1">
          <ScoreRing
            score={answer ? final : null}
            tone={finalBand.tone}
            size={60}
            label={answer ? `Final score ${final ?? 'not available'} out of 100` : 'Not answered'}
          />
          <span className={cn('text-xs font-medium', scoreTextClass[finalBand.tone])}>{answer ? finalBand.label : 'Not answered'}</span>
        </div>
      </div>

      <div className="space-y-5 border-t border-border bg-surface-muted/40 p-5 sm:p-6">
        {question.keyPoints?.length || question.referenceAnswer ? (
          <div className="space-y-2">
            <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">What a good answer covers</h4>
            {question.keyPoints?.length ? (
              <ul className="flex flex-wrap gap-2">
                {question.keyPoints.map((k) => (
                  <li key={k} className="rounded-lg bg-surface px-2.5 py-1 text-sm text-fg-muted ring-1 ring-border">
                    {k}
                  </li>
                ))}
              </ul>
            ) : null}
            {question.referenceAnswer ? (
              <details className="group">
                <summary className="inline-flex cursor-pointer list-none items-center gap-1 rounded-md text-sm font-medium text-primary [&::-webkit-details-marker]:hidden">
                  Reference answer <ChevronDown className="size-4 transition-transform group-open:rotate-180" aria-hidden="true" />
                </summary>
                <p className="mt-2 text-sm leading-relaxed whitespace-pre-wrap text-fg-muted">{question.referenceAnswer}</p>
              </details>
            ) : null}
          </div>
        ) : null}

        <div>
          <h4 className="mb-2 flex items-center gap-2 text-xs font-semibold tracking-wide text-fg-subtle uppercase">
            <MessageSquareQuote className="size-3.5" aria-hidden="true" /> Candidate’s answer
          </h4>
          {answer ? (
            <GrammarText
              as="blockquote"
              text={answer.text}
              issues={ev?.grammar ?? []}
              className="max-h-80 overflow-y-auto border-l-2 border-border-strong pl-4 text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg"
            />
          ) : (
            <p className="text-sm text-fg-subtle italic">Not answered — counts as 0.</p>
          )}
        </div>

        {answer?.mediaId ? <SpokenAnswerReview answer={answer} title="Recorded answer" /> : null}

        {answer && ev ? <EngineEvaluation answer={answer} /> : null}

        {answer && (override || canOverride) ? (
          <div className="space-y-3">
            <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Score</h4>
            <ScoreComparison answer={answer} />
            {canOverride && !editing ? (
              <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
                <PenLine className="size-4" aria-hidden="true" /> {override ? 'Change your score' : 'Override score'}
              </Button>
            ) : null}
            {canOverride && editing ? (
              <OverrideForm interviewId={interviewId} answer={answer} number={number} onDone={() => setEditing(false)} />
            ) : null}
          </div>
        ) : null}
      </div>
    </li>
  );
}

/** The engine's verdict, compact: score and dimensions up front, the long lists folded away. */
function EngineEvaluation({ answer }: { answer: Answer }) {
  const ev = answer.evaluation!;
  const band = scoreBand(ev.score);
  return (
    <div className="space-y-4">
      <h4 className="text-xs font-semibold tracking-wide text-fg-subtle uppercase">Engine evaluation</h4>
      <div className="grid grid-cols-1 gap-5 md:grid-cols-[auto_minmax(0,1fr)]">
        <p className="flex items-baseline gap-2">
          <span className={cn('text-3xl font-semibold tabular-nums', scoreTextClass[band.tone])}>{ev.score}</span>
          <span className="text-sm text-fg-subtle">/ 100 · {band.label}</span>
        </p>
        <DimensionBars dimensions={ev.dimensions} />
      </div>
      {hasKeyPoints(ev) ? <KeyPointsSection evaluation={ev} answerText={answer.text} /> : null}
      {hasScoreExplanation(ev) ? (
        <div>
          <p className="mb-2 text-sm font-medium text-fg">Why this score</p>
          <WhyThisScore factors={ev.scoreFactors} guards={ev.guards} />
        </div>
      ) : null}
      <details className="group rounded-xl border border-border bg-surface">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-4 py-3 text-sm font-medium text-fg-muted hover:text-fg [&::-webkit-details-marker]:hidden">
          Strengths, improvements{ev.star ? ', STAR' : ''} and grammar
          <ChevronDown className="size-4 transition-transform group-open:rotate-180" aria-hidden="true" />
        </summary>
        <div className="space-y-4 border-t border-border p-4">
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <NoteList title="What went well" items={ev.strengths} />
            <NoteList title="How to improve" items={ev.improvements} />
          </div>
          {ev.star ? <StarParts star={ev.star} /> : null}
          <GrammarNotes issues={ev.grammar} text={answer.text} />
        </div>
      </details>
    </div>
  );
}

function NoteList({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <p className="mb-1.5 text-sm font-medium text-fg">{title}</p>
      {items.length ? (
        <ul className="list-disc space-y-1 pl-5 text-sm text-fg-muted">
          {items.map((t, i) => (
            <li key={i}>{t}</li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-fg-subtle">—</p>
      )}
    </div>
  );
}

/** Engine score and the coach's score side by side, with who changed it, when and why. */
function ScoreComparison({ answer }: { answer: Answer }) {
  const engine = answer.evaluation?.score ?? null;
  const override = answer.override ?? null;
  return (
    <div className="grid grid-cols-1 gap-3 sm:grid-cols-[auto_auto_minmax(0,1fr)] sm:items-stretch">
      <div className="rounded-xl border border-border bg-surface px-4 py-3">
        <p className="text-xs text-fg-subtle">Engine</p>
        <p className={cn('text-2xl font-semibold tabular-nums', override ? 'text-fg-subtle line-through decoration-2' : 'text-fg')}>
          {engine ?? '—'}
        </p>
      </div>
      {override ? (
        <>
          <ArrowRight className="hidden size-5 self-center text-fg-subtle sm:block" aria-hidden="true" />
          <div className="rounded-xl border border-primary/30 bg-primary-soft px-4 py-3">
            <p className="text-xs text-primary-soft-fg">
              Coach · {override.by.name} · <time dateTime={override.at}>{formatDateTime(override.at)}</time>
            </p>
            <p className="flex flex-wrap items-baseline gap-x-3">
              <span className="text-2xl font-semibold tabular-nums text-primary-soft-fg">{override.score}</span>
              <span className="text-sm text-primary-soft-fg">“{override.note}”</span>
            </p>
          </div>
        </>
      ) : null}
    </div>
  );
}

function OverrideForm({
  interviewId,
  answer,
  number,
  onDone,
}: {
  interviewId: string;
  answer: Answer;
  number: number;
  onDone: () => void;
}) {
  const override = useOverrideScore(interviewId);
  const [score, setScore] = useState(() => String(answer.override?.score ?? answer.evaluation?.score ?? ''));
  const [note, setNote] = useState(answer.override?.note ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const value = Number(score);
    const found: Record<string, string> = {};
    if (score.trim() === '' || !Number.isInteger(value) || value < 0 || value > 100) found.score = 'Enter a whole number from 0 to 100.';
    if (!note.trim()) found.note = 'Say why: the candidate reads this note with their results.';
    setErrors(found);
    if (Object.keys(found).length) {
      requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    override.mutate(
      { answerId: answer.id, score: value, note: note.trim() },
      {
        onSuccess: onDone,
        onError: (err) => {
          if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])));
        },
      },
    );
  }

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="space-y-4 rounded-xl border border-border bg-surface p-4"
      aria-label={`Override the score of question ${number}`}
    >
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[8rem_minmax(0,1fr)]">
        <TextField
          label="Your score"
          name="score"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={score}
          onChange={(e) => setScore(e.target.value)}
          error={errors.score}
          hint="0–100"
        />
        <TextAreaField
          label="Note"
          name="note"
          rows={3}
          maxLength={2000}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={errors.note}
          hint="Why you changed it. The candidate sees this note with the results."
        />
      </div>
      {override.isError && !Object.keys(errors).length ? (
        <Alert title="The score was not saved">{errorMessage(override.error)}</Alert>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={override.isPending} loadingText="Saving…">
          Save score
        </Button>
      </div>
    </form>
  );
}
