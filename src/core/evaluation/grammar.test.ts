import { describe, expect, it } from 'vitest';
import { codePointToUtf16Offsets, isLikelyTermOfArt, selectGrammarIssues, type GrammarFinding } from './grammar.js';

const finding = (start: number, end: number, kind = 'Grammar', message = 'm'): GrammarFinding => ({
  start,
  end,
  kind,
  message,
  suggestions: ['a', 'b', 'c', 'd'],
});

describe('selectGrammarIssues', () => {
  const text = 'We use Kubernetes and teh cache  is fast.';
  it('drops layout nits, known jargon and overlaps, keeps real problems with offsets', () => {
    const issues = selectGrammarIssues(
      text,
      [finding(7, 17, 'Spelling'), finding(22, 25, 'Typo'), finding(31, 33, 'Formatting'), finding(22, 30, 'Grammar')],
      (w) => w === 'kubernetes' || w === 'teh',
    );
    expect(issues).toEqual([{ start: 22, end: 25, message: 'm', suggestions: ['a', 'b', 'c'] }]);
    expect(text.slice(issues[0]!.start, issues[0]!.end)).toBe('teh');
  });

  it('ignores findings outside the text', () => {
    expect(selectGrammarIssues('short', [finding(3, 99)], () => false)).toEqual([]);
  });
});

describe('codePointToUtf16Offsets', () => {
  it('maps character counts to string offsets around astral characters', () => {
    const text = '😀 I has';
    const map = codePointToUtf16Offsets(text);
    expect(text.slice(map(4), map(7))).toBe('has');
  });
});

describe('isLikelyTermOfArt', () => {
  const common = new Set(['run', 'book', 'back', 'fill', 'indexed', 'the', 'receive', 'separate']);
  const isWord = (w: string) => common.has(w);
  it('accepts metrics, prefixed words and compounds of common words', () => {
    expect(isLikelyTermOfArt('p95', isWord)).toBe(true);
    expect(isLikelyTermOfArt('unindexed', isWord)).toBe(true);
    expect(isLikelyTermOfArt('runbook', isWord)).toBe(true);
    expect(isLikelyTermOfArt('backfill', isWord)).toBe(true);
  });
  it('still rejects ordinary misspellings', () => {
    expect(isLikelyTermOfArt('teh', isWord)).toBe(false);
    expect(isLikelyTermOfArt('recieve', isWord)).toBe(false);
    expect(isLikelyTermOfArt('seperate', isWord)).toBe(false);
  });
});
