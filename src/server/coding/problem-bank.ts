import { CODING_LANGUAGES, type CodingLanguage, type CodingProblemSummary, type CodingProblemView } from '../../contract/coding.js';
import { type CodingProblem, seededRandom, seedOf } from '../../core/coding/problem.js';
import { showRows, showValue } from '../../core/coding/verdicts.js';

/** A test ready to run: arguments as JSON and the expected value. */
export interface PreparedTest {
  name: string;
  hidden: boolean;
  args: unknown[];
  argsJson: string;
  /** What the candidate is shown as the test's input: the arguments, or for SQL the data (the schema is in the statement). */
  shownInput: string;
  expected: unknown;
  n?: number;
}

export type BankProblem = CodingProblem;

/** A test's input as shown: the arguments as JSON, or for SQL the statements that fill the tables. */
function inputShown(problem: CodingProblem, args: unknown[]): string {
  if (problem.sqlSchema === undefined) return args.map((a) => JSON.stringify(a)).join(', ');
  const data = String(args[0]).slice(problem.sqlSchema.length).trim();
  return data === '' ? '-- every table is empty' : data.replace(/;\s*(?=INSERT)/g, ';\n');
}

/** An expected value as shown: JSON, or for SQL the rows. */
export const outputShown = (problem: CodingProblem, value: unknown): string =>
  problem.sqlSchema === undefined ? showValue(value) : showRows(value);

const languagesOf = (p: CodingProblem): CodingLanguage[] => CODING_LANGUAGES.filter((l) => p.starter[l] !== undefined);

/**
 * The coding problems, with their generated tests made once: arguments from a seeded generator
 * and the expected value from the JavaScript reference solution (trusted code of the repository,
 * run here in Node; candidates' code never runs outside the sandbox).
 */
export function createProblemBank(problems: BankProblem[]) {
  const bySlug = new Map(problems.map((p) => [p.slug, p]));
  const prepared = new Map<string, { examples: PreparedTest[]; hidden: PreparedTest[] }>();

  function referenceOf(problem: CodingProblem): (...args: unknown[]) => unknown {
    const source = problem.solutions.javascript;
    if (!source) throw new Error(`${problem.slug}: no JavaScript reference solution`);
    return new Function(`${source}\nreturn ${problem.entry.javascript};`)() as (...args: unknown[]) => unknown;
  }

  function prepare(problem: CodingProblem) {
    let tests = prepared.get(problem.slug);
    if (tests) return tests;
    const toTest = (name: string, hidden: boolean, args: unknown[], expected: unknown, n?: number): PreparedTest => ({
      name,
      hidden,
      args,
      argsJson: JSON.stringify(args),
      shownInput: inputShown(problem, args),
      expected,
      ...(n !== undefined ? { n } : {}),
    });
    const reference = problem.generated.length > 0 ? referenceOf(problem) : undefined;
    const random = seededRandom(seedOf(problem.slug));
    tests = {
      examples: problem.examples.map((t, i) => toTest(t.name || `Example ${i + 1}`, false, t.args, t.expected)),
      hidden: [
        ...problem.tests.map((t) => toTest(t.name, true, t.args, t.expected, t.n)),
        ...problem.generated.map((g) => {
          const args = g.generate(g.n, random);
          // The reference may change its arguments in place: it gets a copy.
          return toTest(g.name, true, args, reference!(...(structuredClone(args) as unknown[])), g.n);
        }),
      ],
    };
    prepared.set(problem.slug, tests);
    return tests;
  }

  return {
    all: (): BankProblem[] => problems,
    get: (slug: string): BankProblem | undefined => bySlug.get(slug),
    tests: (problem: CodingProblem) => prepare(problem),
    languagesOf,
    summary(problem: BankProblem): CodingProblemSummary {
      return {
        slug: problem.slug,
        title: problem.title,
        difficulty: problem.difficulty,
        topics: problem.topics,
        languages: languagesOf(problem),
      };
    },
    view(problem: BankProblem): CodingProblemView {
      const tests = prepare(problem);
      return {
        ...this.summary(problem),
        statement: problem.statement,
        starterCode: problem.starter,
        examples: problem.examples.map((e) => ({
          input: inputShown(problem, e.args),
          output: outputShown(problem, e.expected),
          ...(e.explanation ? { explanation: e.explanation } : {}),
        })),
        timeLimitMs: problem.timeLimitMs,
        memoryLimitMb: problem.memoryLimitMb,
        hiddenTestCount: tests.hidden.length,
      };
    },
  };
}
export type ProblemBank = ReturnType<typeof createProblemBank>;
