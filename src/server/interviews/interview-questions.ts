import type { InterviewType, Level } from '../../contract/interviews.js';
import { AppError } from '../../core/errors.js';
import { planWithCuratedQuestions } from '../../core/interviews/plan-with-sources.js';
import type { PlannedQuestion } from '../../core/questions/tailor-questions.js';
import type { DbOrTx } from '../../db/client.js';
import type { InterviewContext } from './interview-context.js';
import type { Tailoring } from './interview-tailoring.js';
import { newId } from '../ids.js';
import { interviewQuestions } from './interviews.table.js';

/** Stores the engine's plan as the interview's own copy of its questions, in order. */
export async function insertPlannedQuestions(tx: DbOrTx, interviewId: string, planned: readonly PlannedQuestion[]): Promise<void> {
  await tx.insert(interviewQuestions).values(
    planned.map((q, i) => ({
      id: newId(),
      interviewId,
      order: i + 1,
      type: q.type,
      text: q.text,
      bankQuestionId: q.bankQuestionId ?? null,
      referenceAnswer: q.referenceAnswer ?? null,
      keyPoints: q.keyPoints,
      expectedAnswer: q.expectedAnswer ?? null,
      targetSkills: q.targetSkills,
    })),
  );
}

/**
 * The engine's questions for a new interview (practice or assigned): the job's curated ones
 * first, then bank and tailored ones, avoiding what the candidate saw lately.
 */
export async function planQuestions(
  ctx: Pick<InterviewContext, 'bank' | 'skills' | 'reads'>,
  request: {
    interviewId: string;
    candidateId: string;
    type: InterviewType;
    level: Level;
    role: string;
    questionCount: number;
    tailoring: Tailoring;
  },
): Promise<PlannedQuestion[]> {
  const { tailoring } = request;
  const picked = planWithCuratedQuestions({
    bank: ctx.bank,
    taxonomy: ctx.skills,
    type: request.type,
    level: request.level,
    role: request.role,
    count: request.questionCount,
    jobDescription: tailoring.jobText,
    resumeText: tailoring.resumeText,
    recentlySeenIds: await ctx.reads.recentBankQuestionIds(request.candidateId),
    seed: request.interviewId,
    curated: tailoring.curated,
  });
  if (picked.length === 0) throw new AppError('unprocessable', 'No questions match this interview type and level.');
  return picked;
}
