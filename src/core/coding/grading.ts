import type { ComplexityClass, ComplexityEstimate, TestResult, Verdict, VerdictCounts } from '../../contract/coding.js';
import type { Evaluation } from '../../contract/interviews.js';

const ORDER: ComplexityClass[] = ['O(1)', 'O(log n)', 'O(n)', 'O(n log n)', 'O(n^2)', 'O(n^3) or worse'];
/**
 * Classes for judging: timings over one decade of n cannot tell n from n log n apart reliably
 * (the log factor adds about 0.1 to the exponent, less than the noise), so they share a tier.
 */
const tier = (c: ComplexityClass): number => [0, 1, 2, 2, 3, 4][ORDER.indexOf(c)]!;

export const VERDICT_WORDS: Record<Verdict, string> = {
  passed: 'passed',
  wrong_answer: 'wrong answer',
  time_limit: 'time limit exceeded',
  memory_limit: 'memory limit exceeded',
  runtime_error: 'runtime error',
  output_limit: 'output limit exceeded',
};

export function countVerdicts(results: Pick<TestResult, 'verdict'>[]): VerdictCounts {
  const counts: VerdictCounts = {};
  for (const r of results) counts[r.verdict] = (counts[r.verdict] ?? 0) + 1;
  return counts;
}

/**
 * The score of the code: tests passed are most of it (80), efficiency the rest (20). Efficiency
 * is full when the measured growth is no worse than the expected class (or too fast to measure
 * with every test passed), half for one class worse, none when the large input ran out of time.
 */
export function scoreCode(
  passed: number,
  total: number,
  complexity: ComplexityEstimate,
  expected: ComplexityClass,
  /** False for SQL: a query's speed is not read from its tests, so passing them earns the whole grade. */
  timeMeasured = true,
): number {
  if (total === 0) return 0;
  const tests = (80 * passed) / total;
  let efficiency = 0;
  if (passed > 0) {
    if (!timeMeasured) efficiency = 20;
    else if (complexity.class === null) efficiency = complexity.note.startsWith('Ran out of time') ? 0 : passed === total ? 10 : 0;
    else {
      const gap = tier(complexity.class) - tier(expected);
      efficiency = gap <= 0 ? 20 : gap === 1 ? 10 : 0;
    }
  }
  return Math.round(tests + efficiency * (passed / total));
}

/** The explanation weighs 15 % when written; without one the code's score stands. */
export function combineScores(codeScore: number, explanationScore: number | null): number {
  if (explanationScore === null) return codeScore;
  return Math.round(0.85 * codeScore + 0.15 * explanationScore);
}

export interface CodingGrade {
  passed: number;
  total: number;
  verdicts: VerdictCounts;
  complexity: ComplexityEstimate;
  expectedComplexity: ComplexityClass;
  codeScore: number;
  explanation: Evaluation | null;
  score: number;
  language: string;
}

/**
 * The stored evaluation of a coding answer, in the same shape as every other answer's so the
 * report, the review and the overrides work unchanged. The dimensions map as: correctness and
 * completeness = share of tests passed, structure = efficiency, clarity and relevance = the
 * explanation's (or the code's score when there is none).
 */
export function codingEvaluation(grade: CodingGrade): Evaluation {
  const share = grade.total === 0 ? 0 : Math.round((100 * grade.passed) / grade.total);
  const failing = Object.entries(grade.verdicts)
    .filter(([v]) => v !== 'passed')
    .map(([v, n]) => `${n} ${VERDICT_WORDS[v as Verdict]}`);
  const strengths: string[] = [];
  const improvements: string[] = [];
  if (grade.passed === grade.total) strengths.push(`All ${grade.total} tests pass in ${grade.language}.`);
  else if (grade.passed > 0) strengths.push(`${grade.passed} of ${grade.total} tests pass.`);
  if (failing.length > 0) improvements.push(`Failing tests: ${failing.join(', ')}.`);
  const cls = grade.complexity.class;
  const efficient = cls !== null && tier(cls) <= tier(grade.expectedComplexity);
  if (efficient) strengths.push(`Measured time growth ${cls}, as good as the expected ${grade.expectedComplexity}.`);
  else if (cls !== null) improvements.push(`Measured time growth ${cls}; a ${grade.expectedComplexity} solution exists.`);
  else if (grade.complexity.note.startsWith('Ran out of time'))
    improvements.push(`${grade.complexity.note} Aim for ${grade.expectedComplexity}.`);
  if (grade.explanation) {
    strengths.push(...grade.explanation.strengths.slice(0, 2));
    improvements.push(...grade.explanation.improvements.slice(0, 2));
  } else improvements.push('Explain your approach and its complexity in a few sentences: interviewers weigh the reasoning too.');
  const efficiencyScore = efficient ? 100 : cls === null ? (grade.complexity.note.startsWith('Ran out of time') ? 0 : 60) : 40;
  const spoken = grade.explanation?.score ?? grade.codeScore;
  return {
    score: grade.score,
    dimensions: { relevance: spoken, correctness: share, completeness: share, clarity: spoken, structure: efficiencyScore },
    strengths,
    improvements,
    coveredKeyPoints: grade.explanation?.coveredKeyPoints ?? [],
    missingKeyPoints: grade.explanation?.missingKeyPoints ?? [],
    keyPoints: grade.explanation?.keyPoints,
    grammar: grade.explanation?.grammar ?? [],
    star: null,
    confidence: 0.9,
    engine: 'coding',
    engineVersion: '1',
    scoreFactors: [
      { label: `Tests passed (${grade.passed}/${grade.total})`, effect: Math.round((80 * grade.passed) / Math.max(1, grade.total)) },
      { label: 'Efficiency', effect: grade.codeScore - Math.round((80 * grade.passed) / Math.max(1, grade.total)) },
      ...(grade.explanation ? [{ label: 'Explanation', effect: grade.score - grade.codeScore }] : []),
    ],
  };
}
