import { contentTokens, isContentToken, type AnalyzedText } from './analyzed-text.js';
import { alignWords, toAlignWords, type AlignWord } from './alignment.js';
import type { WordVectors } from './word-vectors.js';

/**
 * Words a rubric uses to talk about an answer ("mentions", "explains") rather than about
 * the subject: matching them would reward an answer for saying "I will explain".
 */
const RUBRIC_WORDS = new Set([
  'define',
  'explain',
  'mention',
  'describe',
  'discuss',
  'state',
  'note',
  'identify',
  'give',
  'show',
  'provide',
  'demonstrate',
  'include',
  'cover',
  'acknowledge',
  'candidate',
  'answer',
  'clear',
  'clearly',
  'specific',
  'specifically',
  'concrete',
  'name',
  'list',
  'outline',
  'recognize',
  'articulate',
  'talk',
  'point',
  'discus',
  'refer',
  'reference',
  'highlight',
  'emphasize',
  'understand',
  'understanding',
  'awareness',
  'aware',
  'ability',
  'able',
  'show',
  'touch',
  'familiar',
  'everyday',
  'concrete',
  'real',
  'world',
  'avoid',
  'take',
  'gather',
  'gathering',
  'relevant',
  'appropriate',
  'approach',
]);

export interface KeyPointCoverage {
  text: string;
  /** 0–1: how much of the key point's meaning the answer expresses. */
  coverage: number;
  covered: boolean;
  /** The key point's words the answer did not express, most informative first. */
  missingWords: string[];
}

/** A key point counts as covered when most of its informative words are aligned. */
export const KEY_POINT_COVERED = 0.55;

export function keyPointWords(
  point: AnalyzedText,
  vectors: WordVectors | undefined,
  questionLemmas: ReadonlySet<string>,
  rubric = true,
): AlignWord[] {
  // Rubric vocabulary only appears in written key points, not in clauses of a reference answer.
  const all = toAlignWords(contentTokens(point), vectors).filter((w) => !rubric || !RUBRIC_WORDS.has(w.lemma));
  // Words that only repeat the question prove nothing, unless they are all the point has.
  const demoted = all.filter((w) => !questionLemmas.has(w.lemma));
  return demoted.length > 0 ? demoted : all;
}

/**
 * Key points often name examples ("an analogy such as a waiter or a menu"): giving one of
 * the examples covers the point even when the rubric's general words are not used.
 */
const EXAMPLES_MARKER = /\b(?:such as|e\.g\.|for example|for instance)\b/i;

function exampleCoverage(
  point: AnalyzedText,
  answerWords: readonly AlignWord[],
  vectors: WordVectors | undefined,
  questionLemmas: ReadonlySet<string>,
): number {
  const m = EXAMPLES_MARKER.exec(point.text);
  if (!m) return 0;
  const after = m.index + m[0].length;
  const tokens = point.tokens.filter((t) => t.start >= after);
  // Alternatives are separated by "or", "and" or commas; each must be matched as a whole.
  const groups: (typeof tokens)[] = [[]];
  for (const t of tokens) {
    if (t.normal === 'or' || t.normal === 'and' || t.text === ',') groups.push([]);
    else groups[groups.length - 1]!.push(t);
  }
  let best = 0;
  for (const g of groups) {
    const words = toAlignWords(g.filter(isContentToken), vectors).filter((w) => !RUBRIC_WORDS.has(w.lemma) && !questionLemmas.has(w.lemma));
    if (words.length === 0) continue;
    best = Math.max(best, alignWords(words, answerWords, vectors).score);
  }
  return best * 0.9;
}

export function measureKeyPoints(
  points: readonly AnalyzedText[],
  answerWords: readonly AlignWord[],
  vectors: WordVectors | undefined,
  questionLemmas: ReadonlySet<string>,
  rubric = true,
): KeyPointCoverage[] {
  return points.map((p) => {
    const words = keyPointWords(p, vectors, questionLemmas, rubric);
    const al = alignWords(words, answerWords, vectors);
    const coverage = Math.max(words.length === 0 ? 0 : al.score, exampleCoverage(p, answerWords, vectors, questionLemmas));
    const missingWords = words
      .map((w, i) => ({ w, b: al.best[i]! }))
      .filter((x) => x.b < 0.5)
      .sort((a, b) => b.w.weight - a.w.weight)
      .map((x) => x.w.normal);
    return { text: p.text.trim(), coverage, covered: coverage >= KEY_POINT_COVERED, missingWords };
  });
}

/**
 * Without explicit key points (short-answer data, generated questions) the reference
 * answer's sentences and clauses stand in for them.
 */
export function splitReferenceIntoPoints(reference: AnalyzedText): string[] {
  const parts: string[] = [];
  for (const s of reference.sentences) {
    const text = reference.text.slice(s.start, s.end);
    for (const clause of text.split(/;|\band also\b|\n+|(?<=\w)[:] /)) {
      if (clause.trim().split(/\s+/).length >= 2) parts.push(clause.trim());
    }
  }
  return parts.length > 0 ? parts : [reference.text.trim()];
}
