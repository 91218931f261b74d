import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../contract/interviews.js';
import { combineWithLocal, locateQuote, type SampledGrade } from './combine-engines.js';

const answer = 'An index is a sorted B-tree, so the database finds rows\nwithout scanning the whole table. Reads get faster.';
const quoted = (spans: { start: number; end: number }[] | undefined) => spans?.map((s) => answer.slice(s.start, s.end));

describe('locateQuote: evidence quoted by the model must be in the answer', () => {
  it('finds an exact quote, and one that differs only in case and spacing', () => {
    expect(quoted(locateQuote(answer, 'Reads get faster.'))).toEqual(['Reads get faster.']);
    expect(quoted(locateQuote(answer, 'the database finds rows without SCANNING the whole table'))).toEqual([
      'the database finds rows\nwithout scanning the whole table',
    ]);
  });

  it('ignores quotation marks and a full stop the model added', () => {
    expect(quoted(locateQuote(answer, '“finds rows without scanning the whole table.”'))).toEqual([
      'finds rows\nwithout scanning the whole table.',
    ]);
    expect(quoted(locateQuote(answer, 'An index is a sorted B-tree.'))).toEqual(['An index is a sorted B-tree']);
  });

  it('accepts a quote shortened with an ellipsis only when every part is there, in order', () => {
    expect(quoted(locateQuote(answer, 'An index is a sorted B-tree … Reads get faster'))).toEqual([
      'An index is a sorted B-tree',
      'Reads get faster',
    ]);
    expect(locateQuote(answer, 'Reads get faster … An index is a sorted B-tree')).toBeUndefined();
  });

  it('rejects words the answer never says, reworded quotes, and quotes too short to prove anything', () => {
    expect(locateQuote(answer, 'every insert must also update the index')).toBeUndefined();
    expect(locateQuote(answer, 'the database reads rows without scanning the table')).toBeUndefined();
    expect(locateQuote(answer, 'index')).toBeUndefined();
    expect(locateQuote(answer, '')).toBeUndefined();
  });
});

describe('combineWithLocal: local guards hold the model grade down', () => {
  const dims = { relevance: 80, correctness: 80, completeness: 80, clarity: 80, structure: 80 };
  const llm: SampledGrade = {
    score: 80,
    dimensions: dims,
    strengths: [],
    improvements: [],
    coveredKeyPoints: [],
    missingKeyPoints: [],
    keyPointJudgements: [],
    scores: [80],
    spread: 0,
  };
  const ctx = { answer, keyPoints: [], injection: false, engine: 'openai', engineVersion: 'x', rubricVersion: 'x' };
  const local = (guards: Evaluation['guards']): Evaluation =>
    ({
      score: 50,
      dimensions: dims,
      strengths: [],
      improvements: [],
      coveredKeyPoints: [],
      missingKeyPoints: [],
      guards,
      grammar: [],
      star: null,
      confidence: 0.5,
      engine: 'local',
      engineVersion: 'x',
    }) as Evaluation;

  it('a keyword-list guard caps it', () => {
    expect(combineWithLocal(ctx, llm, local([{ kind: 'keyword_list', detail: 'terms', cap: 5 }])).score).toBe(5);
  });
  it('the padding cap, a local grade of the focused sentences, does not: the model reads filler itself', () => {
    expect(combineWithLocal(ctx, llm, local([{ kind: 'padding', detail: 'filler', cap: 55 }])).score).toBe(80);
  });
});
