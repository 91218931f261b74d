import { count, eq } from 'drizzle-orm';
import type { NextStep } from '../../contract/interviews.js';
import { AppError } from '../../core/errors.js';
import { planFollowUp, type FollowUpPlan } from '../../core/interviewer/follow-up-plan.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import type { AnswerGrading } from './answer-grading.js';
import type { FollowUpWriter } from './follow-up-writer.js';
import type { InterviewContext } from './interview-context.js';
import { interviewQuestions, type AnswerRow, type InterviewRow, type QuestionRow } from './interviews.table.js';

/**
 * The interviewer's side of a conversational practice: what it says next. Questions come in
 * order; after an answer it may ask up to `followUps` follow-ups, planned from that answer's
 * evaluation (src/core/interviewer) and worded locally or by the configured model. A follow-up is
 * a row of interview_questions with a parent, so it is answered through the same answers route
 * and graded by the same evaluator. With `followUps` 0 this is the fixed list.
 */
export function createInterviewConversation(ctx: InterviewContext, grading: Pick<AnswerGrading, 'settle'>, writer: FollowUpWriter) {
  const { db, reads, access } = ctx;

  type Step =
    | { kind: 'ask'; row: QuestionRow; parent: QuestionRow }
    | { kind: 'plan'; parent: QuestionRow; answer: AnswerRow; asked: number; plan: FollowUpPlan }
    | { kind: 'end' };

  /** What the planner would ask after this answer, given the follow-ups already asked (pure and cheap). */
  function planAfter(parent: QuestionRow, answer: AnswerRow, asked: QuestionRow[]): FollowUpPlan | null {
    return planFollowUp({
      question: { text: parent.text, type: parent.type, keyPoints: parent.keyPoints, referenceAnswer: parent.referenceAnswer },
      answer: answer.text,
      evaluation: answer.evaluation,
      asked: asked.map((f) => ({ kind: f.followUpKind ?? 'probe_key_point', target: f.followUpTarget ?? f.text })),
      seed: parent.id,
    });
  }

  /** Walks the questions in order: the first thing still to answer, or a follow-up still to ask. */
  function nextStep(row: InterviewRow, questions: QuestionRow[], followUps: QuestionRow[], current: AnswerRow[]): Step {
    const byQuestion = new Map(current.map((a) => [a.questionId, a]));
    for (const q of questions) {
      const answer = byQuestion.get(q.id);
      if (!answer) return { kind: 'ask', row: q, parent: q };
      // A coding problem is judged by its tests and explanation: spoken-style follow-ups (an example
      // from a project, a missed point) read oddly after a solution, so the interviewer moves on.
      if (row.followUps === 0 || q.bankQuestionId?.startsWith('coding:')) continue;
      const asked = followUps.filter((f) => f.parentQuestionId === q.id);
      const open = asked.find((f) => !byQuestion.has(f.id));
      if (open) return { kind: 'ask', row: open, parent: q };
      if (asked.length >= row.followUps) continue;
      // Nothing worth asking (every point made, an example given, nothing named): the interviewer moves on.
      const plan = planAfter(q, answer, asked);
      if (plan) return { kind: 'plan', parent: q, answer, asked: asked.length, plan };
    }
    return { kind: 'end' };
  }

  function toNext(step: Step, questions: QuestionRow[], current: AnswerRow[]): NextStep {
    const own = new Set(questions.map((q) => q.id));
    const counts = { answeredCount: current.filter((a) => own.has(a.questionId)).length, questionCount: questions.length };
    if (step.kind !== 'ask') return { kind: 'end', id: null, text: null, questionId: null, order: null, ...counts };
    const followUp = step.row.parentQuestionId !== null;
    return {
      kind: followUp ? 'follow_up' : 'question',
      id: step.row.id,
      text: step.row.text,
      questionId: step.parent.id,
      order: step.parent.order,
      ...(followUp ? { followUpKind: step.row.followUpKind ?? 'probe_key_point', followUpOrder: step.row.order } : {}),
      ...counts,
    };
  }

  return {
    async next(actor: Actor, interviewId: string): Promise<NextStep> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(interviewId));
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate is asked the next question.');
      if (row.status === 'scheduled') throw new AppError('invalid_state', 'Start the interview first.');
      // A follow-up is planned from the last answer's grade: a pending one is waited for.
      if (row.status === 'in_progress') await grading.settle(row.id);
      // The pass after a store finds the follow-up stored (this request's or a concurrent one's).
      for (let pass = 0; pass < 3; pass++) {
        const [questions, followUps, current] = await Promise.all([
          reads.questions(row.id),
          reads.followUps(row.id),
          reads.currentAnswers(row.id),
        ]);
        const step = row.status === 'in_progress' ? nextStep(row, questions, followUps, current) : ({ kind: 'end' } as const);
        if (step.kind !== 'plan') return toNext(step, questions, current);
        // Wording happens outside any transaction: the model may take seconds.
        const written = await writer.write({ plan: step.plan, question: step.parent.text, answer: step.answer.text });
        await db.transaction(async (tx) => {
          const locked = await reads.lockInterview(tx, row.id);
          if (locked?.status !== 'in_progress') return;
          // Another request may have asked this follow-up meanwhile: keep theirs.
          const [existing] = await tx
            .select({ n: count() })
            .from(interviewQuestions)
            .where(eq(interviewQuestions.parentQuestionId, step.parent.id));
          if (Number(existing?.n ?? 0) !== step.asked) return;
          await tx.insert(interviewQuestions).values({
            id: newId(),
            interviewId: row.id,
            order: step.asked + 1,
            type: step.parent.type,
            text: written.text,
            bankQuestionId: null,
            referenceAnswer: step.plan.referenceAnswer,
            keyPoints: step.plan.keyPoints,
            expectedAnswer: null,
            targetSkills: step.parent.targetSkills,
            parentQuestionId: step.parent.id,
            followUpKind: step.plan.kind,
            followUpTarget: step.plan.target,
          });
        });
      }
      throw new AppError('conflict', 'The interview changed while the next question was prepared; ask again.');
    },
  };
}
