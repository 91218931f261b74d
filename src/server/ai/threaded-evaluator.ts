import { Piscina } from 'piscina';
import type { Evaluation } from '../../contract/interviews.js';
import type { EvaluationInput } from '../../core/evaluation/types.js';
import type { EvaluatorState, WarmingEvaluator } from './background-evaluator.js';
import type { LocalEvaluatorOptions } from './local-evaluator.js';
import { workerEntry } from '../worker-entry.js';

export type ThreadedEvaluator = WarmingEvaluator;

/**
 * Runs the local evaluator on worker threads. Grading is CPU work of several to tens of
 * milliseconds per answer; on the main thread it would stall every other request meanwhile,
 * and it could not use a second core.
 *
 * Nothing starts until warm() or the first answer: the server calls warm() right after it
 * listens, so start-up (database, migrations) does not compete with model loading for the CPU.
 */
export function createThreadedEvaluator(options: { threads: number; evaluator?: LocalEvaluatorOptions }): ThreadedEvaluator {
  let pool: Piscina | undefined;
  let warming: Promise<void> | undefined;
  let state: EvaluatorState = 'loading';
  let version = 'loading';
  const openPool = (): Piscina =>
    (pool ??= new Piscina({
      filename: workerEntry('evaluator-thread', new URL('./evaluator-thread.mjs', import.meta.url)).href,
      minThreads: options.threads,
      maxThreads: options.threads,
      // Two tasks per thread so an answer is not queued behind that thread's warm-up task: it
      // runs in the warm-up's gaps (between its awaits) instead of waiting seconds for it. Grading
      // itself is synchronous, so two answers on one thread still run one after the other.
      concurrentTasksPerWorker: 2,
      // Bounded queue: past it, answers wait in the HTTP layer rather than pile up unbounded here.
      maxQueue: options.threads * 256,
      workerData: { options: options.evaluator ?? {} },
      idleTimeout: Number.POSITIVE_INFINITY,
    }));
  return {
    name: 'local',
    get version() {
      return version;
    },
    state: () => state,
    warm() {
      warming ??= (async () => {
        const p = openPool();
        try {
          // One warm task per thread, run together: the least-busy balancer gives each idle thread one.
          const described = (await Promise.all(Array.from({ length: options.threads }, () => p.run(null, { name: 'warm' })))) as {
            version: string;
          }[];
          version = described[0]!.version;
          state = 'ready';
        } catch (err) {
          state = 'failed';
          throw err;
        }
      })();
      return warming;
    },
    evaluate: (input: EvaluationInput) => openPool().run(input, { name: 'evaluate' }) as Promise<Evaluation>,
    close: async () => {
      await pool?.destroy();
    },
  };
}
