import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { questionType } from './interviews.js';

/** Bookmark a question of one of your interviews, to practise it again later. */
export const saveQuestionBody = z.object({ interviewId: id, questionId: id });
export type SaveQuestionBody = z.infer<typeof saveQuestionBody>;

/** A saved question: the candidate's own copy, so it outlives the interview it came from. */
export const savedQuestion = z.object({
  id,
  type: questionType,
  text: z.string(),
  /** Where it was saved from (null once that interview is deleted). */
  interviewId: id.nullable(),
  questionId: id.nullable(),
  savedAt: isoDateTime,
});
export type SavedQuestion = z.infer<typeof savedQuestion>;

export const savedQuestionList = z.object({ items: z.array(savedQuestion) });
export type SavedQuestionList = z.infer<typeof savedQuestionList>;

/** Most questions a candidate keeps; the list is for practice, not an archive. */
export const MAX_SAVED_QUESTIONS = 200;
