/**
 * The body of a grading worker thread (see threaded-evaluator.ts): one local evaluator per
 * thread. Started from dist/server/evaluator-thread.mjs (precompiled) or, in development, from
 * evaluator-thread.mjs, which registers tsx first.
 */
import { workerData } from 'node:worker_threads';
import type { Evaluation } from '../../contract/interviews.js';
import type { EvaluationInput } from '../../core/evaluation/types.js';
import { runWarmUp } from './background-evaluator.js';
import { createLocalEvaluator, preloadGrammar, type LocalEvaluatorOptions } from './local-evaluator.js';

const options = ((workerData as { options?: LocalEvaluatorOptions } | null)?.options ?? {}) as LocalEvaluatorOptions;
// An answer that arrives while harper is still loading is graded without grammar rather than kept waiting.
const evaluator = await createLocalEvaluator({ grammarWhileLoading: 'skip', ...options });
let warmed: Promise<{ name: string; version: string }> | undefined;

export function evaluate(input: EvaluationInput): Promise<Evaluation> {
  return evaluator.evaluate(input);
}

/** Loads the grammar checker and grades a few answers, so this thread's first real answer is fast. */
export function warm(): Promise<{ name: string; version: string }> {
  warmed ??= (async () => {
    if (options.grammar !== false) await preloadGrammar();
    await runWarmUp(evaluator);
    return { name: evaluator.name, version: evaluator.version };
  })();
  return warmed;
}
