import { describe, expect, it } from 'vitest';
import { formatMinutes, formatSpan, formatSpanWords } from './schedule-format.js';

describe('countdown words', () => {
  it('is coarse for reading, never negative', () => {
    expect(formatSpan(-5)).toBe('under a minute');
    expect(formatSpan(59)).toBe('under a minute');
    expect(formatSpan(60)).toBe('1 min');
    expect(formatSpan(5400)).toBe('1 h 30 min');
    expect(formatSpan(7200)).toBe('2 h');
    expect(formatSpan(86_400 + 7 * 3600 + 59)).toBe('1 day 7 h');
    expect(formatSpan(2 * 86_400)).toBe('2 days');
  });

  it('spells units out for screen readers', () => {
    expect(formatSpanWords(30)).toBe('less than a minute');
    expect(formatSpanWords(61)).toBe('1 minute');
    expect(formatSpanWords(3660)).toBe('1 hour 1 minute');
    expect(formatSpanWords(2 * 86_400 + 3600)).toBe('2 days 1 hour');
  });

  it('names durations', () => {
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
  });
});
