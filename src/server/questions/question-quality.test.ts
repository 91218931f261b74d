import { beforeAll, describe, expect, it } from 'vitest';
import type { BankQuestion } from '../../core/questions/bank.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import { loadQuestionBank } from './question-bank.js';

/**
 * Every bank question's own reference answer, graded by the real local evaluator, must score well
 * with no key point missed. A key point the reference does not make (or makes in words the
 * evaluator cannot connect) fails here, before a candidate is told they missed it.
 *
 * Three questions written before this check fail it; their texts, answers and key points are
 * frozen (graded data and the held-out set refer to them), so they are listed, not fixed.
 */
const FROZEN_EXCEPTIONS = new Set(['beh-ask-help-01', 'com-difficult-conversation-01', 'tech-distributed-cap-01']);
const MIN_SCORE = 70;

let bank: BankQuestion[];
let evaluator: AnswerEvaluator;
beforeAll(async () => {
  bank = await loadQuestionBank();
  evaluator = await createLocalEvaluator({ grammar: false });
}, 120_000);

describe('reference answers graded by the evaluator', () => {
  it(`score at least ${MIN_SCORE} with every key point found`, { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    for (const q of bank) {
      if (FROZEN_EXCEPTIONS.has(q.id)) continue;
      const e = await evaluator.evaluate({
        question: q.text,
        type: q.type,
        referenceAnswer: q.referenceAnswer,
        keyPoints: q.keyPoints,
        expectedAnswer: q.expectedAnswer,
        answer: q.referenceAnswer,
      });
      const missed = (e.keyPoints ?? []).filter((k) => k.state === 'missed').map((k) => k.keyPoint);
      if (e.score < MIN_SCORE || missed.length > 0 || e.missingKeyPoints.length > 0)
        problems.push(`${q.id}: score ${e.score}, missed ${JSON.stringify([...new Set([...missed, ...e.missingKeyPoints])])}`);
    }
    expect(problems).toEqual([]);
  });

  it('the frozen exceptions are still in the bank (drop them from the list once they are gone)', () => {
    const ids = new Set(bank.map((q) => q.id));
    for (const id of FROZEN_EXCEPTIONS) expect(ids.has(id), id).toBe(true);
  });
});
