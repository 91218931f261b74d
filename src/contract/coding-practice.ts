import { z } from 'zod';
import { codingLanguage, codingProblemSummary, codingTopic, difficulty, MAX_CODE_CHARS, submissionResult } from './coding.js';
import { id } from './common.js';

/** DSA practice: the bank's problems outside an interview, with the caller's own progress. */
export const practiceProblemsQuery = z.object({
  topic: codingTopic.optional(),
  difficulty: difficulty.optional(),
});
export type PracticeProblemsQuery = z.infer<typeof practiceProblemsQuery>;

export const practiceProblem = codingProblemSummary.extend({
  solved: z.boolean(),
  attempts: z.number().int().min(0),
});
export type PracticeProblem = z.infer<typeof practiceProblem>;

export const practiceProblemList = z.object({ items: z.array(practiceProblem), total: z.number().int() });

export const practiceSlugParams = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,80}$/) });

export const practiceAttemptBody = z.object({
  language: codingLanguage,
  code: z
    .string()
    .max(MAX_CODE_CHARS)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
  /** Seconds the candidate spent, as the page measured it. */
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(24 * 3600)
    .optional(),
});
export type PracticeAttemptBody = z.infer<typeof practiceAttemptBody>;

/** One recorded attempt: its verdict and, for its author, the code. */
export const practiceAttempt = z.object({
  id,
  slug: z.string(),
  language: codingLanguage,
  passed: z.number().int(),
  total: z.number().int(),
  solved: z.boolean(),
  durationSeconds: z.number().int().nullable(),
  code: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PracticeAttempt = z.infer<typeof practiceAttempt>;

export const practiceAttemptResult = z.object({ attempt: practiceAttempt, result: submissionResult });
export type PracticeAttemptResult = z.infer<typeof practiceAttemptResult>;

export const practiceProgress = z.object({
  solved: z.number().int(),
  attempted: z.number().int(),
  total: z.number().int(),
  byTopic: z.array(z.object({ topic: codingTopic, solved: z.number().int(), total: z.number().int() })),
  byDifficulty: z.array(z.object({ difficulty, solved: z.number().int(), total: z.number().int() })),
  /** Days in a row, up to today (UTC), with at least one solved attempt. */
  streakDays: z.number().int(),
});
export type PracticeProgress = z.infer<typeof practiceProgress>;
