import { beforeAll, describe, expect, it } from 'vitest';
import type { WordVectors } from '../../core/evaluation/word-vectors.js';
import { semanticSimilarity, vectorTextOf } from '../../core/proctoring/semantic-similarity.js';
import * as f from '../../core/proctoring/similarity-fixtures.js';
import { loadWordVectors } from '../ai/local-evaluator.js';
import { wordVectorsOnDemand } from './word-vectors-on-demand.js';

let vectors: WordVectors;
beforeAll(async () => {
  vectors = (await loadWordVectors())!;
});
const sim = (a: string, b: string) => semanticSimilarity(vectors, vectorTextOf(vectors, a), vectorTextOf(vectors, b));

describe('meaning-level similarity of two answers', () => {
  it('is near 1 for a light edit and symmetric', () => {
    expect(sim(f.original, f.lightlyEdited)).toBeGreaterThan(0.95);
    expect(sim(f.original, f.reworded)).toBeCloseTo(sim(f.reworded, f.original)!, 10);
  });

  it('puts a reworded copy above honest answers to the same question, on the question it was first measured on', () => {
    const copy = sim(f.original, f.reworded)!;
    for (const other of [f.honest, f.honestTwo, f.honestThree]) expect(copy).toBeGreaterThan(sim(f.original, other)!);
  });

  it('says nothing about a text with too few content words', () => {
    expect(sim('I would check the logs.', f.original)).toBeNull();
  });

  it('loads the vectors once while in use', async () => {
    let loads = 0;
    const get = wordVectorsOnDemand(async () => {
      loads += 1;
      return vectors;
    }, 60_000);
    expect(await get()).toBe(vectors);
    await get();
    expect(loads).toBe(1);
  });
});
