// Worker-thread entry for grading. Worker threads do not inherit the loader hooks of the main
// thread, so this plain-JS file registers tsx itself before loading the TypeScript evaluator.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { createLocalEvaluator } = await import('./local-evaluator.ts');
const evaluator = await createLocalEvaluator(workerData?.options ?? {});

export function evaluate(input) {
  return evaluator.evaluate(input);
}

export function describe() {
  return { name: evaluator.name, version: evaluator.version };
}
