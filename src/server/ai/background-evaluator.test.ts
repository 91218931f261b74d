import { describe, expect, it } from 'vitest';
import { WARM_UP_ANSWER, createBackgroundLocalEvaluator } from './background-evaluator.js';

// One process-wide harper: this file must be the first in its process to load it (vitest runs files in separate workers).
describe('the local evaluator loading in the background', () => {
  it('grades an answer that arrives before grammar is ready at once, without grammar notes; later answers get them', async () => {
    const evaluator = createBackgroundLocalEvaluator();
    expect(evaluator.state()).toBe('loading');
    // "scaning" is a misspelling harper flags once it is loaded.
    const input = { ...WARM_UP_ANSWER, answer: `${WARM_UP_ANSWER.answer} Its a trade-off worth making.` };
    const early = await evaluator.evaluate(input);
    expect(early.score).toBeGreaterThan(0);
    expect(early.grammar).toEqual([]);

    await evaluator.warm();
    expect(evaluator.state()).toBe('ready');
    expect(evaluator.version).not.toBe('loading');
    const later = await evaluator.evaluate(input);
    expect(later.grammar.length).toBeGreaterThan(0);
    expect(later.score).toBeGreaterThan(0);
  }, 60_000);
});
