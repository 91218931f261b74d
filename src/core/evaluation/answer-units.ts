import { contentTokens, isContentToken, isWordToken, type AnalyzedText, type AnalyzedToken } from './analyzed-text.js';
import { findPhrases, toAlignWords, type AlignWord } from './alignment.js';
import type { Lexicon } from './lexicon.js';
import type { WordVectors } from './word-vectors.js';

/**
 * A sentence or clause of an answer: the unit a key point is looked for in, and the
 * evidence shown when it is found.
 */
export interface AnswerUnit {
  start: number;
  end: number;
  tokenFrom: number;
  tokenTo: number;
  words: AlignWord[];
  /** Index of each word in the answer's vocabulary (parallel to words). */
  ids: number[];
  sentence: number;
}

const NEGATORS = new Set(['not', "n't", 'never', 'no', 'without', 'cannot', 'neither', 'nor', 'nothing', 'none', 'nobody', 'hardly']);
/** Between a negator and its head: "does not *really* slow", "not *a* problem", "not *be* used". */
const SKIPPABLE_AFTER_NEGATOR = new Set(['DET', 'AUX', 'PART', 'ADV', 'ADP']);
const CLAUSE_BREAK = new Set([';', ':', '—', '–', '(', ')']);
export const CLAUSE_CONJ = new Set(['but', 'whereas', 'although', 'though', 'however', 'while', 'so', 'because', 'since', 'which']);

export function isNegator(t: AnalyzedToken): boolean {
  return NEGATORS.has(t.normal) || t.normal === 'nt';
}

/**
 * Marks the head a negation governs: the first content word after a negator within three
 * words of its clause ("does not slow down writes" → slow; "no cleartext column" → cleartext).
 * Only heads are marked: a negation says nothing about the rest of the sentence.
 */
export function negationScope(text: AnalyzedText, from = 0, to = text.tokens.length): boolean[] {
  const out = new Array<boolean>(to - from).fill(false);
  let left = 0;
  for (let i = from; i < to; i++) {
    const t = text.tokens[i]!;
    if (t.kind === 'punctuation' || CLAUSE_CONJ.has(t.normal)) {
      left = 0;
      continue;
    }
    // "without" opens a noun phrase ("without a full table scan"): an absence, not a reversal.
    if (isNegator(t) && t.normal !== 'without') {
      left = 3;
      continue;
    }
    if (left > 0 && isWordToken(t)) {
      left--;
      if (isContentToken(t) && !t.stop) {
        out[i - from] = true;
        left = 0;
      } else if ((!SKIPPABLE_AFTER_NEGATOR.has(t.pos) && !(t.pos === 'VERB' && !isContentToken(t))) || t.normal === 'there') {
        // "isn't there", "not that": the negation ends on a word that is not the predicate.
        left = 0;
      }
    }
  }
  return out;
}

/** The clause around token k: tokens between punctuation or clause conjunctions ("so", "because", "but"). */
export function clauseAround(text: AnalyzedText, k: number): [number, number] {
  // A hyphen or slash inside a word ("try-lock") joins it; other punctuation ends the clause.
  const joins = (t: AnalyzedText['tokens'][number]) =>
    /^[-/]$/.test(t.text) && /\w/.test(text.text[t.start - 1] ?? '') && /\w/.test(text.text[t.end] ?? '');
  const stops = (t: AnalyzedText['tokens'][number]) => (t.kind === 'punctuation' && !joins(t)) || CLAUSE_CONJ.has(t.normal);
  let from = k;
  while (from > 0 && !stops(text.tokens[from - 1]!)) from--;
  let to = k + 1;
  while (to < text.tokens.length && !stops(text.tokens[to]!)) to++;
  return [from, to];
}

/** Whether tokens [from, to) contain a negator at all. */
export function hasNegator(text: AnalyzedText, from = 0, to = text.tokens.length): boolean {
  for (let i = from; i < to; i++) if (isNegator(text.tokens[i]!)) return true;
  return false;
}

function unitOf(
  text: AnalyzedText,
  from: number,
  to: number,
  sentence: number,
  vectors: WordVectors | undefined,
  lexicon: Lexicon | undefined,
  canonical: Map<string, number>,
  vocab: AlignWord[],
): AnswerUnit | null {
  const toks = text.tokens.slice(from, to);
  const content = contentTokens({ ...text, tokens: toks });
  if (content.length === 0) return null;
  // One object per distinct word across units, so similarities can be memoized per word.
  const ids: number[] = [];
  // Words already met in an earlier unit are reused as they are (no new lookups).
  const seen: AlignWord[] = [];
  const fresh = content.filter((t) => {
    const id = canonical.get(t.lemma);
    if (id === undefined) return true;
    if (!ids.includes(id)) {
      ids.push(id);
      seen.push(vocab[id]!);
    }
    return false;
  });
  const words = seen.concat(
    toAlignWords(fresh, vectors, undefined, lexicon)
      .filter((w) => {
        const id = canonical.get(w.lemma);
        return id === undefined || !ids.includes(id);
      })
      .map((w) => {
        let id = canonical.get(w.lemma);
        if (id === undefined) {
          id = vocab.length;
          vocab.push(w);
          canonical.set(w.lemma, id);
        }
        ids.push(id);
        return vocab[id]!;
      }),
  );
  for (const p of findPhrases(text, lexicon, from, to)) {
    let id = canonical.get(p.lemma);
    if (id === undefined) {
      id = vocab.length;
      vocab.push(p);
      canonical.set(p.lemma, id);
    }
    ids.push(id);
    words.push(p);
  }
  const first = text.tokens[from]!;
  const last = text.tokens[to - 1]!;
  return { start: first.start, end: last.end, tokenFrom: from, tokenTo: to, words, ids, sentence };
}

/**
 * The answer's sentences and, inside long ones, their clauses (split at ";", ":", dashes and
 * conjunctions like "but" or "because"). Sentences come first; clauses follow.
 */
export function answerUnits(text: AnalyzedText, vectors: WordVectors | undefined, lexicon: Lexicon | undefined): AnswerUnits {
  const sentences: AnswerUnit[] = [];
  const clauses: AnswerUnit[] = [];
  const canonical = new Map<string, number>();
  const vocab: AlignWord[] = [];
  text.sentences.forEach((s, si) => {
    const u = unitOf(text, s.tokenStart, s.tokenEnd, si, vectors, lexicon, canonical, vocab);
    if (!u) return;
    sentences.push(u);
    let from = s.tokenStart;
    const cuts: number[] = [];
    for (let i = s.tokenStart + 1; i < s.tokenEnd - 1; i++) {
      const t = text.tokens[i]!;
      const prev = text.tokens[i - 1]!;
      if (CLAUSE_BREAK.has(t.text) || (CLAUSE_CONJ.has(t.normal) && (prev.text === ',' || t.normal === 'but' || t.normal === 'because')))
        cuts.push(i);
      else if (t.normal === 'and' && prev.text === ',') cuts.push(i);
    }
    if (cuts.length === 0) return;
    for (const c of [...cuts, s.tokenEnd]) {
      if (c - from >= 3) {
        const cu = unitOf(text, from, c, si, vectors, lexicon, canonical, vocab);
        if (cu) clauses.push(cu);
      }
      from = c;
    }
  });
  return { sentences, clauses, vocab };
}

export interface AnswerUnits {
  sentences: AnswerUnit[];
  clauses: AnswerUnit[];
  /** Distinct words of the answer; units refer to them by index. */
  vocab: AlignWord[];
}
