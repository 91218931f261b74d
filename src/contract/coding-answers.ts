import { z } from 'zod';
import { codingLanguage, MAX_CODE_CHARS, MAX_EXPLANATION_CHARS, submissionResult } from './coding.js';
import { id } from './common.js';
import { answer } from './interviews.js';

/** A coding question's answer: the code, its language and, optionally, the candidate's explanation. */
export const codeAnswerBody = z.object({
  questionId: id,
  language: codingLanguage,
  code: z
    .string()
    .max(MAX_CODE_CHARS)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
  explanation: z.string().trim().max(MAX_EXPLANATION_CHARS).optional(),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .optional(),
});
export type CodeAnswerBody = z.infer<typeof codeAnswerBody>;

/** The stored answer and, when it was code, the run of every test (hidden ones as counts). */
export const codeAnswer = answer.extend({ coding: submissionResult.optional() });
export type CodeAnswer = z.infer<typeof codeAnswer>;

export const runParams = z.object({ id, questionId: id });
