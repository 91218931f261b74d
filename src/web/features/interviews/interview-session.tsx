import { ArrowLeft, ArrowRight, Clock, CloudCheck, CloudOff, Flag, Lightbulb, Send } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { MAX_ANSWER_CHARS, type Answer, type Draft, type Interview, type QuestionType } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { countWords, formatClock, formatDurationWords } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { TextAreaField } from '../../ui/field.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Spinner } from '../../ui/spinner.js';
import { useCompleteInterview, useSubmitAnswer } from '../../lib/api/interviews.js';
import { AnswerFeedback } from './components/answer-feedback.js';
import { DeadlineBanner, DeadlineTimer } from '../../ui/deadline-timer.js';
import { GrammarLegend, GrammarText, usableIssues } from './components/grammar-text.js';
import { SkillChips } from './components/skill-chips.js';
import type { DraftSaveState, DraftSaver, DraftSink } from './draft-saver.js';
import { interviewTypeLabel, levelLabel, scoreBand } from '../../lib/interview-meta.js';
import { formatTime } from '../../lib/schedule-format.js';
import { useDraft } from './use-draft.js';
import { forgetStart, secondsSince, startClock, useNowSeconds } from '../../lib/use-elapsed.js';
import { useSyncedDraft } from './use-synced-draft.js';

const guidance: Record<QuestionType, string> = {
  behavioral: 'Tell a real story using STAR: the Situation, your Task, the Action you took and the Result.',
  technical: 'Explain the idea, give a concrete example, and mention the trade-offs.',
  system_design: 'Cover requirements, main components, data model, scaling and what happens when things fail.',
  communication: 'Be clear and concise, and tailor the message to your audience.',
  aptitude: 'Show your reasoning step by step, then state your answer.',
};

/**
 * Answering an interview one question at a time. A practice interview keeps drafts on this device
 * and shows feedback at once; an assigned one (`saver` given) also sends drafts to the server,
 * runs against the server's deadline, and shows feedback only when the coach releases results.
 */
export function InterviewSession({ interview, saver, onTimeUp }: { interview: Interview; saver?: DraftSaver; onTimeUp?: () => void }) {
  const navigate = useNavigate();
  const assigned = interview.kind === 'assigned';
  const questions = useMemo(() => [...interview.questions].sort((a, b) => a.order - b.order), [interview.questions]);
  const answers = useMemo(() => new Map(interview.answers.map((a) => [a.questionId, a])), [interview.answers]);
  const drafts = useMemo(() => new Map((interview.drafts ?? []).map((d) => [d.questionId, d])), [interview.drafts]);
  const total = questions.length;
  const firstUnanswered = questions.findIndex((q) => !answers.has(q.id));
  // Resuming lands on the first question still to answer.
  const [index, setIndex] = useState(() => (firstUnanswered === -1 ? Math.max(0, total - 1) : firstUnanswered));
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const submit = useSubmitAnswer(interview.id);
  const complete = useCompleteInterview(interview.id);
  const questionHeadingRef = useRef<HTMLHeadingElement>(null);
  const feedbackHeadingId = useId();
  const focusFeedback = useRef(false);
  const firstRender = useRef(true);

  const question = questions[index];
  const answer = question ? answers.get(question.id) : undefined;
  const clockKey = `${interview.id}:${question?.id ?? ''}`;
  const [localDraft, setLocalDraft, clearLocalDraft] = useDraft(clockKey);
  const [syncedDraft, setSyncedDraft, clearSyncedDraft, saveState] = useSyncedDraftIf(
    saver,
    interview.id,
    question?.id ?? '',
    question ? drafts.get(question.id) : undefined,
  );
  const draft = saver ? syncedDraft : localDraft;
  const setDraft = saver ? setSyncedDraft : setLocalDraft;
  const clearDraft = saver ? clearSyncedDraft : clearLocalDraft;
  const words = countWords(answer ? answer.text : draft);
  const [fieldError, setFieldError] = useState<string | undefined>();

  // Assigned interviews have no visible per-question clock, but answers still record time spent.
  useEffect(() => {
    if (assigned && question && !answer) startClock(clockKey);
  }, [assigned, question, answer, clockKey]);

  // A new question: bring its heading into view and focus, as a page change would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    questionHeadingRef.current?.focus({ preventScroll: true });
  }, [index]);

  // Fresh feedback (or the "submitted" note): move focus to it so keyboard and screen-reader users land on the result.
  useEffect(() => {
    if (answer && focusFeedback.current) {
      focusFeedback.current = false;
      document.getElementById(feedbackHeadingId)?.focus();
    }
  }, [answer, feedbackHeadingId]);

  if (!question) {
    return (
      <div className="mx-auto max-w-lg py-10 text-center">
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
          This interview has no questions
        </h1>
        <Link to="/practice/new" className={buttonClass('primary', 'md', 'mt-6')}>
          Start a new practice interview
        </Link>
      </div>
    );
  }

  const isLast = index === total - 1;
  const answeredCount = questions.filter((q) => answers.has(q.id)).length;

  function onSubmit(e?: FormEvent) {
    e?.preventDefault();
    if (!question || submit.isPending) return;
    if (!draft.trim()) {
      setFieldError('Write your answer before submitting.');
      document.getElementById('answer-text')?.focus();
      return;
    }
    setFieldError(undefined);
    const durationSeconds = Math.min(secondsSince(clockKey), 24 * 3600);
    submit.mutate(
      { questionId: question.id, text: draft, durationSeconds },
      {
        onSuccess: (saved) => {
          clearDraft();
          forgetStart(clockKey);
          focusFeedback.current = true;
          if (saved.evaluation) {
            const band = scoreBand(saved.evaluation.score);
            setAnnouncement(`Answer scored ${saved.evaluation.score} out of 100, ${band.label}. Feedback is below.`);
          } else {
            setAnnouncement('Answer submitted. Your coach will review it.');
          }
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fieldErrors.text) setFieldError(sentence(err.fieldErrors.text));
          if (err instanceof ApiError && err.code === 'deadline_passed') onTimeUp?.();
        },
      },
    );
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      onSubmit();
    }
  }

  function goTo(next: number) {
    saver?.flush();
    submit.reset();
    setFieldError(undefined);
    setAnnouncement('');
    setIndex(next);
  }

  function finish() {
    saver?.flush();
    const afterwards = assigned ? `/interviews/${interview.id}` : `/interviews/${interview.id}/report`;
    complete.mutate(undefined, {
      onSuccess: (done) => {
        setConfirmEnd(false);
        void navigate(assigned && !done.resultsVisible ? afterwards : `/interviews/${interview.id}/report`, { replace: true });
      },
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'interview_completed') void navigate(afterwards, { replace: true });
        if (err instanceof ApiError && err.code === 'deadline_passed') onTimeUp?.();
      },
    });
  }

  const nextUnanswered = questions.findIndex((q, i) => i > index && !answers.has(q.id));
  const anyUnansweredBefore = questions.findIndex((q, i) => i < index && !answers.has(q.id));
  const finishLabel = assigned ? 'Finish and submit' : 'Finish interview';

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>{`Question ${index + 1} of ${total} · Panelist`}</title>

      <div className="flex items-center justify-between gap-3">
        <Link to="/" className={buttonClass('ghost', 'sm', '-ml-3')}>
          <ArrowLeft className="size-4" aria-hidden="true" /> Dashboard
        </Link>
        <Button variant="ghost" size="sm" className="-mr-3" onClick={() => setConfirmEnd(true)}>
          <Flag className="size-4" aria-hidden="true" /> {assigned ? 'Finish early' : 'End interview'}
        </Button>
      </div>

      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <p className="text-sm text-fg-muted">
            <span className="font-medium text-fg">{interview.role}</span> · {levelLabel(interview.level)} ·{' '}
            {interviewTypeLabel(interview.type)}
            {assigned && interview.coach ? <> · set by {interview.coach.name}</> : null}
          </p>
          {assigned && interview.deadlineAt ? (
            <p className="text-sm text-fg-subtle">
              Ends at <time dateTime={interview.deadlineAt}>{formatTime(interview.deadlineAt)}</time>
            </p>
          ) : null}
        </div>
        <div className="flex items-center justify-between gap-4">
          <p className="font-semibold text-fg" aria-live="polite">
            Question {index + 1} of {total}
          </p>
          {assigned && interview.deadlineAt ? (
            <DeadlineTimer deadlineAt={interview.deadlineAt} />
          ) : (
            <div
              role="timer"
              className="inline-flex items-center gap-1.5 rounded-lg bg-surface-muted px-2.5 py-1 text-sm font-medium tabular-nums text-fg-muted"
            >
              <Clock className="size-4" aria-hidden="true" />
              {answer ? <span>Answered</span> : <ElapsedTime key={clockKey} clockKey={clockKey} />}
            </div>
          )}
        </div>
        <ProgressBar
          value={index + 1}
          max={total}
          label="Interview progress"
          valueText={`Question ${index + 1} of ${total}, ${answeredCount} answered`}
        />
        {assigned && interview.deadlineAt ? <DeadlineBanner deadlineAt={interview.deadlineAt} /> : null}
      </div>

      <section className="card p-5 sm:p-7" aria-labelledby="question-heading">
        <div className="mb-3 flex flex-wrap items-center gap-2">
          <Badge tone="primary">{interviewTypeLabel(question.type)}</Badge>
        </div>
        <h1
          id="question-heading"
          ref={questionHeadingRef}
          tabIndex={-1}
          data-page-heading
          className="text-xl leading-snug font-semibold tracking-tight text-balance text-fg sm:text-2xl"
        >
          {question.text}
        </h1>
        <SkillChips skills={question.targetSkills} className="mt-3" />
        <p className="mt-4 flex gap-2 text-sm text-fg-muted">
          <Lightbulb className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden="true" />
          {guidance[question.type]}
        </p>
      </section>

      {!answer ? (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <TextAreaField
            id="answer-text"
            label="Your answer"
            name="answer"
            rows={10}
            maxLength={MAX_ANSWER_CHARS}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              if (fieldError) setFieldError(undefined);
            }}
            onBlur={() => saver?.flush()}
            onKeyDown={onKeyDown}
            readOnly={submit.isPending}
            placeholder="Type your answer as you would say it in the interview…"
            error={fieldError}
            hint={saver ? <SaveStatus state={saveState} /> : 'Drafts are saved on this device as you type.'}
            describedById="answer-count"
            aside={
              <span id="answer-count" className="text-sm tabular-nums text-fg-subtle">
                {words} {words === 1 ? 'word' : 'words'}
              </span>
            }
            className="min-h-56 resize-y"
          />
          {saver ? (
            <p className="sr-only" role="status">
              {saveState.kind === 'retrying'
                ? 'Connection lost. Your answer is kept on this device and will be sent when the connection is back.'
                : ''}
            </p>
          ) : null}
          {submit.isError && !fieldError ? <Alert title="Your answer was not submitted">{errorMessage(submit.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="hidden text-sm text-fg-subtle sm:block">
              <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Ctrl</kbd> +{' '}
              <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Enter</kbd> to submit
            </p>
            <Button
              type="submit"
              size="lg"
              loading={submit.isPending}
              loadingText={assigned ? 'Submitting…' : 'Scoring your answer…'}
              className="w-full sm:w-auto"
            >
              Submit answer
            </Button>
          </div>
          {submit.isPending ? (
            <div className="card flex items-center gap-3 p-5 text-fg-muted" role="status">
              <Spinner className="size-5 text-primary" />
              {assigned ? 'Submitting your answer…' : 'Reading your answer and checking it against the rubric…'}
            </div>
          ) : null}
        </form>
      ) : (
        <div className="space-y-6 animate-fade-up">
          <SubmittedAnswer answer={answer} words={words} />

          {answer.evaluation ? (
            <AnswerFeedback evaluation={answer.evaluation} answerText={answer.text} headingId={feedbackHeadingId} />
          ) : (
            <section className="card flex gap-4 p-5 sm:p-6" aria-labelledby={feedbackHeadingId}>
              <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-success-soft text-success" aria-hidden="true">
                <Send className="size-5" />
              </span>
              <div className="space-y-1">
                <h2 id={feedbackHeadingId} tabIndex={-1} className="text-lg font-semibold text-fg">
                  Submitted — your coach will review it
                </h2>
                <p className="text-fg-muted">
                  {interview.coach ? `${interview.coach.name} sees your answer` : 'Your coach sees your answer'} and will release the scores
                  and feedback after reviewing the whole interview.
                </p>
              </div>
            </section>
          )}

          {complete.isError && !(complete.error instanceof ApiError && complete.error.code === 'interview_completed') ? (
            <Alert title="Could not finish the interview">{errorMessage(complete.error)}</Alert>
          ) : null}

          <div className="sticky bottom-0 -mx-4 flex flex-col gap-3 border-t border-border bg-bg/90 px-4 py-4 backdrop-blur-md sm:static sm:mx-0 sm:flex-row sm:items-center sm:justify-between sm:border-0 sm:bg-transparent sm:p-0 sm:backdrop-blur-none">
            <p className="text-sm text-fg-muted">
              {answeredCount} of {total} answered
            </p>
            {!isLast ? (
              <Button size="lg" onClick={() => goTo(nextUnanswered === -1 ? index + 1 : nextUnanswered)} className="w-full sm:w-auto">
                Next question <ArrowRight className="size-4" aria-hidden="true" />
              </Button>
            ) : anyUnansweredBefore !== -1 ? (
              <Button size="lg" onClick={() => goTo(anyUnansweredBefore)} className="w-full sm:w-auto">
                Go to question {anyUnansweredBefore + 1} <ArrowRight className="size-4" aria-hidden="true" />
              </Button>
            ) : (
              <Button
                size="lg"
                onClick={finish}
                loading={complete.isPending}
                loadingText={assigned ? 'Submitting…' : 'Preparing your report…'}
                className="w-full sm:w-auto"
              >
                <Flag className="size-4" aria-hidden="true" /> {finishLabel}
              </Button>
            )}
          </div>
        </div>
      )}

      <p className="sr-only" aria-live="polite" role="status">
        {announcement}
      </p>

      <ConfirmDialog
        open={confirmEnd}
        title={assigned ? 'Finish and submit now?' : 'End this interview now?'}
        confirmLabel={assigned ? 'Submit interview' : 'End and see report'}
        cancelLabel="Keep going"
        busy={complete.isPending}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={finish}
      >
        {endMessage(assigned, answeredCount, total)}
      </ConfirmDialog>
    </div>
  );
}

function endMessage(assigned: boolean, answered: number, total: number): string {
  if (assigned) {
    return answered === total
      ? 'You have answered every question. Submitting sends the interview to your coach.'
      : `You have answered ${answered} of ${total} questions. Unanswered questions score 0, and you cannot come back to this interview after submitting.`;
  }
  return answered === total
    ? 'You have answered every question. Your report is ready.'
    : `You have answered ${answered} of ${total} questions. Unanswered questions are left out of your score, and you cannot add answers afterwards.`;
}

/** Hooks cannot be called conditionally; without a saver (practice) this is an inert stand-in. */
function useSyncedDraftIf(saver: DraftSaver | undefined, interviewId: string, questionId: string, serverDraft: Draft | undefined) {
  const [inert] = useState(() => new InertSink());
  return useSyncedDraft(saver ?? inert, saver ? interviewId : `inert:${interviewId}`, questionId, serverDraft);
}

class InertSink implements DraftSink {
  private readonly state: DraftSaveState = { kind: 'idle' };
  readonly subscribe = () => () => {};
  readonly getState = () => this.state;
  queue() {}
  forget() {}
}

function SubmittedAnswer({ answer, words }: { answer: Answer; words: number }) {
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

function SaveStatus({ state }: { state: DraftSaveState }) {
  if (state.kind === 'retrying') {
    return (
      <span className="inline-flex items-center gap-1.5 text-warning">
        <CloudOff className="size-4" aria-hidden="true" /> Offline — kept on this device; it will be sent when the connection is back.
      </span>
    );
  }
  if (state.kind === 'saving') return <span>Saving…</span>;
  if (state.kind === 'saved') {
    return (
      <span className="inline-flex items-center gap-1.5">
        <CloudCheck className="size-4 text-success" aria-hidden="true" /> Draft saved to Panelist as you type.
      </span>
    );
  }
  if (state.kind === 'closed') return <span>Time is up: drafts are no longer saved.</span>;
  return <span>Drafts are saved on this device and to Panelist as you type.</span>;
}

/** Time spent on the current question; keyed by question so each one starts its own clock. */
function ElapsedTime({ clockKey }: { clockKey: string }) {
  const [start] = useState(() => Math.floor(startClock(clockKey) / 1000));
  const seconds = Math.max(0, useNowSeconds() - start);
  return (
    <>
      <span className="sr-only">Time on this question: {formatDurationWords(seconds)}</span>
      <span aria-hidden="true">{formatClock(seconds)}</span>
    </>
  );
}
