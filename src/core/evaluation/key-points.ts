import type { KeyPointState, TextSpan } from '../../contract/interviews.js';
import { contentTokens, isContentToken, type AnalyzedText } from './analyzed-text.js';
import { alignWords, areAntonyms, findPhrases, meanVectorCosine, toAlignWords, wordSimilarity, type AlignWord } from './alignment.js';
import { clauseAround, hasNegator, negationScope, type AnswerUnit, type AnswerUnits } from './answer-units.js';
import { stateFromModel, type KeyPointModel, type KeyPointSignals } from './key-point-model.js';
import type { Lexicon } from './lexicon.js';
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
  /** 0–1: how much of the key point's meaning the answer expresses (0 when contradicted). */
  coverage: number;
  /** Covered or partly (the legacy yes/no view: only "missed" counts as not covered). */
  covered: boolean;
  state: KeyPointState;
  /** The sentences or clauses that make the point. */
  evidence: TextSpan[];
  /** Why: said in other words, partly, contradicts … */
  note?: string;
  /** The answer says the opposite of (part of) the point. */
  contradicted: boolean;
  /** 0–1: the point's words expressed anywhere in the answer (no sentence boundaries), a smoother grading signal. */
  wholeCoverage: number;
  /** The key point's words the answer did not express, most informative first. */
  missingWords: string[];
  /** The matcher's measurements, the key-point model's input. */
  signals: KeyPointSignals;
  /** The passages that best make the point, whatever the state (evidence once it is not missed). */
  matched: TextSpan[];
  /** How the answer reverses the point, when it does. */
  contradiction?: string;
}

type Unjudged = Omit<KeyPointCoverage, 'state' | 'covered' | 'evidence' | 'note'>;

/** A judgement in the given state: its evidence and note follow from the state. */
function withState(k: Unjudged, state: KeyPointState, th: KeyPointThresholds = DEFAULT_THRESHOLDS): KeyPointCoverage {
  const s = k.signals;
  const note = k.contradiction
    ? `contradicts the point: ${k.contradiction}`
    : state === 'covered'
      ? s.wholeExact >= 0.8
        ? 'stated'
        : 'said in other words'
      : state === 'partly' && k.matched.length === 0
        ? // The model's "not sure": no passage shows it, but it may be said in words the matcher does not know.
          'not found in so many words'
        : state === 'partly'
          ? s.claims > 1 && s.claimMax >= th.covered
            ? 'only part of it'
            : 'touched on, not fully made'
          : undefined;
  return { ...k, state, covered: state !== 'missed', evidence: state === 'missed' ? [] : k.matched, note };
}

/**
 * A point the answer makes only in a clause the claim checker found reversed (swapped terms, a
 * turned comparison, another complexity): the words are there, the claim is the opposite. Every
 * passage that seemed to make it must lie in a conflicting clause; a point also made elsewhere
 * stands.
 */
export function contradictByClaims(
  k: KeyPointCoverage,
  conflicts: readonly { start: number; end: number; detail: string }[],
): KeyPointCoverage {
  if (k.contradicted || k.state === 'missed' || k.matched.length === 0 || conflicts.length === 0) return k;
  const inConflict = (span: { start: number; end: number }): { detail: string } | undefined =>
    conflicts.find(
      (c) => Math.min(span.end, c.end) - Math.max(span.start, c.start) >= 0.5 * Math.min(span.end - span.start, c.end - c.start),
    );
  const hits = k.matched.map(inConflict);
  if (hits.some((h) => h === undefined)) return k;
  const detail = hits[0]!.detail;
  return withState(
    { ...k, coverage: 0, contradicted: true, contradiction: detail, signals: { ...k.signals, contradicted: true } },
    'missed',
  );
}

/**
 * The judgement as reported to the candidate: the trained key-point model decides the state
 * from the matcher's signals. Grading keeps the threshold states it was trained with.
 */
export function restateKeyPoint(k: KeyPointCoverage, model: KeyPointModel | undefined): KeyPointCoverage {
  if (!model) return k;
  const state = stateFromModel(model, k.signals);
  return state === k.state ? k : withState(k, state);
}

/**
 * Thresholds on a claim's coverage (weighted share of its words the best sentence or clause
 * expresses). Chosen on the labelled key-point judgements with whole questions left out
 * (bench/keypoints.bench.ts); "missed" is said only when even the whole answer shows little
 * of the point, because telling a candidate they missed what they said is the worst error.
 */
export interface KeyPointThresholds {
  covered: number;
  partly: number;
  /** Whole-answer coverage at or above which a point is never called missed. */
  scattered: number;
}
export const DEFAULT_THRESHOLDS: KeyPointThresholds = { covered: 0.35, partly: 0.15, scattered: 0.15 };

/**
 * Below this cosine two words are unrelated when matching a key point. Lower than the
 * general floor: a point is judged inside one sentence, where a loose match is less likely
 * to be chance than across a whole answer.
 */
export const KEY_POINT_FLOOR = 0.45;

/** Kept for callers that only need the yes/no line. */
export const KEY_POINT_COVERED = DEFAULT_THRESHOLDS.covered;

export function keyPointWords(
  point: AnalyzedText,
  vectors: WordVectors | undefined,
  questionLemmas: ReadonlySet<string>,
  rubric = true,
  lexicon?: Lexicon,
  from = 0,
  to = point.tokens.length,
): AlignWord[] {
  const tokens = point.tokens.slice(from, to);
  const phrases = findPhrases(point, lexicon, from, to);
  // Words inside a thesaurus phrase are represented by the phrase ("full table scan").
  const inPhrase = new Set<number>();
  for (const p of phrases) for (let i = p.from; i < p.to; i++) inPhrase.add(i);
  const content = contentTokens({ ...point, tokens }).filter((t) => !inPhrase.has(point.tokens.indexOf(t)));
  // Rubric vocabulary only appears in written key points, not in clauses of a reference answer.
  const all = [...toAlignWords(content, vectors, undefined, lexicon), ...phrases].filter((w) => !rubric || !RUBRIC_WORDS.has(w.lemma));
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
  lexicon: Lexicon | undefined,
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
    const words = toAlignWords(g.filter(isContentToken), vectors, undefined, lexicon).filter(
      (w) => !RUBRIC_WORDS.has(w.lemma) && !questionLemmas.has(w.lemma),
    );
    if (words.length === 0) continue;
    best = Math.max(best, alignWords(words, answerWords, vectors).score);
  }
  return best * 0.9;
}

/**
 * Splits a compound key point into atomic claims at a coordinating "and"/"but"/";" that
 * starts a new predicate ("Indexes slow down writes | and use extra storage"). Coordinated
 * nouns ("inserts, updates and deletes") stay in one claim. Returns token ranges.
 */
export function splitClaims(point: AnalyzedText): [number, number][] {
  const toks = point.tokens;
  const cuts: number[] = [];
  for (let i = 1; i < toks.length - 1; i++) {
    const t = toks[i]!;
    const isJoin = t.normal === 'and' || t.normal === 'but' || t.text === ';' || (t.normal === 'while' && toks[i - 1]!.text === ',');
    if (!isJoin) continue;
    // A new predicate follows: a verb within two words (optionally after "it/they" or an adverb).
    let j = i + 1;
    while (j < toks.length && j <= i + 2 && (toks[j]!.pos === 'PRON' || toks[j]!.pos === 'ADV' || toks[j]!.pos === 'DET')) j++;
    const next = toks[j];
    // "inserts, updates and deletes" is one list, even when the tagger calls "deletes" a verb.
    const after = toks[j + 1];
    const lastItem = !after || after.kind === 'punctuation' || after.normal === 'and' || after.normal === 'or';
    // Or "and" opens a longer phrase of its own ("… and use extra storage"; taggers call "use" a noun).
    const tail = toks.slice(i + 1);
    const longTail = t.normal === 'and' && !tail.some((x) => x.text === ',') && tail.filter(isContentToken).length >= 2;
    if (next && (next.pos === 'VERB' || next.pos === 'AUX' || longTail) && !lastItem) cuts.push(i);
  }
  const ranges: [number, number][] = [];
  let from = 0;
  for (const c of cuts) {
    ranges.push([from, c]);
    from = c + 1;
  }
  ranges.push([from, toks.length]);
  return ranges.filter(([a, b]) => toks.slice(a, b).some(isContentToken));
}

interface ClaimMatch {
  score: number;
  units: AnswerUnit[];
  contradiction?: string;
}

/**
 * Similarities of each key-point word to the answer's vocabulary, computed once per word
 * (NaN until needed): sentences, clauses and pairs of sentences all reuse them.
 */
type SimilarityMemo = { vocab: readonly AlignWord[]; rows: Map<AlignWord, Float32Array> };

function rowOf(memo: SimilarityMemo, w: AlignWord): Float32Array {
  let row = memo.rows.get(w);
  if (!row) {
    row = new Float32Array(memo.vocab.length).fill(Number.NaN);
    memo.rows.set(w, row);
  }
  return row;
}

/** Best per-word similarity of `words` within a set of units, and which unit gave it. */
function scoreIn(words: readonly AlignWord[], units: readonly AnswerUnit[], vectors: WordVectors | undefined, memo: SimilarityMemo) {
  const best = new Array<number>(words.length).fill(0);
  const where = new Array<{ unit: AnswerUnit; word: AlignWord } | null>(words.length).fill(null);
  let sum = 0;
  let total = 0;
  words.forEach((w, i) => {
    const row = rowOf(memo, w);
    for (const u of units) {
      const ids = u.ids;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        let sim = row[id]!;
        if (Number.isNaN(sim)) {
          sim = wordSimilarity(w, memo.vocab[id]!, vectors, KEY_POINT_FLOOR);
          row[id] = sim;
        }
        if (sim > best[i]!) {
          best[i] = sim;
          where[i] = { unit: u, word: memo.vocab[id]! };
        }
      }
    }
    sum += best[i]! * w.weight;
    total += w.weight;
  });
  return { score: total > 0 ? sum / total : 0, best, where };
}

const COMPLEXITY = /\bO\s*\(\s*([^)]{1,12})\)/gi;
const COMPLEXITY_WORDS: Record<string, string> = {
  constant: '1',
  logarithmic: 'logn',
  linear: 'n',
  quadratic: 'n^2',
  linearithmic: 'nlogn',
  exponential: '2^n',
};
function complexities(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(COMPLEXITY))
    out.add(
      m[1]!
        .toLowerCase()
        .replace(/\s+|\*/g, '')
        .replace('²', '^2')
        .replace('n2', 'n^2'),
    );
  for (const [w, c] of Object.entries(COMPLEXITY_WORDS)) if (new RegExp(`\\b${w}(?:ly)? time\\b`, 'i').test(text)) out.add(c);
  return out;
}

function numbersIn(text: AnalyzedText, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let i = from; i < to; i++) {
    const t = text.tokens[i]!;
    if (t.kind === 'number' && /^\d[\d.,]*$/.test(t.normal)) out.add(t.normal.replace(/,/g, ''));
  }
  return out;
}

/**
 * Looks for a reversal of the claim in the units that express it: a negation the claim does
 * not have (or lacks one it has), an antonym in place of one of its words, or another number.
 */
function findContradiction(
  claim: AnalyzedText,
  claimRange: [number, number],
  words: readonly AlignWord[],
  m: ReturnType<typeof scoreIn>,
  answer: AnalyzedText,
  vectors: WordVectors | undefined,
): string | undefined {
  // Negation: a matched word is the head of a negation on one side while the other side has
  // no negation at all ("indexes do not slow down writes" against "indexes slow down writes").
  const claimNeg = negationScope(claim, claimRange[0], claimRange[1]);
  // Claims can be negative without "not": "fails to generalize", "avoid", "rather than".
  const claimText = claim.text.slice(claim.tokens[claimRange[0]]?.start ?? 0, claim.tokens[claimRange[1] - 1]?.end ?? claim.text.length);
  const claimHasNeg =
    hasNegator(claim, claimRange[0], claimRange[1]) ||
    claim.tokens.slice(claimRange[0], claimRange[1]).some((t) => NEGATIVE_MEANING.has(t.lemma) || NEGATIVE_MEANING.has(t.normal)) ||
    /\bnon-|\bun[a-z]{3,}|\bdis[a-z]{3,}/i.test(claimText);
  const claimHead = (w: AlignWord): boolean => {
    for (let i = claimRange[0]; i < claimRange[1]; i++) {
      const t = claim.tokens[i]!;
      if ((t.lemma === w.lemma || t.normal === w.normal) && claimNeg[i - claimRange[0]]) return true;
    }
    return false;
  };
  const answerScope = negationScope(answer);
  const answerHasNeg = hasNegator(answer) || answer.tokens.some((t) => NEGATIVE_MEANING.has(t.lemma));
  const occurrences = (w: AlignWord): number[] =>
    answer.tokens.map((t, k) => (t.lemma === w.lemma || t.normal === w.normal ? k : -1)).filter((k) => k >= 0);
  const predicate = (k: number): boolean => PREDICATE_POS.has(answer.tokens[k]!.pos);
  const claimWords = new Set(
    claim.tokens
      .slice(claimRange[0], claimRange[1])
      .filter(isContentToken)
      .flatMap((t) => [t.lemma, t.normal]),
  );
  for (let i = 0; i < words.length; i++) {
    const hit = m.where[i];
    if (!hit || m.best[i]! < 0.85) continue;
    // Only predicates reverse a claim: "no collisions" does not deny "a collision check".
    if (!isPredicate(claim, claimRange, words[i]!)) continue;
    const all = occurrences(hit.word);
    if (all.length === 0 || !all.some(predicate)) continue;
    // The claim denies it; the answer asserts it and denies nothing anywhere.
    if (claimHead(words[i]!) && !answerHasNeg) return `leaves out the "not": says "${hit.word.normal}" without negation`;
    // The claim asserts it; every mention in the answer denies it, and denies it of the
    // claim's own subject or object: "keys can't be phished" says nothing against "app codes
    // can still be phished", nor "you don't need spare servers" against "need database changes".
    const about = (k: number): boolean => {
      const [from, to] = clauseAround(answer, k);
      for (let x = from; x < to; x++) {
        const t = answer.tokens[x]!;
        if (x === k || !isContentToken(t)) continue;
        if (t.lemma !== hit.word.lemma && claimWords.has(t.lemma)) return true;
        for (let j = 0; j < words.length; j++) {
          if (j === i) continue;
          const w = words[j]!;
          const seen = m.where[j];
          if (t.lemma === w.lemma || t.normal === w.normal || (seen && m.best[j]! >= 0.85 && t.lemma === seen.word.lemma)) return true;
        }
      }
      return false;
    };
    // And the denying clause must restate the claim, not just share its verb: "two pieces of your
    // code never execute at the same time" denies simultaneity, not "executes on a single thread".
    const restates = (k: number): boolean => {
      const [from, to] = clauseAround(answer, k);
      let said = 0;
      let total = 0;
      for (let j = 0; j < words.length; j++) {
        const w = words[j]!;
        const seen = m.where[j];
        total += w.weight;
        for (let x = from; x < to; x++) {
          const t = answer.tokens[x]!;
          if (t.lemma === w.lemma || t.normal === w.normal || (seen && m.best[j]! >= 0.5 && t.lemma === seen.word.lemma)) {
            said += w.weight;
            break;
          }
        }
      }
      return total > 0 && said / total >= DENIAL_RESTATES;
    };
    if (!claimHasNeg && all.every((k) => answerScope[k]) && all.some((k) => about(k) && restates(k)))
      return `says the opposite: "not ${hit.word.normal}"`;
  }

  // Antonyms: the unit says "faster" where the claim says "slower", and not "slower" itself —
  // and says it about the same thing (the rest of the claim matches there).
  const units = new Set(m.where.filter((x) => x !== null).map((x) => x.unit));
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.anti || m.best[i]! >= 0.85) continue;
    // A claim that names both sides ("reads outnumber writes") cannot be swapped this way.
    const claimForms = claim.tokens.slice(claimRange[0], claimRange[1]).map((t) => ({ ...w, lemma: t.lemma, normal: t.normal }));
    if (claimForms.some((x) => areAntonyms(w, x)) || m.score < 0.4) continue;
    // The claim's own word must be absent from the whole answer, not just from this unit.
    if (answer.tokens.some((t) => t.lemma === w.lemma || t.normal === w.normal)) continue;
    // "deleting" is no swap for "inserted" in "inserted, removed or reordered": it is another of
    // the claim's own words in other form.
    const ownWord = (a: AlignWord): boolean => words.some((x, j) => j !== i && wordSimilarity(x, a, vectors, KEY_POINT_FLOOR) >= 0.6);
    for (const u of units) {
      const swapped = u.words.find((a) => areAntonyms(w, a) && !ownWord(a));
      if (swapped) return `says "${swapped.normal}" where the point says "${w.normal}"`;
    }
  }

  // Numbers and complexities stated differently.
  // Only where the rest of the claim is clearly made in the same place, and the claim's own
  // value appears nowhere in the answer (an answer that lists several is comparing them).
  if (m.score < 0.5) return undefined;
  const want = complexities(claimText);
  if (want.size > 0) {
    const said = complexities([...units].map((u) => answer.text.slice(u.start, u.end)).join(' '));
    const anywhere = complexities(answer.text);
    if (said.size > 0 && ![...want].some((c) => anywhere.has(c))) return `gives a different complexity (O(${[...said][0]}))`;
  }
  const claimNums = numbersIn(claim, claimRange[0], claimRange[1]);
  const answerNums = numbersIn(answer, 0, answer.tokens.length);
  if (claimNums.size > 0 && units.size > 0 && ![...claimNums].some((n) => answerNums.has(n))) {
    const unitNums = new Set<string>();
    for (const u of units) for (const n of numbersIn(answer, u.tokenFrom, u.tokenTo)) unitNums.add(n);
    if (unitNums.size > 0 && ![...claimNums].some((n) => unitNums.has(n))) return `gives a different number (${[...unitNums][0]})`;
  }
  return undefined;
}

const PREDICATE_POS = new Set(['VERB', 'ADJ', 'ADV', 'AUX']);

/** Share of a claim's weight a clause must say for its negation to deny the claim. */
const DENIAL_RESTATES = 0.5;

/** Words that make a statement negative without a "not". */
const NEGATIVE_MEANING = new Set([
  'fail',
  'lack',
  'avoid',
  'prevent',
  'stop',
  'instead',
  'rather',
  'unable',
  'refuse',
  'miss',
  'block',
  'without',
  'neither',
  'nor',
  'hardly',
  // "hard to revoke" already says what "cannot revoke" says.
  'hard',
  'difficult',
  'impossible',
  'poorly',
  'poor',
  'badly',
]);

function isPredicate(claim: AnalyzedText, range: [number, number], w: AlignWord): boolean {
  for (let i = range[0]; i < range[1]; i++) {
    const t = claim.tokens[i]!;
    if (t.lemma === w.lemma || t.normal === w.normal) return t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'ADV' || t.pos === 'AUX';
  }
  return false;
}

function matchClaim(
  claim: AnalyzedText,
  range: [number, number],
  words: readonly AlignWord[],
  units: AnswerUnits,
  answer: AnalyzedText,
  vectors: WordVectors | undefined,
  memo: SimilarityMemo,
): ClaimMatch {
  let best: ClaimMatch = { score: 0, units: [] };
  let bestM: ReturnType<typeof scoreIn> | null = null;
  for (const u of units.clauses) {
    const m = scoreIn(words, [u], vectors, memo);
    // A clause wins ties: it is the tighter evidence.
    if (m.score > best.score + 1e-9) {
      best = { score: m.score, units: [u] };
      bestM = m;
    }
  }
  // Whole sentences, then a point made across two neighbouring sentences (per word, the better of the two).
  const s = units.sentences;
  const perSentence = s.map((u) => scoreIn(words, [u], vectors, memo));
  perSentence.forEach((m, i) => {
    if (m.score > best.score + 1e-9) {
      best = { score: m.score, units: [s[i]!] };
      bestM = m;
    }
  });
  for (let i = 0; i + 1 < s.length; i++) {
    const a = perSentence[i]!;
    const b = perSentence[i + 1]!;
    let sum = 0;
    let total = 0;
    const bestW = words.map((w, k) => {
      const v = Math.max(a.best[k]!, b.best[k]!);
      sum += v * w.weight;
      total += w.weight;
      return v;
    });
    const score = total > 0 ? sum / total : 0;
    if (score > best.score + 0.12) {
      best = { score, units: [s[i]!, s[i + 1]!] };
      bestM = { score, best: bestW, where: words.map((_, k) => (a.best[k]! >= b.best[k]! ? a.where[k]! : b.where[k]!)) };
    }
  }
  const found = bestM as ReturnType<typeof scoreIn> | null;
  if (found && best.score >= 0.3) {
    const c = findContradiction(claim, range, words, found, answer, vectors);
    if (c) best.contradiction = c;
    // Keep only the units that matched something.
    const used = new Set(found.where.filter((x, i) => x !== null && found.best[i]! >= 0.5).map((x) => x!.unit));
    if (used.size > 0) best.units = best.units.filter((u) => used.has(u));
  }
  return best;
}

export interface JudgeContext {
  vectors: WordVectors | undefined;
  lexicon: Lexicon | undefined;
  questionLemmas: ReadonlySet<string>;
  /** Written as a rubric (true) or clauses of a reference answer (false). */
  rubric: boolean;
  thresholds?: KeyPointThresholds;
}

/** Judges each key point: covered, partly or missed, with the answer passages that make it. */
export function judgeKeyPoints(
  points: readonly AnalyzedText[],
  answer: AnalyzedText,
  units: AnswerUnits,
  answerWords: readonly AlignWord[],
  ctx: JudgeContext,
): KeyPointCoverage[] {
  const th = ctx.thresholds ?? DEFAULT_THRESHOLDS;
  const allUnitWords = [...new Set(units.sentences.flatMap((u) => u.words))];
  const memo: SimilarityMemo = { vocab: units.vocab, rows: new Map() };
  return points.map((p) => {
    const claims = splitClaims(p);
    const matches: { m: ClaimMatch; words: AlignWord[] }[] = [];
    for (const range of claims.length > 0 ? claims : [[0, p.tokens.length] as [number, number]]) {
      const words = keyPointWords(p, ctx.vectors, ctx.questionLemmas, ctx.rubric, ctx.lexicon, range[0], range[1]);
      if (words.length === 0) continue;
      matches.push({ m: matchClaim(p, range, words, units, answer, ctx.vectors, memo), words });
    }
    const allWords = keyPointWords(p, ctx.vectors, ctx.questionLemmas, ctx.rubric, ctx.lexicon);
    const whole = alignWords(allWords, allUnitWords.length > 0 ? allUnitWords : answerWords, ctx.vectors);
    const example = exampleCoverage(p, allUnitWords, ctx.vectors, ctx.questionLemmas, ctx.lexicon);
    // The grading signal: question-demoted answer words, as the models were trained with.
    const graded = Math.max(
      alignWords(allWords, answerWords, ctx.vectors).score,
      exampleCoverage(p, answerWords, ctx.vectors, ctx.questionLemmas, ctx.lexicon),
    );
    const contradiction = matches.find((x) => x.m.contradiction && x.m.score >= th.partly)?.m.contradiction;
    const claimScores = matches.map((x) => (x.m.contradiction && x.m.score >= th.partly ? 0 : x.m.score));
    const local = claimScores.length > 0 ? claimScores.reduce((a, b) => a + b, 0) / claimScores.length : 0;
    const minClaim = claimScores.length > 0 ? Math.min(...claimScores) : 0;
    const coverage = contradiction ? Math.min(local, 0.2) : Math.max(local, example);
    let state: KeyPointState;
    if (contradiction) state = 'missed';
    else if ((minClaim >= th.covered && local >= th.covered) || example >= th.covered) state = 'covered';
    else if (local >= th.partly || claimScores.some((c) => c >= th.covered) || whole.score >= th.scattered) state = 'partly';
    else state = 'missed';
    const matched: TextSpan[] = [];
    const seen = new Set<AnswerUnit>();
    const floor = Math.min(th.partly, Math.max(0.2, ...matches.map((x) => x.m.score)));
    for (const x of matches) {
      if (x.m.score < floor) continue;
      for (const u of x.m.units) {
        if (seen.has(u)) continue;
        seen.add(u);
        matched.push({ start: u.start, end: u.end });
      }
    }
    matched.sort((a, b) => a.start - b.start);
    const signals: KeyPointSignals = {
      claimMean: local,
      claimMin: minClaim,
      claimMax: claimScores.length > 0 ? Math.max(...claimScores) : 0,
      claims: claimScores.length,
      whole: whole.score,
      wholeExact: whole.exact,
      wordsFound: allWords.length > 0 ? whole.best.filter((b) => b >= 0.5).length / allWords.length : 0,
      wordsStrong: allWords.length > 0 ? whole.best.filter((b) => b >= 0.85).length / allWords.length : 0,
      example,
      sentenceCosine: Math.max(0, ...units.sentences.map((u) => meanVectorCosine(allWords, u.words, ctx.vectors))),
      contradicted: contradiction !== undefined,
      pointWords: allWords.length,
      answerWords: answerWords.length,
      ruleState: state,
      passages: matched.length,
    };
    const missingWords = allWords
      .map((w, i) => ({ w, b: whole.best[i]! }))
      .filter((x) => x.b < 0.5 && !x.w.lemma.startsWith('#'))
      .sort((a, b) => b.w.weight - a.w.weight)
      .map((x) => x.w.normal);
    const judged = {
      text: p.text.trim(),
      coverage,
      contradicted: contradiction !== undefined,
      ...(contradiction ? { contradiction } : {}),
      wholeCoverage: contradiction ? Math.min(graded, 0.2) : graded,
      missingWords,
      signals,
      matched,
    };
    return withState(judged, state, th);
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
