import { z } from 'zod';

/** SQL problems offer only `sql`; the others offer the three programming languages. */
export const CODING_LANGUAGES = ['javascript', 'typescript', 'python', 'sql'] as const;
export const codingLanguage = z.enum(CODING_LANGUAGES);
export type CodingLanguage = z.infer<typeof codingLanguage>;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export const difficulty = z.enum(DIFFICULTIES);
export type Difficulty = z.infer<typeof difficulty>;

export const CODING_TOPICS = [
  'arrays',
  'strings',
  'hashing',
  'two_pointers',
  'stacks_queues',
  'trees',
  'graphs',
  'heaps',
  'greedy',
  'dynamic_programming',
  'sql',
] as const;
export const codingTopic = z.enum(CODING_TOPICS);
export type CodingTopic = z.infer<typeof codingTopic>;

/** What happened to one test. */
export const VERDICTS = ['passed', 'wrong_answer', 'time_limit', 'memory_limit', 'runtime_error', 'output_limit'] as const;
export const verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdict>;

export const MAX_CODE_CHARS = 50_000;
export const MAX_EXPLANATION_CHARS = 5_000;

export const runCodeBody = z.object({
  language: codingLanguage,
  code: z
    .string()
    .max(MAX_CODE_CHARS)
    .refine((s) => s.trim().length > 0, 'must not be empty'),
});
export type RunCodeBody = z.infer<typeof runCodeBody>;

/** One test's result. Public tests show their input, expected and actual values; hidden ones only the verdict. */
export const testResult = z.object({
  name: z.string(),
  hidden: z.boolean(),
  verdict,
  timeMs: z.number().min(0),
  memoryBytes: z.number().int().min(0),
  /** Public tests only. */
  input: z.string().optional(),
  expected: z.string().optional(),
  actual: z.string().optional(),
  /** Line-by-line difference between expected and actual (public wrong answers). */
  diff: z.array(z.object({ kind: z.enum(['same', 'expected', 'actual']), text: z.string() })).optional(),
  /** What the program printed (public tests only, capped). */
  output: z.string().optional(),
  error: z.object({ message: z.string(), line: z.number().int().optional() }).optional(),
});
export type TestResult = z.infer<typeof testResult>;

export const verdictCounts = z.partialRecord(verdict, z.number().int().min(0));
export type VerdictCounts = z.infer<typeof verdictCounts>;

export const runResult = z.object({
  results: z.array(testResult),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type RunResult = z.infer<typeof runResult>;

/** An empirical complexity class read from how time grows with input size. */
export const COMPLEXITY_CLASSES = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3) or worse'] as const;
export const complexityClass = z.enum(COMPLEXITY_CLASSES);
export type ComplexityClass = z.infer<typeof complexityClass>;

export const complexityEstimate = z.object({
  /** Null when the timings could not tell (too fast to measure, or too few sizes passed). */
  class: complexityClass.nullable(),
  /** Fitted exponent of time against n. */
  exponent: z.number().nullable(),
  points: z.array(z.object({ n: z.number().int(), timeMs: z.number() })),
  note: z.string(),
});
export type ComplexityEstimate = z.infer<typeof complexityEstimate>;

/** A submission's graded result: every test, hidden ones as counts. */
export const submissionResult = z.object({
  language: codingLanguage,
  /** Public tests in full. */
  results: z.array(testResult),
  passed: z.number().int().min(0),
  total: z.number().int().min(0),
  hidden: z.object({ passed: z.number().int().min(0), total: z.number().int().min(0), verdicts: verdictCounts }),
  complexity: complexityEstimate,
  /** The score of the code alone (tests and efficiency), before the explanation. */
  codeScore: z.number().int().min(0).max(100),
  /** The evaluator's score of the explanation, when one was written. */
  explanationScore: z.number().int().min(0).max(100).nullable(),
  score: z.number().int().min(0).max(100),
});
export type SubmissionResult = z.infer<typeof submissionResult>;

export const codeExample = z.object({ input: z.string(), output: z.string(), explanation: z.string().optional() });

/** A coding problem as a candidate sees it: no hidden tests, no reference solution. */
export const codingProblemView = z.object({
  slug: z.string(),
  title: z.string(),
  difficulty,
  topics: z.array(codingTopic),
  /** Markdown. */
  statement: z.string(),
  languages: z.array(codingLanguage),
  starterCode: z.partialRecord(codingLanguage, z.string()),
  examples: z.array(codeExample),
  timeLimitMs: z.number().int(),
  memoryLimitMb: z.number().int(),
  hiddenTestCount: z.number().int(),
});
export type CodingProblemView = z.infer<typeof codingProblemView>;

export const codingProblemSummary = codingProblemView.pick({ slug: true, title: true, difficulty: true, topics: true, languages: true });
export type CodingProblemSummary = z.infer<typeof codingProblemSummary>;
