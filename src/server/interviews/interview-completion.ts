import { eq } from 'drizzle-orm';
import { finalScoreOf, overallFromScores } from '../../core/interviews/summarize-report.js';
import type { DbOrTx } from '../../db/client.js';
import { usersByIds } from '../auth/user-directory.js';
import { cancelJob } from '../jobs/job-queue.js';
import { notify, publishEvent } from '../notifications/notify.js';
import type { InterviewRow } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { completedNotice } from './interview-notices.js';
import { interviewJobKeys } from './interview-job-plan.js';
import { interviews } from './interviews.table.js';

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
  return overallFromScores(questions.map((q) => {
    const a = byQuestion.get(q.id);
    return a ? finalScoreOf(a) : null;
  }));
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
