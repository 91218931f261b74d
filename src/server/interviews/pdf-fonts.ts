import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The report PDF's fonts, all from npm so a machine with no system fonts renders every script the
 * product supports: DejaVu Sans for Latin, Greek, Cyrillic and the Arabic letters it has (Arabic
 * and Persian); Noto Sans Arabic for words with other Arabic-script letters (Urdu …); Noto Sans
 * Devanagari; Noto Sans SC for Han and kana, which fontsource ships in about a hundred
 * unicode-range pieces, each loaded only when a report uses one of its characters; Noto Sans KR's
 * Korean subset (one file per weight, every precomposed Hangul syllable and the compatibility
 * jamo) for Hangul, which the SC pieces lack. pdfkit shapes Arabic and Devanagari through fontkit.
 */
export type Weight = 'regular' | 'bold';

export interface FontFile {
  /** The name the PDF document registers it under. */
  name: string;
  file: string;
}

const dir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));
const dejavu = path.join(dir('dejavu-fonts-ttf'), 'ttf');
const fontsource = (pkg: string, file: string) => path.join(dir(`@fontsource/${pkg}`), 'files', file);

const BASE: Record<Weight, FontFile> = {
  regular: { name: 'body', file: path.join(dejavu, 'DejaVuSans.ttf') },
  bold: { name: 'bold', file: path.join(dejavu, 'DejaVuSans-Bold.ttf') },
};
const cssWeight: Record<Weight, number> = { regular: 400, bold: 700 };

const inRanges = (cp: number, ranges: readonly (readonly [number, number])[]) => ranges.some(([a, b]) => cp >= a && cp <= b);
const ARABIC = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
] as const;
/**
 * The Arabic-script characters DejaVu Sans has in both weights. DejaVu draws each letter form as a
 * glyph of its own, so the PDF maps every glyph back to its letter; Noto Sans Arabic builds letters
 * from a dotless shape plus dots, so ت, ي and ن share one glyph and extracted text gets them wrong.
 */
const DEJAVU_ARABIC = [
  [0x0606, 0x0607],
  [0x0609, 0x060a],
  [0x060c, 0x060c],
  [0x0615, 0x0615],
  [0x061b, 0x061b],
  [0x061f, 0x061f],
  [0x0621, 0x063a],
  [0x0640, 0x0655],
  [0x0657, 0x0657],
  [0x065a, 0x065a],
  [0x0660, 0x0670],
  [0x0674, 0x0674],
  [0x0679, 0x06bf],
  [0x06c6, 0x06c8],
  [0x06cb, 0x06cc],
  [0x06ce, 0x06ce],
  [0x06d0, 0x06d0],
  [0x06d5, 0x06d5],
  [0x06f0, 0x06f9],
] as const;
const DEVANAGARI = [
  [0x0900, 0x097f],
  [0xa8e0, 0xa8ff],
  [0x1cd0, 0x1cff],
] as const;
// Conjoining jamo (U+1100…) are not in the KR subset: text is NFC-normalized first, which composes them.
const HANGUL = [
  [0x3130, 0x318f],
  [0xac00, 0xd7a3],
] as const;
/** Characters any font draws and that belong to the run around them (spaces, digits, punctuation). */
const NEUTRAL = /[\s\d.,:;!?'"()[\]\-–—·/%&+*=<>@#]/;

function scriptFont(pkg: string, subset: string, weight: Weight): FontFile {
  const w = cssWeight[weight];
  return { name: `${pkg}-${w}`, file: fontsource(pkg, `${pkg}-${subset}-${w}-normal.woff`) };
}

/** The CJK pieces of one weight, from fontsource's stylesheet: which file covers which code points. */
const cjkPieces = new Map<Weight, { ranges: [number, number][]; font: FontFile }[]>();
function cjkPiecesOf(weight: Weight) {
  let pieces = cjkPieces.get(weight);
  if (pieces) return pieces;
  const css = readFileSync(path.join(dir('@fontsource/noto-sans-sc'), `${cssWeight[weight]}.css`), 'utf8');
  pieces = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([\w-]+\.woff)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((r): [number, number] => {
      const [from, to] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
    pieces.push({ ranges, font: { name: file.replace(/\.woff$/, ''), file: fontsource('noto-sans-sc', file) } });
  }
  cjkPieces.set(weight, pieces);
  return pieces;
}

export function baseFont(weight: Weight): FontFile {
  return BASE[weight];
}

/** The font to draw one character with; null for a neutral character that joins its neighbours' run. */
export function fontFor(ch: string, weight: Weight): FontFile | null {
  if (NEUTRAL.test(ch)) return null;
  const cp = ch.codePointAt(0)!;
  if (inRanges(cp, ARABIC)) return inRanges(cp, DEJAVU_ARABIC) ? BASE[weight] : scriptFont('noto-sans-arabic', 'arabic', weight);
  if (inRanges(cp, DEVANAGARI)) return scriptFont('noto-sans-devanagari', 'devanagari', weight);
  if (inRanges(cp, HANGUL)) return scriptFont('noto-sans-kr', 'korean', weight);
  // DejaVu draws everything before the CJK blocks that this product writes (Latin, Greek, Cyrillic, symbols).
  if (cp < 0x2e80) return BASE[weight];
  const piece = cjkPiecesOf(weight).find((p) => p.ranges.some(([from, to]) => cp >= from && cp <= to));
  return piece ? piece.font : BASE[weight];
}

const isArabic = (ch: string) => inRanges(ch.codePointAt(0)!, ARABIC);

/**
 * The font of each character of a word: as `fontFor`, except that a word with an Arabic-script
 * character DejaVu lacks draws all its Arabic letters in Noto Sans Arabic, since letters only join
 * within one font.
 */
export function wordFonts(chars: readonly string[], weight: Weight): (FontFile | null)[] {
  const fonts = chars.map((ch) => fontFor(ch, weight));
  if (!chars.some((ch, i) => isArabic(ch) && fonts[i] !== BASE[weight])) return fonts;
  const noto = scriptFont('noto-sans-arabic', 'arabic', weight);
  return fonts.map((f, i) => (isArabic(chars[i]!) ? noto : f));
}

/** Splits text into runs of one font each; neutral characters stay in the run they sit in. */
export function fontRuns(text: string, weight: Weight): { font: FontFile; text: string }[] {
  const runs: { font: FontFile; text: string }[] = [];
  const words = text.normalize('NFC').split(/(\s+)/);
  const chars = words.flatMap((w) => [...w]);
  const fonts = words.flatMap((w) => wordFonts([...w], weight));
  for (const [i, ch] of chars.entries()) {
    const font = fonts[i]!;
    const last = runs.at(-1);
    if (last && (font === null || font.name === last.font.name)) last.text += ch;
    else runs.push({ font: font ?? BASE[weight], text: ch });
  }
  return runs;
}
