import { and, asc, eq, isNull } from 'drizzle-orm';
import type { CountingAttemptBody, QuestionAttempts } from '../../contract/interviews-attempts.js';
import { AppError, notFound } from '../../core/errors.js';
import { finalScoreOf } from '../../core/interviews/summarize-report.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { questionsVisible, resultsVisible } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { answers, interviewQuestions, type AnswerRow } from './interviews.table.js';

/** Every answer given to a question, oldest first: attempt 1, 2, … */
export async function attemptsOf(tx: DbOrTx, interviewId: string, questionId: string): Promise<AnswerRow[]> {
  return tx
    .select()
    .from(answers)
    .where(and(eq(answers.interviewId, interviewId), eq(answers.questionId, questionId)))
    .orderBy(asc(answers.createdAt), asc(answers.id));
}

function toAttempts(questionId: string, rows: readonly AnswerRow[], visible: boolean): QuestionAttempts {
  return {
    questionId,
    attempts: rows.map((a, i) => ({
      id: a.id,
      number: i + 1,
      text: a.text,
      createdAt: a.createdAt.toISOString(),
      score: visible ? finalScoreOf(a) : null,
      counts: a.supersededAt === null,
    })),
  };
}

/**
 * Retries of a practice question: answering a question again keeps the earlier answers (they are
 * superseded, not overwritten), and the candidate may pick which of them counts while the
 * practice is open. The one that counts is the question's current answer, so the score, the
 * report and the overall score need nothing else.
 */
export function createInterviewAttempts(ctx: InterviewContext) {
  const { db, clock, reads, access } = ctx;

  async function requireQuestion(tx: DbOrTx, interviewId: string, questionId: string) {
    const [question] = await tx
      .select({ id: interviewQuestions.id })
      .from(interviewQuestions)
      .where(and(eq(interviewQuestions.id, questionId), eq(interviewQuestions.interviewId, interviewId)));
    if (!question) throw notFound('Question in this interview');
  }

  return {
    async attempts(actor: Actor, interviewId: string, questionId: string): Promise<QuestionAttempts> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      if (!questionsVisible(viewer, row)) throw notFound('Question in this interview');
      await requireQuestion(db, interviewId, questionId);
      return toAttempts(questionId, await attemptsOf(db, interviewId, questionId), resultsVisible(viewer, row));
    },

    async chooseAttempt(actor: Actor, interviewId: string, questionId: string, body: CountingAttemptBody): Promise<QuestionAttempts> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate can choose which attempt counts.');
      if (row.kind !== 'practice') throw new AppError('invalid_state', 'Only a practice interview lets you choose which attempt counts.');
      return db.transaction(async (tx) => {
        const locked = await reads.lockInterview(tx, interviewId);
        if (!locked) throw notFound('Interview');
        if (locked.status !== 'in_progress') {
          throw new AppError('interview_completed', 'This practice is finished; the attempt that counts can no longer change.');
        }
        await requireQuestion(tx, interviewId, questionId);
        const rows = await attemptsOf(tx, interviewId, questionId);
        const chosen = rows.find((a) => a.id === body.answerId);
        if (!chosen) throw notFound('Attempt at this question');
        if (chosen.supersededAt !== null) {
          const now = clock.now();
          // Supersede first: at most one current answer per question (a unique index) at every step.
          await tx
            .update(answers)
            .set({ supersededAt: now })
            .where(and(eq(answers.questionId, questionId), isNull(answers.supersededAt)));
          await tx.update(answers).set({ supersededAt: null }).where(eq(answers.id, chosen.id));
        }
        return toAttempts(questionId, await attemptsOf(tx, interviewId, questionId), true);
      });
    },
  };
}
