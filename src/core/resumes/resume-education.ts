import type { ResumeEducation } from '../../contract/resumes.js';
import { isLocation } from './resume-contact.js';
import { findDateRanges, findDates } from './resume-dates.js';
import type { SectionedLine } from './resume-sections.js';
import { charIn, trimEdges } from './trim-edges.js';

// A field of study is a few words ("in Computer Science and Engineering"); the bound keeps a
// line of capitalised words from being read, and trimmed, to its end.
const FIELD = String.raw`(?:\s*(?:,\s*)?(?:[Ii]n|[Oo]f|en|em|de|im|für)\s+[\p{L}&][\p{L}&'’.\-/]*(?:\s+(?:\p{Lu}[\p{L}&'’.\-/]*|and|&|of|in|for|de|del|la|des|du|da|do|y|e|und|für)){0,12})?`;
const DEGREE_WORDS = String.raw`(?:(?:bachelor|master|doctor|associate)(?:'s|s)?(?:\s+(?:degree|of\s+(?:science|arts|fine\s+arts|business\s+administration|engineering|education|laws|nursing|music|technology|applied\s+science|public\s+health|social\s+work|philosophy|architecture|commerce|computer\s+applications)))?|doctorate|(?:high\s+school|secondary\s+school|ged)\s+diploma|diploma|(?:graduate\s+|post-?graduate\s+|professional\s+)?certificate|hnd|hnc|ged|a-levels?|gcses?|igcses?|baccalaur[ée]at|international\s+baccalaureate|city\s*(?:&|and)\s*guilds|licenciatura|ma[iî]trise|magist(?:er|ra)|laurea(?:\s+magistrale)?|mestrado|bacharelado|doutorado|abitur|diplom(?:-[\p{L}]+)?)`;
// Abbreviations are matched with their capitals ("as" is a word, "AS" a degree) and stand alone.
const DEGREE_ABBREVIATIONS = String.raw`(?:B\.?S\.?(?:c\.?)?|BSc|B\.?A\.?|B\.?Eng\.?|B\.?E\.?|B\.?Tech\.?|B\.?Com\.?|BFA|BBA|BSN|B\.?Ed\.?|M\.?S\.?(?:c\.?)?|MSc|M\.?A\.?|M\.?Eng\.?|M\.?Tech\.?|MFA|MBA|MSN|MPH|MSW|M\.?Ed\.?|M\.?Phil\.?|LL\.?[BM]\.?|Ph\.?\s?D\.?|D\.?Phil\.?|Ed\.?D\.?|DNP|Pharm\.?\s?D\.?|J\.?D\.?|M\.?D\.?|A\.?A\.?S\.?|A\.?A\.?|A\.?S\.?|ADN|NVQ|SVQ|BTEC|HNC|HND|PGCE|PGDip|PGCert|MRes|MPA|MArch|BArch|MBBS|BDS|DDS|DVM|EMBA)`;
const DEGREE_BY_WORDS = new RegExp(String.raw`(?<![\p{L}.])${DEGREE_WORDS}(?![\p{L}])${FIELD}`, 'iu');
// Words that are qualifications only when written as a title ("Foundation Degree", "Data Bootcamp"),
// not in running text ("a degree of autonomy", "a licence to drive").
const TITLE_WORDS = String.raw`(?:Degree|Bootcamp|Boot\s+Camp|Nanodegree|Apprenticeship|Licence|Grado|Máster)`;
const DEGREE_BY_TITLE_WORD = new RegExp(String.raw`(?<![\p{L}.])${TITLE_WORDS}(?![\p{L}])${FIELD}`, 'u');
const DEGREE_BY_ABBREVIATION = new RegExp(String.raw`(?<![\p{L}.])${DEGREE_ABBREVIATIONS}(?![\p{L}])${FIELD}`, 'u');
const INSTITUTION =
  /(?<![\p{L}])(?:university|universidad|universidade|université|universität|università|universiteit|college|institute|institut|instituto|school|academy|akademie|academia|polytechnic|politecnico|polytechnique|conservatory|seminary|école|escuela|escola|hochschule|hogeschool|gymnasium|lycée|sixth\s+form|iit|mit)(?![\p{L}])/iu;

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
  const found = [DEGREE_BY_WORDS, DEGREE_BY_ABBREVIATION, DEGREE_BY_TITLE_WORD]
    .map((re) => re.exec(cleaned))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => a.index - b.index);
  const m = found[0];
  if (!m) return null;
  // The field ends where the next segment starts.
  let text = m[0].split(SEGMENT_END)[0]!.replace(/(?:\s+(?:and|&|of|in|for))+$/, '');
  if (text.trim().length < 2) return null;
  // "MSc Economics", "BSc (Hons) Construction Management", "City & Guilds Level 3 Plumbing": a
  // qualification with its field right after it, up to the school's name.
  if (text === m[0]) {
    const field = /^(\s*\((?:hons|honours|honors)\))?((?:\s+(?:\p{Lu}[\p{L}&'’.+-]*|\d{1,2}|and|&|of))+)/iu.exec(
      cleaned.slice(m.index + m[0].length),
    );
    if (field) {
      const words = wordsBefore(field[2]!.trim().split(/\s+/), (w) => INSTITUTION.test(w) || /^(?:the|at)$/i.test(w));
      if (words.length > 0) text = `${text}${field[1] ?? ''} ${words.join(' ')}`;
    }
  }
  // "BTEC Extended Diploma in IT", "Level 3 Diploma in …", "Full-Stack Web Development Bootcamp":
  // the title words written before the keyword belong to the qualification's name.
  const before = cleaned.slice(0, m.index).split(SEGMENT_END).at(-1)!;
  const prefix: string[] = [];
  for (const w of before.trim().split(/\s+/).reverse()) {
    if (!/^(?:\p{Lu}[\p{L}'’.+&-]*|\d{1,2}|&|and|of)$/u.test(w) || INSTITUTION.test(w)) break;
    prefix.unshift(w);
  }
  while (prefix.length > 0 && /^(?:&|and|of)$/i.test(prefix[0]!)) prefix.shift();
  if (prefix.length > 0 && prefix.length <= 6) text = `${prefix.join(' ')} ${text.trimStart()}`;
  return { text };
}

// Where one part of an education line ends: a tab, a spaced dash or bar, a comma before a capital, a bracket.
const SEGMENT_END = /\t|\s[|·•–—-]\s|,\s(?=\p{Lu})|\s\(/u;

/** The words up to the first one `stop` accepts, without a dangling "and", "&" or "of". */
function wordsBefore(words: string[], stop: (w: string) => boolean): string[] {
  const kept: string[] = [];
  for (const w of words) {
    if (stop(w)) break;
    kept.push(w);
  }
  while (kept.length > 0 && /^(?:and|&|of)$/i.test(kept.at(-1)!)) kept.pop();
  return kept;
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
