/**
 * Reading human-graded answer files (Mohler JSONL format and our graded examples) and
 * turning them into training rows. Shared by scripts/train-grader.ts and bench/grading.bench.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { analyzeAnswer, guardAnswer, type EvaluatorResources } from '../src/core/evaluation/evaluate-answer.js';
import type { TrainingRow } from '../src/core/evaluation/training.js';
import type { EvaluationInput, EvaluationQuestionType } from '../src/core/evaluation/types.js';

/** Hand-graded files in content/grader/ (DATA.md): trained on and cross-validated. */
export const HAND_GRADED_FILES = [
  'graded-answers.jsonl',
  'graded-failures.jsonl',
  'graded-failures-2.jsonl',
  'graded-failures-3.jsonl',
  'graded-failures-4.jsonl',
  'graded-failures-5.jsonl',
  'graded-failures-6.jsonl',
  'graded-failures-7.jsonl',
  'graded-examples.jsonl',
] as const;

/**
 * Row weight of rule-made lines (generated-answers.jsonl) against 1 for hand-graded ones; 0
 * leaves them out. Measured by leave-question-out cross-validation on the hand-graded train
 * lines (bench:grading): weight 0.3 lowered r from 0.78 to 0.71, 0.15 to 0.75 (all kinds, or
 * only confidently_wrong, off_topic and rambling): the variants are noisier than the features
 * can use, so the shipped weights are trained without them (pass --generated-weight to try).
 */
export const GENERATED_WEIGHT = 0;

/**
 * The Mohler short-answer set lives in a shared data folder beside the checkout
 * (<checkout>/../shared/data/asag/mohler-dev.jsonl). A git worktree sits one level deeper
 * (/work/wt/<name>), so the folders above the checkout are searched in turn; the first that
 * holds the file wins, and the plain sibling path is returned when none does (callers report it).
 */
export function defaultMohlerPath(checkout: string): string {
  const tail = join('shared', 'data', 'asag', 'mohler-dev.jsonl');
  let dir = dirname(checkout.replace(/\/+$/, ''));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, tail))) return join(dir, tail);
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return join(checkout, '..', tail);
}

export const gradedAnswerLine = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  assignment: z.union([z.string(), z.number()]).transform(String).optional(),
  question_id: z.union([z.string(), z.number()]).transform(String).optional(),
  type: z.enum(['behavioral', 'technical', 'system_design', 'communication', 'aptitude', 'coding_explanation']).optional(),
  question: z.string(),
  reference_answer: z.string().optional(),
  key_points: z.array(z.string()).optional(),
  expected: z.string().optional(),
  answer: z.string(),
  score_avg: z.number(),
  /** Kind of answer in our graded sets (excellent, partial, keyword_list, …); absent in Mohler. */
  kind: z.string().optional(),
  /** Made by rule (generated-answers.jsonl): trained on with a lower weight, never reported. */
  generated: z.boolean().optional(),
});
export type GradedAnswer = z.infer<typeof gradedAnswerLine> & { scaleMax: number; source: string };

/** Reads a JSONL file of graded answers; the grade scale is 0–5 unless told otherwise. */
export function readGradedAnswers(file: string, source: string, scaleMax = 5): GradedAnswer[] {
  const out: GradedAnswer[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const parsed = gradedAnswerLine.safeParse(JSON.parse(line));
      if (!parsed.success)
        throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
      out.push({ ...parsed.data, scaleMax, source });
    });
  return out;
}

export function toEvaluationInput(a: GradedAnswer, withReference = true): EvaluationInput {
  const type: EvaluationQuestionType = a.type ?? 'technical';
  return {
    question: a.question,
    type,
    referenceAnswer: withReference ? a.reference_answer : undefined,
    keyPoints: withReference ? a.key_points : undefined,
    expectedAnswer: a.expected,
    answer: a.answer,
  };
}

export function groupOf(a: GradedAnswer): string {
  return `${a.source}:${a.assignment ?? a.question_id ?? a.id}`;
}

export function toTrainingRows(
  answers: readonly GradedAnswer[],
  res: Pick<EvaluatorResources, 'analyze' | 'vectors' | 'lexicon' | 'topics'>,
  weightOf: (a: GradedAnswer) => number = () => 1,
): TrainingRow[] {
  return answers.map((a) => {
    const input = toEvaluationInput(a, true);
    const analysis = analyzeAnswer(input, res);
    const aptitude = input.type === 'aptitude' && !!input.expectedAnswer;
    const guards = guardAnswer(analysis, input, aptitude);
    const capOf = (hits: readonly { cap: number }[]): number => hits.reduce((c, g) => Math.min(c, g.cap), 100) / 20;
    // The same answer seen as a rubric-only question would see it (reference dropped, key points
    // kept): teaches the key-points-only model from every hand-graded line that has key points.
    let keyPointsOnly: Pick<TrainingRow, 'keyPointsOnly' | 'keyPointsOnlyCap'> = {};
    if (a.key_points && a.key_points.length > 0) {
      if (!a.reference_answer?.trim()) keyPointsOnly = { keyPointsOnly: analysis.features.values, keyPointsOnlyCap: capOf(guards) };
      else {
        const kpInput = { ...input, referenceAnswer: undefined };
        const kpAnalysis = analyzeAnswer(kpInput, res);
        keyPointsOnly = { keyPointsOnly: kpAnalysis.features.values, keyPointsOnlyCap: capOf(guardAnswer(kpAnalysis, kpInput, aptitude)) };
      }
    }
    return {
      ...keyPointsOnly,
      id: `${a.source}:${a.id}`,
      group: groupOf(a),
      longForm: analysis.longForm,
      withReference: analysis.features.values,
      withoutReference: analyzeAnswer(toEvaluationInput(a, false), res).features.values,
      grade: (a.score_avg / a.scaleMax) * 5,
      weight: weightOf(a),
      ...(a.generated ? { generated: true } : {}),
      cap: capOf(guards),
    };
  });
}
