import { beforeAll, describe, expect, it } from 'vitest';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { splitIntoChunks } from './harper-grammar-checker.js';
import { createLocalEvaluator } from './local-evaluator.js';

describe('splitIntoChunks', () => {
  it('cuts at sentence ends into pieces that cover the text exactly', () => {
    const text = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} has exactly seven words.`).join(' ');
    const chunks = splitIntoChunks(text);
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.map((c) => text.slice(c.start, c.end)).join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(text.slice(c.start, c.end)).toMatch(/\.\s$/);
  });
});

describe('grammar checking through the evaluator', () => {
  let evaluator: AnswerEvaluator;
  beforeAll(async () => {
    evaluator = await createLocalEvaluator({ grammar: true });
  }, 60_000);

  it('reports issues whose offsets point at the offending words, also after emoji and across chunks', async () => {
    const filler = 'The cache keeps recent results in memory so repeated reads are fast. '.repeat(8);
    const answer = `😀 Their is a problem with teh cache. ${filler}We should of invalidated it when the data changes.`;
    const e = await evaluator.evaluate({
      question: 'How would you keep a cache consistent with the database?',
      type: 'technical',
      referenceAnswer:
        'Invalidate or update cache entries when the underlying data changes, use time-to-live values, and prefer cache-aside.',
      answer,
    });
    const flagged = e.grammar.map((g) => answer.slice(g.start, g.end));
    expect(flagged).toEqual(expect.arrayContaining(['Their', 'teh', 'should of']));
    const teh = e.grammar.find((g) => answer.slice(g.start, g.end) === 'teh')!;
    expect(teh.suggestions).toContain('the');
    expect(e.improvements.join(' ')).toMatch(/grammar or spelling/);
  });

  it('does not flag jargon that the question or reference uses', async () => {
    const e = await evaluator.evaluate({
      question: 'What does PgBouncer do in front of PostgreSQL?',
      type: 'technical',
      referenceAnswer: 'PgBouncer pools connections so that many clients share a few PostgreSQL server connections.',
      answer: 'PgBouncer keeps a pool of PostgreSQL connections and hands them to clients, so the server is not overwhelmed.',
    });
    expect(e.grammar.map((g) => g.message)).toEqual([]);
  });

  it('gives the same score with and without grammar checking', async () => {
    const input = {
      question: 'What is a race condition?',
      type: 'technical' as const,
      referenceAnswer: 'A bug where the result depends on the timing of concurrent operations on shared state.',
      answer: 'Its a bug where two threads update shared data at the same time, so we should of used a lock.',
    };
    const withGrammar = await evaluator.evaluate(input);
    const without = await (await createLocalEvaluator({ grammar: false })).evaluate(input);
    expect(withGrammar.score).toBe(without.score);
    expect(withGrammar.grammar.length).toBeGreaterThan(0);
    expect(without.grammar).toEqual([]);
  });
});
