import { createRequire } from 'node:module';
import type * as Esbuild from 'esbuild';
import type { CodingLanguage, TestResult, Verdict } from '../../contract/coding.js';
import type { Comparison } from '../../core/coding/problem.js';
import { diffLines, sameAnswer, showRows, showValue } from '../../core/coding/verdicts.js';
import type { PreparedTest } from './problem-bank.js';
import type { SandboxOutcome, SandboxPool, SandboxRuntime } from './sandbox/sandbox-pool.js';

export interface RunLimits {
  timeLimitMs: number;
  memoryLimitMb: number;
  outputLimitBytes: number;
}

export interface RunRequest {
  language: CodingLanguage;
  code: string;
  entry: { javascript: string; python: string };
  comparison: Comparison;
  tests: PreparedTest[];
  limits: RunLimits;
}

/** A test's result with what only the server keeps (the timing of hidden tests feeds the complexity estimate). */
export interface RanTest extends TestResult {
  n?: number;
}

/** Python in Pyodide is slower than JavaScript in QuickJS on the same algorithm: it gets more time. */
export const PYTHON_TIME_FACTOR = 2;

const SHOWN_CHARS = 4000;
const clip = (text: string) => (text.length > SHOWN_CHARS ? `${text.slice(0, SHOWN_CHARS)}…` : text);

/** `export` has no meaning in the sandbox's script scope; candidates used to modules write it anyway. */
const withoutExports = (code: string) => code.replace(/^(\s*)export\s+(default\s+)?(?=(async\s+)?function|const|let|var|class)/gm, '$1');

type Prepared = { ok: true; runtime: SandboxRuntime; code: string } | { ok: false; error: { message: string; line?: number } };

// esbuild (TypeScript solutions) loads on the first TypeScript run, not at start.
let esbuild: typeof Esbuild | undefined;
const transformSync: typeof Esbuild.transformSync = (...args) =>
  (esbuild ??= createRequire(import.meta.url)('esbuild') as typeof Esbuild).transformSync(...args);

function prepareCode(language: CodingLanguage, code: string): Prepared {
  if (language === 'python') return { ok: true, runtime: 'python', code };
  if (language === 'sql') return { ok: true, runtime: 'sql', code };
  if (language === 'javascript') return { ok: true, runtime: 'javascript', code: withoutExports(code) };
  try {
    // Types are erased line for line, so the runtime's line numbers still point at the candidate's lines.
    const out = transformSync(withoutExports(code), { loader: 'ts', sourcefile: 'solution.ts', target: 'es2020' });
    return { ok: true, runtime: 'javascript', code: out.code };
  } catch (error) {
    const first = (error as { errors?: { text: string; location?: { line: number } }[] }).errors?.[0];
    return {
      ok: false,
      error: { message: `TypeScript: ${first?.text ?? 'could not compile'}`, ...(first?.location ? { line: first.location.line } : {}) },
    };
  }
}

function verdictOf(outcome: SandboxOutcome, test: PreparedTest, comparison: Comparison): { verdict: Verdict; actual?: unknown } {
  switch (outcome.outcome) {
    case 'time_limit':
      return { verdict: 'time_limit' };
    case 'memory_limit':
      return { verdict: 'memory_limit' };
    case 'output_limit':
      return { verdict: 'output_limit' };
    case 'error':
      return { verdict: 'runtime_error' };
    case 'ok': {
      let actual: unknown;
      try {
        actual = JSON.parse(outcome.result ?? 'null');
      } catch {
        return { verdict: 'runtime_error' };
      }
      return { verdict: sameAnswer(test.expected, actual, comparison) ? 'passed' : 'wrong_answer', actual };
    }
  }
}

/** Runs code against tests in the sandbox and judges each result. Public tests carry their details; hidden ones only the verdict. */
export function createCodeRunner(pools: Record<SandboxRuntime, SandboxPool>) {
  return {
    async run(request: RunRequest): Promise<RanTest[]> {
      const prepared = prepareCode(request.language, request.code);
      if (!prepared.ok) {
        return request.tests.map((t) => ({
          name: t.name,
          hidden: t.hidden,
          verdict: 'runtime_error' as const,
          timeMs: 0,
          memoryBytes: 0,
          ...(t.hidden ? {} : { input: clip(t.shownInput) }),
          error: prepared.error,
        }));
      }
      const python = prepared.runtime === 'python';
      const outcomes = await pools[prepared.runtime].run({
        entry: python ? request.entry.python : request.entry.javascript,
        code: prepared.code,
        tests: request.tests.map((t) => ({ args: t.argsJson })),
        timeLimitMs: request.limits.timeLimitMs * (python ? PYTHON_TIME_FACTOR : 1),
        memoryLimitBytes: request.limits.memoryLimitMb * 1024 * 1024,
        outputLimitBytes: request.limits.outputLimitBytes,
      });
      return request.tests.map((test, i) => {
        const outcome = outcomes[i]!;
        const { verdict, actual } = verdictOf(outcome, test, request.comparison);
        const base: RanTest = {
          name: test.name,
          hidden: test.hidden,
          verdict,
          timeMs: outcome.timeMs,
          memoryBytes: outcome.memoryBytes,
          ...(test.n !== undefined ? { n: test.n } : {}),
        };
        if (test.hidden) return base;
        // A result set reads best a row per line, and its diff then points at the rows that differ.
        const show = request.language === 'sql' ? showRows : showValue;
        const expected = show(test.expected);
        const shownActual = actual === undefined ? undefined : show(actual);
        return {
          ...base,
          input: clip(test.shownInput),
          expected: clip(expected),
          ...(shownActual !== undefined ? { actual: clip(shownActual) } : {}),
          ...(verdict === 'wrong_answer' && shownActual !== undefined ? { diff: diffLines(clip(expected), clip(shownActual)) } : {}),
          ...(outcome.output ? { output: clip(outcome.output) } : {}),
          ...(outcome.error ? { error: outcome.error } : {}),
        };
      });
    },
  };
}
export type CodeRunner = ReturnType<typeof createCodeRunner>;
