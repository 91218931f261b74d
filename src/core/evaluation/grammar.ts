import type { GrammarIssue } from '../../contract/interviews.js';

/** One finding of a grammar checker, offsets in UTF-16 units of the checked text. */
export interface GrammarFinding {
  start: number;
  end: number;
  message: string;
  suggestions: string[];
  /** Checker's category ("Spelling", "Agreement", "Formatting", …). */
  kind: string;
}

/** The server side wraps a real checker (harper.js) in this. */
export interface GrammarChecker {
  check(text: string): Promise<GrammarFinding[]>;
}

// Layout nits say nothing about a spoken or typed interview answer.
const IGNORED_KINDS = new Set(['Formatting', 'Style', 'Readability', 'Enhancement']);

const MAX_ISSUES = 20;

/**
 * Keeps the findings worth showing a candidate: drops layout nits, "misspellings" of
 * words the question or reference use (jargon the checker does not know), notes on code and
 * on lists of terms (see findQuietZones), and overlaps.
 */
export function selectGrammarIssues(
  text: string,
  findings: readonly GrammarFinding[],
  isKnownWord: (word: string) => boolean,
  context: { question?: string } = {},
): GrammarIssue[] {
  const out: GrammarIssue[] = [];
  let lastEnd = -1;
  const quiet = findQuietZones(text);
  const questionWords = new Set((context.question ?? '').split(/[^\w]+/).filter(Boolean));
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of sorted) {
    if (IGNORED_KINDS.has(f.kind)) continue;
    if (f.start < 0 || f.end > text.length || f.end <= f.start || f.start < lastEnd) continue;
    const flagged = text.slice(f.start, f.end);
    if (!flagged.trim()) continue;
    // A suggestion that only doubles, undoubles or swaps letters, or splits the word in two, marks
    // a classic misspelling ("accross", "recieve", "alot") wherever it stands.
    const slip = f.suggestions.some((s) => isClassicSlip(flagged, s));
    const zone = quiet.find((z) => f.start < z.end && z.start < f.end);
    if (zone && !(zone.kind === 'list' && slip)) continue;
    if (afterClosingParenthesis(text, f.start)) continue;
    if (isOpenCompoundNit(flagged, f.suggestions)) continue;
    if (f.kind === 'Capitalization' && /sentence/i.test(f.message) && !isRealSentenceStart(text, f.start, flagged, questionWords)) continue;
    // Only dictionary misses are second-guessed; "Typo" findings are specific known slips ("teh").
    if (f.kind === 'Spelling' && !slip) {
      const word = flagged.toLowerCase();
      if (isNameOrAcronym(text, f.start, flagged) || isKnownWord(word) || looksLikeName(word, f.suggestions)) continue;
    }
    out.push({ start: f.start, end: f.end, message: f.message, suggestions: f.suggestions.slice(0, 3) });
    lastEnd = f.end;
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
}

interface Zone {
  start: number;
  end: number;
  kind: 'code' | 'list';
}

const CODE_CHARS = /[_(){}[\]<>=;`$#@\\/|*+]|\w\.\w|^\.\w|\w\(|[a-z][A-Z]|[A-Z]{2,}[a-z]/;
const SQL_START = /^(SELECT|UPDATE|INSERT|DELETE|BEGIN|COMMIT|ROLLBACK|CREATE|ALTER|DROP|EXPLAIN|WITH|TRUNCATE|GRANT)\b/;
const SQL_WORD =
  /^(SELECT|FROM|WHERE|UPDATE|SET|INSERT|INTO|VALUES|DELETE|JOIN|LEFT|RIGHT|INNER|OUTER|FULL|ON|AND|OR|NOT|NULL|IS|IN|GROUP|BY|ORDER|HAVING|LIMIT|OFFSET|BEGIN|COMMIT|ROLLBACK|CREATE|TABLE|INDEX|ALTER|DROP|EXPLAIN|ANALYZE|WITH|AS|CASCADE|PRIMARY|KEY|FOREIGN|REFERENCES|UNIQUE|DISTINCT|COUNT|ASC|DESC|TRUNCATE|GRANT|RETURNING|USING|LIKE|BETWEEN|EXISTS)$/;
const LIST_ITEM = String.raw`[^\s,.;:!?()]+(?: [^\s,.;:!?()]+)?`;
const TERM_LIST = new RegExp(String.raw`${LIST_ITEM}(?:, ${LIST_ITEM}){1,}(?:,? (?:and|or) ${LIST_ITEM})`, 'g');

/**
 * Parts of an answer where grammar notes do more harm than good: text in backticks, tokens that
 * are code (camelCase, snake_case, dotted names, calls, paths, operators), SQL statements, and
 * lists of three or more short terms ("Kafka, RabbitMQ and SQS"), where harper reads names as
 * misspellings and list items as broken sentences.
 */
export function findQuietZones(text: string): Zone[] {
  const zones: Zone[] = [];
  const zone = (start: number, end: number, kind: Zone['kind'] = 'code') => zones.push({ start, end, kind });
  for (const m of text.matchAll(/`[^`]*`/g)) zone(m.index, m.index + m[0].length);
  const tokens = [...text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
  for (const t of tokens) {
    const core = stripPunctuation(t.raw);
    if (core && CODE_CHARS.test(core)) zone(t.start, t.end);
  }
  // SQL: from a statement keyword in capitals, on through keywords, operators, numbers, literals
  // and the names right after a keyword or operator, to a semicolon or the first plain word.
  for (let i = 0; i < tokens.length; i++) {
    if (!SQL_START.test(tokens[i]!.raw)) continue;
    let j = i;
    let previousWasSqlWord = true;
    while (j + 1 < tokens.length && !tokens[j]!.raw.endsWith(';')) {
      const next = tokens[j + 1]!.raw.replace(/[,;]$/, '');
      const sqlWord = SQL_WORD.test(next) || /^[\d'"*=<>!+\-/%().]+/.test(next) || /[_.]/.test(next);
      if (!sqlWord && !previousWasSqlWord) break;
      previousWasSqlWord = sqlWord;
      j++;
    }
    zone(tokens[i]!.start, tokens[j]!.end);
    i = j;
  }
  // A one-word list item is a term wherever else it appears ("… heaps, tries and skip lists … tries make prefix search cheap").
  const terms = new Set<string>();
  for (const m of text.matchAll(TERM_LIST)) {
    zone(m.index, m.index + m[0].length, 'list');
    for (const item of m[0].split(/, | and | or |,/)) if (/^[\w-]{3,}$/.test(item)) terms.add(item.toLowerCase());
  }
  for (const t of tokens) {
    const core = stripPunctuation(t.raw).toLowerCase();
    if (terms.has(core)) zone(t.start, t.end, 'list');
  }
  return zones;
}

/** A token without the quotes, brackets and sentence punctuation around it. */
const stripPunctuation = (raw: string): string => raw.replace(/^["'“‘([]+|["'”’)\].,;:!?]+$/g, '');

function afterClosingParenthesis(text: string, at: number): boolean {
  return /\)\s*$/.test(text.slice(Math.max(0, at - 3), at));
}

/** "hash map" → "hashmap": an open compound is not an error worth a note. */
function isOpenCompoundNit(flagged: string, suggestions: readonly string[]): boolean {
  return (
    /\s/.test(flagged.trim()) &&
    suggestions.length > 0 &&
    suggestions.every((s) => s.toLowerCase() === flagged.replace(/\s+/g, '').toLowerCase())
  );
}

/**
 * A capitalization note is right only at a real sentence start: after ". " (not inside
 * "resources.limits" or "?cursor="), and not on a lower-case term the question itself uses
 * ("map transforms each item" answering "Explain map, filter and reduce").
 */
function isRealSentenceStart(text: string, at: number, word: string, questionWords: ReadonlySet<string>): boolean {
  if (questionWords.has(word)) return false;
  const before = text.slice(0, at);
  return before.trim() === '' || /[.!?]["'”’)\]]*\s+$/.test(before);
}

/** Capitalized names inside a sentence ("Fastly", "Nx") and acronyms ("SQS", "JSONB") are not misspellings. */
function isNameOrAcronym(text: string, at: number, word: string): boolean {
  if (/^[A-Z0-9]{2,}s?$/.test(word)) return true;
  return /^[A-Z]/.test(word) && isRealSentenceStart(text, at, '', new Set()) === false;
}

/**
 * An unknown word the checker can only match to something far away is a name (a tool, a
 * library, a column), not a slip: no vowel ("pnpm"), a known word plus a suffix
 * ("timestamptz"), or no suggestion within two edits and a third of its length ("mypy").
 */
function looksLikeName(word: string, suggestions: readonly string[]): boolean {
  if (!/[aeiouy]/.test(word)) return true;
  const lower = suggestions.map((s) => s.toLowerCase());
  if (lower.some((s) => word.startsWith(s) && word.length - s.length >= 2)) return true;
  return !lower.some((s) => {
    const d = editDistance(word, s);
    return d <= 2 && d / word.length <= 1 / 3;
  });
}

/** Damerau–Levenshtein distance (adjacent swaps count once), for short words. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether `suggestion` is `word` with one letter doubled or undoubled, two neighbours swapped, or one space inserted ("a lot"). */
export function isClassicSlip(word: string, suggestion: string): boolean {
  const a = word.toLowerCase();
  const b = suggestion.toLowerCase();
  if (a === b) return false;
  if (!/\s/.test(a) && b.includes(' ') && b.replace(' ', '') === a && b.split(' ').length === 2) return true;
  const undouble = (x: string, y: string) => {
    if (x.length !== y.length + 1) return false;
    for (let i = 0; i < x.length; i++) if (x.slice(0, i) + x.slice(i + 1) === y) return x[i] === x[i - 1] || x[i] === x[i + 1];
    return false;
  };
  if (undouble(a, b) || undouble(b, a)) return true;
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Converts code-point offsets to UTF-16 offsets (for checkers that count characters). */
export function codePointToUtf16Offsets(text: string): (cp: number) => number {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (cp) => map[Math.min(Math.max(cp, 0), map.length - 1)]!;
}

const PREFIXES = ['un', 're', 'pre', 'non', 'de', 'multi', 'sub', 'over', 'under', 'micro', 'auto'];

/**
 * Whether a word the spell checker does not know is still a real word of the trade: metrics and
 * versions with digits ("p95", "k8s"), a known word with a common prefix ("unindexed"), or a
 * compound of two common words ("runbook", "backfill"); compounds are only built from common
 * words so that a real misspelling rarely splits into two. Flagging these as misspellings teaches a
 * candidate to distrust every grammar note.
 */
export function isLikelyTermOfArt(word: string, isWord: (w: string) => boolean, isCommonWord: (w: string) => boolean = isWord): boolean {
  if (/\d/.test(word)) return true;
  for (const p of PREFIXES) {
    if (word.length - p.length >= 4 && word.startsWith(p) && isWord(word.slice(p.length))) return true;
  }
  for (let i = 3; i <= word.length - 3; i++) {
    if (isCommonWord(word.slice(0, i)) && isCommonWord(word.slice(i))) return true;
  }
  return false;
}
