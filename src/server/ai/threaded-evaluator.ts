import { Piscina } from 'piscina';
import type { Evaluation } from '../../contract/interviews.js';
import type { AnswerEvaluator, EvaluationInput } from '../../core/evaluation/types.js';
import type { LocalEvaluatorOptions } from './local-evaluator.js';

export interface ThreadedEvaluator extends AnswerEvaluator {
  close(): Promise<void>;
}

/**
 * Runs the local evaluator on worker threads. Grading is CPU work of several to tens of
 * milliseconds per answer; on the main thread it would stall every other request meanwhile,
 * and it could not use a second core.
 */
export async function createThreadedEvaluator(options: { threads: number; evaluator?: LocalEvaluatorOptions }): Promise<ThreadedEvaluator> {
  const pool = new Piscina({
    filename: new URL('./evaluator-thread.mjs', import.meta.url).href,
    minThreads: options.threads,
    maxThreads: options.threads,
    // Bounded queue: past it, answers wait in the HTTP layer rather than pile up unbounded here.
    maxQueue: options.threads * 256,
    workerData: { options: options.evaluator ?? {} },
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // Resolves once a worker has loaded its models, so start-up fails fast if they are broken.
  const { name, version } = (await pool.run(null, { name: 'describe' })) as { name: string; version: string };
  return {
    name,
    version,
    evaluate: (input: EvaluationInput) => pool.run(input, { name: 'evaluate' }) as Promise<Evaluation>,
    close: () => pool.destroy(),
  };
}
