/**
 * Text similarity for the integrity check of assigned answers: word shingles, a MinHash signature
 * that is stored so a new answer is screened against many earlier ones without reading their
 * text, and the passages two texts share, shown side by side to the coach.
 *
 * Word shingles (runs of SHINGLE_WORDS words) and not characters: a copied answer keeps its runs
 * of words even when a few words are changed, while two honest answers to the same question share
 * vocabulary but rarely four words in a row beyond stock phrases.
 */

export const SHINGLE_WORDS = 4;
export const SIGNATURE_SIZE = 128;

/** A word of the text with where it stands, so a shared run can be quoted as it was written. */
interface Token {
  word: string;
  start: number;
  end: number;
}

export interface ShingledText {
  text: string;
  tokens: Token[];
  /** The hash of the shingle starting at each token (tokens.length - SHINGLE_WORDS + 1 of them). */
  shingleAt: number[];
  shingles: Set<number>;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)) {
    tokens.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** FNV-1a over the string, then a final avalanche so nearby strings spread over all 32 bits. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return mix(h);
}

function mix(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

export function shingle(text: string): ShingledText {
  const tokens = tokenize(text);
  const shingleAt: number[] = [];
  for (let i = 0; i + SHINGLE_WORDS <= tokens.length; i++) {
    shingleAt.push(
      hashString(
        tokens
          .slice(i, i + SHINGLE_WORDS)
          .map((t) => t.word)
          .join(' '),
      ),
    );
  }
  return { text, tokens, shingleAt, shingles: new Set(shingleAt) };
}

// Fixed seeds: signatures stored today must compare with signatures made by a later release.
const SEEDS = Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** The MinHash signature: for each seed, the least mixed hash of any shingle. Empty for texts under SHINGLE_WORDS words. */
export function signatureOf(shingled: ShingledText): number[] {
  if (shingled.shingles.size === 0) return [];
  const sig = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const s of shingled.shingles) {
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const h = mix(s ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** The Jaccard similarity the two signatures estimate (0 when either text was too short to shingle). */
export function estimateSimilarity(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length !== a.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

export interface Overlap {
  /** Shared shingles over all shingles of both (Jaccard). */
  jaccard: number;
  /** Shared shingles over the answer's own: how much of the answer is found in the other text. */
  containment: number;
}

export function overlapOf(answer: ShingledText, other: ShingledText): Overlap {
  const a = answer.shingles;
  const b = other.shingles;
  if (a.size === 0 || b.size === 0) return { jaccard: 0, containment: 0 };
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return { jaccard: shared / (a.size + b.size - shared), containment: shared / a.size };
}

export interface SharedPassage {
  answer: string;
  other: string;
  words: number;
}

/**
 * The longest runs of words the two texts share (at least `minWords`), quoted from each text as
 * written, longest first. A run is grown word by word from a shared shingle, so it survives
 * punctuation and case changes but stops at the first changed word.
 */
export function sharedPassages(answer: ShingledText, other: ShingledText, minWords = 8, limit = 5): SharedPassage[] {
  const where = new Map<number, number[]>();
  other.shingleAt.forEach((h, j) => {
    const list = where.get(h);
    if (list) list.push(j);
    else where.set(h, [j]);
  });
  const runs: { i: number; j: number; len: number }[] = [];
  let i = 0;
  while (i < answer.shingleAt.length) {
    let best: { j: number; len: number } | null = null;
    for (const j of where.get(answer.shingleAt[i]!) ?? []) {
      let len = 0;
      while (
        i + len < answer.tokens.length &&
        j + len < other.tokens.length &&
        answer.tokens[i + len]!.word === other.tokens[j + len]!.word
      ) {
        len++;
      }
      if (len >= SHINGLE_WORDS && (!best || len > best.len)) best = { j, len };
    }
    if (best) {
      runs.push({ i, j: best.j, len: best.len });
      i += best.len;
    } else {
      i++;
    }
  }
  return runs
    .filter((r) => r.len >= minWords)
    .sort((x, y) => y.len - x.len)
    .slice(0, limit)
    .map((r) => ({
      answer: quote(answer, r.i, r.len),
      other: quote(other, r.j, r.len),
      words: r.len,
    }));
}

function quote(t: ShingledText, from: number, len: number): string {
  return t.text.slice(t.tokens[from]!.start, t.tokens[from + len - 1]!.end);
}

/**
 * Whether two answers are alike enough to show a coach: most of the answer found in the other, or
 * a large share of both in common. Honest answers to one question share terms, rarely runs.
 */
export const FLAG_JACCARD = 0.3;
export const FLAG_CONTAINMENT = 0.45;
/** Signatures estimating less than this are not read in full (well below FLAG_JACCARD: the estimate is noisy). */
export const SCREEN_ESTIMATE = 0.05;
/** Answers shorter than this many words are not compared: short answers coincide honestly. */
export const MIN_WORDS = 25;

export function isSimilar(overlap: Overlap): boolean {
  return overlap.jaccard >= FLAG_JACCARD || overlap.containment >= FLAG_CONTAINMENT;
}
