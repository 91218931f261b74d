import { cutText, limitResumeText, MAX_RESUME_TEXT_CHARS, RAW_TEXT_FACTOR } from './resume-text-limit.js';
import { trimEdges } from './trim-edges.js';

/**
 * Text from PDFs, Word files and pasted text arrives with ligatures, private-use bullet glyphs,
 * soft hyphens, words broken at line ends and every kind of space. Parsing and skill matching
 * want one spelling of each, so everything read from a resume goes through here first.
 */

// Word's Symbol/Wingdings bullets land in the private use area (U+F0B7, U+F0A7, U+F076, …).
const BULLET_GLYPHS = String.raw`•●▪■□◦‣∙·○◆◇►▶▸▹➢➤➔→✓✔✗❖⦿⁃\u{F000}-\u{F0FF}`;
const LEADING_BULLET = new RegExp(String.raw`^(?:[${BULLET_GLYPHS}]|[-*+](?=\s)|o(?=\s+[A-Z]))\s*`, 'u');
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF\u180E]/g;
const ODD_HYPHENS = /[\u2010\u2011\u2012\u2043\u2212]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** A cell separator a layout left inside a line (a tab or a wide run of spaces) is kept as one tab. */
const CELL_GAP = /[ \t]*(?:\t|[ ]{3,})[ \t]*/g;
/** A bullet glyph inside a line separates items ("Python • SQL • Excel"). */
const INLINE_BULLET = new RegExp(String.raw`(?<=\S)\s*[${BULLET_GLYPHS}]\s*(?=\S)`, 'gu');
const isBlank = (ch: string) => ch === ' ' || ch === '\t';

/** Every step is linear in the text: resumes are untrusted, and a quadratic step stalls the server. */
export function normalizeResumeText(raw: string): string {
  return layoutLines(foldCharacters(raw));
}

/**
 * Normalizes at most the resume-sized start of a text (see resume-text-limit.ts), and says
 * whether anything was left unread.
 */
export function normalizeResumeTextWithin(raw: string, max = MAX_RESUME_TEXT_CHARS): { text: string; truncated: boolean } {
  const rawMax = max * RAW_TEXT_FACTOR;
  const folded = foldCharacters(cutText(raw, rawMax));
  const limited = limitResumeText(layoutLines(cutText(folded, rawMax)), max);
  return { text: limited.text, truncated: limited.truncated || raw.length > rawMax || folded.length > rawMax };
}

/** One spelling for every line break, space, hyphen, quote and ligature. */
function foldCharacters(raw: string): string {
  let text = raw.replace(/\r\n?/g, '\n').replace(/[\u2028\u2029\f\v]/g, '\n');
  text = text.replace(INVISIBLE, '').normalize('NFKC');
  text = text
    .replace(ODD_SPACES, ' ')
    .replace(ODD_HYPHENS, '-')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"');
  // "manage-\nment" is one word broken by the layout; "front-\nEnd" stays as written.
  return text.replace(/(\p{Ll})-[ \t]*\n[ \t]*(\p{Ll})/gu, '$1$2');
}

/** Trims and tidies each line, and joins lines a layout wrapped. */
function layoutLines(text: string): string {
  const lines = text.split('\n').map((line) => {
    let l = trimEdges(line, isBlank);
    if (LEADING_BULLET.test(l)) l = `• ${l.replace(LEADING_BULLET, '')}`;
    l = l.replace(CELL_GAP, '\t').replace(/ {2,}/g, ' ');
    l = l.replace(INLINE_BULLET, ' • ');
    return l === '•' ? '' : l;
  });
  // A line the layout wrapped: the previous one runs long and stops mid-sentence, this one goes
  // on in lower case. Short lines are list items and stay apart. A joined line is kept as parts
  // and the facts the test needs, so joining many lines never rescans what was joined.
  const joined: { parts: string[]; length: number; tab: boolean; last: string }[] = [];
  for (const line of lines) {
    const previous = joined.at(-1);
    const tab = line.includes('\t');
    if (
      previous !== undefined &&
      previous.length >= 40 &&
      !previous.tab &&
      !tab &&
      /[\p{L}\d,)]$/u.test(previous.last) &&
      /^\p{Ll}\p{Ll}/u.test(line)
    ) {
      previous.parts.push(line);
      previous.length += line.length + 1;
      previous.last = line;
    } else joined.push({ parts: [line], length: line.length, tab, last: line });
  }
  return joined
    .map((l) => l.parts.join(' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lines of a normalized text with their offsets, for parsers that report where things were. */
export interface TextLine {
  text: string;
  index: number;
  start: number;
}

export function splitTextLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  text.split('\n').forEach((part, index) => {
    lines.push({ text: part, index, start });
    start += part.length + 1;
  });
  return lines;
}
