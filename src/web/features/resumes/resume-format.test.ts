import { describe, expect, it } from 'vitest';
import { formatMonth, formatYears, linkHref, MONTH_OR_YEAR, positionDuration, sectionLabel } from './resume-format.js';

describe('resume dates', () => {
  it('shows months and years as written, and "present"', () => {
    expect(formatMonth('present')).toBe('Present');
    expect(formatMonth('2019')).toBe('2019');
    expect(formatMonth(null)).toBe('?');
    expect(formatMonth('2021-03')).toMatch(/2021/);
  });

  it('counts the months of a position, both ends included', () => {
    expect(positionDuration({ start: '2021-01', end: '2021-12' })).toBe('1 yr');
    expect(positionDuration({ start: '2020-03', end: '2021-04' })).toBe('1 yr 2 mos');
    expect(positionDuration({ start: '2018', end: '2021' })).toBe('4 yrs');
    expect(positionDuration({ start: '2024-01', end: 'present' }, new Date(2024, 2, 15))).toBe('3 mos');
  });

  it('says nothing when a date is missing or the range runs backwards', () => {
    expect(positionDuration({ start: null, end: '2021' })).toBeNull();
    expect(positionDuration({ start: '2022', end: '2020' })).toBeNull();
  });

  it('accepts what the contract accepts for corrections', () => {
    expect(MONTH_OR_YEAR.test('2021-03')).toBe(true);
    expect(MONTH_OR_YEAR.test('2021')).toBe(true);
    expect(MONTH_OR_YEAR.test('2021-13')).toBe(false);
    expect(MONTH_OR_YEAR.test('March 2021')).toBe(false);
  });
});

describe('other resume fields', () => {
  it('words years of experience', () => {
    expect(formatYears(null)).toBe('Not stated');
    expect(formatYears(1)).toBe('1 year');
    expect(formatYears(8.333)).toBe('8.3 years');
  });

  it('makes links clickable only for http(s)', () => {
    expect(linkHref('github.com/ada')).toBe('https://github.com/ada');
    expect(linkHref('https://example.com/me')).toBe('https://example.com/me');
    expect(linkHref('javascript:alert(1)')).toBeNull();
    expect(linkHref('mailto:a@b.c')).toBeNull();
  });

  it('turns section names into headings', () => {
    expect(sectionLabel('work_experience')).toBe('Work experience');
    expect(sectionLabel('skills')).toBe('Skills');
  });
});
