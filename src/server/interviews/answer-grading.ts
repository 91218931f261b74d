import { and, eq, sql } from 'drizzle-orm';
import type { Evaluation } from '../../contract/interviews.js';
import type { EvaluationInput } from '../../core/evaluation/types.js';
import { cancelJob, jobCancel, jobInsert } from '../jobs/job-queue.js';
import type { DbOrTx } from '../../db/client.js';
import { EVENTS_CHANNEL, publishEvent, type BusEvent } from '../notifications/notify.js';
import { evaluationInputOf, isPendingAnswer, PENDING_ENGINE, recomputeOverall } from './answers.js';
import { staffToTell } from './interview-audience.js';
import type { InterviewContext } from './interview-context.js';
import { answers, interviewQuestions, interviews, type InterviewRow } from './interviews.table.js';

export const ANSWER_GRADE_JOB = 'answer-grade';
const jobKey = (answerId: string) => `answer-grade:${answerId}`;

/**
 * How long after an answer was acknowledged pending the job queue grades it itself: longer than
 * grading in this process takes even with a backlog, so the job only works after a crash (or a
 * failed grading), not beside a live one. The job is cancelled when the grade is stored.
 */
export const RECOVERY_DELAY_MS = 2 * 60_000;

const MAX_HANDED_TO_EVALUATOR = 64;

/**
 * How the answer route relates to grading: it waits up to `ms` inline only while fewer than
 * `slots` answers are in hand in this process (being graded, or received and not yet replied to),
 * its own included. With the default of 1 a candidate alone on the server gets the grade in the
 * reply, as before; under concurrency every answer is acknowledged at once (202 pending) and the
 * grade follows over the WebSocket: a wait would be paid by every request behind it (p99 ≥ `ms`).
 */
export interface AnswerWait {
  ms: number;
  slots: number;
}

/**
 * Grading of answers acknowledged before their evaluation was ready. The route starts grading
 * with `start()`, waits up to ANSWER_WAIT_MS (`settledWithin`); when the grade is not there yet it
 * stores the answer pending (with a recovery job in the same transaction) and hands the grading
 * over (`finishLater`). The grade is stored under the interview's lock, replacing the placeholder,
 * and pushed to the candidate's (and coaches') sockets as `answer_graded`. Completion, the
 * deadline job and the next follow-up wait for pending grades (`settle`). The evaluator is the
 * one every other path uses.
 */
export function createAnswerGrading(ctx: InterviewContext, wait: AnswerWait = { ms: Number.POSITIVE_INFINITY, slots: Infinity }) {
  const { db, clock, evaluator, reads } = ctx;
  /** Gradings under way in this process (inline waits and background alike). */
  let inFlight = 0;
  /** Answer requests received and not yet replied to (from `receive()` to their `done()`). */
  let receiving = 0;
  const running = new Map<string, Promise<void>>();

  // At most this many gradings are handed to the evaluator at once (its own queue is bounded and
  // refuses past its limit); the rest wait here, in order, and cost only their input meanwhile.
  let active = 0;
  const waiting: (() => void)[] = [];
  async function evaluate(input: EvaluationInput): Promise<Evaluation> {
    if (active >= MAX_HANDED_TO_EVALUATOR) await new Promise<void>((resolve) => waiting.push(resolve));
    active++;
    try {
      return await evaluator.evaluate(input);
    } finally {
      active--;
      waiting.shift()?.();
    }
  }

  /** Counts an answer request from its arrival (before its reads), so concurrent answers see each other; call done() when it replies. */
  function receive(): { done: () => void } {
    receiving++;
    let open = true;
    return {
      done: () => {
        if (open) receiving--;
        open = false;
      },
    };
  }

  /** Starts grading; waitMs is how long the caller (counted by `receive()`) may wait for it inline. */
  function start(input: EvaluationInput): { evaluation: Promise<Evaluation>; waitMs: number } {
    // This answer is counted in `receiving` (by the route) and not yet in `inFlight`.
    const waitMs = inFlight + Math.max(receiving, 1) <= wait.slots ? wait.ms : 0;
    inFlight++;
    const evaluation = evaluate(input).finally(() => inFlight--);
    // Handled by whoever awaits it; this keeps a late rejection from going unhandled in between.
    evaluation.catch(() => {});
    return { evaluation, waitMs };
  }

  /** The evaluation when it is ready within `ms`, else null (a rejection within `ms` is thrown). */
  async function settledWithin(evaluation: Promise<Evaluation>, ms: number): Promise<Evaluation | null> {
    if (ms === Number.POSITIVE_INFINITY) return evaluation;
    if (ms <= 0) return null;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
    try {
      return await Promise.race([evaluation, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * The job that grades a pending answer if this process cannot, unsent: it is written in the
   * statement that stores the answer, so both commit or neither.
   */
  function recoveryJob(tx: DbOrTx, answerId: string, now: Date) {
    return jobInsert(
      tx,
      { kind: ANSWER_GRADE_JOB, payload: { answerId }, runAt: new Date(now.getTime() + RECOVERY_DELAY_MS), dedupeKey: jobKey(answerId) },
      now,
    );
  }

  /** What storing a grade needs to know of its answer: the interview (who hears of it) and the question. */
  interface GradedOf {
    row: InterviewRow;
    questionId: string;
  }

  /**
   * Stores a grade in place of the placeholder, once, and tells the open pages. While the
   * interview is in progress this is one statement: it takes the interview FOR SHARE (so it waits
   * for completion or the deadline job, which lock it FOR UPDATE, and they for it, but not for
   * answers or other grades), replaces the placeholder only if it is still one, cancels the
   * recovery job and notifies. Whoever hears of it is read before, outside any lock.
   */
  async function store(answerId: string, evaluation: Evaluation, of: GradedOf): Promise<void> {
    const now = clock.now();
    const { row, questionId } = of;
    const userIds = [row.candidateId, ...(await staffToTell(ctx, row, db))];
    const event: BusEvent = { type: 'answer_graded', userIds, interviewId: row.id, answerId, questionId };
    const inProgress = sql`exists (select 1 from iv where iv.status = 'in_progress')`;
    const graded = db
      .update(answers)
      .set({ score: evaluation.score, evaluation, engine: evaluation.engine, engineVersion: evaluation.engineVersion })
      .where(and(eq(answers.id, answerId), eq(answers.engine, PENDING_ENGINE), inProgress))
      .returning({ id: answers.id });
    const cancelled = jobCancel(db, jobKey(answerId), now, inProgress);
    const result = await db.execute(sql`
      with iv as (select ${interviews.status} from ${interviews} where ${interviews.id} = ${row.id} for share),
      graded as (${graded.getSQL()}),
      cancelled as (${cancelled.getSQL()})
      select iv.status, case when g.id is null then null else pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)}) end as notified
      from iv left join graded g on true`);
    const [found] = (result as unknown as { rows: { status: string }[] }).rows;
    if (!found || found.status === 'in_progress') return;
    await storeAfterEnd(answerId, evaluation, now);
  }

  /** A grade that arrives after its interview left progress (a failed grading retried later): under the lock, and the overall score counts it. */
  async function storeAfterEnd(answerId: string, evaluation: Evaluation, now: Date): Promise<void> {
    await db.transaction(async (tx) => {
      const [answer] = await tx.select({ interviewId: answers.interviewId }).from(answers).where(eq(answers.id, answerId));
      if (!answer) return;
      const row = await reads.lockInterview(tx, answer.interviewId);
      if (!row) return;
      const [graded] = await tx
        .update(answers)
        .set({ score: evaluation.score, evaluation, engine: evaluation.engine, engineVersion: evaluation.engineVersion })
        .where(and(eq(answers.id, answerId), eq(answers.engine, PENDING_ENGINE)))
        .returning({ id: answers.id, questionId: answers.questionId });
      await cancelJob(tx, jobKey(answerId), now);
      if (!graded) return;
      if (row.status === 'completed' || row.status === 'terminated') {
        await tx
          .update(interviews)
          .set({ overallScore: await recomputeOverall(reads, tx, row.id) })
          .where(eq(interviews.id, row.id));
      }
      const userIds = [row.candidateId, ...(await staffToTell(ctx, row, tx))];
      await publishEvent(tx, { type: 'answer_graded', userIds, interviewId: row.id, answerId, questionId: graded.questionId });
    });
  }

  /** Grades a stored pending answer from its row (after a restart, or when nothing in this process is grading it). */
  async function gradeStored(answerId: string): Promise<void> {
    const [found] = await db
      .select({ answer: answers, question: interviewQuestions, interview: interviews })
      .from(answers)
      .innerJoin(interviewQuestions, eq(interviewQuestions.id, answers.questionId))
      .innerJoin(interviews, eq(interviews.id, answers.interviewId))
      .where(eq(answers.id, answerId));
    if (!found || !isPendingAnswer(found.answer)) return;
    const { evaluation } = start(
      evaluationInputOf(found.question, found.interview.level, {
        text: found.answer.text,
        durationSeconds: found.answer.durationSeconds ?? undefined,
      }),
    );
    await store(answerId, await evaluation, { row: found.interview, questionId: found.answer.questionId });
  }

  /** Lets grading started by the route finish in the background, after the pending answer was stored. */
  function finishLater(answerId: string, evaluation: Promise<Evaluation>, of: GradedOf): void {
    const done = evaluation
      .then((e) => store(answerId, e, of))
      .catch((err: unknown) => ctx.onJobWarning(err, `answer ${answerId}: grading failed; the job queue grades it again`))
      .finally(() => running.delete(answerId));
    running.set(answerId, done);
  }

  /** Waits until every current answer of the interview has its grade (grading here what nothing else is). */
  async function settle(interviewId: string): Promise<void> {
    const pending = (await reads.currentAnswers(interviewId)).filter(isPendingAnswer);
    await Promise.all(
      pending.map(
        (a) =>
          running.get(a.id) ??
          gradeStored(a.id).catch((err: unknown) => ctx.onJobWarning(err, `answer ${a.id}: grading failed; the job queue grades it again`)),
      ),
    );
  }

  ctx.jobs.register(ANSWER_GRADE_JOB, async (payload) => {
    const answerId = typeof payload.answerId === 'string' ? payload.answerId : null;
    if (!answerId) return;
    // Not waiting for a grading this process may still run: it may hang forever. Storing is
    // once-only (the placeholder is replaced once), so a duplicate grading costs CPU, not correctness.
    await gradeStored(answerId);
  });

  return { receive, start, settledWithin, recoveryJob, finishLater, settle };
}

export type AnswerGrading = ReturnType<typeof createAnswerGrading>;
