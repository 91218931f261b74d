import { contentTokens, isContentToken, type AnalyzedText, type AnalyzedToken } from './analyzed-text.js';
import type { KeyPointCoverage } from './key-points.js';
import type { Lexicon } from './lexicon.js';
import type { WordVectors } from './word-vectors.js';

/**
 * Padding cannot raise a score. Long-form features grow with length and word vectors find
 * some likeness between any sentence and a reference, so generalities added to an answer
 * ("it is an important topic every engineer should think about") could lift it. The grader
 * therefore grades a long answer a second time on only the sentences that make a point about
 * the question, and the full answer may not score higher than that.
 *
 * A sentence makes a point about the question when it is evidence of a key point, or when it
 * shares a specific content word (or a thesaurus group) with the question, reference or key
 * points. Words that fit any topic ("important", "team", "practice") do not count: they are
 * exactly what filler is made of. Numbers, acronyms and code-like tokens count as specific.
 */

/** Only answers of at least this many sentences are checked: a short answer has no room for filler. */
export const FOCUS_MIN_SENTENCES = 3;

/** Words that relate a sentence to any subject at all (and so to none). */
const GENERIC = new Set(
  (
    'important topic practice team teams engineer engineers developer developers people person everyone company companies organisation organization ' +
    'general thing things lot time times year years day days work job good great nice interesting interested experience way ways part field subject area ' +
    'question idea ideas many different keep think find talk discuss learn matter care help need know want try come mind world today modern ' +
    'opinion opinions conversation conversations colleague colleagues favourite favorite right answer case cases whole every always never ' +
    'really genuinely definitely honestly sure worth spend spending discover discovering everybody someone something deal sooner later online ' +
    'change changing encourage encouraging enjoy big huge small real end start begin use using make making'
  ).split(' '),
);

const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me', 'us']);

export interface FocusTask {
  question: AnalyzedText;
  reference?: AnalyzedText;
  keyPoints: readonly AnalyzedText[];
  /** Behavioral or communication: sentences of the candidate's own story count as making a point (situation, action, result). */
  behavioral: boolean;
}

export interface FocusedAnswer {
  /** The sentences that make a point, joined in order. */
  text: string;
  kept: number;
  dropped: number;
}

/** Numbers, acronyms and code-like tokens are specific to a subject whatever the question's words. */
const NUMBER_WORDS = new Set(
  'two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion percent half twice double triple'.split(
    ' ',
  ),
);

function isSpecific(t: AnalyzedToken): boolean {
  if (t.kind === 'number' || /\d/.test(t.text) || NUMBER_WORDS.has(t.normal)) return true;
  if (/^[A-Z][A-Z0-9]{1,}s?$/.test(t.text)) return true;
  return /[_()[\]{}<>=]|[a-z][A-Z]|\w\.\w/.test(t.text);
}

/** Rarer words carry a subject; the most common ones ("way", "part") fit any text. */
const COMMON_RANK = 1500;

export function focusAnswer(
  answer: AnalyzedText,
  task: FocusTask,
  keyPoints: readonly KeyPointCoverage[],
  resources: { lexicon?: Lexicon; vectors?: WordVectors } = {},
): FocusedAnswer | null {
  if (answer.sentences.length < FOCUS_MIN_SENTENCES) return null;
  const topicWords = new Set<string>();
  const topicGroups = new Set<number>();
  const sides = [task.question, ...(task.reference ? [task.reference] : []), ...task.keyPoints];
  for (const side of sides)
    for (const t of contentTokens(side)) {
      topicWords.add(t.lemma);
      topicWords.add(t.normal);
      for (const g of resources.lexicon?.groupsOf(t.lemma) ?? []) topicGroups.add(g);
    }
  const common = (w: string): boolean => {
    const v = resources.vectors;
    if (!v) return false;
    const i = v.indexOf(w);
    return i >= 0 && v.rankOf(i) < COMMON_RANK;
  };
  const evidence = keyPoints.filter((k) => k.state !== 'missed').flatMap((k) => k.evidence);
  const makesPoint = (start: number, end: number, from: number, to: number): boolean => {
    if (evidence.some((e) => e.start < end && e.end > start)) return true;
    let shared = 0;
    const seen = new Set<string>();
    for (let i = from; i < to; i++) {
      const t = answer.tokens[i]!;
      if (task.behavioral && FIRST_PERSON.has(t.normal)) return true;
      if (!isContentToken(t)) continue;
      if (isSpecific(t)) return true;
      if (GENERIC.has(t.lemma) || GENERIC.has(t.normal) || seen.has(t.lemma)) continue;
      const onTopic =
        topicWords.has(t.lemma) || topicWords.has(t.normal) || (resources.lexicon?.groupsOf(t.lemma) ?? []).some((g) => topicGroups.has(g));
      if (!onTopic) continue;
      seen.add(t.lemma);
      // One rare shared word is enough; common ones need a second.
      shared += common(t.lemma) ? 1 : 2;
      if (shared >= 2) return true;
    }
    return false;
  };
  const kept = answer.sentences.filter((s) => makesPoint(s.start, s.end, s.tokenStart, s.tokenEnd));
  const dropped = answer.sentences.length - kept.length;
  if (dropped === 0 || kept.length === 0) return null;
  return { text: kept.map((s) => answer.text.slice(s.start, s.end).trim()).join(' '), kept: kept.length, dropped };
}
