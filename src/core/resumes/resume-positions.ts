import { isLocation } from './resume-contact.js';
import { findDateRanges, type DateRange, type ResumeDate } from './resume-dates.js';
import { organisationScore, titleScore } from './resume-roles.js';
import type { ResumeSectionName, SectionedLine } from './resume-sections.js';
import { charIn, trimEdges } from './trim-edges.js';

export interface FoundPosition {
  title: string;
  employer: string;
  start: ResumeDate;
  end: ResumeDate | 'present';
  /** Index (in the text's lines) of the entry's first header line: what follows belongs to it. */
  line: number;
}

/** Sections whose dated lines are not jobs. */
const NOT_JOBS: ReadonlySet<ResumeSectionName> = new Set([
  'education',
  'certifications',
  'awards',
  'publications',
  'volunteering',
  'languages',
  'interests',
  'references',
  'projects',
  'skills',
]);

const BULLET = /^(?:•|\d{1,2}[.)])\s*/;
// A note is short: the lookahead bounds how far each "(" is read, and a match starts only where
// a whitespace run does, so neither retries over a long run.
const EMPLOYMENT_NOTE =
  /(?<!\s)\s*\((?=[^()]{0,120}\))(?:[^()]*\b(?:contract|remote|part[\s-]?time|full[\s-]?time|internship|temporary|temp|freelance|hybrid|on-?site|locum|per\s+diem|seasonal|volunteer)\b[^()]*)\)\s*/gi;
const isSegmentEdge = charIn(/[\s|,;:·•–—-]/);
const isSegmentEnd = charIn(/[\s|,;:·•–—(-]/);

/**
 * Jobs: every dated line of the experience section anchors one, and its title and employer are
 * read from that line and the header lines next to it (above first, then below), whatever the
 * order the resume puts them in ("Title | Employer | Dates", "Employer — City" over
 * "Title    Jan 2020 – Present", "2018–2020  Title, Employer").
 */
export function findPositions(lines: readonly SectionedLine[]): FoundPosition[] {
  let source = lines.filter((l) => l.section === 'experience');
  if (!source.some((l) => !l.heading && findDateRanges(l.content).length > 0)) {
    source = lines.filter((l) => !NOT_JOBS.has(l.section) && l.section !== 'contact');
  }
  const consumed = new Set<number>();
  const positions: FoundPosition[] = [];
  const ranges = source.map((l) => (l.heading ? [] : findDateRanges(l.content)));

  source.forEach((line, i) => {
    const range = ranges[i]![0];
    if (!range || BULLET.test(line.content) || isSentence(withoutRange(line.content, range))) return;
    consumed.add(i);
    let first = i;
    const pieces = [withoutRange(line.content, range)];
    let roles = assignRoles(pieces);
    const neighbour = (j: number) => {
      const l = source[j];
      if (!l || consumed.has(j) || l.heading || l.content.length === 0 || ranges[j]!.length > 0) return false;
      if (l.index !== line.index + (j - i)) return false;
      return isHeaderLike(l.content);
    };
    for (let j = i - 1; j >= i - 2 && !(roles.title && roles.employer); j -= 1) {
      if (!neighbour(j)) break;
      pieces.unshift(source[j]!.content);
      consumed.add(j);
      first = j;
      roles = assignRoles(pieces);
    }
    for (let j = i + 1; j <= i + 2 && !(roles.title && roles.employer); j += 1) {
      if (!neighbour(j)) break;
      const before = roles;
      const next = assignRoles([...pieces, source[j]!.content]);
      // A line below only belongs to this entry when it fills a gap; otherwise it is the start
      // of the next one.
      if ((before.title && next.title !== before.title) || (before.employer && next.employer !== before.employer)) break;
      pieces.push(source[j]!.content);
      consumed.add(j);
      roles = next;
    }
    if (!roles.title && !roles.employer) return;
    positions.push({ title: roles.title, employer: roles.employer, start: range.start, end: range.end, line: source[first]!.index });
  });
  return positions.slice(0, 50);
}

function withoutRange(content: string, range: DateRange): string {
  return cleanSegment(`${content.slice(0, range.index)} ${content.slice(range.index + range.length)}`);
}

function cleanSegment(text: string): string {
  return trimEdges(text.replace(/\(\s*\)|\[\s*\]/g, ' ').replace(/\s+/g, ' '), isSegmentEdge, isSegmentEnd);
}

function isHeaderLike(content: string): boolean {
  if (BULLET.test(content)) return false;
  const words = content.split(/\s+/).length;
  return words <= 14 && !isSentence(content);
}

/** A line of a job story rather than a header: long, or ending like a sentence. */
function isSentence(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length > 16) return true;
  return /\p{Ll}{3,}[.!?]$/u.test(text) && words.length > 4;
}

/** Splits header text into title/employer candidates and picks the likeliest of each. */
export function assignRoles(pieces: readonly string[]): { title: string; employer: string } {
  const segments = pieces.flatMap(splitHeader);
  if (segments.length === 0) return { title: '', employer: '' };
  const scored = segments.map((s, order) => ({ s, order, title: titleScore(s), org: organisationScore(s) }));
  const titleCandidate = [...scored].sort((a, b) => b.title - a.title || a.order - b.order)[0]!;
  const title = titleCandidate.title >= 3 ? titleCandidate : null;
  const rest = scored.filter((c) => c !== title);
  const orgCandidate = [...rest].sort((a, b) => b.org - a.org || a.order - b.order)[0];
  const employer = orgCandidate && orgCandidate.org >= 0 ? orgCandidate : null;
  if (title || employer) return { title: title?.s ?? '', employer: employer?.s ?? '' };
  // Neither reads clearly: resumes write the title first more often than not.
  return { title: segments[0] ?? '', employer: segments[1] ?? '' };
}

const COMPANY_SUFFIX = /^(?:inc|llc|llp|ltd|plc|gmbh|corp|co|s\.?a|n\.?a|pty|ag|bv|oy|ab)\.?$/i;

function splitHeader(piece: string): string[] {
  const text = piece
    .replace(BULLET, '')
    .replace(EMPLOYMENT_NOTE, ' ')
    .replace(/\*\*|__/g, '');
  const strong = text
    .split(/\t|\s+[|·•–—]\s+|\s+-\s+|\s+@\s+|\s+at\s+|\s*\|\s*/)
    .map(cleanSegment)
    .filter((s) => s.length > 0);
  const segments: string[] = [];
  for (const s of strong) {
    if (isLocation(s)) continue;
    const parts = s.split(/,\s+/);
    // Rebuild "Acme, Inc." and drop a trailing place ("Acme Health, Portland, OR").
    const merged: string[] = [];
    for (const p of parts) {
      if (merged.length > 0 && COMPANY_SUFFIX.test(p)) merged[merged.length - 1] += `, ${p}`;
      else merged.push(p);
    }
    // A place is at most "City, Region, Country".
    for (let k = merged.length - 1; k > 0 && k >= merged.length - 3; k -= 1) {
      const tail = merged.slice(k).join(', ');
      if (isLocation(tail)) {
        merged.splice(k);
        break;
      }
    }
    for (const m of merged) {
      const c = cleanSegment(m);
      if (c.length > 0 && !isLocation(c) && /\p{L}/u.test(c)) segments.push(c);
    }
  }
  return segments;
}
