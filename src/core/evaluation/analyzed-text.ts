/**
 * The shape of a text after linguistic analysis. Core scoring works on this, so the NLP
 * library (wink-nlp, loaded on the server side) stays swappable and core stays pure.
 */
export type TokenKind = 'word' | 'number' | 'punctuation' | 'symbol' | 'other';

export interface AnalyzedToken {
  /** The token exactly as written. */
  text: string;
  /** Lower-cased, contractions expanded ("n't" → "not"). */
  normal: string;
  lemma: string;
  /** Universal POS tag (NOUN, VERB, ADJ, …). */
  pos: string;
  stop: boolean;
  kind: TokenKind;
  /** UTF-16 offsets into the analyzed text. */
  start: number;
  end: number;
  sentence: number;
  negated: boolean;
}

export interface AnalyzedSentence {
  start: number;
  end: number;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export interface AnalyzedText {
  text: string;
  tokens: AnalyzedToken[];
  sentences: AnalyzedSentence[];
}

export type TextAnalyzer = (text: string) => AnalyzedText;

const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'ADV', 'NUM', 'X']);

/**
 * Words so common in answers that matching them proves nothing, beyond the library's
 * stop list (which keeps "think", "like", "use", …).
 */
const WEAK_WORDS = new Set([
  'think',
  'like',
  'thing',
  'something',
  'also',
  'really',
  'very',
  'just',
  'well',
  'so',
  'yes',
  'okay',
  'ok',
  'um',
  'uh',
  'erm',
  'hmm',
  'basically',
  'actually',
  'literally',
  'maybe',
  'probably',
  'guess',
  'know',
  'mean',
  'say',
  'lot',
  'kind',
  'sort',
  'way',
  'get',
  'go',
  'make',
  'use',
  'good',
  'bad',
  'etc',
  'stuff',
  'answer',
  'question',
  'example',
]);

/**
 * Stop words that still decide meaning in technical answers ("executes at least once",
 * "before the loop", "all but the first dimension"). Their frequency keeps their weight low.
 */
const MEANINGFUL_STOP_WORDS = new Set([
  'once',
  'first',
  'before',
  'after',
  'none',
  'all',
  'every',
  'least',
  'most',
  'more',
  'less',
  'both',
  'never',
  'always',
  'only',
  'each',
  'many',
  'same',
  'within',
  'without',
  'between',
  'until',
  'unless',
  'top',
  'bottom',
  'last',
  'next',
  'whole',
  'part',
  'call',
  'used',
  'inside',
  'outside',
  'twice',
  'zero',
  'one',
  'two',
  'three',
  'no',
  'not',
  'empty',
  'full',
  'new',
  'old',
  'end',
  'begin',
  'start',
  'own',
]);

export function isMeaningfulStopWord(t: AnalyzedToken): boolean {
  return t.stop && (MEANINGFUL_STOP_WORDS.has(t.lemma) || MEANINGFUL_STOP_WORDS.has(t.normal));
}

export function isWordToken(t: AnalyzedToken): boolean {
  return t.kind === 'word' || t.kind === 'number';
}

/** Content words carry the meaning an answer is graded on. */
export function isContentToken(t: AnalyzedToken): boolean {
  if (t.kind === 'number') return true;
  if (t.kind !== 'word') return false;
  if (t.stop) return isMeaningfulStopWord(t);
  if (!CONTENT_POS.has(t.pos) && !(t.pos === 'INTJ' && t.lemma.length > 3)) return false;
  if (WEAK_WORDS.has(t.lemma) || WEAK_WORDS.has(t.normal)) return false;
  return /[a-z0-9]/.test(t.normal);
}

export function contentTokens(a: AnalyzedText): AnalyzedToken[] {
  return a.tokens.filter(isContentToken);
}

export function wordCount(a: AnalyzedText): number {
  let n = 0;
  for (const t of a.tokens) if (isWordToken(t)) n++;
  return n;
}
