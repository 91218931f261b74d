import type { CodingProblemView, RunCodeBody, RunResult, SubmissionResult, TestResult } from '../../contract/coding.js';
import type { CodeAnswerBody } from '../../contract/coding-answers.js';
import type { Evaluation, Level } from '../../contract/interviews.js';
import { estimateComplexity } from '../../core/coding/complexity.js';
import { codingEvaluation, combineScores, countVerdicts, scoreCode } from '../../core/coding/grading.js';
import type { CodingFocus } from '../../core/coding/coding-focus.js';
import type { CodingProblem } from '../../core/coding/problem.js';
import { AppError } from '../../core/errors.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import type { PlannedQuestion } from '../../core/questions/tailor-questions.js';
import type { Clock } from '../clock.js';
import type { CodeRunner, RanTest } from './code-runner.js';
import type { ProblemBank } from './problem-bank.js';

/** Interview questions point at a coding problem through their bank id: `coding:<slug>`. */
export const CODING_BANK_PREFIX = 'coding:';
const OUTPUT_LIMIT_BYTES = 64 * 1024;

const DIFFICULTY_BY_LEVEL: Record<Level, CodingProblem['difficulty'][]> = {
  junior: ['easy', 'medium'],
  mid: ['medium', 'easy', 'hard'],
  senior: ['medium', 'hard'],
};

/** Deterministic shuffle by a seed, so one interview always plans the same problems. */
function seededOrder<T>(items: T[], seed: string): T[] {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  const keyed = items.map((item, i) => {
    const x = Math.imul(h ^ (i * 2654435761), 2246822507) >>> 0;
    return { item, key: x };
  });
  return keyed.sort((a, b) => a.key - b.key).map((k) => k.item);
}

/** An interview question that asks a problem: the title is its text, the statement travels with the problem's view. */
function questionOf(p: CodingProblem): PlannedQuestion {
  return {
    type: 'technical',
    // The statement travels with the problem view (`coding`); the question's text is its title.
    text: p.title,
    bankQuestionId: CODING_BANK_PREFIX + p.slug,
    referenceAnswer: `A good solution runs in ${p.expectedComplexity} time; the explanation names the approach, why it is correct, its time and space complexity and the edge cases.`,
    keyPoints: [
      `The approach and the data structure it relies on`,
      `Time complexity ${p.expectedComplexity}`,
      `Space complexity`,
      `Edge cases such as empty or minimal input`,
    ],
    targetSkills: [],
    source: 'bank',
  };
}

export interface CodingDeps {
  bank: ProblemBank;
  runner: CodeRunner;
  evaluator: AnswerEvaluator;
  clock: Clock;
  /** Runs of public examples one user may start per minute. */
  runsPerMinute: number;
}

/** Coding questions: planning them into interviews, running candidates' code, grading submissions. */
export function createCodingService(deps: CodingDeps) {
  const { bank, runner, evaluator, clock } = deps;
  const recentRuns = new Map<string, number[]>();

  function limitsOf(problem: CodingProblem) {
    return { timeLimitMs: problem.timeLimitMs, memoryLimitMb: problem.memoryLimitMb, outputLimitBytes: OUTPUT_LIMIT_BYTES };
  }

  function requireLanguage(problem: CodingProblem, language: string): void {
    if (!bank.languagesOf(problem).includes(language as never)) {
      throw new AppError('validation_failed', `This problem is not offered in ${language}.`, { language });
    }
  }

  /** A sliding minute per user, kept in this process: enough to stop one user from occupying the sandbox. */
  function takeRun(userId: string): void {
    const now = clock.now().getTime();
    const recent = (recentRuns.get(userId) ?? []).filter((t) => now - t < 60_000);
    if (recent.length >= deps.runsPerMinute) {
      const retryAfter = Math.ceil((60_000 - (now - recent[0]!)) / 1000);
      throw new AppError('too_many_requests', `You can run code ${deps.runsPerMinute} times a minute. Try again in ${retryAfter} s.`, {
        retryAfterSeconds: retryAfter,
      });
    }
    recent.push(now);
    recentRuns.set(userId, recent);
  }

  const publicOnly = (results: RanTest[]): TestResult[] => results.filter((r) => !r.hidden).map(({ n: _n, ...r }) => r);

  return {
    problemOf(bankQuestionId: string | null | undefined): CodingProblem | undefined {
      if (!bankQuestionId?.startsWith(CODING_BANK_PREFIX)) return undefined;
      return bank.get(bankQuestionId.slice(CODING_BANK_PREFIX.length));
    },

    view(problem: CodingProblem): CodingProblemView {
      return bank.view(problem);
    },

    /** Problems for an interview: suited to the level, not recently seen by the candidate when there are enough others. */
    /**
     * The interview's problems: fresh ones first, of the level's difficulty, each of another topic
     * where the bank allows. `focus` (from the role and job description) puts the topics of the
     * job's work first and brings one SQL problem into an interview for a job that asks for SQL
     * (the only problem when the job names no programming); otherwise SQL problems come last, since
     * an interview's editor should start in a language the candidate expects.
     */
    plan(request: { count: number; level: Level; seed: string; recentlySeenIds: string[]; focus?: CodingFocus }): PlannedQuestion[] {
      const seen = new Set(request.recentlySeenIds);
      const wanted = DIFFICULTY_BY_LEVEL[request.level];
      const focus = request.focus;
      const focusTopics = new Set<string>(focus?.topics ?? []);
      const isSql = (p: CodingProblem) => p.topics.includes('sql');
      const byRank = (a: CodingProblem, b: CodingProblem) => {
        const fresh = Number(seen.has(CODING_BANK_PREFIX + a.slug)) - Number(seen.has(CODING_BANK_PREFIX + b.slug));
        if (fresh !== 0) return fresh;
        const onFocus = Number(b.topics.some((t) => focusTopics.has(t))) - Number(a.topics.some((t) => focusTopics.has(t)));
        if (onFocus !== 0) return onFocus;
        return rankOf(wanted, a.difficulty) - rankOf(wanted, b.difficulty);
      };
      const shuffled = seededOrder(bank.all(), request.seed);
      const sqlRanked = shuffled.filter(isSql).sort(byRank);
      const codeRanked = shuffled.filter((p) => !isSql(p)).sort(byRank);
      // A job that asks for SQL and no programming is asked SQL throughout; one that asks for both, one SQL problem beside the others.
      const sqlCount = !focus?.sql ? 0 : !focus.programming ? Math.min(request.count, sqlRanked.length) : request.count >= 2 ? 1 : 0;
      const ranked = [...codeRanked, ...sqlRanked];
      // Different topics first: two array problems in one interview teach less than one array and one graph problem.
      const picked: CodingProblem[] = sqlRanked.slice(0, sqlCount);
      const codeWanted = request.count - picked.length;
      const topics = new Set<string>(picked.flatMap((p) => p.topics));
      for (const p of codeRanked) {
        if (picked.length - sqlCount >= codeWanted) break;
        if (p.topics.some((t) => topics.has(t)) && codeRanked.length - (picked.length - sqlCount) > codeWanted) continue;
        picked.push(p);
        p.topics.forEach((t) => topics.add(t));
      }
      for (const p of ranked) if (picked.length < request.count && !picked.includes(p)) picked.push(p);
      // Programming problems before the SQL one, in the order they were ranked.
      picked.sort((a, b) => Number(isSql(a)) - Number(isSql(b)));
      return picked.map(questionOf);
    },

    /** The question that asks one problem of the bank, by its slug (a coach's pick); undefined when there is none. */
    questionFor(slug: string): PlannedQuestion | undefined {
      const problem = bank.get(slug);
      return problem ? questionOf(problem) : undefined;
    },

    /** "Run": the public examples only, limited per user. */
    async runExamples(userId: string, problem: CodingProblem, body: RunCodeBody): Promise<RunResult> {
      requireLanguage(problem, body.language);
      takeRun(userId);
      const { examples } = bank.tests(problem);
      const results = await runner.run({
        language: body.language,
        code: body.code,
        entry: problem.entry,
        comparison: problem.comparison,
        tests: examples,
        limits: limitsOf(problem),
      });
      const shown = publicOnly(results);
      return { results: shown, passed: shown.filter((r) => r.verdict === 'passed').length, total: shown.length };
    },

    /**
     * Runs every test, reads the time growth over the large inputs, has the evaluator read the
     * explanation (as a `coding_explanation`), and gives the answer's evaluation and the result
     * the candidate sees (hidden tests as counts).
     */
    async grade(
      problem: CodingProblem,
      level: Level,
      body: Pick<CodeAnswerBody, 'language' | 'code' | 'explanation'>,
    ): Promise<{ evaluation: Evaluation; result: SubmissionResult }> {
      requireLanguage(problem, body.language);
      const { examples, hidden } = bank.tests(problem);
      const results = await runner.run({
        language: body.language,
        code: body.code,
        entry: problem.entry,
        comparison: problem.comparison,
        tests: [...examples, ...hidden],
        limits: limitsOf(problem),
      });
      const passed = results.filter((r) => r.verdict === 'passed').length;
      const sized = results.filter((r) => r.n !== undefined);
      const timedOut = sized.find((r) => r.verdict === 'time_limit');
      const isSql = problem.sqlSchema !== undefined;
      const complexity = isSql
        ? // A query's tests are small tables: its plan, not its time growth, is the database's business.
          { class: null, exponent: null, points: [], note: 'A query is judged on the rows it returns.' }
        : estimateComplexity(
            sized.filter((r) => r.verdict === 'passed').map((r) => ({ n: r.n!, timeMs: r.timeMs })),
            timedOut?.n,
          );
      const codeScore = scoreCode(passed, results.length, complexity, problem.expectedComplexity, !isSql);
      const explanation = body.explanation?.trim()
        ? await evaluator.evaluate({
            question: `${problem.title}: explain your solution (approach, correctness, complexity).`,
            type: 'coding_explanation',
            level,
            referenceAnswer: `A good solution runs in ${problem.expectedComplexity} time. The explanation names the approach and data structure, why it is correct, its time and space complexity and the edge cases it handles.`,
            keyPoints: [
              'The approach and the data structure it relies on',
              `Time complexity ${problem.expectedComplexity}`,
              'Space complexity',
              'Edge cases',
            ],
            answer: body.explanation,
          })
        : null;
      const score = combineScores(codeScore, explanation?.score ?? null);
      const hiddenResults = results.filter((r) => r.hidden);
      const evaluation = codingEvaluation({
        passed,
        total: results.length,
        verdicts: countVerdicts(results),
        complexity,
        expectedComplexity: problem.expectedComplexity,
        codeScore,
        explanation,
        score,
        language: body.language,
      });
      return {
        evaluation,
        result: {
          language: body.language,
          results: publicOnly(results),
          passed,
          total: results.length,
          hidden: {
            passed: hiddenResults.filter((r) => r.verdict === 'passed').length,
            total: hiddenResults.length,
            verdicts: countVerdicts(hiddenResults),
          },
          complexity,
          codeScore,
          explanationScore: explanation?.score ?? null,
          score,
        },
      };
    },
  };
}
export type CodingService = ReturnType<typeof createCodingService>;

function rankOf(wanted: CodingProblem['difficulty'][], d: CodingProblem['difficulty']): number {
  const i = wanted.indexOf(d);
  return i < 0 ? wanted.length : i;
}
