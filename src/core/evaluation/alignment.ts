import type { AnalyzedText, AnalyzedToken } from './analyzed-text.js';
import type { Lexicon } from './lexicon.js';
import type { WordVectors } from './word-vectors.js';

/** One distinct content word of a text, ready for alignment. */
export interface AlignWord {
  lemma: string;
  normal: string;
  /** Row in the word vectors, -1 when unknown (or no vectors loaded). */
  vec: number;
  /** Informativeness 0.2–1: rare words count more (an idf proxy from corpus frequency rank). */
  weight: number;
  /** Function-like words ("once", "before", "all") match only themselves: their embeddings sit close to their opposites. */
  exactOnly: boolean;
  /** Thesaurus synonym groups (same meaning) and loose groups (general word covering specific ones). */
  groups?: readonly number[];
  loose?: readonly number[];
  /** Lemmas whose presence instead of this word reverses a claim ("increase" for "decrease"), and their stems. */
  anti?: readonly string[];
  antiStems?: ReadonlySet<string>;
}

// log(rank) over log(50k): "the" → floor, everyday words ≈ 0.6, technical terms → 1.
const RANK_SCALE = Math.log(50_000);

export function weightOfRank(rank: number): number {
  return Math.min(1, Math.max(0.2, Math.log(rank + 2) / RANK_SCALE)) ** 0.5;
}

export function findVector(vectors: WordVectors | undefined, t: { normal: string; lemma: string }): number {
  if (!vectors) return -1;
  let i = vectors.indexOf(t.normal);
  if (i < 0 && t.lemma !== t.normal) i = vectors.indexOf(t.lemma);
  return i;
}

const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  none: '0',
  one: '1',
  single: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  twice: '2',
  hundred: '100',
  thousand: '1000',
};

/** Distinct content words (by lemma), dropping any whose lemma is in `demote`. */
export function toAlignWords(
  tokens: readonly AnalyzedToken[],
  vectors: WordVectors | undefined,
  demote?: ReadonlySet<string>,
  lexicon?: Lexicon,
): AlignWord[] {
  const seen = new Map<string, AlignWord>();
  for (const t of tokens) {
    if (demote && (demote.has(t.lemma) || demote.has(t.normal))) continue;
    // "one element" and "1 element" say the same thing.
    const digits = Object.hasOwn(NUMBER_WORDS, t.normal) ? NUMBER_WORDS[t.normal] : undefined;
    const lemma = digits ?? t.lemma;
    if (seen.has(lemma)) continue;
    const vec = findVector(vectors, t);
    // Unknown words are mostly jargon, names and numbers: treat them as informative.
    const weight = vec >= 0 && vectors ? weightOfRank(vectors.rankOf(vec)) : 1;
    const w: AlignWord = {
      lemma,
      normal: digits ?? t.normal,
      vec,
      weight,
      exactOnly: t.stop || digits !== undefined || t.kind === 'number',
    };
    if (lexicon) annotate(w, lexicon);
    seen.set(lemma, w);
  }
  return [...seen.values()];
}

function union(a: readonly number[], b: readonly number[]): readonly number[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])];
}

/** Adds the thesaurus relations of a word (by lemma and surface form). */
export function annotate(w: AlignWord, lexicon: Lexicon): AlignWord {
  const groups = union(lexicon.groupsOf(w.lemma), lexicon.groupsOf(w.normal));
  const loose = union(lexicon.looseGroupsOf(w.lemma), lexicon.looseGroupsOf(w.normal));
  const anti = [...lexicon.antonymsOf(w.lemma), ...lexicon.antonymsOf(w.normal), ...lexicon.antonymsOf(stem(w.normal))];
  if (groups.length > 0) w.groups = groups;
  if (loose.length > 0) w.loose = loose;
  if (anti.length > 0) {
    w.anti = anti;
    w.antiStems = new Set(anti.map(stem));
  }
  return w;
}

/** A thesaurus phrase found in a text ("full table scan", "explain analyze"), as one word. */
export interface PhraseWord extends AlignWord {
  /** Token indexes [from, to) the phrase spans. */
  from: number;
  to: number;
}

/**
 * Thesaurus phrases in tokens [from, to) of a text, each as a synthetic word of its group, so
 * "reads every row" can match "full table scan" although no single word does.
 */
export function findPhrases(text: AnalyzedText, lexicon: Lexicon | undefined, from = 0, to = text.tokens.length): PhraseWord[] {
  if (!lexicon) return [];
  const out: PhraseWord[] = [];
  const toks = text.tokens;
  for (let i = from; i < to; i++) {
    const t = toks[i]!;
    const candidates = [...lexicon.phrasesStartingWith(t.normal), ...(t.lemma !== t.normal ? lexicon.phrasesStartingWith(t.lemma) : [])];
    for (const p of candidates) {
      let j = i;
      let k = 0;
      for (; k < p.words.length && j < to; k++, j++) {
        const x = toks[j]!;
        if (x.normal !== p.words[k] && x.lemma !== p.words[k]) break;
      }
      if (k === p.words.length) {
        out.push({
          lemma: `#${p.group}`,
          normal: p.words.join(' '),
          vec: -1,
          weight: 1,
          exactOnly: false,
          groups: [p.group],
          from: i,
          to: j,
        });
        break;
      }
    }
  }
  return out;
}

/** A crude stem for antonym lookups: taggers leave "allowed" or "inserts" unlemmatized now and then. */
export function stem(w: string): string {
  return w.length > 4 ? w.replace(/(?:ing|ed|es|s)$/, '') : w;
}

export function areAntonyms(a: AlignWord, b: AlignWord): boolean {
  if (!a.anti) return false;
  if (a.anti.includes(b.lemma) || a.anti.includes(b.normal)) return true;
  return a.antiStems?.has(stem(b.normal)) ?? false;
}

function shares(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  if (!a || !b) return false;
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** Shares a long stem ("simulate"/"simulation", "recursive"/"recursion"). */
function shareStem(a: string, b: string): boolean {
  const min = Math.min(a.length, b.length);
  if (min < 5) return false;
  let k = 0;
  while (k < min && a.charCodeAt(k) === b.charCodeAt(k)) k++;
  return k >= 5 && k >= min * 0.75;
}

/**
 * Similarity of two words in [0, 1]: identical lemma 1, shared stem 0.85, otherwise the
 * embedding cosine rescaled so unrelated words (cos < 0.35) give nothing. Cosine alone
 * rates antonyms and siblings ("increase"/"decrease") high; the rescale keeps them partial.
 */
export function wordSimilarity(a: AlignWord, b: AlignWord, vectors: WordVectors | undefined, floor = SOFT_FLOOR): number {
  if (a.lemma === b.lemma || a.normal === b.normal) return 1;
  if (areAntonyms(a, b)) return 0;
  if (shares(a.groups, b.groups)) return 0.9;
  if (a.exactOnly || b.exactOnly) return 0;
  if (shares(a.loose, b.loose) || shares(a.groups, b.loose) || shares(a.loose, b.groups)) return 0.75;
  if (shareStem(a.lemma, b.lemma)) return 0.85;
  // Misspellings ("atributes", "conditon") are unknown to the embeddings; catch them by spelling.
  if ((a.vec < 0 || b.vec < 0) && isNearMisspelling(a.normal, b.normal)) return 0.85;
  if (!vectors || a.vec < 0 || b.vec < 0) return 0;
  const cos = vectors.cosine(a.vec, b.vec);
  if (cos <= floor) return 0;
  return Math.min(0.9, (cos - floor) / (1 - floor));
}

function isNearMisspelling(a: string, b: string): boolean {
  const min = Math.min(a.length, b.length);
  if (min < 5 || Math.abs(a.length - b.length) > 2) return false;
  return editDistanceAtMost(a, b, min >= 8 ? 2 : 1);
}

/** Damerau–Levenshtein (optimal string alignment) distance ≤ k, with early exit. */
export function editDistanceAtMost(a: string, b: string, k: number): boolean {
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  for (let i = 1; i <= n; i++) {
    const cur = new Array<number>(m + 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > k) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[m]! <= k;
}

/** Below this cosine two words are unrelated (tuned by cross-validation on graded answers). */
export const SOFT_FLOOR = 0.55;

export interface Alignment {
  /** Weighted mean over targets of their best match among sources, 0–1. */
  score: number;
  /** Same, counting only exact/stem matches. */
  exact: number;
  /** Best match of each target word. */
  best: number[];
  totalWeight: number;
}

/** Soft alignment: how well the `targets` words are expressed somewhere in `sources`. */
export function alignWords(
  targets: readonly AlignWord[],
  sources: readonly AlignWord[],
  vectors: WordVectors | undefined,
  floor = SOFT_FLOOR,
): Alignment {
  const best = new Array<number>(targets.length).fill(0);
  let sum = 0;
  let sumExact = 0;
  let total = 0;
  // Exact matches are common and end the search at once.
  const exact = new Set<string>();
  for (const s of sources) {
    exact.add(s.lemma);
    exact.add(s.normal);
  }
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i]!;
    let b = exact.has(t.lemma) || exact.has(t.normal) ? 1 : 0;
    if (b < 1)
      for (const s of sources) {
        const sim = wordSimilarity(t, s, vectors, floor);
        if (sim > b) {
          b = sim;
          if (b === 1) break;
        }
      }
    best[i] = b;
    sum += b * t.weight;
    if (b >= 0.85) sumExact += t.weight;
    total += t.weight;
  }
  return {
    score: total > 0 ? sum / total : 0,
    exact: total > 0 ? sumExact / total : 0,
    best,
    totalWeight: total,
  };
}

/** Cosine of the weighted mean vectors of two word sets (0 when either has no vectors). */
export function meanVectorCosine(a: readonly AlignWord[], b: readonly AlignWord[], vectors: WordVectors | undefined): number {
  if (!vectors) return 0;
  const va = meanVector(a, vectors);
  const vb = meanVector(b, vectors);
  if (!va || !vb) return 0;
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let d = 0; d < vectors.dims; d++) {
    dot += va[d]! * vb[d]!;
    na += va[d]! * va[d]!;
    nb += vb[d]! * vb[d]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function meanVector(words: readonly AlignWord[], vectors: WordVectors): Float32Array | null {
  const v = new Float32Array(vectors.dims);
  let any = false;
  for (const w of words) {
    if (w.vec < 0) continue;
    vectors.addTo(v, w.vec, w.weight);
    any = true;
  }
  return any ? v : null;
}
