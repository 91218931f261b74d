// Development entry of a grading worker thread (see src/server/worker-entry.ts). Worker threads do
// not inherit the loader hooks of the main thread, so this plain-JS file registers tsx itself
// before loading the TypeScript body; a server run from the bundle starts dist/server/evaluator-thread.mjs.
import { register } from 'tsx/esm/api';

register();
const worker = await import('./evaluator-worker.ts');
export const evaluate = worker.evaluate;
export const warm = worker.warm;
