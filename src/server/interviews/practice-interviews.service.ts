import type { CreatePracticeBody, Interview } from '../../contract/interviews.js';
import { notFound } from '../../core/errors.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import type { InterviewContext } from './interview-context.js';
import { planDeadlineJob } from './interview-job-plan.js';
import { insertPlannedQuestions, prepareInterview, replannedQuestion, type PreparedInterview } from './interview-questions.js';
import { interviews } from './interviews.table.js';
import { createSavedQuestions } from './saved-questions.service.js';

/** Practice: the candidate's own interview, started at once, theirs alone. */
export function createPracticeInterviews(ctx: InterviewContext) {
  const { db, clock, view, reads } = ctx;
  const saved = createSavedQuestions(ctx);

  /** Practise from the saved list: the caller's bookmarks, in the order given. */
  async function savedQuestionsPlan(
    actor: Actor,
    body: CreatePracticeBody,
    ids: readonly string[],
  ): Promise<Omit<PreparedInterview, 'tailoring'>> {
    const id = newId();
    const questions = await saved.savedForPractice(actor, ids);
    return {
      id,
      questions,
      columns: {
        id,
        candidateId: actor.userId,
        type: body.type,
        role: body.role,
        level: body.level,
        questionCount: questions.length,
        jobDescription: null,
        jobDescriptionId: null,
        language: body.language ?? 'en',
      },
    };
  }

  /** "Practise again" with the same questions: only a practice of the caller's own (anything else is the same 404 as an unknown id). */
  async function repeatQuestions(actor: Actor, body: CreatePracticeBody, earlierId: string): Promise<Omit<PreparedInterview, 'tailoring'>> {
    const earlier = await reads.interview(earlierId);
    if (!earlier || earlier.kind !== 'practice' || earlier.candidateId !== actor.userId) throw notFound('Interview');
    const id = newId();
    const questions = (await reads.questions(earlierId)).map(replannedQuestion);
    return {
      id,
      questions,
      columns: {
        id,
        candidateId: actor.userId,
        type: body.type,
        role: body.role,
        level: body.level,
        questionCount: questions.length,
        jobDescription: earlier.jobDescription,
        jobDescriptionId: earlier.jobDescriptionId,
        language: body.language ?? earlier.language,
      },
    };
  }

  return {
    async createPractice(actor: Actor, body: CreatePracticeBody): Promise<Interview> {
      const { id, questions, columns } = body.repeatOf
        ? await repeatQuestions(actor, body, body.repeatOf)
        : body.savedQuestionIds
          ? await savedQuestionsPlan(actor, body, body.savedQuestionIds)
          : await prepareInterview(ctx, actor, body, actor.userId);
      const now = clock.now();
      // An overall duration works like an assigned interview's: a server deadline, refused answers after it, a job that completes it.
      const timed = body.durationMinutes
        ? { durationMinutes: body.durationMinutes, startedAt: now, deadlineAt: new Date(now.getTime() + body.durationMinutes * 60_000) }
        : {};
      const created = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(interviews)
          .values({
            ...columns,
            kind: 'practice',
            status: 'in_progress',
            createdAt: now,
            followUps: body.followUps ?? 0,
            thinkSeconds: body.thinkSeconds ?? null,
            answerSeconds: body.answerSeconds ?? null,
            targetCompany: body.targetCompany || null,
            ...timed,
          })
          .returning();
        await insertPlannedQuestions(tx, id, questions);
        if (inserted!.deadlineAt) await planDeadlineJob(tx, inserted!, now);
        return inserted!;
      });
      return view(created, 'candidate');
    },
  };
}
