import { describe, expect, it } from 'vitest';
import { paceAt, warnLeadSeconds } from './question-pace.js';

const t0 = 1_000_000;
const s = (n: number) => t0 + n * 1000;

describe('question pace', () => {
  it('thinks first, then answers, warns before the end, then is over', () => {
    const limits = { thinkSeconds: 20, answerSeconds: 120 };
    expect(paceAt(limits, t0, null, s(0))).toEqual({ phase: 'think', remaining: 20 });
    expect(paceAt(limits, t0, null, s(19.5))).toEqual({ phase: 'think', remaining: 1 });
    expect(paceAt(limits, t0, null, s(20))).toEqual({ phase: 'answer', remaining: 120 });
    expect(paceAt(limits, t0, null, s(109))).toEqual({ phase: 'answer', remaining: 31 });
    expect(paceAt(limits, t0, null, s(110))).toEqual({ phase: 'warn', remaining: 30 });
    expect(paceAt(limits, t0, null, s(140))).toEqual({ phase: 'over', remaining: 0 });
  });

  it('starts answering early when the candidate skips the think time', () => {
    const limits = { thinkSeconds: 60, answerSeconds: 60 };
    expect(paceAt(limits, t0, s(5), s(6)).phase).toBe('answer');
    expect(paceAt(limits, t0, s(5), s(65))).toEqual({ phase: 'over', remaining: 0 });
  });

  it('has no clock without limits, and no think phase without think time', () => {
    expect(paceAt({ thinkSeconds: null, answerSeconds: null }, t0, null, s(9999))).toEqual({ phase: 'answer', remaining: null });
    expect(paceAt({ thinkSeconds: null, answerSeconds: 45 }, t0, null, s(0))).toEqual({ phase: 'answer', remaining: 45 });
  });

  it('warns 30 s ahead, or 10 s for short limits', () => {
    expect(warnLeadSeconds(30)).toBe(10);
    expect(warnLeadSeconds(60)).toBe(10);
    expect(warnLeadSeconds(90)).toBe(30);
  });
});

describe('a clock read in whole seconds', () => {
  it('never shows more time than the limit', () => {
    // The question appeared 0.4 s after the second the ticker last read.
    expect(paceAt({ thinkSeconds: 15, answerSeconds: 60 }, t0 + 400, null, t0)).toEqual({ phase: 'think', remaining: 15 });
    expect(paceAt({ thinkSeconds: null, answerSeconds: 60 }, t0 + 400, null, t0 + 400)).toEqual({ phase: 'answer', remaining: 60 });
  });
});
