/** What a file reader hands to the common pipeline: visible text in reading order, and what it hid. */
export interface ExtractedText {
  /** Visible text, lines in reading order, table cells separated by tabs. */
  text: string;
  /** Text a reader of the document would not see, with why. */
  hidden: HiddenText[];
  warnings: string[];
  pages?: number;
  /** A PDF whose pages carry no text at all (a scan or a drawing). */
  noTextLayer?: boolean;
}

export interface HiddenText {
  text: string;
  reason: string;
}

export interface ReadingLimits {
  maxPages: number;
  timeoutMs: number;
}

/** Joins neighbouring hidden pieces with the same reason, so one hidden sentence is one entry. */
export function mergeHidden(pieces: readonly HiddenText[]): HiddenText[] {
  const merged: HiddenText[] = [];
  for (const p of pieces) {
    const text = p.text.replace(/\s+/g, ' ').trim();
    if (text.length === 0) continue;
    const last = merged.at(-1);
    if (last && last.reason === p.reason) last.text = `${last.text} ${text}`;
    else merged.push({ text, reason: p.reason });
  }
  return merged;
}
