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
 * words the question or reference use (jargon the checker does not know), and overlaps.
 */
export function selectGrammarIssues(
  text: string,
  findings: readonly GrammarFinding[],
  isKnownWord: (word: string) => boolean,
): GrammarIssue[] {
  const out: GrammarIssue[] = [];
  let lastEnd = -1;
  const sorted = [...findings].sort((a, b) => a.start - b.start || a.end - b.end);
  for (const f of sorted) {
    if (IGNORED_KINDS.has(f.kind)) continue;
    if (f.start < 0 || f.end > text.length || f.end <= f.start || f.start < lastEnd) continue;
    const flagged = text.slice(f.start, f.end);
    if (!flagged.trim()) continue;
    // Only dictionary misses are second-guessed; "Typo" findings are specific known slips ("teh").
    if (f.kind === 'Spelling' && isKnownWord(flagged.toLowerCase())) continue;
    out.push({ start: f.start, end: f.end, message: f.message, suggestions: f.suggestions.slice(0, 3) });
    lastEnd = f.end;
    if (out.length >= MAX_ISSUES) break;
  }
  return out;
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
