import type { CreatePracticeBody } from '../../contract/interviews.js';
import type { CuratedQuestion } from '../../contract/job-descriptions.js';
import { codingFocusOf } from '../../core/coding/coding-focus.js';
import { AppError } from '../../core/errors.js';
import { planWithCuratedQuestions } from '../../core/interviews/plan-with-sources.js';
import type { PlannedQuestion } from '../../core/questions/tailor-questions.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import type { InterviewContext } from './interview-context.js';
import { gatherTailoring, type Tailoring } from './interview-tailoring.js';
import { interviewQuestions, type interviews, type QuestionRow } from './interviews.table.js';

/** What practice and assigned interviews are both created from (the schedule body adds its window). */
type InterviewRequest = Omit<CreatePracticeBody, 'kind'>;

export interface PreparedInterview {
  id: string;
  questions: PlannedQuestion[];
  tailoring: Tailoring;
  /** The columns practice and assigned interviews fill alike; each half adds its own. */
  columns: Pick<
    typeof interviews.$inferInsert,
    'id' | 'candidateId' | 'type' | 'role' | 'level' | 'questionCount' | 'jobDescription' | 'jobDescriptionId' | 'language'
  >;
}

/**
 * Plans a new interview before its transaction (planning reads stored material and is the slow
 * part): the tailoring material the caller may use, and the questions. `orgId`: an assigned
 * interview takes job descriptions of its own organization only. The resume only shapes the
 * questions; it is not stored with the interview.
 */
/** Coding problems of the interview: all of a `coding` one, one in a `mixed` one of four or more questions. */
function codingPlan(
  ctx: Pick<InterviewContext, 'coding'>,
  request: InterviewRequest,
  recentlySeenIds: string[],
  seed: string,
  jobText: string | undefined,
  curated: readonly CuratedQuestion[],
): PlannedQuestion[] {
  const count = request.type === 'coding' ? request.questionCount : request.type === 'mixed' && request.questionCount >= 4 ? 1 : 0;
  if (count === 0) return [];
  if (!ctx.coding) throw new AppError('unprocessable', 'Coding questions are not available on this server.');
  // The role and the job description decide which topics come first and whether SQL is asked.
  const focus = codingFocusOf([request.role ?? '', jobText ?? ''].join('\n'));
  // The job's own coding problems come first, in the order the organization put them.
  const chosen = curated
    .map((q) => (q.codingProblem === undefined ? undefined : ctx.coding!.questionFor(q.codingProblem)))
    .filter((q): q is PlannedQuestion => q !== undefined)
    .slice(0, count);
  const chosenIds = chosen.map((q) => q.bankQuestionId!);
  const rest = ctx.coding
    .plan({ count: count + chosen.length, level: request.level, seed, recentlySeenIds, focus })
    .filter((q) => !chosenIds.includes(q.bankQuestionId!));
  return [...chosen, ...rest].slice(0, count);
}

export async function prepareInterview(
  ctx: Pick<InterviewContext, 'bank' | 'skills' | 'reads' | 'tailoring' | 'coding'>,
  actor: Actor,
  request: InterviewRequest,
  candidateId: string,
  orgId?: string,
): Promise<PreparedInterview> {
  const id = newId();
  const tailoring = await gatherTailoring(ctx.tailoring, actor, request, candidateId, orgId);
  const recentlySeenIds = await ctx.reads.recentBankQuestionIds(candidateId);
  const coding = codingPlan(ctx, request, recentlySeenIds, id, tailoring.jobText, tailoring.curated);
  const picked = [
    ...planWithCuratedQuestions({
      bank: ctx.bank,
      taxonomy: ctx.skills,
      type: request.type,
      level: request.level,
      role: request.role,
      count: request.questionCount - coding.length,
      jobDescription: tailoring.jobText,
      resumeText: tailoring.resumeText,
      recentlySeenIds,
      seed: id,
      targetCompany: request.targetCompany,
      curated: tailoring.curated,
    }).slice(0, request.questionCount - coding.length),
    ...coding,
  ];
  if (picked.length === 0) throw new AppError('unprocessable', 'No questions match this interview type and level.');
  return {
    id,
    questions: picked,
    tailoring,
    columns: {
      id,
      candidateId,
      type: request.type,
      role: request.role,
      level: request.level,
      questionCount: picked.length,
      jobDescription: request.jobDescription || tailoring.job?.text || null,
      jobDescriptionId: tailoring.job?.id ?? null,
      language: request.language ?? 'en',
    },
  };
}

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

/** An asked question planned again as it was (the interview's own copy, so a later bank edit does not change it). */
export function replannedQuestion(
  q: Pick<QuestionRow, 'type' | 'text' | 'bankQuestionId' | 'referenceAnswer' | 'keyPoints' | 'expectedAnswer' | 'targetSkills'>,
): PlannedQuestion {
  return {
    type: q.type,
    text: q.text,
    ...(q.bankQuestionId ? { bankQuestionId: q.bankQuestionId } : {}),
    ...(q.referenceAnswer ? { referenceAnswer: q.referenceAnswer } : {}),
    keyPoints: q.keyPoints,
    ...(q.expectedAnswer ? { expectedAnswer: q.expectedAnswer } : {}),
    targetSkills: q.targetSkills,
    source: 'bank',
  };
}
