import { ArrowLeft, ArrowRight, Clock, Flag, Lightbulb, SearchX } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { MAX_ANSWER_CHARS, type Interview, type QuestionType } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { countWords, formatClock, formatDurationWords } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { TextAreaField } from '../../ui/field.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Skeleton } from '../../ui/skeleton.js';
import { Spinner } from '../../ui/spinner.js';
import { useCompleteInterview, useInterview, useSubmitAnswer } from './api.js';
import { AnswerFeedback } from './components/answer-feedback.js';
import { GrammarLegend, GrammarText, usableIssues } from './components/grammar-text.js';
import { SkillChips } from './components/skill-chips.js';
import { interviewTypeLabel, levelLabel, scoreBand } from './meta.js';
import { useDraft } from './use-draft.js';
import { forgetStart, secondsSince, startClock, useNowSeconds } from './use-elapsed.js';

const guidance: Record<QuestionType, string> = {
  behavioral: 'Tell a real story using STAR: the Situation, your Task, the Action you took and the Result.',
  technical: 'Explain the idea, give a concrete example, and mention the trade-offs.',
  system_design: 'Cover requirements, main components, data model, scaling and what happens when things fail.',
  communication: 'Be clear and concise, and tailor the message to your audience.',
  aptitude: 'Show your reasoning step by step, then state your answer.',
};

export function InterviewPage() {
  const { id = '' } = useParams();
  const query = useInterview(id);

  if (query.isPending) return <InterviewSkeleton />;
  if (query.isError) {
    const notFound = query.error instanceof ApiError && (query.error.status === 404 || query.error.status === 400);
    return (
      <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
        <title>Interview · Panelist</title>
        {notFound ? (
          <>
            <div className="mx-auto grid size-14 place-items-center rounded-2xl bg-surface-muted text-fg-muted">
              <SearchX className="size-7" aria-hidden="true" />
            </div>
            <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
              Interview not found
            </h1>
            <p className="text-fg-muted">It may have been deleted, or the link is wrong.</p>
          </>
        ) : (
          <>
            <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
              Could not load the interview
            </h1>
            <Alert>{errorMessage(query.error)}</Alert>
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          </>
        )}
        <Link to="/" className={buttonClass('primary')}>
          Back to dashboard
        </Link>
      </div>
    );
  }
  if (query.data.status === 'completed') return <Navigate to={`/interviews/${query.data.id}/report`} replace />;
  return <InterviewSession key={query.data.id} interview={query.data} />;
}

function InterviewSession({ interview }: { interview: Interview }) {
  const navigate = useNavigate();
  const questions = useMemo(() => [...interview.questions].sort((a, b) => a.order - b.order), [interview.questions]);
  const answers = useMemo(() => new Map(interview.answers.map((a) => [a.questionId, a])), [interview.answers]);
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
  const [draft, setDraft, clearDraft] = useDraft(clockKey);
  const words = countWords(answer ? answer.text : draft);
  const [fieldError, setFieldError] = useState<string | undefined>();

  // A new question: bring its heading into view and focus, as a page change would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    questionHeadingRef.current?.focus({ preventScroll: true });
  }, [index]);

  // Fresh feedback: move focus to it so keyboard and screen-reader users land on the result.
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
          const band = scoreBand(saved.evaluation.score);
          setAnnouncement(`Answer scored ${saved.evaluation.score} out of 100, ${band.label}. Feedback is below.`);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fieldErrors.text) setFieldError(sentence(err.fieldErrors.text));
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
    submit.reset();
    setFieldError(undefined);
    setAnnouncement('');
    setIndex(next);
  }

  function finish() {
    complete.mutate(undefined, {
      onSuccess: () => void navigate(`/interviews/${interview.id}/report`, { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && err.code === 'interview_completed') void navigate(`/interviews/${interview.id}/report`, { replace: true });
      },
    });
  }

  const nextUnanswered = questions.findIndex((q, i) => i > index && !answers.has(q.id));
  const anyUnansweredBefore = questions.findIndex((q, i) => i < index && !answers.has(q.id));

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>{`Question ${index + 1} of ${total} · Panelist`}</title>

      <div className="flex items-center justify-between gap-3">
        <Link to="/" className={buttonClass('ghost', 'sm', '-ml-3')}>
          <ArrowLeft className="size-4" aria-hidden="true" /> Dashboard
        </Link>
        <Button variant="ghost" size="sm" className="-mr-3" onClick={() => setConfirmEnd(true)}>
          <Flag className="size-4" aria-hidden="true" /> End interview
        </Button>
      </div>

      <div className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-1">
          <p className="text-sm text-fg-muted">
            <span className="font-medium text-fg">{interview.role}</span> · {levelLabel(interview.level)} · {interviewTypeLabel(interview.type)}
          </p>
        </div>
        <div className="flex items-center justify-between gap-4">
          <p className="font-semibold text-fg" aria-live="polite">
            Question {index + 1} of {total}
          </p>
          <div
            role="timer"
            className="inline-flex items-center gap-1.5 rounded-lg bg-surface-muted px-2.5 py-1 text-sm font-medium tabular-nums text-fg-muted"
          >
            <Clock className="size-4" aria-hidden="true" />
            {answer ? <span>Answered</span> : <ElapsedTime key={clockKey} clockKey={clockKey} />}
          </div>
        </div>
        <ProgressBar value={index + 1} max={total} label="Interview progress" valueText={`Question ${index + 1} of ${total}, ${answeredCount} answered`} />
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
            onKeyDown={onKeyDown}
            readOnly={submit.isPending}
            placeholder="Type your answer as you would say it in the interview…"
            error={fieldError}
            hint="Drafts are saved on this device as you type."
            describedById="answer-count"
            aside={
              <span id="answer-count" className="text-sm tabular-nums text-fg-subtle">
                {words} {words === 1 ? 'word' : 'words'}
              </span>
            }
            className="min-h-56 resize-y"
          />
          {submit.isError && !fieldError ? <Alert title="Your answer was not submitted">{errorMessage(submit.error)}</Alert> : null}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
            <p className="hidden text-sm text-fg-subtle sm:block">
              <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Ctrl</kbd> +{' '}
              <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Enter</kbd> to submit
            </p>
            <Button type="submit" size="lg" loading={submit.isPending} loadingText="Scoring your answer…" className="w-full sm:w-auto">
              Submit answer
            </Button>
          </div>
          {submit.isPending ? (
            <div className="card flex items-center gap-3 p-5 text-fg-muted" role="status">
              <Spinner className="size-5 text-primary" />
              Reading your answer and checking it against the rubric…
            </div>
          ) : null}
        </form>
      ) : (
        <div className="space-y-6 animate-fade-up">
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
              issues={answer.evaluation.grammar}
              className="max-h-72 overflow-y-auto text-[0.9375rem] leading-relaxed whitespace-pre-wrap text-fg-muted"
            />
            <GrammarLegend count={usableIssues(answer.text, answer.evaluation.grammar).length} className="mt-3 border-t border-border pt-3" />
          </section>

          <AnswerFeedback evaluation={answer.evaluation} answerText={answer.text} headingId={feedbackHeadingId} />

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
              <Button size="lg" onClick={finish} loading={complete.isPending} loadingText="Preparing your report…" className="w-full sm:w-auto">
                <Flag className="size-4" aria-hidden="true" /> Finish interview
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
        title="End this interview now?"
        confirmLabel="End and see report"
        cancelLabel="Keep going"
        busy={complete.isPending}
        onCancel={() => setConfirmEnd(false)}
        onConfirm={finish}
      >
        {answeredCount === total
          ? 'You have answered every question. Your report is ready.'
          : `You have answered ${answeredCount} of ${total} questions. Unanswered questions are left out of your score, and you cannot add answers afterwards.`}
      </ConfirmDialog>
    </div>
  );
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

function InterviewSkeleton() {
  return (
    <div className="mx-auto max-w-3xl space-y-6" role="status">
      <span className="sr-only">Loading interview…</span>
      <Skeleton className="h-8 w-32" />
      <div className="space-y-3">
        <Skeleton className="h-4 w-64" />
        <Skeleton className="h-2 w-full" />
      </div>
      <div className="card space-y-3 p-7">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-7 w-full" />
        <Skeleton className="h-7 w-2/3" />
      </div>
      <Skeleton className="h-56 w-full rounded-xl" />
    </div>
  );
}
