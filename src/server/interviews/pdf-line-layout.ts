import { createRequire } from 'node:module';
import type { Bidi } from 'bidi-js';
import { baseFont, wordFonts, type FontFile, type Weight } from './pdf-fonts.js';

/**
 * Lines of a paragraph for the report PDF, laid out here because pdfkit wraps text left to right
 * and knows nothing of the Unicode bidirectional algorithm: right-to-left runs would come out in
 * the wrong order and a right-to-left paragraph left-aligned.
 *
 * Words are wrapped in reading order, then each line is reordered by the bidi algorithm
 * (`bidi-js`, UAX #9 rules L1–L4). A piece is a stretch of one font and one embedding level within
 * a word, so every piece is drawn with its own x. fontkit reverses by itself a string whose script
 * is right to left (Arabic, Hebrew); every other piece that must read right to left is given to it
 * reversed and mirrored.
 */
export interface Piece {
  /**
   * The string to hand to pdfkit. Brackets in right-to-left text are mirrored here, so a reader
   * extracts the glyph drawn (")" for a "(" in Arabic), as it does from browsers' PDFs. ActualText
   * would restore "(" but made poppler's extraction worse (its letters reversed, on a line apart).
   */
  text: string;
  font: FontFile;
  /** From the line's left edge. */
  x: number;
  width: number;
}
export interface Line {
  /** In reading (logical) order, so text extracted from the PDF reads in order. */
  pieces: Piece[];
  width: number;
}
export type Measure = (text: string, font: FontFile) => number;

// bidi-js is a UMD bundle whose module.exports is the factory; its types declare an ES default
// export, which TypeScript's NodeNext reading of a CommonJS package does not see as callable.
const bidi = (createRequire(import.meta.url)('bidi-js') as () => Bidi)();
const SPACE = /^\s$/u;
// Chinese and Japanese have no spaces: a line may break before or after any of these.
const BREAKS_ANYWHERE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const RTL_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const NO_SCRIPT = /[\p{Script=Common}\p{Script=Inherited}]/u;

/** Whether fontkit lays this string out right to left: it goes by the first character with a script. */
export function shapedRightToLeft(text: string): boolean {
  for (const ch of text) if (!NO_SCRIPT.test(ch)) return RTL_SCRIPT.test(ch);
  return false;
}

interface Char {
  ch: string;
  /** Index of its first UTF-16 unit in the paragraph. */
  unit: number;
  level: number;
  font: FontFile;
}
interface Span {
  chars: Char[];
  width: number;
  space: boolean;
}

/**
 * The text pdfkit must be given so that the piece reads right after fontkit's own reversal. In a
 * right-to-left piece brackets are mirrored ("(" drawn as ")"), which fontkit does not do.
 */
function pieceText(chars: readonly Char[], mirrors: Map<number, string>): string {
  const rtl = chars[0]!.level % 2 === 1;
  const shown = chars.map((c) => (rtl ? (mirrors.get(c.unit) ?? c.ch) : c.ch));
  const logical = chars.map((c) => c.ch).join('');
  return rtl === shapedRightToLeft(logical) ? shown.join('') : shown.reverse().join('');
}

/** Splits a paragraph (no line breaks in it) into lines at most `width` wide (`indent` on the first). */
export function layoutParagraph(
  text: string,
  weight: Weight,
  width: number,
  indent: number,
  measure: Measure,
): { rtl: boolean; lines: Line[] } {
  const paragraph = text.normalize('NFC');
  const embedding = bidi.getEmbeddingLevels(paragraph);
  const rtl = (embedding.paragraphs[0]?.level ?? 0) % 2 === 1;
  const mirrors = bidi.getMirroredCharactersMap(paragraph, embedding.levels);

  // Characters with their level and font (a neutral one takes the font before it).
  const chars: Char[] = [];
  let unit = 0;
  for (const word of paragraph.split(/(\s+)/u)) {
    const letters = [...word];
    const fonts = wordFonts(letters, weight);
    letters.forEach((ch, i) => {
      const font = fonts[i] ?? chars.at(-1)?.font ?? baseFont(weight);
      chars.push({ ch, unit, level: embedding.levels[unit] ?? 0, font });
      unit += ch.length;
    });
  }

  // Spans the line may break between: a space, a word, or one Chinese or Japanese character.
  const spans: Span[] = [];
  for (const c of chars) {
    const space = SPACE.test(c.ch);
    const last = spans.at(-1);
    const joins = last && !last.space && !space && !BREAKS_ANYWHERE.test(c.ch) && !BREAKS_ANYWHERE.test(last.chars.at(-1)!.ch);
    if (joins) last.chars.push(c);
    else spans.push({ chars: [c], width: 0, space });
  }
  const pieceWidth = (cs: Char[]) => measure(pieceText(cs, mirrors), cs[0]!.font);
  const piecesOf = (cs: readonly Char[]) => {
    const out: Char[][] = [];
    for (const c of cs) {
      const last = out.at(-1);
      if (last && last[0]!.font.name === c.font.name && last[0]!.level === c.level) last.push(c);
      else out.push([c]);
    }
    return out;
  };
  for (const s of spans) s.width = piecesOf(s.chars).reduce((sum, p) => sum + pieceWidth(p), 0);

  // Greedy wrapping in reading order; spaces at a line's end are dropped, an over-long word is cut.
  const rows: Char[][] = [];
  let row: Span[] = [];
  let used = 0;
  const room = () => width - (rows.length === 0 ? indent : 0);
  const close = () => {
    while (row.at(-1)?.space) row.pop();
    rows.push(row.flatMap((s) => s.chars));
    row = [];
    used = 0;
  };
  for (const span of spans) {
    if (span.space && row.length === 0 && rows.length > 0) continue;
    if (!span.space && row.length > 0 && used + span.width > room()) close();
    if (!span.space && span.width > room() && span.chars.length > 1) {
      // A word wider than the line: cut it between characters.
      for (const c of span.chars) {
        const w = pieceWidth([c]);
        if (row.length > 0 && used + w > room()) close();
        row.push({ chars: [c], width: w, space: false });
        used += w;
      }
      continue;
    }
    row.push(span);
    used += span.width;
  }
  if (row.length > 0 || rows.length === 0) close();

  const lines = rows.map((rowChars): Line => {
    if (rowChars.length === 0) return { pieces: [], width: 0 };
    // Visual order: reverse, in turn, the ranges of positions the bidi algorithm names (UTF-16
    // positions; the second unit of a surrogate pair is an empty slot).
    const first = rowChars[0]!.unit;
    const last = rowChars.at(-1)!;
    const slots: (Char | null)[] = [];
    for (const c of rowChars) slots.push(c, ...Array<null>(c.ch.length - 1).fill(null));
    for (const segment of bidi.getReorderSegments(paragraph, embedding, first, last.unit + last.ch.length - 1)) {
      const [from, to] = segment as [number, number];
      slots.splice(from - first, to - from + 1, ...slots.slice(from - first, to - first + 1).reverse());
    }
    const visual = slots.filter((c): c is Char => c !== null);
    const position = new Map(visual.map((c, i) => [c, i]));
    // Pieces in reading order, each of one font and level within a span (spaces are pieces too).
    const logicalPieces: Char[][] = [];
    for (const c of rowChars) {
      const prev = logicalPieces.at(-1);
      const p = prev?.at(-1);
      const same =
        p && p.font.name === c.font.name && p.level === c.level && !SPACE.test(c.ch) && !SPACE.test(p.ch) && !BREAKS_ANYWHERE.test(c.ch);
      if (same) prev!.push(c);
      else logicalPieces.push([c]);
    }
    const measured = logicalPieces.map((cs) => ({ cs, text: pieceText(cs, mirrors), width: pieceWidth(cs) }));
    const byPlace = [...measured].sort(
      (a, b) => Math.min(...a.cs.map((c) => position.get(c)!)) - Math.min(...b.cs.map((c) => position.get(c)!)),
    );
    let x = 0;
    const at = new Map<(typeof measured)[number], number>();
    for (const m of byPlace) {
      at.set(m, x);
      x += m.width;
    }
    return { pieces: measured.map((m) => ({ text: m.text, font: m.cs[0]!.font, x: at.get(m)!, width: m.width })), width: x };
  });
  return { rtl, lines };
}
