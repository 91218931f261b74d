import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProblems } from '../../../content/coding/index.js';
import { createCodeRunner } from './code-runner.js';
import { createProblemBank } from './problem-bank.js';
import { SandboxPool } from './sandbox/sandbox-pool.js';

// The bank cannot rot: every reference solution, in every language it offers, passes every test
// in the sandbox, with the problem's own limits.
const bank = createProblemBank(codingProblems);
const pools = {
  javascript: new SandboxPool({ runtime: 'javascript', size: 2 }),
  python: new SandboxPool({ runtime: 'python', size: 1 }),
  sql: new SandboxPool({ runtime: 'sql', size: 1 }),
};
const runner = createCodeRunner(pools);

beforeAll(() => Promise.all([pools.javascript.warm(), pools.python.warm(), pools.sql.warm()]), 180_000);
afterAll(() => Promise.all([pools.javascript.close(), pools.python.close(), pools.sql.close()]));

describe('the coding problem bank', () => {
  it('has unique slugs and entries, starters for every language, at least 8 tests and a large input each', () => {
    const slugs = new Set(codingProblems.map((p) => p.slug));
    expect(slugs.size).toBe(codingProblems.length);
    for (const p of codingProblems) {
      const tests = bank.tests(p);
      expect(p.statement.length, p.slug).toBeGreaterThan(80);
      expect(tests.examples.length + tests.hidden.length, p.slug).toBeGreaterThanOrEqual(8);
      expect(tests.examples.length, p.slug).toBeGreaterThanOrEqual(1);
      // A SQL problem offers SQL only, and its data are written out (no growth to measure).
      const offered = bank.languagesOf(p);
      if (p.topics.includes('sql')) {
        expect(offered, p.slug).toEqual(['sql']);
        continue;
      }
      expect(Math.max(...p.generated.map((g) => g.n)), `${p.slug}: a large input`).toBeGreaterThanOrEqual(10_000);
      expect(offered, p.slug).toEqual(['javascript', 'typescript', 'python']);
      for (const language of offered) {
        expect(p.starter[language], `${p.slug} ${language} starter`).toBeTruthy();
        expect(p.solutions[language], `${p.slug} ${language} solution`).toBeTruthy();
      }
    }
    // Making every large input runs each JavaScript reference once in Node: seconds on a busy machine.
  }, 180_000);

  // The languages of a problem run at once (the pools have a process each), so the bank's check
  // stays well under a minute; a TypeScript solution that is the JavaScript one only has to
  // compile and pass the written tests, its large inputs already ran as JavaScript.
  it.each(codingProblems.map((p) => [p.slug, p] as const))(
    '%s: every reference solution passes every test',
    async (_slug, problem) => {
      const tests = bank.tests(problem);
      const sameAsJs = problem.solutions.typescript === problem.solutions.javascript;
      const failing = await Promise.all(
        bank.languagesOf(problem).map(async (language) => {
          const results = await runner.run({
            language,
            code: problem.solutions[language]!,
            entry: problem.entry,
            comparison: problem.comparison,
            tests: [...tests.examples, ...tests.hidden].filter((t) => !(language === 'typescript' && sameAsJs && t.n !== undefined)),
            // Three languages share two busy cores here: the time limit is doubled so load does not fail
            // a correct solution (speed is measured by `npm run bench:sandbox`, not here).
            limits: { timeLimitMs: problem.timeLimitMs * 2, memoryLimitMb: problem.memoryLimitMb, outputLimitBytes: 65536 },
          });
          return results.filter((r) => r.verdict !== 'passed').map((r) => `${language} ${r.name}: ${r.verdict} ${r.error?.message ?? ''}`);
        }),
      );
      expect(failing.flat()).toEqual([]);
    },
    60_000,
  );
});
