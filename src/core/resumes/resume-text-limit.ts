/**
 * How much of a resume's text is read. Real resumes hold well under 100 000 characters of text (two
 * dense pages are about 10 000); a file with more is not a resume, or is one padded to stall the
 * reader. The parsers are linear, but the server still should not spend seconds on such a file,
 * and everything worth reading is at the start.
 */
export const MAX_RESUME_TEXT_CHARS = 200_000;
/** A long academic CV runs to a couple of thousand lines; per-line work is bounded by this. */
export const MAX_RESUME_TEXT_LINES = 10_000;

/**
 * Normalization only removes characters, except compatibility forms that expand (a ligature, an
 * Arabic honorific): raw text is read up to this multiple of the limit, which fills the limit
 * unless the file is mostly padding.
 */
export const RAW_TEXT_FACTOR = 4;

/** The first `max` characters, without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text[max - 1]!) ? max - 1 : max;
  return text.slice(0, end);
}

/**
 * The text cut to the limits: at most `max` characters, ending at the last line break before
 * the limit when one is near, and at most MAX_RESUME_TEXT_LINES lines.
 */
export function limitResumeText(text: string, max = MAX_RESUME_TEXT_CHARS): { text: string; truncated: boolean } {
  let lineBreak = -1;
  for (let n = 0; n < MAX_RESUME_TEXT_LINES; n += 1) {
    lineBreak = text.indexOf('\n', lineBreak + 1);
    if (lineBreak < 0 || lineBreak > max) break;
  }
  if (lineBreak >= 0 && lineBreak <= max) return { text: text.slice(0, lineBreak), truncated: true };
  if (text.length <= max) return { text, truncated: false };
  const lineEnd = text.lastIndexOf('\n', max);
  return { text: lineEnd >= max * 0.9 ? text.slice(0, lineEnd) : cutText(text, max), truncated: true };
}

/** The warning a reading carries when its text was cut to `read`. */
export function truncationWarning(read: string): string {
  if (read.length === 0) return "Only the start of this file's text was read; a resume is far shorter.";
  let lines = 1;
  for (let i = read.indexOf('\n'); i >= 0; i = read.indexOf('\n', i + 1)) lines += 1;
  const n = (count: number, unit: string) => `${count.toLocaleString('en-US')} ${unit}${count === 1 ? '' : 's'}`;
  return `Only the first ${n(read.length, 'character')} (${n(lines, 'line')}) of this file's text were read; a resume is far shorter.`;
}
