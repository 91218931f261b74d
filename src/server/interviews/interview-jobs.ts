import { eq } from 'drizzle-orm';
import { REMINDER_LEAD_MS } from '../../core/interviews/interview-window.js';
import type { JobContext } from '../jobs/job-registry.js';
import type { AnswerGrading } from './answer-grading.js';
import { notify } from '../notifications/notify.js';
import { gradeUnsentDrafts, storeGradedDrafts } from './answers.js';
import { noticePeople } from './interview-audience.js';
import { completeLocked, markMissedLocked } from './interview-completion.js';
import type { InterviewContext } from './interview-context.js';
import { INTERVIEW_DEADLINE_JOB, INTERVIEW_REMINDER_JOB, INTERVIEW_WINDOW_CLOSE_JOB } from './interview-job-plan.js';
import { startingSoonNotice } from './interview-notices.js';
import { interviews } from './interviews.table.js';

function interviewIdOf(payload: Record<string, unknown>): string | null {
  return typeof payload.interviewId === 'string' ? payload.interviewId : null;
}

/**
 * The timed side of assigned interviews. Each handler locks the interview and re-checks its
 * state, so running twice (after a crash) or after the interview was cancelled, started or
 * rescheduled does nothing wrong: a moved job fires again at its new time.
 */
export function registerInterviewJobs(ctx: InterviewContext, grading: Pick<AnswerGrading, 'settle'>): void {
  const { db, jobs, reads } = ctx;

  jobs.register(INTERVIEW_REMINDER_JOB, async (payload, job: JobContext) => {
    const id = interviewIdOf(payload);
    if (!id) return;
    await db.transaction(async (tx) => {
      const row = await reads.lockInterview(tx, id);
      if (!row || row.status !== 'scheduled' || row.remindedAt || !row.windowStart || !row.windowEnd) return;
      // Rescheduled later while this run was claimed: the moved job reminds at the new time.
      if (job.now.getTime() < row.windowStart.getTime() - REMINDER_LEAD_MS || job.now >= row.windowEnd) return;
      const [updated] = await tx.update(interviews).set({ remindedAt: job.now }).where(eq(interviews.id, id)).returning();
      await notify(tx, startingSoonNotice(updated!, await noticePeople(ctx, tx, updated!), ctx.notices(job.now)), job.now);
    });
  });

  jobs.register(INTERVIEW_WINDOW_CLOSE_JOB, async (payload, job: JobContext) => {
    const id = interviewIdOf(payload);
    if (!id) return;
    await db.transaction(async (tx) => {
      const row = await reads.lockInterview(tx, id);
      if (!row || row.status !== 'scheduled' || !row.windowEnd || job.now < row.windowEnd) return;
      await markMissedLocked(ctx, tx, row, job.now);
    });
  });

  jobs.register(INTERVIEW_DEADLINE_JOB, async (payload, job: JobContext) => {
    const id = interviewIdOf(payload);
    if (!id) return;
    const before = await reads.interview(id);
    if (!before || before.status !== 'in_progress') return;
    // Answers acknowledged pending count with their grade.
    await grading.settle(id);
    const graded = await gradeUnsentDrafts(ctx, before, (err) =>
      ctx.onJobWarning(err, `interview ${id}: a draft could not be graded at the deadline`),
    );
    await db.transaction(async (tx) => {
      const row = await reads.lockInterview(tx, id);
      if (!row || row.status !== 'in_progress' || !row.deadlineAt) return;
      // Claimed early by an instance whose clock runs ahead: fail, and the retry comes after the deadline.
      if (job.now < row.deadlineAt) throw new Error(`interview ${id}: deadline ${row.deadlineAt.toISOString()} not reached yet`);
      await storeGradedDrafts(tx, id, graded, job.now);
      await completeLocked(ctx, tx, row, job.now, 'deadline');
    });
  });
}
