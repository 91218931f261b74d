import { ArrowLeft, ArrowRight, Flag, RotateCcw } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { type AnswerBody, type Interview } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { countWords } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { useCompleteInterview, useSubmitAnswer } from '../../lib/api/interviews.js';
import { AnswerFeedback } from '../../ui/evaluation/answer-feedback.js';
import type { DraftSaver } from './draft-saver.js';
import { scoreBand } from '../../lib/interview-meta.js';
import { useDraft } from './use-draft.js';
import { forgetStart, secondsSince, startClock } from '../../lib/use-elapsed.js';
import { AnswerForm } from './components/answer-form.js';
import { AttemptsPanel } from './components/attempts-panel.js';
import { FollowUpThread } from './components/follow-up-thread.js';
import { ModelAnswer } from './components/model-answer.js';
import { QuestionCard } from './components/question-card.js';
import { SessionHeader } from './components/session-header.js';
import { AwaitingReview, GradingPending, SubmittedAnswer } from './components/submitted-answer.js';
import { useSyncedDraftIf } from './session-drafts.js';
import { isPaced, QuestionTimer, ThinkTimePanel, useQuestionPace } from './components/question-timer.js';
import { useHasPassed } from '../../lib/server-clock.js';
import { SaveQuestionButton } from '../../ui/save-question-button.js';
import { CodingAnswerForm } from '../../ui/coding/coding-answer-form.js';
import { RunConsole } from '../../ui/coding/run-console.js';
import { VoiceAnswer } from '../../ui/voice/voice-answer.js';
import { SpokenAnswerReview } from '../../ui/voice/spoken-answer-review.js';
import type { SubmissionResult } from '../../../contract/index.js';

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
  // The last coding submission's test results, shown under the feedback of that question.
  const [codingResult, setCodingResult] = useState<{ questionId: string; result: SubmissionResult } | null>(null);
  const submit = useSubmitAnswer(interview.id);
  const complete = useCompleteInterview(interview.id);
  const questionHeadingRef = useRef<HTMLHeadingElement>(null);
  const feedbackHeadingId = useId();
  const focusFeedback = useRef(false);
  // The answer acknowledged pending whose grade is announced when it arrives.
  const [awaitingGrade, setAwaitingGrade] = useState<string | null>(null);
  const firstRender = useRef(true);

  const question = questions[index];
  const answer = question ? answers.get(question.id) : undefined;
  // A practice question answered already and being answered again: the earlier answer stays as an attempt.
  const [retrying, setRetrying] = useState<string | null>(null);
  const answering = !answer || (!!question && retrying === question.id);
  const arrived = answer && awaitingGrade === answer.id ? answer.evaluation : null;
  const liveMessage = arrived
    ? `Answer scored ${arrived.score} out of 100, ${scoreBand(arrived.score).label}. Feedback is below.`
    : announcement;
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
  const words = countWords(answer && !answering ? answer.text : draft);
  const [fieldError, setFieldError] = useState<string | undefined>();
  // A spoken answer's uploaded recording; it goes with the submit of the question it was made for.
  const [recording, setRecording] = useState<{ questionId: string; mediaId: string; words?: AnswerBody['words'] } | null>(null);

  // A paced practice: think time, then answer time; when it ends the draft is submitted. A retry
  // gets clocks of its own (keyed by the answer it follows), so think and answer time start again.
  const paced = isPaced(interview) && !!question && !question.coding;
  const paceKey = answer ? `${clockKey}:after-${answer.id}` : clockKey;
  const pace = useQuestionPace(interview, paceKey, paced && answering, () => {
    if (draft.trim()) onSubmit();
  });
  // A practice's overall duration: what is written goes out just before the server's deadline, then the report.
  const practiceDeadline = assigned ? null : interview.deadlineAt;
  const almostOver = useHasPassed(practiceDeadline ? new Date(Date.parse(practiceDeadline) - 3000).toISOString() : null);
  const overallOver = useHasPassed(practiceDeadline);
  useEffect(() => {
    if (almostOver && !overallOver && question && answering && !question.coding && draft.trim() && !submit.isPending) onSubmit();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the last seconds begin
  }, [almostOver]);
  useEffect(() => {
    if (overallOver && !complete.isPending) finish();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the time is up
  }, [overallOver]);

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
      {
        questionId: question.id,
        text: draft,
        durationSeconds,
        ...(recording?.questionId === question.id ? { mediaId: recording.mediaId, words: recording.words } : {}),
      },
      {
        onSuccess: (saved) => {
          clearDraft();
          forgetStart(clockKey);
          setRetrying(null);
          focusFeedback.current = true;
          if (saved.evaluation) {
            const band = scoreBand(saved.evaluation.score);
            setAnnouncement(`Answer scored ${saved.evaluation.score} out of 100, ${band.label}. Feedback is below.`);
          } else if (saved.evaluationStatus === 'pending' && !assigned) {
            setAwaitingGrade(saved.id);
            setAnnouncement('Answer saved. It is being graded; the feedback appears below in a moment.');
          } else {
            setAnnouncement('Answer submitted. Your coach will review it.');
          }
        },
        onError: (err) => {
          if (err instanceof ApiError && err.fieldErrors.text) setFieldError(sentence(err.fieldErrors.text));
          if (err instanceof ApiError && err.code === 'deadline_passed') {
            if (onTimeUp) onTimeUp();
            else finish();
          }
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
    setRetrying(null);
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
  // Skipping goes to the next unanswered question, wrapping round to one skipped earlier.
  const skipTarget = nextUnanswered !== -1 ? nextUnanswered : anyUnansweredBefore !== -1 ? anyUnansweredBefore : index;
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

      <SessionHeader
        interview={interview}
        index={index}
        total={total}
        answeredCount={answeredCount}
        answered={!!answer && !answering}
        clockKey={clockKey}
        timer={
          paced ? (
            <QuestionTimer state={pace.state} thinkSeconds={interview.thinkSeconds} answerSeconds={interview.answerSeconds} />
          ) : undefined
        }
      />

      <QuestionCard question={question} headingRef={questionHeadingRef} />
      {!assigned && !question.coding ? (
        <div className="-mt-3 flex justify-end">
          <SaveQuestionButton interviewId={interview.id} questionId={question.id} text={question.text} />
        </div>
      ) : null}

      {answering && !question.coding ? (
        <VoiceAnswer
          key={question.id}
          questionId={question.id}
          questionText={question.text}
          lang={interview.language}
          orgId={interview.orgId}
          onTranscript={setDraft}
          onRecordingChange={(saved) => setRecording(saved ? { questionId: question.id, ...saved } : null)}
        />
      ) : null}

      {answering && question.coding ? (
        <>
          {answer ? <AnsweringAgain /> : null}
          <CodingAnswerForm
            key={question.id}
            interviewId={interview.id}
            questionId={question.id}
            problem={question.coding}
            onSubmitted={(result) => {
              setRetrying(null);
              if (result) setCodingResult({ questionId: question.id, result });
            }}
          />
          {answer ? <KeepAnswer onKeep={() => setRetrying(null)} /> : null}
        </>
      ) : answering && paced && pace.state.phase === 'think' ? (
        <ThinkTimePanel remaining={pace.state.remaining ?? 0} onStart={pace.startAnswering} />
      ) : answering ? (
        <>
          {answer ? <AnsweringAgain /> : null}
          {paced && pace.state.phase === 'over' && !draft.trim() ? (
            <Alert tone="info" title="Answer time is up">
              Nothing was written for this {answer ? 'attempt' : 'question'}. You can still write and submit an answer, or{' '}
              {answer ? 'keep your earlier one' : 'skip it for now'}.
            </Alert>
          ) : null}
          <AnswerForm
            draft={draft}
            onDraftChange={(text) => {
              setDraft(text);
              if (fieldError) setFieldError(undefined);
            }}
            onSubmit={onSubmit}
            onKeyDown={onKeyDown}
            onBlur={() => saver?.flush()}
            fieldError={fieldError}
            words={words}
            assigned={assigned}
            synced={!!saver}
            saveState={saveState}
            submit={submit}
          />
          {answer ? (
            <KeepAnswer onKeep={() => setRetrying(null)} />
          ) : skipTarget !== index ? (
            <div className="flex justify-end">
              <Button variant="ghost" size="sm" onClick={() => goTo(skipTarget)}>
                Skip for now <ArrowRight className="size-4" aria-hidden="true" />
              </Button>
            </div>
          ) : null}
        </>
      ) : (
        <div className="space-y-6 animate-fade-up">
          <SubmittedAnswer answer={answer} words={words} />
          <SpokenAnswerReview answer={answer} />

          {codingResult && codingResult.questionId === question?.id ? (
            <section aria-label="Test results" className="card overflow-hidden">
              <RunConsole submission={codingResult.result} />
            </section>
          ) : null}

          {answer.evaluation ? (
            <AnswerFeedback evaluation={answer.evaluation} answerText={answer.text} headingId={feedbackHeadingId} />
          ) : answer.evaluationStatus === 'pending' && !assigned ? (
            <GradingPending headingId={feedbackHeadingId} />
          ) : (
            <AwaitingReview interview={interview} headingId={feedbackHeadingId} />
          )}

          <ModelAnswer question={question} />

          {!assigned ? (
            <>
              <AttemptsPanel interviewId={interview.id} questionId={question.id} onAnnounce={setAnnouncement} />
              <div className="flex flex-col gap-3 rounded-xl border border-dashed border-border-strong p-4 sm:flex-row sm:items-center sm:justify-between">
                <p className="text-sm text-fg-muted">Want another go? Your earlier answers are kept, and you choose which one counts.</p>
                <Button
                  variant="secondary"
                  size="sm"
                  className="shrink-0"
                  onClick={() => {
                    submit.reset();
                    // A retry given up ("Keep my answer") and begun again starts with full time.
                    forgetStart(`${paceKey}:think`);
                    forgetStart(`${paceKey}:answer`);
                    setRetrying(question.id);
                  }}
                >
                  <RotateCcw className="size-4" aria-hidden="true" /> Try this question again
                </Button>
              </div>
            </>
          ) : null}

          {(interview.followUps ?? 0) > 0 && !question.coding ? (
            <FollowUpThread interview={interview} questionId={question.id} answers={answers} onAnnounce={setAnnouncement} />
          ) : null}

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
        {liveMessage}
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
      : `You have answered ${answered} of ${total} questions. Unanswered questions count as 0 in your overall score and in each dimension, and you cannot come back to this interview after submitting.`;
  }
  return answered === total
    ? 'You have answered every question. Your report is ready.'
    : `You have answered ${answered} of ${total} questions. Unanswered questions count as 0 in your overall score and in each dimension, and you cannot add answers afterwards.`;
}

function AnsweringAgain() {
  return (
    <Alert tone="info" title="Answering again">
      Your earlier answer is kept as an attempt. After this one you choose which attempt counts.
    </Alert>
  );
}

function KeepAnswer({ onKeep }: { onKeep: () => void }) {
  return (
    <div className="flex justify-end">
      <Button variant="ghost" size="sm" onClick={onKeep}>
        Keep my answer
      </Button>
    </div>
  );
}
