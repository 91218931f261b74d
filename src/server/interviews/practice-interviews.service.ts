import type { CreatePracticeBody, Interview } from '../../contract/interviews.js';
import type { Actor } from '../auth/actor.js';
import type { InterviewContext } from './interview-context.js';
import { insertPlannedQuestions, prepareInterview } from './interview-questions.js';
import { interviews } from './interviews.table.js';

/** Practice: the candidate's own interview, started at once, theirs alone. */
export function createPracticeInterviews(ctx: InterviewContext) {
  const { db, clock, view } = ctx;

  return {
    async createPractice(actor: Actor, body: CreatePracticeBody): Promise<Interview> {
      const { id, questions, columns } = await prepareInterview(ctx, actor, body, actor.userId);
      const created = await db.transaction(async (tx) => {
        const [inserted] = await tx
          .insert(interviews)
          .values({ ...columns, kind: 'practice', status: 'in_progress', createdAt: clock.now() })
          .returning();
        await insertPlannedQuestions(tx, id, questions);
        return inserted!;
      });
      return view(created, 'candidate');
    },
  };
}
