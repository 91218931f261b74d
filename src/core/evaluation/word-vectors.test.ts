import { describe, expect, it } from 'vitest';
import { alignWords, editDistanceAtMost, toAlignWords, wordSimilarity, type AlignWord } from './alignment.js';
import { parseWordVectors, serializeWordVectors } from './word-vectors.js';

function unit(v: number[]): Float32Array {
  const n = Math.hypot(...v);
  return new Float32Array(v.map((x) => x / n));
}

const vocab = ['fast', 'quick', 'slow', 'cache'];
const rows = [unit([1, 0.1, 0]), unit([0.95, 0.2, 0]), unit([-1, 0.1, 0]), unit([0, 0, 1])];

describe('word vectors', () => {
  it('round-trips through the compact int8 format', () => {
    const vectors = parseWordVectors(serializeWordVectors(rows, [10, 20, 30, 40]), vocab);
    expect(vectors.size).toBe(4);
    expect(vectors.indexOf('quick')).toBe(1);
    expect(vectors.indexOf('unknown')).toBe(-1);
    expect(vectors.rankOf(2)).toBe(30);
    expect(vectors.cosine(0, 1)).toBeGreaterThan(0.97);
    expect(vectors.cosine(0, 3)).toBeCloseTo(0, 2);
  });

  it('rejects a vocabulary that does not match the table', () => {
    expect(() => parseWordVectors(serializeWordVectors(rows, [1, 2, 3, 4]), ['a'])).toThrow(/vocabulary/);
  });
});

describe('alignment', () => {
  const vectors = parseWordVectors(serializeWordVectors(rows, [5000, 6000, 7000, 9000]), vocab);
  const word = (w: string): AlignWord =>
    toAlignWords(
      [{ text: w, normal: w, lemma: w, pos: 'ADJ', stop: false, kind: 'word', start: 0, end: w.length, sentence: 0, negated: false }],
      vectors,
    )[0]!;

  it('gives full credit to the same lemma, partial to near synonyms and none to unrelated words', () => {
    expect(wordSimilarity(word('fast'), word('fast'), vectors)).toBe(1);
    expect(wordSimilarity(word('fast'), word('quick'), vectors)).toBeGreaterThan(0.5);
    expect(wordSimilarity(word('fast'), word('cache'), vectors)).toBe(0);
  });

  it('catches misspellings of words the vectors do not know', () => {
    expect(editDistanceAtMost('conditon', 'condition', 1)).toBe(true);
    expect(editDistanceAtMost('atributes', 'attributes', 1)).toBe(true);
    expect(editDistanceAtMost('recursion', 'iteration', 2)).toBe(false);
    expect(wordSimilarity(word('conditon'), word('condition'), vectors)).toBeGreaterThan(0.8);
  });

  it('measures how much of the targets the sources express', () => {
    const al = alignWords([word('fast'), word('cache')], [word('quick')], vectors);
    expect(al.score).toBeGreaterThan(0.2);
    expect(al.score).toBeLessThan(0.6);
    expect(al.best[1]).toBe(0);
  });
});
