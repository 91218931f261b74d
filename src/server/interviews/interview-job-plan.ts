import { reminderAt } from '../../core/interviews/interview-window.js';
import type { DbOrTx } from '../../db/client.js';
import { cancelJob, enqueueJob } from '../jobs/job-queue.js';
import type { InterviewRow } from './interviews.table.js';

export const INTERVIEW_REMINDER_JOB = 'interview-reminder';
export const INTERVIEW_WINDOW_CLOSE_JOB = 'interview-window-close';
export const INTERVIEW_DEADLINE_JOB = 'interview-deadline';
/** Compares an ended assigned interview's answers with the organization's others (the proctoring feature runs it). */
export const INTERVIEW_SIMILARITY_JOB = 'interview-similarity';

/** One pending job of each kind per interview: enqueuing again moves it (a reschedule moves its reminder). */
export const interviewJobKeys = {
  reminder: (interviewId: string) => `${INTERVIEW_REMINDER_JOB}:${interviewId}`,
  windowClose: (interviewId: string) => `${INTERVIEW_WINDOW_CLOSE_JOB}:${interviewId}`,
  deadline: (interviewId: string) => `${INTERVIEW_DEADLINE_JOB}:${interviewId}`,
  similarity: (interviewId: string) => `${INTERVIEW_SIMILARITY_JOB}:${interviewId}`,
};

/** The reminder (unless already sent for this window) and the window-close job of a scheduled interview. */
export async function planWindowJobs(tx: DbOrTx, row: InterviewRow, now: Date): Promise<void> {
  const payload = { interviewId: row.id };
  if (!row.remindedAt) {
    await enqueueJob(
      tx,
      { kind: INTERVIEW_REMINDER_JOB, payload, runAt: reminderAt(row.windowStart!, now), dedupeKey: interviewJobKeys.reminder(row.id) },
      now,
    );
  }
  await enqueueJob(
    tx,
    { kind: INTERVIEW_WINDOW_CLOSE_JOB, payload, runAt: row.windowEnd!, dedupeKey: interviewJobKeys.windowClose(row.id) },
    now,
  );
}

export async function cancelWindowJobs(tx: DbOrTx, interviewId: string, now: Date): Promise<void> {
  await cancelJob(tx, interviewJobKeys.reminder(interviewId), now);
  await cancelJob(tx, interviewJobKeys.windowClose(interviewId), now);
}

/** Submits what was answered when the server-owned deadline passes, even after a restart. */
export async function planDeadlineJob(tx: DbOrTx, row: InterviewRow, now: Date): Promise<void> {
  await enqueueJob(
    tx,
    {
      kind: INTERVIEW_DEADLINE_JOB,
      payload: { interviewId: row.id },
      runAt: row.deadlineAt!,
      dedupeKey: interviewJobKeys.deadline(row.id),
    },
    now,
  );
}

/** Once an assigned interview has ended, its answers are checked for similarity in the background. */
export async function planSimilarityJob(tx: DbOrTx, interviewId: string, now: Date): Promise<void> {
  await enqueueJob(
    tx,
    { kind: INTERVIEW_SIMILARITY_JOB, payload: { interviewId }, runAt: now, dedupeKey: interviewJobKeys.similarity(interviewId) },
    now,
  );
}
