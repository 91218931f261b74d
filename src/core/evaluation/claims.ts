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
 * - wrong complexity classes: O(n) where the truth gives O(log n) for the same operation;
 * - wrong thresholds: "under 25 seconds" where the truth gives "under 2.5 seconds" for the same measure.
 *
 * Each conflict names its evidence (answer offsets) and the truth it contradicts. The checks
 * ask for agreement on the rest of the clause first, so a good answer that talks about other
 * things, or compares both sides in one clause, does not trip them.
 */
export type ClaimConflictKind = 'swapped_terms' | 'reversed_comparison' | 'wrong_complexity' | 'reversed_polarity' | 'wrong_number';

export interface ClaimConflict {
  kind: ClaimConflictKind;
  /** Offsets of the answer clause that makes the wrong claim. */
  start: number;
  end: number;
  /** In words a candidate understands. */
  detail: string;
  /**
   * A fact stated the other way round beyond reasonable doubt: a side given the other side's
   * properties or the opposite comparison, another complexity class or another threshold. A
   * reversed polarity or comparison read from one clause's words alone is not.
   */
  certain?: boolean;
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
  // "the most significant byte first" against "the least significant".
  [['most'], ['least']],
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
/**
 * Axes on which the truth compares the sides themselves ("asymmetric encryption is much
 * slower"): saying the opposite of one side is a wrong claim whatever the rest of the clause.
 * More/fewer, increase/decrease and the like qualify too many things to be read so.
 */
const SIDE_AXES = new Set(
  ['faster', 'cheap', 'better', 'most', 'synchronous', 'stateless', 'safe', 'mutable'].map((w) => DIRECTION.get(w)!.slice(0, -1)),
);
const MOST_AXIS = DIRECTION.get('most')!.slice(0, -1);
const opposite = (d: string): string => (d.endsWith('+') ? `${d.slice(0, -1)}-` : `${d.slice(0, -1)}+`);

const PRONOUN_SUBJECTS = new Set(['it', 'they', 'which', 'this']);
/** "and it is …", "so they …": the joiner before a pronoun subject. */
const LEADING_JOINERS = new Set(['and', 'but', 'so', 'yet']);
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
  // Where the question names no sides, the truth's compounds may ("little-endian", "big-endian");
  // where it does, a compound is another name of one of them ("breadth-first" for BFS).
  if (sides.size < 2) for (const side of compoundSides(q.truth)) sides.add(side);
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

/**
 * Sides the truth names as compounds sharing one part: "little-endian" and "big-endian",
 * "write-through" and "write-back", "client-side" and "server-side". The part that differs
 * tells them apart, whether or not the question names them.
 */
/** Prefix-like first parts: "per-message" and "per-conversation" are not two sides. */
const PREFIXES = new Set([
  'per',
  'non',
  'pre',
  'sub',
  'self',
  'multi',
  'semi',
  'anti',
  'cross',
  'well',
  'all',
  'one',
  'two',
  'three',
  'off',
  'out',
  'end',
]);

function compoundSides(truth: readonly AnalyzedText[]): Set<string> {
  const byHead = new Map<string, Set<string>>();
  const byModifier = new Map<string, Set<string>>();
  for (const t of truth) {
    for (const m of t.text.matchAll(/\b([A-Za-z]{3,})-([A-Za-z]{3,})\b/g)) {
      const [mod, head] = [m[1]!.toLowerCase(), m[2]!.toLowerCase()];
      if (LIST_FUNCTION_WORDS.has(mod) || LIST_FUNCTION_WORDS.has(head) || PREFIXES.has(mod) || DIRECTION.has(mod)) continue;
      byHead.set(head, (byHead.get(head) ?? new Set()).add(mod));
      byModifier.set(mod, (byModifier.get(mod) ?? new Set()).add(head));
    }
  }
  const out = new Set<string>();
  for (const group of [...byHead.values(), ...byModifier.values()]) if (group.size >= 2) for (const w of group) out.add(w);
  return out;
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
  // In "symmetric encryption" the side is "symmetric": a term right after another is its head noun.
  const own = new Set(tokens.filter((t, i) => anchors.has(sideOf(t)) && !(i > 0 && anchors.has(sideOf(tokens[i - 1]!)))).map(sideOf));
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
    // "most objects" counts, "the most significant byte" compares: only before an adjective.
    const quantifier = (t.normal === 'most' || t.normal === 'least') && tokens[i + 1]?.pos !== 'ADJ';
    const dir = quantifier ? undefined : (DIRECTION.get(t.normal) ?? DIRECTION.get(t.lemma));
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
    anchors:
      own.size === 0 && PRONOUN_SUBJECTS.has(tokens.find((t) => isWordToken(t) && !LEADING_JOINERS.has(t.normal))?.normal ?? '')
        ? inherited
        : own,
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

/**
 * "X does P and Y does Q" makes two claims about two sides: the second starts at the
 * coordinator before the other side's term, once the first part has its own verb.
 */
function splitAtSecondSide(raw: RawClause, anchors: ReadonlySet<string>): RawClause[] {
  if (anchors.size === 0) return [raw];
  const toks = raw.tokens;
  let first: string | undefined;
  let verb = false;
  for (let i = 0; i < toks.length - 1; i++) {
    const t = toks[i]!;
    if (anchors.has(sideOf(t))) first ??= sideOf(t);
    if (t.pos === 'VERB' || t.pos === 'AUX') verb = verb || first !== undefined;
    if (!verb || !['and', 'or', 'whereas'].includes(t.normal)) continue;
    const next = toks[i + 1]!.pos === 'DET' ? toks[i + 2] : toks[i + 1];
    if (next && anchors.has(sideOf(next)) && sideOf(next) !== first) {
      const at = raw.contrastFrom;
      return [
        { text: raw.text, tokens: toks.slice(0, i), contrastFrom: at !== undefined && at < i ? at : undefined },
        ...splitAtSecondSide(
          { text: raw.text, tokens: toks.slice(i + 1), contrastFrom: at !== undefined && at > i ? at - i - 1 : undefined },
          anchors,
        ),
      ];
    }
  }
  return [raw];
}

/**
 * The clauses of a text. `trusted` (the reference and key points) reads a clause without a term
 * of its own as speaking of the term named before it in the sentence ("Symmetric encryption
 * uses one key, as AES does"), and a sentence opened by a pronoun as speaking of the previous
 * sentence's term ("It is much slower"): the truth's own sides are known that way. An answer's
 * clauses are never read so (below).
 */
function clausesOf(a: AnalyzedText, anchors: ReadonlySet<string>, lexicon: Lexicon | undefined, trusted = false): Clause[] {
  const out: Clause[] = [];
  let sentence = -1;
  let inherited = new Set<string>();
  // The truth's side in subject position ("Symmetric encryption uses …"), which the clauses after it speak of.
  let subject = new Set<string>();
  for (const raw of splitClauses(a).flatMap((r) => splitAtSecondSide(r, anchors))) {
    const s = raw.tokens[0]!.sentence;
    let carried = new Set<string>();
    if (s !== sentence) {
      sentence = s;
      carried = subject;
      inherited = new Set();
      subject = new Set();
    }
    const c = toClause(raw, anchors, lexicon, inherited);
    const opener = raw.tokens.find((t) => isWordToken(t) && t.pos !== 'DET');
    if (trusted && c.anchors.size === 0) {
      const opensWithPronoun = PRONOUN_SUBJECTS.has(raw.tokens.find(isWordToken)?.normal ?? '');
      c.anchors = subject.size > 0 ? subject : opensWithPronoun ? carried : c.anchors;
    } else if (trusted && opener && anchors.has(sideOf(opener))) subject = c.anchors;
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

/** Units a threshold is given in, by dimension, with their size in the dimension's base unit. */
const UNITS = new Map<string, [string, number]>([
  ...(['ms', 'millisecond'] as const).map((u) => [u, ['time', 0.001]] as [string, [string, number]]),
  ...(['s', 'sec', 'second'] as const).map((u) => [u, ['time', 1]] as [string, [string, number]]),
  ...(['min', 'minute'] as const).map((u) => [u, ['time', 60]] as [string, [string, number]]),
  ...(['h', 'hour'] as const).map((u) => [u, ['time', 3600]] as [string, [string, number]]),
  ['day', ['time', 86400]],
  ['%', ['percent', 1]],
  ['percent', ['percent', 1]],
  ['bit', ['size', 0.125]],
  ['byte', ['size', 1]],
  ...(['kb', 'kilobyte'] as const).map((u) => [u, ['size', 1e3]] as [string, [string, number]]),
  ...(['mb', 'megabyte'] as const).map((u) => [u, ['size', 1e6]] as [string, [string, number]]),
  ...(['gb', 'gigabyte'] as const).map((u) => [u, ['size', 1e9]] as [string, [string, number]]),
]);
/** Words that make a number a limit to stay within ("ideally under 2.5 seconds"). */
const THRESHOLD_WORDS = new Set([
  'under',
  'below',
  'above',
  'over',
  'within',
  'than',
  'most',
  'least',
  'exceed',
  'exceeds',
  'up',
  'ideally',
  'target',
]);
/** Words that make a number an example the speaker picked ("say 99.5 percent"). */
const EXAMPLE_WORDS = new Set(['example', 'instance', 'say', 'e.g', 'eg', 'such', 'like', 'here']);

interface Quantity {
  value: number;
  dimension: string;
  /** "25 seconds" as written. */
  text: string;
  threshold: boolean;
}
interface SentenceQuantity {
  quantities: Quantity[];
  words: Set<string>;
  text: string;
}

function sentenceQuantities(a: AnalyzedText): SentenceQuantity[] {
  return a.sentences.map((s) => {
    const toks = a.tokens.slice(s.tokenStart, s.tokenEnd);
    const example = toks.some((t) => EXAMPLE_WORDS.has(t.normal));
    const quantities: Quantity[] = [];
    toks.forEach((t, i) => {
      const unit = UNITS.get(toks[i + 1]?.lemma ?? '') ?? UNITS.get(toks[i + 1]?.normal ?? '');
      const n = Number(t.text.replace(/,/g, ''));
      if (t.kind !== 'number' || !unit || !Number.isFinite(n)) return;
      const before = toks.slice(Math.max(0, i - 3), i);
      quantities.push({
        value: n * unit[1],
        dimension: unit[0],
        text: a.text.slice(t.start, toks[i + 1]!.end),
        threshold: !example && before.some((b) => THRESHOLD_WORDS.has(b.normal)),
      });
    });
    const words = new Set(toks.filter((t) => isContentToken(t) && t.kind !== 'number' && !UNITS.has(t.lemma)).map((t) => t.lemma));
    return { quantities, words, text: a.text.slice(a.tokens[s.tokenStart]!.start, a.tokens[s.tokenEnd - 1]!.end) };
  });
}

function truthQuantities(truth: readonly AnalyzedText[]): SentenceQuantity[] {
  return truth.flatMap(sentenceQuantities).filter((s) => s.quantities.length > 0);
}

/**
 * Wrong thresholds: the answer gives a limit of the same kind (time, share, size) for the same
 * measure (two content words of the truth's sentence) that no truth sentence gives, off by half
 * or more. Only limits the truth states as limits: examples and other figures are the
 * speaker's choice ("say 99.5 percent over four weeks").
 */
function wrongNumbers(answer: AnalyzedText, truth: readonly SentenceQuantity[]): ClaimConflict[] {
  if (truth.length === 0) return [];
  const out: ClaimConflict[] = [];
  const all = truth.flatMap((t) => t.quantities);
  for (const [i, s] of sentenceQuantities(answer).entries()) {
    for (const q of s.quantities) {
      const same = all.filter((t) => t.dimension === q.dimension);
      if (same.length === 0 || same.some((t) => Math.max(t.value, q.value) <= 1.15 * Math.min(t.value, q.value))) continue;
      let best: { t: SentenceQuantity; shared: number } | undefined;
      for (const t of truth) {
        if (!t.quantities.some((x) => x.threshold && x.dimension === q.dimension)) continue;
        const shared = [...s.words].filter((w) => t.words.has(w)).length;
        if (shared >= 2 && (!best || shared > best.shared)) best = { t, shared };
      }
      const limit = best?.t.quantities.find((x) => x.threshold && x.dimension === q.dimension);
      if (!best || !limit || Math.max(limit.value, q.value) < 1.5 * Math.min(limit.value, q.value)) continue;
      const sentence = answer.sentences[i]!;
      out.push({
        kind: 'wrong_number',
        start: answer.tokens[sentence.tokenStart]!.start,
        end: answer.tokens[sentence.tokenEnd - 1]!.end,
        detail: `${quote(s.text)} gives ${q.text} where the answer is ${limit.text}.`,
        certain: true,
      });
      break;
    }
  }
  return out;
}

const quote = (s: string): string => `"${s.length > 80 ? `${s.slice(0, 77)}…` : s}"`;

interface PreparedTruth {
  anchors: Set<string>;
  truth: Clause[];
  /** Words the truth uses of one side only ("setTimeout" of macrotasks, "handshake" of TCP). */
  sideWords: Map<string, Map<string, boolean>>;
  /** Per side, the directions the truth gives it on the qualitative axes, with the clause that says so. */
  sideDirections: Map<string, Map<string, string>>;
  /** Thresholds and other quantities the truth states, with the content words of their sentence. */
  quantities: SentenceQuantity[];
}

function prepareTruth(q: ClaimTruth): PreparedTruth {
  const rawTruth = q.truth.flatMap(splitClauses);
  const anchors = findAnchors(q, rawTruth);
  const all = q.truth.flatMap((t) => clausesOf(t, anchors, q.lexicon, true));
  const truth = all.filter((c) => c.preds.size > 0);
  // How the truth compares each side on the qualitative axes (fast/slow, cheap/expensive …).
  const sideDirections = new Map<string, Map<string, string>>();
  for (const t of all) {
    if (t.anchors.size !== 1) continue;
    const [side] = [...t.anchors];
    const m = sideDirections.get(side!) ?? new Map<string, string>();
    for (const d of t.directions) if (SIDE_AXES.has(d.slice(0, -1)) && !m.has(d)) m.set(d, t.text);
    sideDirections.set(side!, m);
  }
  const sideWords = new Map<string, Map<string, boolean>>();
  const usedBy = new Map<string, Set<string>>();
  for (const t of truth) {
    if (t.anchors.size !== 1) continue;
    const [side] = [...t.anchors];
    for (const [k, pol] of t.preds) usedBy.set(`${k}:${pol}`, (usedBy.get(`${k}:${pol}`) ?? new Set()).add(side!));
  }
  // A word one side affirms and the other denies tells them apart too ("401 when authentication
  // is missing", "403 when the user is authenticated but not allowed").
  for (const t of truth) {
    if (t.anchors.size !== 1) continue;
    const [side] = [...t.anchors];
    const m = sideWords.get(side!) ?? new Map<string, boolean>();
    for (const [k, pol] of t.preds) if (usedBy.get(`${k}:${pol}`)!.size === 1) m.set(k, pol);
    sideWords.set(side!, m);
  }
  return { anchors, truth, sideWords, sideDirections, quantities: truthQuantities(q.truth) };
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
  const { anchors, truth, sideWords, sideDirections, quantities } = preparedTruth(q);
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
    // A side turned round on an axis the truth compares it on: "asymmetric encryption is the
    // faster one" where the truth says it is much slower. The clause must speak of one side
    // only and take one direction only ("slower to set up but faster to run" is not read).
    if (c.anchors.size === 1 && !c.conditional) {
      const [side] = [...c.anchors];
      const known = sideDirections.get(side!);
      for (const d of c.directions) {
        if (!SIDE_AXES.has(d.slice(0, -1)) || c.directions.has(opposite(d)) || !known || known.has(d)) continue;
        const said = known.get(opposite(d));
        if (said === undefined) continue;
        add({
          kind: 'reversed_comparison',
          start: c.start,
          end: c.end,
          detail: `${quote(c.text)} turns round ${quote(said)}.`,
          certain: true,
        });
        break;
      }
    }
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
        for (const [k, pol] of c.preds) if (words.get(k) === pol && own?.get(k) !== pol) n++;
        if (n > best.n) best = { side: other, n };
      }
      let ownN = 0;
      if (own) for (const [k, pol] of c.preds) if (own.get(k) === pol) ownN++;
      // A name of its own side ("Object storage such as S3") does not excuse a clause that
      // otherwise says what the other side does.
      if (best.n >= 1 && ownN * 2 < best.n) swapCandidates.push({ c, side: side!, other: best.side, n: best.n });
    }

    // Reversed comparison: the clause makes the same claim as a truth clause (two or more
    // words agree) with the direction turned round, and no truth clause says it that way.
    if (c.directions.size > 0) {
      const best = scored.filter((s) => s.agree >= 2 && s.conflict === 0).sort((a, b) => b.agree - a.agree)[0];
      if (best) {
        for (const d of c.directions) {
          // Most/least is read only of a side (above): of a clause, it is too often a quantity.
          if (d.slice(0, -1) === MOST_AXIS) continue;
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
            certain: true,
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
        certain: true,
      });
    }
  }
  for (const c of wrongNumbers(answer, quantities)) add(c);
  return conflicts;
}
