import { describe, expect, it } from 'vitest';
import { estimateSimilarity, isSimilar, overlapOf, shingle, sharedPassages, signatureOf } from './similarity.js';
import { honest, lightlyEdited, original } from './similarity-fixtures.js';
import { typingSignalsOf } from './typing.js';

describe('answer similarity', () => {
  it('finds a copied answer, with the passage shown from both texts', () => {
    const a = shingle(original);
    const b = shingle(original);
    expect(overlapOf(a, b).jaccard).toBe(1);
    expect(isSimilar(overlapOf(a, b))).toBe(true);
    const passages = sharedPassages(a, b);
    expect(passages[0]!.words).toBe(a.tokens.length);
    expect(passages[0]!.answer).toBe(original.slice(0, -1));
  });

  it('finds a lightly edited copy and quotes what was kept, as each wrote it', () => {
    const a = shingle(lightlyEdited);
    const b = shingle(original);
    const overlap = overlapOf(a, b);
    expect(isSimilar(overlap)).toBe(true);
    const passages = sharedPassages(a, b);
    expect(passages.length).toBeGreaterThanOrEqual(3);
    expect(passages.some((p) => p.answer.includes('run EXPLAIN ANALYZE on them'))).toBe(true);
    // Punctuation differs between the two sides of one shared run.
    expect(passages.some((p) => p.answer !== p.other)).toBe(true);
  });

  it('leaves an honest answer to the same question alone', () => {
    const overlap = overlapOf(shingle(honest), shingle(original));
    expect(isSimilar(overlap)).toBe(false);
    expect(overlap.jaccard).toBeLessThan(0.05);
    expect(sharedPassages(shingle(honest), shingle(original))).toEqual([]);
  });

  it('estimates from stored signatures close to the exact figure', () => {
    const pairs: [string, string][] = [
      [original, original],
      [lightlyEdited, original],
      [honest, original],
    ];
    for (const [x, y] of pairs) {
      const exact = overlapOf(shingle(x), shingle(y)).jaccard;
      const estimate = estimateSimilarity(signatureOf(shingle(x)), signatureOf(shingle(y)));
      expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    }
    expect(signatureOf(shingle('too short'))).toEqual([]);
    expect(estimateSimilarity([], signatureOf(shingle(original)))).toBe(0);
  });

  it('counts containment when a copied answer is padded with text of its own', () => {
    const padded = `${original} ${honest}`;
    const overlap = overlapOf(shingle(original), shingle(padded));
    expect(overlap.containment).toBe(1);
    expect(isSimilar(overlap)).toBe(true);
  });
});

describe('typing signals', () => {
  const q = '7c1e3c2a-5a5e-4a8e-9d4a-0d8b6a1f2e3d';
  const text = 'x'.repeat(400);

  it('reads an answer that came in by one outside paste as one burst', () => {
    const s = typingSignalsOf(q, { text, durationSeconds: 240 }, [
      { kind: 'paste', details: { questionId: q, length: 390, fromOutside: true } },
    ]);
    expect(s.pastedShare).toBeCloseTo(0.98, 2);
    expect(s.oneBurst).toBe(true);
  });

  it('ignores pastes within the page, on other questions, and typing at a human pace', () => {
    const s = typingSignalsOf(q, { text, durationSeconds: 200 }, [
      { kind: 'paste', details: { questionId: q, length: 390, fromOutside: false } },
      { kind: 'paste', details: { questionId: 'other', length: 390, fromOutside: true } },
      { kind: 'copy', details: { questionId: q, length: 390 } },
    ]);
    expect(s).toEqual({ questionId: q, pastedShare: 0, charsPerSecond: 2, oneBurst: false });
  });

  it('reads 400 characters in 10 seconds as a burst even without a recorded paste', () => {
    expect(typingSignalsOf(q, { text, durationSeconds: 10 }, []).oneBurst).toBe(true);
    expect(typingSignalsOf(q, { text: 'Short answer.', durationSeconds: 1 }, []).oneBurst).toBe(false);
  });
});
