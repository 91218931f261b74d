import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** A question of an interview, for its attempts. */
export const questionAttemptsParams = z.object({ id, questionId: id });
export type QuestionAttemptsParams = z.infer<typeof questionAttemptsParams>;

/**
 * One answer given to a question. Answering a question again (a retry) keeps the earlier
 * answers as attempts; the newest counts until the candidate chooses another.
 */
export const questionAttempt = z.object({
  /** The answer's id: choose it with PUT …/counting-attempt. */
  id,
  /** 1 for the first answer, in the order they were given. */
  number: z.number().int().min(1),
  text: z.string(),
  createdAt: isoDateTime,
  /** The attempt's score; null while results are hidden from the caller. */
  score: z.number().int().min(0).max(100).nullable(),
  /** Whether this attempt is the one that counts for the question (and the overall score). */
  counts: z.boolean(),
});
export type QuestionAttempt = z.infer<typeof questionAttempt>;

export const questionAttempts = z.object({
  questionId: id,
  attempts: z.array(questionAttempt),
});
export type QuestionAttempts = z.infer<typeof questionAttempts>;

/** Which attempt counts for the question: one of its answers' ids. */
export const countingAttemptBody = z.object({ answerId: id });
export type CountingAttemptBody = z.infer<typeof countingAttemptBody>;
