import { and, eq, isNull, sql, type SQLWrapper } from 'drizzle-orm';
import type { Evaluation, Level } from '../../contract/interviews.js';
import type { Delivery } from '../../contract/media.js';
import type { AnswerEvaluator, EvaluationInput } from '../../core/evaluation/types.js';
import { combineQuestionScore } from '../../core/interviewer/question-score.js';
import { finalScoreOf, overallFromScores } from '../../core/interviews/summarize-report.js';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import type { InterviewReads } from './interview-reads.js';
import { answerDrafts, answers, type AnswerRow, type InterviewRow, type QuestionRow } from './interviews.table.js';
import { queryAll } from '../../db/query-all.js';

/**
 * "Grade and keep an answer", in one place for practice, assigned interviews and the deadline
 * job: what the evaluator is given, how the current answer replaces the previous one, and the
 * score that counts per question.
 */

/** The evaluator's input for an answer to one question of an interview at a level. */
export function evaluationInputOf(
  question: Pick<QuestionRow, 'text' | 'type' | 'referenceAnswer' | 'keyPoints' | 'expectedAnswer'>,
  level: Level,
  answer: { text: string; durationSeconds?: number | undefined },
): EvaluationInput {
  return {
    question: question.text,
    type: question.type,
    level,
    referenceAnswer: question.referenceAnswer ?? undefined,
    keyPoints: question.keyPoints,
    expectedAnswer: question.expectedAnswer ?? undefined,
    answer: answer.text,
    durationSeconds: answer.durationSeconds,
  };
}

export interface GradedAnswer {
  questionId: string;
  text: string;
  durationSeconds: number | null;
  evaluation: Evaluation;
  /** A spoken answer's recording and delivery (the text is its transcript). */
  mediaId?: string | null;
  delivery?: Delivery | null;
}

/**
 * An answer acknowledged before its grading finished is stored with this engine name and a
 * placeholder evaluation (score 0) until answer-grading.ts replaces both; readers show its
 * evaluation as pending, and completion waits for it. No column of its own: the engine says it.
 */
export const PENDING_ENGINE = 'pending';

const PENDING_EVALUATION: Evaluation = {
  score: 0,
  dimensions: { relevance: 0, correctness: 0, completeness: 0, clarity: 0, structure: 0 },
  strengths: [],
  improvements: [],
  coveredKeyPoints: [],
  missingKeyPoints: [],
  grammar: [],
  star: null,
  confidence: 0,
  engine: PENDING_ENGINE,
  engineVersion: '0',
};

export function isPendingAnswer(row: Pick<AnswerRow, 'engine'>): boolean {
  return row.engine === PENDING_ENGINE;
}

export type UngradedAnswer = Omit<GradedAnswer, 'evaluation'>;

/** Stores an answer whose grading is still under way, like storeCurrentAnswer (same transaction rules and `alongside`). */
export async function storePendingAnswer(
  tx: DbOrTx,
  interviewId: string,
  answer: UngradedAnswer,
  now: Date,
  alongside: (stored: AnswerRow) => readonly SQLWrapper[] = () => [],
): Promise<AnswerRow> {
  return storeCurrentAnswer(tx, interviewId, { ...answer, evaluation: PENDING_EVALUATION }, now, alongside);
}

/**
 * Stores an answer as the question's current one, inside the caller's transaction (which holds
 * the interview's lock, and so no other answer to this question is being stored): the previous
 * answer is superseded, not overwritten, and the draft it was typed from goes. `alongside` gives
 * further writes of the same change (e.g. the recovery job of a pending answer), sent with the
 * insert as one statement: two round trips in all, whatever the answer carries.
 */
export async function storeCurrentAnswer(
  tx: DbOrTx,
  interviewId: string,
  graded: GradedAnswer,
  now: Date,
  alongside: (stored: AnswerRow) => readonly SQLWrapper[] = () => [],
): Promise<AnswerRow> {
  const { evaluation } = graded;
  const row: AnswerRow = {
    id: newId(),
    interviewId,
    questionId: graded.questionId,
    text: graded.text,
    durationSeconds: graded.durationSeconds,
    score: evaluation.score,
    evaluation,
    engine: evaluation.engine,
    engineVersion: evaluation.engineVersion,
    createdAt: now,
    supersededAt: null,
    overrideScore: null,
    overrideNote: null,
    overriddenBy: null,
    overriddenAt: null,
    mediaId: graded.mediaId ?? null,
    delivery: graded.delivery ?? null,
  };
  // Its own statement, before the insert: the unique index on the current answer must see the
  // previous one superseded (a data-modifying CTE nobody reads runs after the main statement).
  await tx
    .update(answers)
    .set({ supersededAt: now })
    .where(and(eq(answers.questionId, graded.questionId), isNull(answers.supersededAt)));
  const writes = [
    tx.delete(answerDrafts).where(and(eq(answerDrafts.interviewId, interviewId), eq(answerDrafts.questionId, graded.questionId))),
    ...alongside(row),
  ];
  const ctes = sql.join(
    writes.map((w, i) => sql`${sql.raw(`w${i}`)} as (${w.getSQL()})`),
    sql`, `,
  );
  // getSQL(): a query builder put in a template as is comes in parentheses, which no CTE or statement accepts.
  await tx.execute(sql`with ${ctes} ${tx.insert(answers).values(row).getSQL()}`);
  return row;
}

/**
 * The score that counts per question, in question order; null where nothing was answered. A
 * question the interviewer followed up combines its answer with the answered follow-ups.
 */
export function finalScores(
  questions: readonly Pick<QuestionRow, 'id'>[],
  current: readonly AnswerRow[],
  followUps: readonly Pick<QuestionRow, 'id' | 'parentQuestionId'>[] = [],
): (number | null)[] {
  const byQuestion = new Map(current.map((a) => [a.questionId, a]));
  return questions.map((q) => {
    const a = byQuestion.get(q.id);
    if (!a) return null;
    const followUpScores = followUps.filter((f) => f.parentQuestionId === q.id).map((f) => byQuestion.get(f.id));
    return combineQuestionScore(
      finalScoreOf(a),
      followUpScores.map((f) => (f ? finalScoreOf(f) : null)),
    );
  });
}

/** The overall score from final scores (overrides included), unanswered questions counting 0. */
export async function recomputeOverall(reads: InterviewReads, tx: DbOrTx, interviewId: string): Promise<number | null> {
  const [questions, current, followUps] = await queryAll(tx, [
    () => reads.questions(interviewId, tx),
    () => reads.currentAnswers(interviewId, tx),
    () => reads.followUps(interviewId, tx),
  ]);
  return overallFromScores(finalScores(questions, current, followUps));
}

/**
 * When time runs out, what the candidate was still typing counts: the autosaved draft of each
 * question left unanswered is graded here, outside any transaction (grading is the slow part).
 * A draft that cannot be graded is left out rather than holding the interview open.
 */
export async function gradeUnsentDrafts(
  deps: { reads: InterviewReads; evaluator: AnswerEvaluator },
  row: InterviewRow,
  onError: (err: unknown) => void,
): Promise<GradedAnswer[]> {
  const [questions, current, drafts] = await Promise.all([
    deps.reads.questions(row.id),
    deps.reads.currentAnswers(row.id),
    deps.reads.drafts(row.id),
  ]);
  const answered = new Set(current.map((a) => a.questionId));
  const byId = new Map(questions.map((q) => [q.id, q]));
  const graded: GradedAnswer[] = [];
  for (const draft of drafts) {
    const question = byId.get(draft.questionId);
    if (!question || answered.has(draft.questionId) || draft.text.trim().length === 0) continue;
    try {
      const evaluation = await deps.evaluator.evaluate(evaluationInputOf(question, row.level, { text: draft.text }));
      graded.push({ questionId: draft.questionId, text: draft.text, durationSeconds: null, evaluation });
    } catch (err) {
      onError(err);
    }
  }
  return graded;
}

/** Stores graded drafts as answers under the interview's lock, for questions still unanswered. */
export async function storeGradedDrafts(tx: DbOrTx, interviewId: string, graded: readonly GradedAnswer[], now: Date): Promise<void> {
  for (const d of graded) {
    const [existing] = await tx
      .select({ id: answers.id })
      .from(answers)
      .where(and(eq(answers.questionId, d.questionId), isNull(answers.supersededAt)));
    if (existing) continue;
    await storeCurrentAnswer(tx, interviewId, d, now);
  }
}
