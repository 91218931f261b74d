/**
 * Dates as resumes write them: "Jan 2020 – Present", "03/2019 - 06/2021", "2018–2020",
 * "Since 2021", "September 2017 to May 2019", "Jun '19 – now". Months are 1–12; a year alone
 * keeps month null so the output says only what the resume said.
 */

export interface ResumeDate {
  year: number;
  month: number | null;
}

export interface DateRange {
  start: ResumeDate;
  end: ResumeDate | 'present';
  /** Where the range was written in the line, to cut it out of a job header. */
  index: number;
  length: number;
}

const MONTHS: readonly [RegExp, number][] = [
  [/^jan/i, 1],
  [/^feb/i, 2],
  [/^mar/i, 3],
  [/^apr/i, 4],
  [/^may/i, 5],
  [/^jun/i, 6],
  [/^jul/i, 7],
  [/^aug/i, 8],
  [/^sep/i, 9],
  [/^oct/i, 10],
  [/^nov/i, 11],
  [/^dec/i, 12],
];
const MONTH_NAME = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const SEASON = String.raw`(?:spring|summer|fall|autumn|winter)`;
const YEAR = String.raw`(?:19[5-9]\d|20\d\d)`;
const SHORT_YEAR = String.raw`'\d\d`;
/** One date: "Jan 2020", "January, 2020", "Jun '19", "03/2019", "2019-03", "Summer 2019", "2020". */
const DATE = String.raw`(?:(?:${MONTH_NAME}|${SEASON}),?\s*(?:${YEAR}|${SHORT_YEAR})|(?:0?[1-9]|1[0-2])\s*[/.-]\s*${YEAR}|${YEAR}\s*[/-]\s*(?:0[1-9]|1[0-2])(?![\d])|${YEAR})`;
const PRESENT = String.raw`(?:present|current(?:ly)?|now|today|to\s+date|ongoing|date)`;
const SEPARATOR = String.raw`\s*(?:[-–—~→]+|to|until|till|through|thru)\s*`;
const RANGE = new RegExp(
  String.raw`(?<![\w/.-])(?:(?:from\s+)?(${DATE}|${MONTH_NAME})${SEPARATOR}(${DATE}|${PRESENT})|(?:since|from)\s+(${DATE})(?!${SEPARATOR}))(?![\w/])`,
  'gi',
);
const SINGLE = new RegExp(String.raw`(?<![\w/.-])(${DATE})(?![\w/])`, 'gi');

// Compiled once: dates are parsed for every range on every line.
const MONTH_YEAR = new RegExp(String.raw`^(${MONTH_NAME}|${SEASON}),?\s*(${YEAR}|${SHORT_YEAR})$`, 'i');
const NUMERIC_MONTH_YEAR = new RegExp(String.raw`^(0?[1-9]|1[0-2])\s*[/.-]\s*(${YEAR})$`);
const YEAR_NUMERIC_MONTH = new RegExp(String.raw`^(${YEAR})\s*[/-]\s*(0[1-9]|1[0-2])$`);
const YEAR_ALONE = new RegExp(String.raw`^(${YEAR})$`);
const PRESENT_ALONE = new RegExp(`^${PRESENT}$`, 'i');

export function parseResumeDate(text: string): ResumeDate | null {
  const t = text.trim().replace(/\.$/, '');
  let m = MONTH_YEAR.exec(t);
  if (m) {
    const year = m[2]!.startsWith("'") ? expandShortYear(Number(m[2]!.slice(1))) : Number(m[2]);
    return { year, month: monthOf(m[1]!) };
  }
  m = NUMERIC_MONTH_YEAR.exec(t);
  if (m) return { year: Number(m[2]), month: Number(m[1]) };
  m = YEAR_NUMERIC_MONTH.exec(t);
  if (m) return { year: Number(m[1]), month: Number(m[2]) };
  m = YEAR_ALONE.exec(t);
  if (m) return { year: Number(m[1]), month: null };
  return null;
}

/** Every date range in a line, in order. "Since 2021" and "from 2019" run to the present. */
export function findDateRanges(line: string): DateRange[] {
  const ranges: DateRange[] = [];
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(line); m !== null; m = RANGE.exec(line)) {
    if (m[3] !== undefined) {
      const start = parseResumeDate(m[3]);
      if (start) ranges.push({ start, end: 'present', index: m.index, length: m[0].length });
      continue;
    }
    const endText = m[2]!;
    const end: ResumeDate | 'present' | null = PRESENT_ALONE.test(endText) ? 'present' : parseResumeDate(endText);
    if (end === null) continue;
    let start = parseResumeDate(m[1]!);
    // "Jan – Mar 2020": the start month borrows the end's year.
    if (!start && end !== 'present') {
      const month = monthOf(m[1]!);
      if (month !== null) start = { year: end.year, month };
    }
    if (!start) continue;
    // "2019 - 2012" is not a range; neither is a span longer than a working life.
    if (end !== 'present' && (compareDates(end, start) < 0 || end.year - start.year > 60)) continue;
    ranges.push({ start, end, index: m.index, length: m[0].length });
  }
  return ranges;
}

/** Single dates ("May 2018", "2016") with where they were written. */
export function findDates(line: string): { date: ResumeDate; index: number; length: number }[] {
  const found: { date: ResumeDate; index: number; length: number }[] = [];
  SINGLE.lastIndex = 0;
  for (let m = SINGLE.exec(line); m !== null; m = SINGLE.exec(line)) {
    const date = parseResumeDate(m[1]!);
    if (date) found.push({ date, index: m.index, length: m[0].length });
  }
  return found;
}

/** "2021-03", "2021" or "present", as the contract spells them. */
export function formatResumeDate(date: ResumeDate | 'present'): string {
  if (date === 'present') return 'present';
  return date.month === null ? String(date.year) : `${date.year}-${String(date.month).padStart(2, '0')}`;
}

export function parseFormattedDate(text: string): ResumeDate | 'present' | null {
  if (text === 'present') return 'present';
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(text);
  return m ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : null } : null;
}

export interface ReferenceMonth {
  year: number;
  month: number;
}

/**
 * Years covered by a set of periods, counting overlapping jobs once. A month-precise period
 * includes its end month ("Jan – Dec 2020" is 12 months); a year alone is read as its middle,
 * so "2018–2020" is two years and "2020–2020" half a year.
 */
export function yearsCovered(periods: readonly { start: ResumeDate; end: ResumeDate | 'present' }[], now: ReferenceMonth): number {
  const nowIndex = now.year * 12 + now.month;
  const spans: [number, number][] = [];
  for (const p of periods) {
    const start = p.start.year * 12 + (p.start.month === null ? 6 : p.start.month - 1);
    let end = p.end === 'present' ? nowIndex : p.end.year * 12 + (p.end.month === null ? 6 : p.end.month);
    if (p.end !== 'present' && p.end.month === null && p.start.month === null && p.end.year === p.start.year) end = start + 6;
    end = Math.min(end, nowIndex);
    if (end > start) spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let current: [number, number] | null = null;
  for (const span of spans) {
    if (current && span[0] <= current[1]) current[1] = Math.max(current[1], span[1]);
    else {
      if (current) months += current[1] - current[0];
      current = [...span];
    }
  }
  if (current) months += current[1] - current[0];
  return Math.round((months / 12) * 10) / 10;
}

function monthOf(text: string): number | null {
  const t = text.trim().toLowerCase();
  for (const [pattern, month] of MONTHS) if (pattern.test(t)) return month;
  if (/^spring/.test(t) || /^summer/.test(t) || /^fall|^autumn/.test(t) || /^winter/.test(t)) return null;
  return null;
}

function expandShortYear(two: number): number {
  return two >= 50 ? 1900 + two : 2000 + two;
}

function compareDates(a: ResumeDate, b: ResumeDate): number {
  return a.year - b.year || (a.month ?? 6) - (b.month ?? 6);
}
