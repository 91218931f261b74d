import type { ResumeEducation } from '../../contract/resumes.js';
import { isLocation } from './resume-contact.js';
import { findDateRanges, findDates } from './resume-dates.js';
import type { SectionedLine } from './resume-sections.js';
import { charIn, trimEdges } from './trim-edges.js';

// A field of study is a few words ("in Computer Science and Engineering"); the bound keeps a
// line of capitalised words from being read, and trimmed, to its end.
const FIELD = String.raw`(?:\s*(?:,\s*)?(?:[Ii]n|[Oo]f)\s+[\p{L}&][\p{L}&'’.\-/]*(?:\s+(?:\p{Lu}[\p{L}&'’.\-/]*|and|&|of|in|for)){0,12})?`;
const DEGREE_WORDS = String.raw`(?:(?:bachelor|master|doctor|associate)(?:'s|s)?(?:\s+(?:degree|of\s+(?:science|arts|fine\s+arts|business\s+administration|engineering|education|laws|nursing|music|technology|applied\s+science|public\s+health|social\s+work|philosophy|architecture|commerce|computer\s+applications)))?|doctorate|(?:high\s+school|secondary\s+school|ged)\s+diploma|diploma|(?:graduate\s+|post-?graduate\s+|professional\s+)?certificate|hnd|ged|a-levels?|baccalaur[ée]at)`;
// Abbreviations are matched with their capitals ("as" is a word, "AS" a degree) and stand alone.
const DEGREE_ABBREVIATIONS = String.raw`(?:B\.?S\.?(?:c\.?)?|BSc|B\.?A\.?|B\.?Eng\.?|B\.?E\.?|B\.?Tech\.?|B\.?Com\.?|BFA|BBA|BSN|B\.?Ed\.?|M\.?S\.?(?:c\.?)?|MSc|M\.?A\.?|M\.?Eng\.?|M\.?Tech\.?|MFA|MBA|MSN|MPH|MSW|M\.?Ed\.?|M\.?Phil\.?|LL\.?[BM]\.?|Ph\.?\s?D\.?|D\.?Phil\.?|Ed\.?D\.?|DNP|Pharm\.?\s?D\.?|J\.?D\.?|M\.?D\.?|A\.?A\.?S\.?|A\.?A\.?|A\.?S\.?|ADN)`;
const DEGREE_BY_WORDS = new RegExp(String.raw`(?<![\p{L}.])${DEGREE_WORDS}(?![\p{L}])${FIELD}`, 'iu');
const DEGREE_BY_ABBREVIATION = new RegExp(String.raw`(?<![\p{L}.])${DEGREE_ABBREVIATIONS}(?![\p{L}])${FIELD}`, 'u');
const INSTITUTION =
  /(?<![\p{L}])(?:university|universidad|universidade|université|universität|università|college|institute|institut|school|academy|polytechnic|politecnico|polytechnique|conservatory|seminary|école|hochschule|iit|mit)(?![\p{L}])/iu;

/**
 * Degrees with their school and graduation year. A degree anchors an entry; the school is the
 * segment of that line or a neighbouring one that names an institution; the year is the last one
 * written there (a range's end, "Expected May 2026").
 */
export function findEducation(lines: readonly SectionedLine[]): ResumeEducation[] {
  let source = lines.filter((l) => l.section === 'education' && !l.heading);
  if (source.length === 0) source = lines.filter((l) => !l.heading && l.section !== 'experience' && l.section !== 'skills');
  const entries: ResumeEducation[] = [];
  const used = new Set<number>();

  source.forEach((line, i) => {
    if (used.has(i)) return;
    const content = line.content.replace(/^•\s*/, '');
    const degreeMatch = findDegree(content);
    if (!degreeMatch) return;
    used.add(i);
    const degree = tidy(degreeMatch.text);
    // The entry's other lines: the ones right below (school, dates), or a school line right above.
    const entry = [content];
    const adjacent = (j: number) => {
      const l = source[j];
      return l !== undefined && !used.has(j) && l.content.length > 0 && l.index - line.index === j - i && !findDegree(l.content);
    };
    for (let j = i + 1; j <= i + 3 && adjacent(j); j += 1) {
      entry.push(source[j]!.content.replace(/^•\s*/, ''));
      used.add(j);
    }
    if (!entry.slice(1).some((c) => INSTITUTION.test(c)) && adjacent(i - 1) && INSTITUTION.test(source[i - 1]!.content)) {
      entry.unshift(source[i - 1]!.content.replace(/^•\s*/, ''));
      used.add(i - 1);
    }
    const segments = entry.flatMap(segmentsOf).filter((s) => !s.includes(degreeMatch.text.trim()));
    let institution = segments.find((s) => INSTITUTION.test(s)) ?? '';
    if (!institution) {
      // "BSc Computer Science — Universidad de Chile": the institution may lack the keywords.
      const other = segments.find(
        (s) => !isLocation(s) && /^\p{Lu}/u.test(s) && !/\d{4}/.test(s) && !/^(?:GPA|Honou?rs|Minor|Thesis|Coursework|Relevant)\b/i.test(s),
      );
      institution = other ?? '';
    }
    const year =
      lastYear(content) ??
      entry
        .map(lastYear)
        .filter((y): y is number => y !== null)
        .at(-1) ??
      null;
    entries.push({ degree: degree.slice(0, 200), institution: tidy(institution).slice(0, 200), year });
  });
  return entries.slice(0, 20);
}

function findDegree(content: string): { text: string } | null {
  // A state after a city ("Boston, MA") is not a Master of Arts.
  const cleaned = content.replace(/(?<![\p{L}.'’-])(\p{Lu}[\p{L}.'’-]+),\s*(?:MA|MS|MD|PA|DE|LA|AA)\b/gu, '$1');
  const byWords = DEGREE_BY_WORDS.exec(cleaned);
  const byAbbreviation = DEGREE_BY_ABBREVIATION.exec(cleaned);
  const m = byWords && byAbbreviation ? (byWords.index <= byAbbreviation.index ? byWords : byAbbreviation) : (byWords ?? byAbbreviation);
  if (!m) return null;
  // The field ends where the next segment starts.
  let text = m[0].split(/\t|\s[|·•–—-]\s|,\s(?=\p{Lu})|\s\(/u)[0]!.replace(/(?:\s+(?:and|&|of|in|for))+$/, '');
  if (text.trim().length < 2) return null;
  // "MSc Economics", "BSc (Hons) Construction Management": an abbreviation with its field right
  // after it, up to the school's name.
  if (m === byAbbreviation && text === m[0]) {
    const field = /^(\s*\((?:hons|honours|honors)\))?((?:\s+\p{Lu}[\p{L}&'’.-]*|\s+(?:and|&|of))+)/iu.exec(
      cleaned.slice(m.index + m[0].length),
    );
    if (field) {
      const words: string[] = [];
      for (const w of field[2]!.trim().split(/\s+/)) {
        if (INSTITUTION.test(w) || /^(?:the|at)$/i.test(w)) break;
        words.push(w);
      }
      while (words.length > 0 && /^(?:and|&|of)$/i.test(words.at(-1)!)) words.pop();
      if (words.length > 0) text = `${text}${field[1] ?? ''} ${words.join(' ')}`;
    }
  }
  return { text };
}

function segmentsOf(content: string): string[] {
  return content
    .split(/\t|\s+[|·•–—]\s+|\s+-\s+|,\s+(?=[\p{Lu}\d])|\s*\|\s*|\s+\(|\)/u)
    .map((s) => tidy(s))
    .filter((s) => s.length > 0);
}

function lastYear(content: string): number | null {
  const ranges = findDateRanges(content);
  const lastRange = ranges.at(-1);
  if (lastRange) return lastRange.end === 'present' ? null : lastRange.end.year;
  const dates = findDates(content);
  const last = dates.at(-1);
  return last ? last.date.year : null;
}

const MONTH_WORD = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?`;
// Starts only where a run of separators starts, so a long run is not retried from each position.
const TRAILING_DATE = new RegExp(
  String.raw`(?<![\s,;(–—-])[\s,;(–—-]*(?:expected|anticipated|graduat(?:ed|ing)|class\s+of|completed|since)?\s*(?:${MONTH_WORD}\s+)?(?:19|20)\d\d(?:\s*[-–—]\s*(?:(?:${MONTH_WORD}\s+)?(?:19|20)\d\d|present|current))?\s*\)?$`,
  'i',
);

const isEdge = charIn(/[\s|,;:·•–—-]/);
const isEnd = charIn(/[\s|,;:·•–—(-]/);

function tidy(text: string): string {
  return (
    trimEdges(text.replace(/\s+/g, ' '), isEdge, isEnd)
      .replace(/\bGPA\b.*$/i, '')
      // "…, expected May 2026", "(2012 – 2016)", "class of 2015": dates are read separately.
      .replace(TRAILING_DATE, '')
      .trim()
  );
}
