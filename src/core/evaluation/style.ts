import { isWordToken, type AnalyzedText } from './analyzed-text.js';

/** Delivery signals that affect clarity, not content. */
export interface StyleSignals {
  words: number;
  sentences: number;
  /** Mean words per sentence. */
  wordsPerSentence: number;
  /** Hedging phrases ("I think", "maybe") per 100 words. */
  hedgeRate: number;
  /** Spoken fillers ("um", "you know", filler "like") per 100 words. */
  fillerRate: number;
  hedges: string[];
  fillers: string[];
  /** Flesch reading ease, clipped to 0–100 (higher reads easier). */
  readingEase: number;
  /** Share of sentences that start with a linking word ("first", "because", "however"). */
  connectiveRate: number;
  /** Lists or enumerations ("first … second", bullets, numbered steps). */
  enumerated: boolean;
}

const HEDGES =
  /\b(i think|i guess|i believe|i suppose|i feel like|maybe|perhaps|probably|possibly|kind of|sort of|not sure|i'm not sure|might be|could be|somewhat|more or less|i would say)\b/g;
const FILLERS = /\b(um+|uh+|erm+|er|hmm+|you know|basically|literally|i mean|like,|, like\b|so yeah|yeah)\b|\b(um+|uh+)\b/g;
const CONNECTIVES =
  /^(first|firstly|second|secondly|third|then|next|after that|afterwards|finally|lastly|because|since|so|therefore|thus|however|but|also|in addition|additionally|for example|for instance|as a result|overall|in short|to summarize|in summary|on the other hand|meanwhile|instead|this means|that means|that way)\b/;
const ENUMERATION = /(^|\n)\s*([-*•]|\d+[.)])\s+\S|\b(first(ly)?|one)\b[^.]*\.(.|\n)*\b(second(ly)?|then|next|two)\b/i;

export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return w.length > 0 ? 1 : 0;
  const groups = w
    .replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '')
    .replace(/^y/, '')
    .match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups ? groups.length : 1);
}

export function measureStyle(a: AnalyzedText): StyleSignals {
  const lower = a.text.toLowerCase().replace(/[’‘]/g, "'");
  let words = 0;
  let syllables = 0;
  for (const t of a.tokens) {
    if (!isWordToken(t)) continue;
    words++;
    syllables += t.kind === 'number' ? 1 : countSyllables(t.text);
  }
  const sentences = Math.max(1, a.sentences.filter((s) => s.tokenEnd > s.tokenStart).length);
  const hedges = lower.match(HEDGES) ?? [];
  const fillers = (lower.match(FILLERS) ?? []).map((f) => f.replace(/[,\s]+/g, ' ').trim());
  const per100 = (n: number): number => (words > 0 ? (n * 100) / words : 0);
  const wps = words / sentences;
  const ease = words > 0 ? 206.835 - 1.015 * wps - 84.6 * (syllables / words) : 0;
  let connective = 0;
  for (const s of a.sentences) {
    if (CONNECTIVES.test(lower.slice(s.start, s.end).trimStart())) connective++;
  }
  return {
    words,
    sentences,
    wordsPerSentence: wps,
    hedgeRate: per100(hedges.length),
    fillerRate: per100(fillers.length),
    hedges: [...new Set(hedges)],
    fillers: [...new Set(fillers)],
    readingEase: Math.max(0, Math.min(100, ease)),
    connectiveRate: connective / sentences,
    enumerated: ENUMERATION.test(a.text),
  };
}
