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

/**
 * A few varied answers graded while warming: one run leaves most of the grading code
 * unoptimized (measured: the first real answer after a single warm-up run took 0.7 s, the next
 * ones 0.1 s), and a behavioral answer takes the STAR path a technical one does not.
 */
export const WARM_UP_ANSWERS: EvaluationInput[] = [
  WARM_UP_ANSWER,
  {
    ...WARM_UP_ANSWER,
    answer:
      'A B-tree index keeps the keys sorted, so a lookup walks a few pages instead of reading every row. Writes pay for it: each insert, update or delete changes the index as well.',
  },
  {
    question: 'Tell me about a time you had to fix a problem under pressure.',
    type: 'behavioral',
    level: 'mid',
    answer:
      'Last spring our checkout started failing during a sale. I was on call, so my task was to stop the errors quickly. I found a slow query, added the missing index and turned on retries with backoff. Errors dropped to zero within an hour and we wrote a runbook afterwards.',
  },
  {
    question: 'How would you explain recursion to a colleague?',
    type: 'communication',
    answer:
      'Recursion is a function calling itself on a smaller piece of the problem until it reaches a case it can answer directly, like opening nested boxes until one is empty.',
  },
];

/** Grades the warm-up answers a few times over. */
export async function runWarmUp(evaluator: AnswerEvaluator, rounds = 3): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    for (const input of WARM_UP_ANSWERS) await evaluator.evaluate({ ...input, answer: `${input.answer}${' Indeed.'.repeat(round)}` });
  }
}

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
          await runWarmUp(evaluator);
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
