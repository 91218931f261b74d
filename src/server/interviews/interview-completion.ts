import { and, eq, isNull } from 'drizzle-orm';
import type { Evaluation, QuestionType } from '../../contract/interviews.js';
import type { Level } from '../../contract/interviews.js';
import { finalScoreOf, overallFromScores } from '../../core/interviews/summarize-report.js';
import type { DbOrTx } from '../../db/client.js';
import { usersByIds } from '../auth/user-directory.js';
import { cancelJob } from '../jobs/job-queue.js';
import { notify, publishEvent } from '../notifications/notify.js';
import type { InterviewRow } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { completedNotice, missedNotice } from './interview-notices.js';
import { interviewJobKeys } from './interview-job-plan.js';
import { newId } from '../ids.js';
import { answerDrafts, answers, interviews } from './interviews.table.js';

/** The coaches who hear about an assigned interview: whoever scheduled it and the candidate's coaches there. */
export async function staffToTell(ctx: InterviewContext, row: InterviewRow, tx: DbOrTx): Promise<string[]> {
  if (row.kind !== 'assigned' || !row.orgId) return [];
  const coaches = await ctx.orgAccess.coachIdsOf(row.candidateId, row.orgId, tx);
  return [...new Set([...(row.coachId ? [row.coachId] : []), ...coaches])].filter((id) => id !== row.candidateId);
}

/** Tells the candidate's and coaches' open pages that the interview changed state. */
export async function publishInterviewChange(ctx: InterviewContext, tx: DbOrTx, row: InterviewRow): Promise<void> {
  const userIds = [row.candidateId, ...(await staffToTell(ctx, row, tx))];
  await publishEvent(tx, { type: 'interview', userIds, interviewId: row.id, status: row.status });
}

/** The candidate and the scheduling coach as the notices address them. */
export async function noticePeople(ctx: InterviewContext, tx: DbOrTx, row: InterviewRow) {
  const people = await usersByIds(tx, [row.candidateId, ...(row.coachId ? [row.coachId] : [])]);
  const candidate = people.get(row.candidateId) ?? { name: 'Candidate', email: '' };
  const coach = (row.coachId && people.get(row.coachId)) || ctx.fallbackOrganizer;
  return { candidate, coach };
}

/** The overall score from final scores (overrides included), unanswered questions counting 0. */
export async function recomputeOverall(ctx: InterviewContext, tx: DbOrTx, interviewId: string): Promise<number | null> {
  const [questions, current] = await Promise.all([ctx.reads.questions(interviewId, tx), ctx.reads.currentAnswers(interviewId, tx)]);
  const byQuestion = new Map(current.map((a) => [a.questionId, a]));
  return overallFromScores(
    questions.map((q) => {
      const a = byQuestion.get(q.id);
      return a ? finalScoreOf(a) : null;
    }),
  );
}

/**
 * Completes an interview the caller has locked and found in progress: by the candidate, or by
 * the deadline job with whatever was answered. Coaches of an assigned interview are told.
 */
export async function completeLocked(
  ctx: InterviewContext,
  tx: DbOrTx,
  row: InterviewRow,
  now: Date,
  how: 'submitted' | 'deadline',
): Promise<InterviewRow> {
  const score = await recomputeOverall(ctx, tx, row.id);
  const [updated] = await tx
    .update(interviews)
    .set({ status: 'completed', completedAt: now, overallScore: score })
    .where(eq(interviews.id, row.id))
    .returning();
  if (updated!.kind !== 'assigned') return updated!;
  await cancelJob(tx, interviewJobKeys.deadline(row.id), now);
  const candidate = (await usersByIds(tx, [row.candidateId])).get(row.candidateId) ?? { name: 'Your candidate', email: '' };
  const notices = ctx.notices(now);
  for (const coachId of await staffToTell(ctx, updated!, tx)) {
    await notify(tx, completedNotice(updated!, coachId, candidate, notices, how), now);
  }
  await publishInterviewChange(ctx, tx, updated!);
  return updated!;
}

export interface GradedDraft {
  questionId: string;
  text: string;
  evaluation: Evaluation;
}

/**
 * When time runs out, what the candidate was still typing counts: the autosaved draft of each
 * question left unanswered is graded here, outside any transaction (grading is the slow part).
 * A draft that cannot be graded is left out rather than holding the interview open.
 */
export async function gradeUnsentDrafts(ctx: InterviewContext, row: InterviewRow, onError: (err: unknown) => void): Promise<GradedDraft[]> {
  const [questions, current, drafts] = await Promise.all([
    ctx.reads.questions(row.id),
    ctx.reads.currentAnswers(row.id),
    ctx.reads.drafts(row.id),
  ]);
  const answered = new Set(current.map((a) => a.questionId));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const graded: GradedDraft[] = [];
  for (const draft of drafts) {
    const question = byId.get(draft.questionId);
    if (!question || answered.has(draft.questionId) || draft.text.trim().length === 0) continue;
    try {
      const evaluation = await ctx.evaluator.evaluate({
        question: question.text,
        type: question.type as QuestionType,
        level: row.level as Level,
        referenceAnswer: question.referenceAnswer ?? undefined,
        keyPoints: question.keyPoints,
        expectedAnswer: question.expectedAnswer ?? undefined,
        answer: draft.text,
      });
      graded.push({ questionId: draft.questionId, text: draft.text, evaluation });
    } catch (err) {
      onError(err);
    }
  }
  return graded;
}

/** Stores graded drafts as answers under the interview's lock, for questions still unanswered. */
export async function storeGradedDrafts(tx: DbOrTx, interviewId: string, graded: readonly GradedDraft[], now: Date): Promise<void> {
  for (const d of graded) {
    const [existing] = await tx
      .select({ id: answers.id })
      .from(answers)
      .where(and(eq(answers.questionId, d.questionId), isNull(answers.supersededAt)));
    if (existing) continue;
    await tx.insert(answers).values({
      id: newId(),
      interviewId,
      questionId: d.questionId,
      text: d.text,
      durationSeconds: null,
      score: d.evaluation.score,
      evaluation: d.evaluation,
      engine: d.evaluation.engine,
      engineVersion: d.evaluation.engineVersion,
      createdAt: now,
      supersededAt: null,
    });
    await tx.delete(answerDrafts).where(and(eq(answerDrafts.interviewId, interviewId), eq(answerDrafts.questionId, d.questionId)));
  }
}

/**
 * Marks a scheduled interview whose window closed unstarted as missed (the caller holds its
 * lock) and tells the coaches, so a no-show does not go unnoticed.
 */
export async function markMissedLocked(ctx: InterviewContext, tx: DbOrTx, row: InterviewRow, now: Date): Promise<InterviewRow> {
  const [missed] = await tx.update(interviews).set({ status: 'missed' }).where(eq(interviews.id, row.id)).returning();
  const candidate = (await usersByIds(tx, [row.candidateId])).get(row.candidateId) ?? { name: 'Your candidate', email: '' };
  const notices = ctx.notices(now);
  for (const coachId of await staffToTell(ctx, missed!, tx)) {
    await notify(tx, missedNotice(missed!, coachId, candidate, notices), now);
  }
  await publishInterviewChange(ctx, tx, missed!);
  return missed!;
}
