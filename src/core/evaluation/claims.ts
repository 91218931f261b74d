import { isContentToken, isWordToken, type AnalyzedText, type AnalyzedToken } from './analyzed-text.js';
import { isNegator } from './answer-units.js';
import type { Lexicon } from './lexicon.js';

/**
 * Claim checking beyond negation: a confidently wrong answer is fluent and on topic, so word
 * overlap rewards it. Its errors have shapes that can be read against the reference and key
 * points ("truth"), clause by clause:
 *
 * - swapped terms: the answer says of X what the truth says of Y ("UDP guarantees ordered
 *   delivery"), where X and Y are terms the truth tells apart;
 * - reversed comparisons: the clause matches a truth clause but turns its direction round
 *   (faster/slower, more/fewer, before/after, increases/decreases);
 * - wrong complexity classes: O(n) where the truth gives O(log n) for the same operation.
 *
 * Each conflict names its evidence (answer offsets) and the truth it contradicts. The checks
 * ask for agreement on the rest of the clause first, so a good answer that talks about other
 * things, or compares both sides in one clause, does not trip them.
 */
export type ClaimConflictKind = 'swapped_terms' | 'reversed_comparison' | 'wrong_complexity' | 'reversed_polarity';

export interface ClaimConflict {
  kind: ClaimConflictKind;
  /** Offsets of the answer clause that makes the wrong claim. */
  start: number;
  end: number;
  /** In words a candidate understands. */
  detail: string;
}

/** A clause: tokens between clause breaks, its predicate words with their polarity. */
interface Clause {
  start: number;
  end: number;
  anchors: Set<string>;
  /** Terms named earlier in the sentence (the clause may speak of them: "it does a handshake"). */
  inherited: Set<string>;
  /** Predicate key → true when affirmed, false when negated. */
  preds: Map<string, boolean>;
  directions: Set<string>;
  complexities: Set<string>;
  /** The clause denies what it says: a negator, or the "Y" of "X instead of Y" / "X rather than Y". */
  negated: boolean;
  /** Predicate keys a denial governs: the head word after a negator, every word after "instead of". */
  denied: Set<string>;
  /**
   * Every key inside a denial's phrase: "never call the auth database" denies the database call
   * as "without a database lookup" does. A word is turned round only when both readings agree.
   */
  deniedScope: Set<string>;
  /** Has an "instead of" / "rather than" part: a choice between options, whatever the clause's own polarity. */
  contrast: boolean;
  /** "until", "unless", "only if": the polarity of such a clause is not its claim ("nothing runs until asked"). */
  conditional: boolean;
  /** Has a verb: a claim, not a fragment of a list ("the database or object storage"). */
  verb: boolean;
  text: string;
  /** Index of the sentence the clause belongs to. */
  sentence: number;
}

/** Directions whose swap reverses a claim. Each word maps to its direction and axis. */
const DIRECTION_PAIRS: readonly [string[], string[]][] = [
  [
    ['faster', 'quicker', 'speed', 'accelerate'],
    ['slower', 'slow', 'delay'],
  ],
  [
    ['more', 'higher', 'larger', 'bigger', 'greater', 'many'],
    ['less', 'fewer', 'lower', 'smaller', 'few'],
  ],
  [
    ['increase', 'raise', 'grow', 'rise'],
    ['decrease', 'reduce', 'shrink', 'fall', 'lower'],
  ],
  [
    ['before', 'earlier'],
    ['after', 'later'],
  ],
  [
    ['cheap', 'cheaper', 'cheapest'],
    ['expensive', 'costly', 'costlier'],
  ],
  [['better'], ['worse']],
  [
    ['longer', 'long'],
    ['shorter', 'short'],
  ],
  [
    ['allow', 'permit', 'enable'],
    ['prevent', 'forbid'],
  ],
  [
    ['synchronous', 'synchronously'],
    ['asynchronous', 'asynchronously'],
  ],
  [['stateless'], ['stateful']],
  [['safe'], ['unsafe']],
  [['mutable'], ['immutable']],
];
const DIRECTION = new Map<string, string>();
DIRECTION_PAIRS.forEach(([up, down], axis) => {
  for (const w of up) DIRECTION.set(w, `${axis}+`);
  for (const w of down) DIRECTION.set(w, `${axis}-`);
});
const opposite = (d: string): string => (d.endsWith('+') ? `${d.slice(0, -1)}-` : `${d.slice(0, -1)}+`);

const PRONOUN_SUBJECTS = new Set(['it', 'they', 'which', 'this']);
const CLAUSE_WORDS = new Set(['while', 'whereas', 'but', 'although', 'though', 'however', 'unlike', 'whilst']);
const CLAUSE_MARKS = /^[,;:()—–]$/;
/** Words too general to tie a clause to a truth clause. */
const GENERIC = new Set([
  'use',
  'make',
  'get',
  'need',
  'work',
  'way',
  'time',
  'thing',
  'good',
  'case',
  'mean',
  'do',
  'have',
  'give',
  'go',
  'take',
  'keep',
  'let',
  'call',
  'help',
  'only',
  'usually',
  'typically',
  'often',
  'example',
  'each',
  'every',
  'one',
  'two',
  'data',
  'system',
]);

/** Complexity classes in symbols or words, normalized ("o(n^2)", "o(log n)"). */
const COMPLEXITY_WORDS: readonly [RegExp, string][] = [
  [/\bconstant[- ]time\b|\bconstant\b(?= (?:time|lookup|access|cost))/gi, 'o(1)'],
  [/\blogarithmic\b/gi, 'o(logn)'],
  [/\blinear[- ]time\b|\blinear\b(?= (?:time|scan|search|lookup|access|cost))/gi, 'o(n)'],
  [/\bquadratic\b/gi, 'o(n^2)'],
  [/\blinearithmic\b/gi, 'o(nlogn)'],
];
const BIG_O = /\b[oθΘΩ]\s*\(\s*([^()]{1,20}?)\s*\)/gi;

function normalizeComplexity(inner: string): string {
  const s = inner
    .toLowerCase()
    .replace(/\s+/g, '')
    .replace(/²/g, '^2')
    .replace(/\*\*2|squared|n\*n|n·n/g, '^2')
    .replace(/nsquared/g, 'n^2')
    .replace(/\^2/g, '^2')
    .replace(/\*/g, '')
    .replace(/log\(n\)|log2n|lgn/g, 'logn')
    .replace(/1\)/, '1');
  return `o(${s.replace(/^n\^2$/, 'n^2')})`;
}

function complexitiesIn(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(BIG_O)) out.add(normalizeComplexity(m[1]!));
  for (const [re, c] of COMPLEXITY_WORDS) if (re.test(text)) out.add(c);
  for (const [re] of COMPLEXITY_WORDS) re.lastIndex = 0;
  return out;
}

/** A token names a thing the truth may tell apart from another: an acronym, a code or a number-like term. */
function looksLikeTerm(t: AnalyzedToken): boolean {
  return /^[A-Z][A-Z0-9]{1,}s?$/.test(t.text) || /^\d{3}$|^\dxx$/i.test(t.text) || (t.pos === 'PROPN' && t.text.length > 2);
}

export interface ClaimTruth {
  question: AnalyzedText;
  /** The reference answer and key points. */
  truth: readonly AnalyzedText[];
  lexicon?: Lexicon;
}

/** One key per side whatever its number ("jobs", "job"; "microtasks", "microtask"). */
const sideOf = (t: AnalyzedToken): string => (t.lemma.length > 3 ? t.lemma.replace(/s$/, '') : t.lemma);

function keyOf(t: AnalyzedToken, lexicon: Lexicon | undefined): string {
  const groups = lexicon?.groupsOf(t.lemma) ?? [];
  return groups.length > 0 ? `g${Math.min(...groups)}` : t.lemma;
}

/**
 * Anchors: the terms the truth tells apart. A term qualifies when the question names it, or
 * when it looks like a term (acronym, status code, proper name), and it appears in some truth
 * clauses but not in most of them (a term in every clause is the subject, not a side).
 */
function findAnchors(q: ClaimTruth, truthClauses: readonly { tokens: AnalyzedToken[] }[]): Set<string> {
  const sides = contrastedTerms(q.question);
  // Acronyms that head two or more truth clauses are sides too ("BFS explores level by level",
  // "BFS finds the shortest path" for a question that spells out breadth-first search).
  const subjects = new Map<string, number>();
  for (const c of truthClauses) {
    const first = c.tokens.find(isWordToken);
    if (first && /^[A-Z][A-Z0-9]{1,5}s?$/.test(first.text)) subjects.set(sideOf(first), (subjects.get(sideOf(first)) ?? 0) + 1);
  }
  const acronyms = [...subjects].filter(([, n]) => n >= 2).map(([s]) => s);
  if (acronyms.length >= 2) for (const s of acronyms) sides.add(s);
  const counts = new Map<string, number>();
  const numbers = new Set<string>();
  for (const c of truthClauses) {
    const seen = new Set<string>();
    for (const t of c.tokens) {
      if (sides.has(t.lemma) || sides.has(t.normal)) seen.add(sideOf(t));
      else if (t.kind === 'number' && looksLikeTerm(t)) {
        seen.add(sideOf(t));
        numbers.add(sideOf(t));
      }
    }
    for (const l of seen) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const anchors = new Set<string>();
  for (const [l, n] of counts) if (n <= Math.max(1, truthClauses.length * 0.5)) anchors.add(l);
  void numbers;
  // Sides come in pairs: a lone anchor has nothing to be swapped with.
  return anchors.size >= 2 ? anchors : new Set();
}

const COORDINATORS = new Set(['and', 'or', 'vs', 'versus', 'with', ',', '/']);
const LIST_JOINERS = new Set(['and', 'or', 'vs', 'versus', '/']);
const LIST_FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'for',
  'is',
  'are',
  'do',
  'does',
  'you',
  'your',
  'i',
  'we',
  'how',
  'what',
  'when',
  'why',
  'which',
  'would',
  'should',
  'each',
  'use',
  'between',
  'it',
  'they',
  'them',
  'their',
  'this',
  'that',
  'these',
  'with',
  'when',
  'where',
  'who',
  'can',
  'could',
  'will',
  'be',
  'have',
  'has',
  'there',
  'one',
  'other',
  'both',
  'way',
  'ways',
  'work',
  'works',
  'explain',
  'describe',
  'compare',
  'difference',
  'differences',
  'main',
  'key',
  'some',
]);

/**
 * The sides a question sets against each other: nouns joined by a coordinator with no verb in
 * between ("TCP and UDP", "sessions with JWT access tokens", "unit, integration and end-to-end
 * tests"). Only these can be swapped; other nouns of the question are the shared subject.
 */
function contrastedTerms(question: AnalyzedText): Set<string> {
  const out = new Set<string>();
  const toks = question.tokens;
  const isNoun = (t: AnalyzedToken): boolean => (t.pos === 'NOUN' || t.pos === 'PROPN' || looksLikeTerm(t)) && isContentToken(t);
  // Short items of a list, whatever their part of speech: "var, let and const", "any, unknown
  // and never", "vertical and horizontal scaling", "ETL and ELT".
  const item = (t: AnalyzedToken | undefined): t is AnalyzedToken =>
    t !== undefined && isWordToken(t) && t.normal.length >= 2 && !LIST_FUNCTION_WORDS.has(t.normal);
  // A list is "X, Y and Z" (any parts of speech) or "X and Y" (no verbs: "turns URLs into codes
  // and redirects visitors" joins two actions, not two sides).
  for (let i = 0; i < toks.length; i++) {
    if (!item(toks[i])) continue;
    const items = [toks[i]!];
    let j = i + 1;
    while (toks[j]?.text === ',' && item(toks[j + 1])) {
      items.push(toks[j + 1]!);
      j += 2;
    }
    if (!LIST_JOINERS.has(toks[j]?.normal ?? '') || !item(toks[j + 1])) continue;
    items.push(toks[j + 1]!);
    const verbal = items.some((t) => t.pos === 'VERB' || t.pos === 'AUX' || /ing$/.test(t.normal));
    if (items.length >= 3 || !verbal) for (const t of items) out.add(t.lemma).add(t.normal);
    i = j;
  }
  for (let i = 0; i < toks.length; i++) {
    if (!isNoun(toks[i]!)) continue;
    for (let j = i + 1; j < Math.min(toks.length, i + 7); j++) {
      const t = toks[j]!;
      if (t.pos === 'VERB' || t.pos === 'AUX' || /^[.?!;:]$/.test(t.text)) break;
      if (!isNoun(t)) continue;
      const between = toks.slice(i + 1, j);
      if (between.some((b) => COORDINATORS.has(b.normal) || COORDINATORS.has(b.text))) {
        out.add(toks[i]!.lemma).add(toks[i]!.normal).add(t.lemma).add(t.normal);
      }
      break;
    }
  }
  return out;
}

interface RawClause {
  text: AnalyzedText;
  tokens: AnalyzedToken[];
  /** Index in tokens after "instead of" / "rather than": from there on, the option turned down. */
  contrastFrom?: number;
}

const CONDITIONAL = new Set(['until', 'unless', 'only', 'except', 'if']);

/** Verbs that deny their object: "avoid shared state" says state is not shared. */
const IMPLICIT_DENIAL = new Set(['avoid', 'lack', 'miss', 'forget', 'fail', 'refuse', 'skip', 'eliminate']);
/** "hard to revoke" denies as "cannot revoke" does. */
const HARD_TO = new Set(['hard', 'difficult', 'impossible']);
/** Past one of these (after the clause's first words) a denial belongs to a subordinate clause, not to the claim. */
const SUBORDINATORS = new Set(['because', 'since', 'which', 'that', 'who', 'when', 'where']);

/** "instead (of)", "rather (than)": the words after it name what is not done. */
function opensContrast(a: AnalyzedText, i: number): boolean {
  const t = a.tokens[i]!.normal;
  const next = a.tokens[i + 1]?.normal;
  return (t === 'instead' && next === 'of') || (t === 'rather' && next === 'than');
}

function splitClauses(a: AnalyzedText): RawClause[] {
  const out: RawClause[] = [];
  for (const s of a.sentences) {
    let cur: AnalyzedToken[] = [];
    let contrastFrom: number | undefined;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = a.tokens[i]!;
      if (CLAUSE_MARKS.test(t.text) || CLAUSE_WORDS.has(t.normal)) {
        if (cur.length > 0) out.push({ text: a, tokens: cur, contrastFrom });
        cur = [];
        contrastFrom = undefined;
        continue;
      }
      // "X rather than Y" stays one clause (Y is judged in X's context), Y marked as turned down.
      if (opensContrast(a, i) && contrastFrom === undefined) {
        contrastFrom = cur.length;
        i++;
        continue;
      }
      cur.push(t);
    }
    if (cur.length > 0) out.push({ text: a, tokens: cur, contrastFrom });
  }
  return out;
}

function toClause(raw: RawClause, anchors: ReadonlySet<string>, lexicon: Lexicon | undefined, inherited: Set<string>): Clause {
  const tokens = raw.tokens;
  const own = new Set(tokens.filter((t) => anchors.has(sideOf(t))).map(sideOf));
  const preds = new Map<string, boolean>();
  const directions = new Set<string>();
  let negate = 0;
  let negated = false;
  let contrast = false;
  const denied = new Set<string>();
  const deniedScope = new Set<string>();
  // Words until the head of the current denial is found (0: none open).
  let head = 0;
  // What a denial covers beyond its head: "never call the auth database" denies the database
  // call as "without a database lookup" does, so the two agree on "database". A "not"/"never"
  // covers the rest of its clause up to a subordinate clause; "without"/"instead of" only the
  // noun phrase that follows (up to the next finite verb).
  let scope: 'clause' | 'phrase' | null = null;
  let words = 0;
  let subordinate = false;
  for (const [i, t] of tokens.entries()) {
    // "instead of scanning the table" denies its head as "without a table scan" does.
    if (i === raw.contrastFrom) {
      contrast = true;
      head = 3;
      scope = 'phrase';
    }
    if (!isWordToken(t)) continue;
    if (words++ >= 2 && SUBORDINATORS.has(t.normal)) subordinate = true;
    if (SUBORDINATORS.has(t.normal) || (scope === 'phrase' && (t.pos === 'VERB' || t.pos === 'AUX') && !/ing$/.test(t.normal)))
      scope = null;
    // "no longer", "not only": time and addition, not denial.
    const next = tokens[i + 1]?.normal;
    // A denying verb denies only as a verb: "a failed-events store" names a store, it denies nothing.
    // And "fail" denies only what it governs ("fails to validate"): "messages that keep failing" deny nothing.
    const denyingVerb =
      IMPLICIT_DENIAL.has(t.lemma) &&
      t.pos === 'VERB' &&
      !/^[-/]/.test(raw.text.text.slice(t.end, t.end + 1)) &&
      (t.lemma !== 'fail' || next === 'to');
    if ((isNegator(t) && next !== 'longer' && next !== 'only') || denyingVerb || (HARD_TO.has(t.lemma) && next === 'to')) {
      negate = Math.max(negate, 3);
      // "without a full scan" names an absence: its head is denied, the clause is not.
      if (!subordinate && t.normal !== 'without') negated = true;
      head = 3;
      scope = t.normal === 'without' ? 'phrase' : 'clause';
      continue;
    }
    const dir = DIRECTION.get(t.normal) ?? DIRECTION.get(t.lemma);
    // A denial turns round the direction it governs ("not faster"), not one that comes after its
    // head ("cannot be revoked before it expires" still speaks of "before").
    if (dir) directions.add(negate > 0 && head > 0 ? opposite(dir) : dir);
    if (isContentToken(t) && !anchors.has(sideOf(t)) && !GENERIC.has(t.lemma) && !DIRECTION.has(t.lemma) && !DIRECTION.has(t.normal)) {
      const k = keyOf(t, lexicon);
      // A word said both ways in one clause counts as affirmed.
      preds.set(k, (preds.get(k) ?? false) || negate === 0);
      if (head > 0) denied.add(k);
      if (head > 0 || scope !== null) deniedScope.add(k);
      head = 0;
    } else if (head > 0) head--;
    if (negate > 0) negate--;
  }
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const text = raw.text.text.slice(first.start, last.end);
  return {
    start: first.start,
    end: last.end,
    // "…: it does a handshake": a clause whose subject is a pronoun speaks of the term named
    // just before it in the sentence; any other clause without a term of its own is not checked.
    anchors: own.size === 0 && PRONOUN_SUBJECTS.has(tokens.find(isWordToken)?.normal ?? '') ? inherited : own,
    inherited,
    preds,
    directions,
    complexities: complexitiesIn(text),
    negated,
    denied,
    deniedScope,
    conditional: tokens.some((t) => CONDITIONAL.has(t.normal)),
    verb: tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX'),
    contrast,
    text,
    sentence: first.sentence,
  };
}

function clausesOf(a: AnalyzedText, anchors: ReadonlySet<string>, lexicon: Lexicon | undefined): Clause[] {
  const out: Clause[] = [];
  let sentence = -1;
  let inherited = new Set<string>();
  for (const raw of splitClauses(a)) {
    const s = raw.tokens[0]!.sentence;
    if (s !== sentence) {
      sentence = s;
      inherited = new Set();
    }
    const c = toClause(raw, anchors, lexicon, inherited);
    // Only a clause that names its term is checked for a swap: which term "it" refers to is a
    // guess, and a wrong guess would accuse a good answer.
    if (c.anchors.size > 0) inherited = c.anchors;
    out.push(c);
  }
  return out;
}

function agreement(a: Clause, b: Clause): { agree: number; conflict: number } {
  let agree = 0;
  let conflict = 0;
  for (const [k, pol] of a.preds) {
    const other = b.preds.get(k);
    if (other === undefined) continue;
    if (other === pol) agree++;
    else conflict++;
  }
  return { agree, conflict };
}

const quote = (s: string): string => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

interface PreparedTruth {
  anchors: Set<string>;
  truth: Clause[];
  /** Words the truth uses of one side only ("setTimeout" of macrotasks, "handshake" of TCP). */
  sideWords: Map<string, Map<string, boolean>>;
}

function prepareTruth(q: ClaimTruth): PreparedTruth {
  const rawTruth = q.truth.flatMap(splitClauses);
  const anchors = findAnchors(q, rawTruth);
  const truth = q.truth.flatMap((t) => clausesOf(t, anchors, q.lexicon)).filter((c) => c.preds.size > 0);
  const sideWords = new Map<string, Map<string, boolean>>();
  const usedBy = new Map<string, Set<string>>();
  for (const t of truth) {
    if (t.anchors.size !== 1) continue;
    const [side] = [...t.anchors];
    for (const k of t.preds.keys()) usedBy.set(k, (usedBy.get(k) ?? new Set()).add(side!));
  }
  for (const t of truth) {
    if (t.anchors.size !== 1) continue;
    const [side] = [...t.anchors];
    const m = sideWords.get(side!) ?? new Map<string, boolean>();
    for (const [k, pol] of t.preds) if (usedBy.get(k)!.size === 1) m.set(k, pol);
    sideWords.set(side!, m);
  }
  return { anchors, truth, sideWords };
}

/**
 * Many answers share one question: its truth is prepared once. Keyed on the analyzed question
 * (the evaluator's analysis cache hands out the same object for the same text) and checked
 * against the truth texts, so a changed reference never reuses a stale preparation.
 */
const prepared = new WeakMap<AnalyzedText, { truth: readonly AnalyzedText[]; lexicon?: Lexicon; p: PreparedTruth }>();

function preparedTruth(q: ClaimTruth): PreparedTruth {
  const hit = prepared.get(q.question);
  if (hit && hit.lexicon === q.lexicon && hit.truth.length === q.truth.length && hit.truth.every((t, i) => t === q.truth[i])) return hit.p;
  const p = prepareTruth(q);
  prepared.set(q.question, { truth: [...q.truth], lexicon: q.lexicon, p });
  return p;
}

export function checkClaims(answer: AnalyzedText, q: ClaimTruth): ClaimConflict[] {
  if (q.truth.length === 0 || answer.tokens.length === 0) return [];
  const { anchors, truth, sideWords } = preparedTruth(q);
  if (truth.length === 0) return [];
  const conflicts: ClaimConflict[] = [];
  const seen = new Set<string>();
  const add = (c: ClaimConflict): void => {
    const k = `${c.start}`;
    if (seen.has(k)) return;
    seen.add(k);
    conflicts.push(c);
  };

  const swapCandidates: { c: Clause; side: string; other: string; n: number }[] = [];

  const answerClauses = clausesOf(answer, anchors, q.lexicon);
  for (const c of answerClauses) {
    if (c.preds.size === 0) continue;
    const scored = truth.map((t) => ({ t, ...agreement(c, t) }));

    // Reversed polarity: the clause makes a truth clause's claim (two or more of its words)
    // but denies what the truth affirms, or affirms what it denies ("volatile makes the
    // update atomic" against "volatile does not make operations atomic"; "uses a stack rather
    // than a priority queue" against "uses a priority queue"), and no truth clause about the
    // same words says it the answer's way.
    // Word by word: the clause agrees with the truth clause on two or more words and turns at
    // least one round, and no truth clause says that word the answer's way.
    if (c.preds.size >= 3 && !c.conditional) {
      // Only the truth clauses that say most of what the clause says are its counterpart.
      const overlaps = truth.map((t) => {
        let shared = 0;
        const turned: string[] = [];
        for (const k of c.preds.keys()) {
          if (!t.preds.has(k)) continue;
          shared++;
          if (c.denied.has(k) !== t.denied.has(k) && c.deniedScope.has(k) !== t.deniedScope.has(k)) turned.push(k);
        }
        return { t, shared, turned };
      });
      const most = Math.max(...overlaps.map((o) => o.shared));
      const counterparts = overlaps.filter((o) => o.shared === most);
      const t = counterparts[0];
      // "X rather than Y" is not read as a denial of Y: "walks the tree instead of reading every
      // row" and "walks the tree to find the rows" agree, and a good answer phrases choices so.
      const opposed = (o: (typeof overlaps)[number]): boolean => o.turned.length > 0 && o.t.negated !== c.negated;
      if (most >= 3 && t && counterparts.every(opposed)) {
        // Some truth clause says the turned word the answer's way: no conflict.
        const saidSo = t.turned.some((k) =>
          truth.some((o) => o.preds.has(k) && o.denied.has(k) === c.denied.has(k) && o.negated === c.negated),
        );
        if (!saidSo) {
          add({
            kind: 'reversed_polarity',
            start: c.start,
            end: c.end,
            detail: `${quote(c.text)} ${c.negated ? 'denies' : 'asserts'} what ${quote(t.t.text)} ${c.negated ? 'says' : 'denies'}.`,
          });
        }
      }
    }

    // Swapped terms: the clause speaks of exactly one side, and the words the truth uses only
    // about another side appear in it (with the truth's polarity), none of its own side's.
    if (c.anchors.size === 1 && sideWords.size >= 2 && c.verb) {
      const [side] = [...c.anchors];
      const own = sideWords.get(side!);
      let best = { side: '', n: 0 };
      for (const [other, words] of sideWords) {
        if (other === side) continue;
        let n = 0;
        for (const [k, pol] of c.preds) if (words.get(k) === pol && !own?.has(k)) n++;
        if (n > best.n) best = { side: other, n };
      }
      let ownN = 0;
      if (own) for (const [k, pol] of c.preds) if (own.get(k) === pol) ownN++;
      if (best.n >= 1 && ownN === 0) swapCandidates.push({ c, side: side!, other: best.side, n: best.n });
    }

    // Reversed comparison: the clause makes the same claim as a truth clause (two or more
    // words agree) with the direction turned round, and no truth clause says it that way.
    if (c.directions.size > 0) {
      const best = scored.filter((s) => s.agree >= 2 && s.conflict === 0).sort((a, b) => b.agree - a.agree)[0];
      if (best) {
        for (const d of c.directions) {
          const flipped = opposite(d);
          // A sentence that names both directions orders two things ("after doing the work but
          // before acking", "after the script, before the timers"): it turns nothing round.
          const bothWays = answerClauses.some((o) => o.sentence === c.sentence && o.directions.has(flipped));
          if (
            !bothWays &&
            best.t.directions.has(flipped) &&
            !best.t.directions.has(d) &&
            !scored.some((s) => s.agree >= best.agree && s.t.directions.has(d))
          ) {
            add({
              kind: 'reversed_comparison',
              start: c.start,
              end: c.end,
              detail: `${quote(c.text)} turns round ${quote(best.t.text)}.`,
            });
            break;
          }
        }
      }
    }

    // Wrong complexity: the same operation (two agreeing words) with another class.
    if (c.complexities.size > 0) {
      const withClass = scored
        .filter((s) => s.t.complexities.size > 0 && s.agree >= 1 && s.conflict === 0)
        .sort((a, b) => b.agree - a.agree);
      const best = withClass[0];
      if (best && ![...c.complexities].some((x) => best.t.complexities.has(x))) {
        const same = withClass.filter((s) => s.agree === best.agree);
        if (!same.some((s) => [...c.complexities].some((x) => s.t.complexities.has(x)))) {
          add({
            kind: 'wrong_complexity',
            start: c.start,
            end: c.end,
            detail: `${quote(c.text)} gives ${[...c.complexities].join(', ')} where the answer is ${[...best.t.complexities].join(', ')}.`,
          });
        }
      }
    }
  }
  // One clause saying two or more things of the wrong side, or two clauses of one sentence
  // each giving one side's property to the other (a mirror swap), is a swap; a single shared
  // word is not evidence enough.
  for (const x of swapCandidates) {
    const mirror = swapCandidates.some(
      (y) =>
        y !== x &&
        y.side === x.other &&
        y.other === x.side &&
        answer.tokens.find((t) => t.start >= y.c.start)?.sentence === answer.tokens.find((t) => t.start >= x.c.start)?.sentence,
    );
    if (x.n >= 2 || mirror) {
      add({
        kind: 'swapped_terms',
        start: x.c.start,
        end: x.c.end,
        detail: `${quote(x.c.text)} says of ${x.side} what holds for ${x.other}.`,
      });
    }
  }
  return conflicts;
}
