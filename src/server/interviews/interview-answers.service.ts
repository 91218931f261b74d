import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import type { RunCodeBody, RunResult } from '../../contract/coding.js';
import type { CodeAnswer, CodeAnswerBody } from '../../contract/coding-answers.js';
import type { Answer, AnswerBody, Interview, InterviewStatus } from '../../contract/interviews.js';
import { measureDelivery } from '../../core/delivery/delivery-metrics.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Actor } from '../auth/actor.js';
import type { AnswerGrading } from './answer-grading.js';
import { evaluationInputOf, storeCurrentAnswer, storePendingAnswer } from './answers.js';
import { type InterviewViewer, resultsVisible } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { completeLocked } from './interview-completion.js';
import { toAnswer } from './interview-views.js';
import { answerDrafts, interviewQuestions, interviews, type InterviewRow } from './interviews.table.js';

const notInProgress: Record<Exclude<InterviewStatus, 'in_progress'>, () => AppError> = {
  scheduled: () => new AppError('invalid_state', 'Start the interview first.'),
  completed: () => new AppError('interview_completed', 'This interview is completed; answers can no longer change.'),
  reviewed: () => new AppError('interview_completed', 'This interview is completed; answers can no longer change.'),
  missed: () => new AppError('window_closed', 'The window of this interview closed before it was started.'),
  cancelled: () => new AppError('invalid_state', 'This interview was cancelled.'),
  terminated: () => new AppError('interview_completed', 'This interview was ended by its proctoring rules; answers can no longer change.'),
};

function requireInProgress(row: Pick<InterviewRow, 'status'>): void {
  if (row.status !== 'in_progress') throw notInProgress[row.status]();
}

/** The server's deadline decides, not the browser's timer: an answer after it is refused even before the deadline job ran. */
function requireBeforeDeadline(row: Pick<InterviewRow, 'deadlineAt'>, now: Date): void {
  if (row.deadlineAt && now >= row.deadlineAt) {
    throw new AppError('deadline_passed', 'The time for this interview is up; answers can no longer be sent.', {
      deadlineAt: row.deadlineAt.toISOString(),
    });
  }
}

function requireCandidate(viewer: InterviewViewer, doing: string): void {
  if (viewer !== 'candidate') throw new AppError('forbidden', `Only the candidate can ${doing}.`);
}

/** The candidate at work, in a practice or an assigned interview alike: answers, drafts, completion. */
export function createInterviewAnswering(ctx: InterviewContext, grading: AnswerGrading) {
  const { db, clock, reads, access, view } = ctx;

  async function requireRecording(actor: Actor, mediaId: string) {
    if (!ctx.recordings) throw new AppError('invalid_state', 'Recorded answers are not available on this server.');
    return ctx.recordings.requireReady(actor, mediaId);
  }

  async function loadFor(actor: Actor, interviewId: string) {
    return access.requireViewer(actor, await reads.interview(interviewId));
  }

  /**
   * Takes the locks an answer is stored under and checks again, under them, that the interview is
   * open and before its deadline; answers the time read (under the locks: the deadline job
   * completes under the interview's lock). One statement: the interview FOR SHARE, which every
   * change of its state (completion, the deadline job, a coach's cancel, proctoring) waits for,
   * since they lock it FOR UPDATE, but which answers to other questions of the same interview
   * and stored grades share; and the question FOR NO KEY UPDATE, so two answers to one question
   * still take turns (the second supersedes the first). Statements after it see what the turn
   * before committed.
   */
  async function lockOpenQuestion(tx: Tx, interviewId: string, questionId: string): Promise<Date> {
    const result = await tx.execute(sql`
      select i.status, i.deadline_at is null as no_deadline, (extract(epoch from i.deadline_at) * 1000)::float8 as deadline_ms
      from ${interviews} i join ${interviewQuestions} q on q.id = ${questionId} and q.interview_id = i.id
      where i.id = ${interviewId}
      for share of i for no key update of q`);
    const [locked] = (result as unknown as { rows: { status: InterviewStatus; no_deadline: boolean; deadline_ms: number | null }[] }).rows;
    if (!locked) throw notFound('Interview');
    requireInProgress(locked);
    const now = clock.now();
    requireBeforeDeadline({ deadlineAt: locked.no_deadline ? null : new Date(locked.deadline_ms!) }, now);
    return now;
  }

  /** A question of the interview the candidate is answering now (open, before its deadline). */
  async function openQuestion(actor: Actor, interviewId: string, questionId: string) {
    const { row, viewer } = await loadFor(actor, interviewId);
    requireCandidate(viewer, 'answer this interview');
    requireInProgress(row);
    requireBeforeDeadline(row, clock.now());
    const [question] = await db
      .select()
      .from(interviewQuestions)
      .where(and(eq(interviewQuestions.id, questionId), eq(interviewQuestions.interviewId, interviewId)));
    if (!question) throw notFound('Question in this interview');
    return { row, viewer, question };
  }

  /** The open interview's coding question and its problem, for the candidate only. */
  async function openCodingQuestion(actor: Actor, interviewId: string, questionId: string) {
    const { row, viewer, question } = await openQuestion(actor, interviewId, questionId);
    const problem = ctx.coding?.problemOf(question.bankQuestionId);
    if (!problem || !ctx.coding) throw new AppError('validation_failed', 'This question is not a coding question: answer it with text.');
    return { row, viewer, question, problem, coding: ctx.coding };
  }

  async function storeAnswer(actor: Actor, interviewId: string, body: AnswerBody): Promise<Answer> {
    const { row, viewer, question } = await openQuestion(actor, interviewId, body.questionId);

    // A spoken answer is graded like a typed one: its transcript is the answer text.
    const recording = body.mediaId ? await requireRecording(actor, body.mediaId) : null;
    const started = grading.start(evaluationInputOf(question, row.level, body));
    const evaluation = await grading.settledWithin(started.evaluation, started.waitMs);
    const delivery = recording
      ? measureDelivery({
          transcript: body.text,
          words: body.words,
          recordingSeconds: recording.durationMs === null ? undefined : recording.durationMs / 1000,
          voice: recording.voice,
        })
      : null;

    const stored = await db.transaction(async (tx) => {
      const now = await lockOpenQuestion(tx, interviewId, question.id);
      const answer = {
        questionId: question.id,
        text: body.text,
        durationSeconds: body.durationSeconds ?? null,
        mediaId: body.mediaId ?? null,
        delivery,
      };
      if (evaluation) return storeCurrentAnswer(tx, interviewId, { ...answer, evaluation }, now);
      // The job that grades it if this process cannot is written with it, in the same statement.
      return storePendingAnswer(tx, interviewId, answer, now, (pending) => [grading.recoveryJob(tx, pending.id, now)]);
    });
    if (!evaluation) grading.finishLater(stored.id, started.evaluation, { row, questionId: question.id });
    return toAnswer(stored, resultsVisible(viewer, row), new Map());
  }

  return {
    /**
     * Grades outside the transaction (it is the slow part), then stores the answer and
     * supersedes the previous one under a row lock, re-checking that the interview is still
     * open and, for an assigned interview, that its deadline has not passed. Grading is waited
     * for up to ANSWER_WAIT_MS when no other answer is in hand (ANSWER_WAIT_SLOTS); past that, or
     * under concurrency at once, the answer is
     * stored with its evaluation pending and graded in the background (answer-grading.ts).
     */
    async submitAnswer(actor: Actor, interviewId: string, body: AnswerBody): Promise<Answer> {
      const received = grading.receive();
      try {
        return await storeAnswer(actor, interviewId, body);
      } finally {
        received.done();
      }
    },

    /** Runs the candidate's code on a coding question's public examples (nothing is stored). */
    async runCode(actor: Actor, interviewId: string, questionId: string, body: RunCodeBody): Promise<RunResult> {
      const { problem, coding } = await openCodingQuestion(actor, interviewId, questionId);
      return coding.runExamples(actor.userId, problem, body);
    },

    /** A coding answer: every test runs and grades it (outside the transaction, like text grading), then it is stored like any answer. */
    async submitCode(actor: Actor, interviewId: string, body: CodeAnswerBody): Promise<CodeAnswer> {
      const { row, viewer, question, problem, coding } = await openCodingQuestion(actor, interviewId, body.questionId);
      const { evaluation, result } = await coding.grade(problem, row.level, body);
      const stored = await db.transaction(async (tx) => {
        const now = await lockOpenQuestion(tx, interviewId, question.id);
        // The explanation is kept with the code for the coach's review.
        const text = body.explanation ? `${body.code}\n\n--- Explanation ---\n${body.explanation}` : body.code;
        const graded = { questionId: question.id, text, durationSeconds: body.durationSeconds ?? null, evaluation };
        return storeCurrentAnswer(tx, interviewId, graded, now);
      });
      const visible = resultsVisible(viewer, row);
      return { ...toAnswer(stored, visible, new Map()), ...(visible ? { coding: result } : {}) };
    },

    /** Autosave of the text being typed; only while the interview is open to answers. */
    async saveDraft(actor: Actor, interviewId: string, questionId: string, text: string): Promise<void> {
      const { row, viewer } = await loadFor(actor, interviewId);
      requireCandidate(viewer, 'write answers');
      requireInProgress(row);
      const now = clock.now();
      requireBeforeDeadline(row, now);
      const [question] = await db
        .select({ id: interviewQuestions.id })
        .from(interviewQuestions)
        .where(and(eq(interviewQuestions.id, questionId), eq(interviewQuestions.interviewId, interviewId)));
      if (!question) throw notFound('Question in this interview');
      await db
        .insert(answerDrafts)
        .values({ interviewId, questionId, text, updatedAt: now })
        .onConflictDoUpdate({ target: [answerDrafts.interviewId, answerDrafts.questionId], set: { text, updatedAt: now } });
    },

    async complete(actor: Actor, interviewId: string): Promise<Interview> {
      const { row, viewer } = await loadFor(actor, interviewId);
      requireCandidate(viewer, 'complete this interview');
      if (row.status !== 'in_progress') {
        if (row.status === 'completed' || row.status === 'reviewed')
          throw new AppError('interview_completed', 'This interview is already completed.');
        throw notInProgress[row.status]();
      }
      // The overall score counts every answer's grade: the pending ones are waited for.
      await grading.settle(interviewId);
      const updated = await db.transaction(async (tx) => {
        const locked = await reads.lockInterview(tx, interviewId);
        if (locked?.status !== 'in_progress') throw new AppError('interview_completed', 'This interview is already completed.');
        return completeLocked(ctx, tx, locked, clock.now(), 'submitted');
      });
      return view(updated, viewer);
    },
  };
}
