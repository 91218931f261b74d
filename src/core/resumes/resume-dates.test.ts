import { describe, expect, it } from 'vitest';
import { findDateRanges, formatResumeDate, parseResumeDate, yearsCovered } from './resume-dates.js';

const ranges = (line: string) => findDateRanges(line).map((r) => [formatResumeDate(r.start), formatResumeDate(r.end)]);

describe('findDateRanges', () => {
  it.each([
    ['Senior Engineer, Acme — Jan 2020 – Present', [['2020-01', 'present']]],
    ['03/2019 - 06/2021', [['2019-03', '2021-06']]],
    ['2018–2020', [['2018', '2020']]],
    ['Since 2021', [['2021', 'present']]],
    ['since March 2021', [['2021-03', 'present']]],
    ['September 2017 to May 2019', [['2017-09', '2019-05']]],
    ["Jun '19 – now", [['2019-06', 'present']]],
    ['Sept. 2016 – May 2019', [['2016-09', '2019-05']]],
    ['2019-03 to 2022-08', [['2019-03', '2022-08']]],
    ['(2015 - current)', [['2015', 'present']]],
    ['Jan – Mar 2020', [['2020-01', '2020-03']]],
    ['Summer 2019 - Fall 2020', [['2019', '2020']]],
    ['from 2012 until 2014', [['2012', '2014']]],
  ])('reads %s', (line, expected) => {
    expect(ranges(line)).toEqual(expected);
  });

  it('ignores phone numbers, backwards spans and single years', () => {
    expect(ranges('+1 (415) 555-2019')).toEqual([]);
    expect(ranges('2021 - 2015')).toEqual([]);
    expect(ranges('Graduated 2016')).toEqual([]);
    expect(ranges('Version 2.1 - 3.0')).toEqual([]);
  });

  it('finds where the range was written so a header can be cut around it', () => {
    const [r] = findDateRanges('Designer | Studio X | 2019 – 2021');
    expect(r).toBeDefined();
    expect('Designer | Studio X | 2019 – 2021'.slice(r!.index, r!.index + r!.length)).toBe('2019 – 2021');
  });
});

describe('parseResumeDate', () => {
  it('keeps a year alone without inventing a month', () => {
    expect(parseResumeDate('2016')).toEqual({ year: 2016, month: null });
    expect(parseResumeDate('December, 2016')).toEqual({ year: 2016, month: 12 });
    expect(parseResumeDate('13/2016')).toBeNull();
  });
});

describe('yearsCovered', () => {
  const now = { year: 2025, month: 6 };
  const d = (year: number, month: number | null = null) => ({ year, month });

  it('counts overlapping jobs once', () => {
    expect(
      yearsCovered(
        [
          { start: d(2015, 1), end: d(2019, 12) },
          { start: d(2018, 1), end: d(2020, 12) },
        ],
        now,
      ),
    ).toBe(6);
  });

  it('adds separate jobs and runs "present" to the reference month', () => {
    expect(
      yearsCovered(
        [
          { start: d(2010, 1), end: d(2010, 12) },
          { start: d(2024, 7), end: 'present' },
        ],
        now,
      ),
    ).toBe(2);
  });

  it('reads a year alone as its middle', () => {
    expect(yearsCovered([{ start: d(2018), end: d(2020) }], now)).toBe(2);
    expect(yearsCovered([{ start: d(2020), end: d(2020) }], now)).toBe(0.5);
  });

  it('never counts the future', () => {
    expect(yearsCovered([{ start: d(2024, 1), end: d(2030, 1) }], now)).toBe(1.5);
  });
});
