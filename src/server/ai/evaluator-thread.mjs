// Worker-thread entry for grading. Worker threads do not inherit the loader hooks of the main
// thread, so this plain-JS file registers tsx itself before loading the TypeScript evaluator.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createLocalEvaluator, preloadGrammar } = await import('./local-evaluator.ts');
const { runWarmUp } = await import('./background-evaluator.ts');
const options = workerData?.options ?? {};
// An answer that arrives while harper is still loading is graded without grammar rather than kept waiting.
const evaluator = await createLocalEvaluator({ grammarWhileLoading: 'skip', ...options });
let warmed;

export function evaluate(input) {
  return evaluator.evaluate(input);
}

/** Loads the grammar checker and grades a few answers, so this thread's first real answer is fast. */
export function warm() {
  warmed ??= (async () => {
    if (options.grammar !== false) await preloadGrammar();
    await runWarmUp(evaluator);
    return { name: evaluator.name, version: evaluator.version };
  })();
  return warmed;
}
