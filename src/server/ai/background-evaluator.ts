import type { Evaluation } from '../../contract/interviews.js';
import type { AnswerEvaluator, EvaluationInput } from '../../core/evaluation/types.js';
import { createLocalEvaluator, preloadGrammar, type LocalEvaluatorOptions } from './local-evaluator.js';

/** What /readyz reports: answers are accepted in every state, but graded at full speed only when ready. */
export type EvaluatorState = 'loading' | 'ready' | 'failed';

/**
 * A grader whose models load in the background. The server listens first and calls warm()
 * right after; an answer that arrives earlier waits for the part it cannot do without
 * (text model, weights, embeddings) but not for the grammar checker.
 */
export interface WarmingEvaluator extends AnswerEvaluator {
  state(): EvaluatorState;
  /** Starts loading (once) and resolves when every model is loaded and exercised. */
  warm(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Graded once while warming, so the code paths of a real answer are compiled and every lazy
 * table is built before the first candidate's answer.
 */
export const WARM_UP_ANSWER: EvaluationInput = {
  question: 'How would you explain a database index to a new colleague?',
  type: 'technical',
  level: 'mid',
  referenceAnswer:
    'An index is a sorted structure, usually a B-tree, that lets the database find matching rows without scanning the whole table; it speeds up reads but makes writes slower.',
  keyPoints: ['An index avoids scanning the whole table', 'Indexes speed up reads but slow down writes'],
  answer:
    'An index works like the index at the back of a book: the database jumps straight to the rows it needs instead of scaning the whole table. The price is that inserts and updates get slower, because the index must be updated too.',
};

/** The local engine on the main thread (EVALUATOR_THREADS=0), loaded in the background. */
export function createBackgroundLocalEvaluator(options: LocalEvaluatorOptions = {}): WarmingEvaluator {
  let loaded: AnswerEvaluator | undefined;
  let loading: Promise<AnswerEvaluator> | undefined;
  let warming: Promise<void> | undefined;
  let state: EvaluatorState = 'loading';
  const load = () => (loading ??= createLocalEvaluator({ grammarWhileLoading: 'skip', ...options }).then((e) => (loaded = e)));
  return {
    name: 'local',
    get version() {
      return loaded?.version ?? 'loading';
    },
    state: () => state,
    warm() {
      warming ??= (async () => {
        try {
          const evaluator = await load();
          if (options.grammar !== false) await preloadGrammar();
          await evaluator.evaluate(WARM_UP_ANSWER);
          state = 'ready';
        } catch (err) {
          state = 'failed';
          throw err;
        }
      })();
      return warming;
    },
    async evaluate(input): Promise<Evaluation> {
      return (await load()).evaluate(input);
    },
    close: async () => undefined,
  };
}
