import type { WordVectors } from '../evaluation/word-vectors.js';
import { tokenize } from './similarity.js';

/**
 * Meaning-level similarity of two answers from word vectors: the weighted share of one answer's
 * content words that have a close word (cosine ≥ 0.6) in the other, taken both ways. Rare words
 * weigh more than common ones. It is shown beside the shingle figure for pairs found similar,
 * and raises no flag of its own: measured on two questions, a copy put through a rewording tool
 * scored 0.71 and 0.57 while honest answers to the same question reached 0.61 and 0.56, so no
 * threshold tells them apart (see similarity-fixtures.ts and semantic-similarity.test.ts).
 */
export interface VectorText {
  rows: number[];
  weights: number[];
}

/** A word counts as carried over when the other answer has a word this close to it. */
const MATCHED = 0.6;
/** Words this frequent (by rank in the embedding vocabulary) carry no meaning of their own here. */
const COMMON_RANK = 150;

export function vectorTextOf(vectors: WordVectors, text: string): VectorText {
  const rows: number[] = [];
  const weights: number[] = [];
  const seen = new Set<number>();
  for (const { word } of tokenize(text)) {
    if (word.length < 3) continue;
    const row = vectors.indexOf(word);
    if (row < 0 || seen.has(row)) continue;
    const rank = vectors.rankOf(row);
    if (rank < COMMON_RANK) continue;
    seen.add(row);
    rows.push(row);
    weights.push(Math.log(rank + 2));
  }
  return { rows, weights };
}

function oneWay(vectors: WordVectors, from: VectorText, to: VectorText): number {
  let sum = 0;
  let total = 0;
  for (let i = 0; i < from.rows.length; i++) {
    let best = 0;
    for (const other of to.rows) best = Math.max(best, vectors.cosine(from.rows[i]!, other));
    sum += from.weights[i]! * (best >= MATCHED ? 1 : 0);
    total += from.weights[i]!;
  }
  return total > 0 ? sum / total : 0;
}

/** 0..1; null when either text has too few content words to say anything. */
export function semanticSimilarity(vectors: WordVectors, a: VectorText, b: VectorText, minWords = 12): number | null {
  if (a.rows.length < minWords || b.rows.length < minWords) return null;
  return (oneWay(vectors, a, b) + oneWay(vectors, b, a)) / 2;
}
