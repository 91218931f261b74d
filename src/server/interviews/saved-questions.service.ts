import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { SavedQuestion, SaveQuestionBody } from '../../contract/interviews-saved.js';
import { MAX_SAVED_QUESTIONS } from '../../contract/interviews-saved.js';
import { AppError, notFound } from '../../core/errors.js';
import type { PlannedQuestion } from '../../core/questions/tailor-questions.js';
import type { Actor } from '../auth/actor.js';
import { newId } from '../ids.js';
import { resultsVisible } from './interview-access.js';
import type { InterviewContext } from './interview-context.js';
import { interviewQuestions } from './interviews.table.js';
import { replannedQuestion } from './interview-questions.js';
import { savedQuestions, type SavedQuestionRow } from './saved-questions.table.js';

function toSaved(row: SavedQuestionRow): SavedQuestion {
  return {
    id: row.id,
    type: row.type,
    text: row.text,
    interviewId: row.interviewId,
    questionId: row.questionId,
    savedAt: row.createdAt.toISOString(),
  };
}

/** Bookmarks: the candidate's own list of questions to practise again. */
export function createSavedQuestions(ctx: InterviewContext) {
  const { db, clock, reads, access } = ctx;

  return {
    /**
     * Saves a question of the caller's own interview (an interview they may not see is a 404).
     * Saving keeps the reference answer, so a question of an assigned interview is saved only
     * once its results are the candidate's to see. Saving twice returns the first bookmark.
     */
    async saveQuestion(actor: Actor, body: SaveQuestionBody): Promise<{ saved: SavedQuestion; created: boolean }> {
      const { row, viewer } = await access.requireViewer(actor, await reads.interview(body.interviewId));
      if (viewer !== 'candidate') throw new AppError('forbidden', 'Only the candidate can save questions of this interview.');
      if (!resultsVisible(viewer, row))
        throw new AppError('invalid_state', 'Questions of this interview can be saved once your coach releases the results.');
      const [question] = await db
        .select()
        .from(interviewQuestions)
        .where(and(eq(interviewQuestions.id, body.questionId), eq(interviewQuestions.interviewId, row.id)));
      if (!question) throw notFound('Question in this interview');
      if (question.bankQuestionId?.startsWith('coding:'))
        throw new AppError('unprocessable', 'Coding problems cannot be saved yet; practise them from a coding interview.');

      return db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(savedQuestions)
          .where(and(eq(savedQuestions.userId, actor.userId), eq(savedQuestions.text, question.text)));
        if (existing) return { saved: toSaved(existing), created: false };
        const [{ n }] = (await tx.select({ n: count() }).from(savedQuestions).where(eq(savedQuestions.userId, actor.userId))) as [
          { n: number },
        ];
        if (Number(n) >= MAX_SAVED_QUESTIONS)
          throw new AppError('conflict', `You can keep up to ${MAX_SAVED_QUESTIONS} saved questions; remove some first.`);
        const [inserted] = await tx
          .insert(savedQuestions)
          .values({
            id: newId(),
            userId: actor.userId,
            interviewId: row.id,
            questionId: question.id,
            type: question.type,
            text: question.text,
            bankQuestionId: question.bankQuestionId,
            referenceAnswer: question.referenceAnswer,
            keyPoints: question.keyPoints,
            expectedAnswer: question.expectedAnswer,
            targetSkills: question.targetSkills,
            createdAt: clock.now(),
          })
          // Two saves racing: the unique index keeps one, and the second reads it back.
          .onConflictDoNothing()
          .returning();
        if (inserted) return { saved: toSaved(inserted), created: true };
        const [winner] = await tx
          .select()
          .from(savedQuestions)
          .where(and(eq(savedQuestions.userId, actor.userId), eq(savedQuestions.text, question.text)));
        return { saved: toSaved(winner!), created: false };
      });
    },

    async listSaved(actor: Actor): Promise<{ items: SavedQuestion[] }> {
      const rows = await db
        .select()
        .from(savedQuestions)
        .where(eq(savedQuestions.userId, actor.userId))
        .orderBy(desc(savedQuestions.createdAt));
      return { items: rows.map(toSaved) };
    },

    /** Someone else's bookmark is the same 404 as an unknown one. */
    async removeSaved(actor: Actor, id: string): Promise<void> {
      const removed = await db
        .delete(savedQuestions)
        .where(and(eq(savedQuestions.id, id), eq(savedQuestions.userId, actor.userId)))
        .returning({ id: savedQuestions.id });
      if (removed.length === 0) throw notFound('Saved question');
    },

    /** The caller's saved questions, in the order asked; any that is not theirs fails the whole request. */
    async savedForPractice(actor: Actor, ids: readonly string[]): Promise<PlannedQuestion[]> {
      const unique = [...new Set(ids)];
      const rows = await db
        .select()
        .from(savedQuestions)
        .where(and(eq(savedQuestions.userId, actor.userId), inArray(savedQuestions.id, unique)))
        .orderBy(asc(savedQuestions.createdAt));
      if (rows.length !== unique.length) throw notFound('Saved question');
      const byId = new Map(rows.map((r) => [r.id, r]));
      return unique.map((id) => replannedQuestion(byId.get(id)!));
    },
  };
}
