import type { Actor } from '../auth/actor.js';
import type { InterviewViewer } from './interview-access.js';
import { gradeUnsentDrafts, storeGradedDrafts } from './answers.js';
import { staffToTell } from './interview-audience.js';
import { terminateLocked } from './interview-completion.js';
import type { InterviewContext } from './interview-context.js';
import { answers, type InterviewRow } from './interviews.table.js';
import { eq } from 'drizzle-orm';

/** What the proctoring feature may know of an interview: enough to authorize, place events against questions and tell the staff. */
export interface IntegritySubject {
  id: string;
  kind: InterviewRow['kind'];
  status: InterviewRow['status'];
  candidateId: string;
  coachId: string | null;
  orgId: string | null;
  proctoring: InterviewRow['proctoring'];
  startedAt: Date | null;
  questions: { id: string; order: number; text: string; bankQuestionId: string | null; referenceAnswer: string | null }[];
}

/** The current answers of an interview, for the similarity check after grading. */
export interface SubjectAnswer {
  questionId: string;
  text: string;
  createdAt: Date;
  durationSeconds: number | null;
}

/**
 * The interviews side of proctoring: reads and the one state change (terminate) the proctoring
 * feature needs, through this service rather than the tables.
 */
export function createInterviewProctoring(ctx: InterviewContext) {
  const { db, reads, access, clock } = ctx;

  async function subjectOf(row: InterviewRow): Promise<IntegritySubject> {
    const questions = await reads.questions(row.id);
    return {
      id: row.id,
      kind: row.kind,
      status: row.status,
      candidateId: row.candidateId,
      coachId: row.coachId,
      orgId: row.orgId,
      proctoring: row.proctoring,
      startedAt: row.startedAt,
      questions: questions.map((q) => ({
        id: q.id,
        order: q.order,
        text: q.text,
        bankQuestionId: q.bankQuestionId,
        referenceAnswer: q.referenceAnswer,
      })),
    };
  }

  return {
    /** The interview as the caller may see it (404 for anyone else), with how they relate to it. */
    async integritySubject(actor: Actor, interviewId: string): Promise<{ subject: IntegritySubject; viewer: InterviewViewer }> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      return { subject: await subjectOf(row), viewer };
    },

    /**
     * Whether the caller reviews an interview that has this recording as an answer: coaches and
     * admins play a candidate's recorded answers in the review, as they read the typed ones.
     */
    async mayReviewRecording(actor: Actor, mediaId: string): Promise<boolean> {
      const rows = await db.selectDistinct({ interviewId: answers.interviewId }).from(answers).where(eq(answers.mediaId, mediaId));
      for (const { interviewId } of rows) {
        const viewer = await access
          .requireViewer(actor, await reads.interview(interviewId))
          .then((v) => v.viewer)
          .catch(() => null);
        if (viewer === 'staff') return true;
      }
      return false;
    },

    /** For background work, which has no caller. */
    async integritySubjectById(interviewId: string): Promise<IntegritySubject | null> {
      const row = await reads.interview(interviewId);
      return row ? subjectOf(row) : null;
    },

    async currentAnswers(interviewId: string): Promise<SubjectAnswer[]> {
      return (await reads.currentAnswers(interviewId)).map((a) => ({
        questionId: a.questionId,
        text: a.text,
        createdAt: a.createdAt,
        durationSeconds: a.durationSeconds,
      }));
    },

    /** The coaches to tell about the interview (the scheduling coach and the candidate's coaches there). */
    async integrityStaff(subject: IntegritySubject): Promise<string[]> {
      const row = await reads.interview(subject.id);
      return row ? staffToTell(ctx, row, db) : [];
    },

    /**
     * Ends an in-progress interview for its proctoring rules. Drafts are graded first (outside
     * the lock, as at the deadline) so nothing typed is lost; a second call does nothing.
     */
    async terminateForIntegrity(interviewId: string): Promise<boolean> {
      const before = await reads.interview(interviewId);
      if (!before || before.status !== 'in_progress') return false;
      const graded = await gradeUnsentDrafts(ctx, before, (err) =>
        ctx.onJobWarning(err, `interview ${interviewId}: a draft could not be graded at termination`),
      );
      return db.transaction(async (tx) => {
        const row = await reads.lockInterview(tx, interviewId);
        if (!row || row.status !== 'in_progress') return false;
        const now = clock.now();
        await storeGradedDrafts(tx, interviewId, graded, now);
        await terminateLocked(ctx, tx, row, now);
        return true;
      });
    },
  };
}
