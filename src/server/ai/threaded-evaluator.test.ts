import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEvaluator } from './local-evaluator.js';
import { createThreadedEvaluator, type ThreadedEvaluator } from './threaded-evaluator.js';

let threaded: ThreadedEvaluator;
beforeAll(async () => {
  threaded = createThreadedEvaluator({ threads: 1 });
  // Nothing loads before warm(): the server calls it after listening.
  expect(threaded.state()).toBe('loading');
  await threaded.warm();
  expect(threaded.state()).toBe('ready');
}, 60_000);
afterAll(async () => {
  await threaded?.close();
});

describe('grading on a worker thread', () => {
  it('gives exactly what the in-thread evaluator gives', async () => {
    const local = await createLocalEvaluator();
    const input = {
      question: 'How would you explain a database index to a new colleague?',
      type: 'technical' as const,
      level: 'junior' as const,
      referenceAnswer:
        'An index is a sorted structure, usually a B-tree, that lets the database find matching rows without scanning the whole table; it speeds up reads but makes writes slower.',
      keyPoints: ['An index avoids scanning the whole table', 'Indexes speed up reads but slow down writes'],
      answer:
        'An index works like the index at the back of a book: the database jumps straight to the rows instead of scanning the table. The price is slower inserts and updates.',
    };
    expect(threaded.name).toBe(local.name);
    expect(threaded.version).toBe(local.version);
    expect(await threaded.evaluate(input)).toEqual(await local.evaluate(input));
  });

  it('grades answers concurrently without mixing them up', async () => {
    const base = {
      question: 'What is 15% of 80?',
      type: 'aptitude' as const,
      expectedAnswer: '12',
      referenceAnswer: '10% of 80 is 8 and 5% is 4, so 15% is 12.',
      keyPoints: ['10% of 80 is 8', '5% of 80 is 4'],
    };
    const [right, wrong] = await Promise.all([
      threaded.evaluate({ ...base, answer: '10% of 80 is 8, 5% is 4, so the answer is 12.' }),
      threaded.evaluate({ ...base, answer: '10% of 80 is 8, 5% is 3, so the answer is 11.' }),
    ]);
    expect(right.score).toBeGreaterThan(wrong.score);
  });
});

describe('an answer that arrives while the thread is still warming up', () => {
  it('is graded without waiting for the grammar checker and the warm-up', async () => {
    const fresh = createThreadedEvaluator({ threads: 1 });
    try {
      let warmed = false;
      const warming = fresh.warm().then(() => (warmed = true));
      const evaluation = await fresh.evaluate({
        question: 'What is a race condition?',
        type: 'technical',
        answer: 'Two threads update the same counter at once and one update is lost, becuase neither waits for the other.',
      });
      // The checker would flag "becuase"; it was not ready, so this answer has no grammar notes rather than a wait.
      expect(warmed).toBe(false);
      expect(evaluation.grammar).toEqual([]);
      expect(evaluation.score).toBeGreaterThan(0);
      await warming;
      expect(fresh.state()).toBe('ready');
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
