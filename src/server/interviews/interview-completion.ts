import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { usersByIds, type DirectoryEntry } from '../auth/user-directory.js';
import { cancelJob } from '../jobs/job-queue.js';
import { notify, type NewNotification } from '../notifications/notify.js';
import { recomputeOverall } from './answers.js';
import { publishInterviewChange, staffToTell } from './interview-audience.js';
import type { InterviewContext } from './interview-context.js';
import { interviewJobKeys, planSimilarityJob } from './interview-job-plan.js';
import { completedNotice, missedNotice, type NoticeContext } from './interview-notices.js';
import { interviews, type InterviewRow } from './interviews.table.js';

/** How an interview ends; the callers hold its row lock and have checked its state. */

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
  const score = await recomputeOverall(ctx.reads, tx, row.id);
  const [updated] = await tx
    .update(interviews)
    .set({ status: 'completed', completedAt: now, overallScore: score })
    .where(eq(interviews.id, row.id))
    .returning();
  // A timed practice has a deadline job too; finishing early cancels it.
  if (row.deadlineAt) await cancelJob(tx, interviewJobKeys.deadline(row.id), now);
  if (updated!.kind !== 'assigned') return updated!;
  await planSimilarityJob(tx, row.id, now);
  await tellStaff(ctx, tx, updated!, now, (coachId, candidate, notices) => completedNotice(updated!, coachId, candidate, notices, how));
  return updated!;
}

/**
 * Ends an in-progress interview the caller has locked because a proctoring threshold was reached
 * where the organization chose to terminate: what was answered is kept and scored like a completion.
 */
export async function terminateLocked(ctx: InterviewContext, tx: DbOrTx, row: InterviewRow, now: Date): Promise<InterviewRow> {
  const score = await recomputeOverall(ctx.reads, tx, row.id);
  const [updated] = await tx
    .update(interviews)
    .set({ status: 'terminated', completedAt: now, overallScore: score })
    .where(eq(interviews.id, row.id))
    .returning();
  await cancelJob(tx, interviewJobKeys.deadline(row.id), now);
  await planSimilarityJob(tx, row.id, now);
  await publishInterviewChange(ctx, tx, updated!);
  return updated!;
}

/**
 * Marks a scheduled interview whose window closed unstarted as missed (the caller holds its
 * lock) and tells the coaches, so a no-show does not go unnoticed.
 */
export async function markMissedLocked(ctx: InterviewContext, tx: DbOrTx, row: InterviewRow, now: Date): Promise<InterviewRow> {
  const [missed] = await tx.update(interviews).set({ status: 'missed' }).where(eq(interviews.id, row.id)).returning();
  await tellStaff(ctx, tx, missed!, now, (coachId, candidate, notices) => missedNotice(missed!, coachId, candidate, notices));
  return missed!;
}

/** Notifies each of the interview's coaches about the candidate, then refreshes everyone's open pages. */
async function tellStaff(
  ctx: InterviewContext,
  tx: DbOrTx,
  row: InterviewRow,
  now: Date,
  notice: (coachId: string, candidate: Pick<DirectoryEntry, 'name' | 'email'>, notices: NoticeContext) => NewNotification,
): Promise<void> {
  const candidate = (await usersByIds(tx, [row.candidateId])).get(row.candidateId) ?? { name: 'Your candidate', email: '' };
  const notices = ctx.notices(now);
  for (const coachId of await staffToTell(ctx, row, tx)) await notify(tx, notice(coachId, candidate, notices), now);
  await publishInterviewChange(ctx, tx, row);
}
