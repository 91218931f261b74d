import type { PlannedQuestion } from '../../core/questions/tailor-questions.js';
import type { DbOrTx } from '../../db/client.js';
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
