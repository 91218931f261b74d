import { fileURLToPath } from 'node:url';
import { AnnotationMode, getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../../../core/errors.js';
import { mergeHidden, type ExtractedText, type HiddenText, type ReadingLimits } from './extracted-text.js';
import { layoutPage, type PlacedText } from './pdf-layout.js';
import { colourReason, lowContrast } from './text-contrast.js';
import { walkOperators, type FontMetrics, type PageOperators, type ShownGlyph } from './pdf-operators.js';

// pdf.js reads its character maps (CJK fonts) from its own package; nothing else is loaded.
const CMAP_URL = fileURLToPath(new URL('../../../../node_modules/pdfjs-dist/cmaps/', import.meta.url));
/** Text smaller than this (in points) is not meant to be read. */
const TINY_TEXT_PT = 4;
/** Images are decoded only to know where they are; a bigger one is dropped (decoding is the slow part). */
const MAX_IMAGE_PIXELS = 16_000_000;

const PASSWORD_MESSAGE = 'This PDF is password-protected. Remove the password (print or export it to a new PDF) and upload it again.';
const DAMAGED_MESSAGE = 'This PDF could not be read: the file is damaged or is not a valid PDF.';
const SLOW_MESSAGE = 'This PDF took too long to read. Try exporting it again as a simpler PDF, or upload a DOCX or TXT file.';

export async function readPdf(file: Buffer, limits: ReadingLimits): Promise<ExtractedText> {
  const deadline = performance.now() + limits.timeoutMs;
  const task = getDocument({
    // pdf.js may take ownership of the bytes it is given; the caller keeps its buffer.
    data: new Uint8Array(file),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    cMapUrl: CMAP_URL,
    cMapPacked: true,
    verbosity: 0,
  });
  let pdf: PDFDocumentProxy;
  try {
    pdf = await withDeadline(task.promise, deadline);
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw toAppError(error);
  }
  try {
    const warnings: string[] = [];
    const pageCount = Math.min(pdf.numPages, limits.maxPages);
    if (pdf.numPages > limits.maxPages) warnings.push(`Only the first ${limits.maxPages} of ${pdf.numPages} pages were read.`);
    const texts: string[] = [];
    const hidden: HiddenText[] = [];
    let glyphCount = 0;
    for (let n = 1; n <= pageCount; n += 1) {
      if (performance.now() > deadline) {
        if (n === 1) throw new AppError('unprocessable', SLOW_MESSAGE);
        warnings.push(`Reading stopped after ${n - 1} pages: the PDF took too long to read.`);
        break;
      }
      const page = await withDeadline(pdf.getPage(n), deadline);
      const result = await readPage(page, deadline);
      glyphCount += result.glyphs;
      if (result.text.length > 0) texts.push(result.text);
      hidden.push(...result.hidden);
      page.cleanup();
    }
    return {
      text: texts.join('\n\n'),
      hidden: mergeHidden(hidden),
      warnings,
      pages: pdf.numPages,
      noTextLayer: glyphCount === 0,
    };
  } catch (error) {
    throw toAppError(error);
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

interface PageResult {
  text: string;
  hidden: HiddenText[];
  glyphs: number;
}

async function readPage(page: PDFPageProxy, deadline: number): Promise<PageResult> {
  const content = await withDeadline(page.getTextContent({ disableNormalization: true }), deadline);
  const items = content.items.filter((i): i is TextItem => 'str' in i && i.str.length > 0);
  const ops = await withDeadline(page.getOperatorList({ annotationMode: AnnotationMode.DISABLE }), deadline);
  const walked = walkOperators(ops.fnArray, ops.argsArray, (name) => fontMetrics(page, name));
  const visibleGlyphs = walked.glyphs.filter((g) => !g.space).length;
  if (items.length === 0 && visibleGlyphs === 0) return { text: '', hidden: [], glyphs: 0 };
  const [vx0, vy0, vx1, vy1] = page.view as [number, number, number, number];
  const judge = new GlyphJudge(walked, { x0: Math.min(vx0, vx1), y0: Math.min(vy0, vy1), x1: Math.max(vx0, vx1), y1: Math.max(vy0, vy1) });

  const stream = glyphStream(walked.glyphs);
  let cursor = 0;
  const matched = new Uint8Array(stream.length);
  const placed: PlacedText[] = [];
  const hidden: HiddenText[] = [];

  for (const item of items) {
    const chars = [...item.str];
    const size = Math.hypot(item.transform[2]!, item.transform[3]!) || item.height;
    const reasons: (string | null)[] = [];
    let previous: string | null = null;
    for (let k = 0; k < chars.length; k += 1) {
      const ch = chars[k]!;
      if (/\s/.test(ch)) {
        reasons.push(previous);
        continue;
      }
      const at = findGlyph(stream, cursor, chars, k);
      let glyph: ShownGlyph | null = null;
      if (at >= 0) {
        glyph = stream[at]!.glyph;
        matched[at] = 1;
        cursor = at + 1;
      }
      previous = judge.reason(glyph, size);
      reasons.push(previous);
    }
    // Split the item where visibility changes; positions inside it are interpolated.
    let start = 0;
    for (let k = 1; k <= chars.length; k += 1) {
      if (k < chars.length && reasons[k] === reasons[start]) continue;
      const text = chars.slice(start, k).join('');
      const reason = reasons[start] ?? null;
      if (reason) hidden.push({ text, reason });
      else {
        placed.push({
          text,
          x: item.transform[4]! + (item.width * start) / chars.length,
          y: item.transform[5]!,
          width: (item.width * (k - start)) / chars.length,
          size,
        });
      }
      start = k;
    }
  }

  // Shown glyphs pdf.js left out of the text content: text placed off the page.
  hidden.push(...unmatchedHidden(stream, matched, judge));

  return { text: layoutPage(placed), hidden, glyphs: visibleGlyphs };
}

/** Runs of glyphs the text content did not account for, with the reason they cannot be seen. */
function unmatchedHidden(stream: readonly StreamEntry[], matched: Uint8Array, judge: GlyphJudge): HiddenText[] {
  const found: HiddenText[] = [];
  let text = '';
  let reason: string | null = null;
  const flush = () => {
    if (reason && text.trim().length > 0) found.push({ text, reason });
    text = '';
    reason = null;
  };
  stream.forEach((entry, i) => {
    if (matched[i]) return flush();
    if (entry.space) {
      if (text.length > 0) text += ' ';
      return;
    }
    const why = judge.reason(entry.glyph, entry.glyph.size);
    if (why !== reason) flush();
    reason = why;
    text += entry.ch;
  });
  flush();
  return found;
}

interface StreamEntry {
  ch: string;
  space: boolean;
  glyph: ShownGlyph;
}

function glyphStream(glyphs: readonly ShownGlyph[]): StreamEntry[] {
  const stream: StreamEntry[] = [];
  for (const glyph of glyphs) {
    if (glyph.space) {
      stream.push({ ch: ' ', space: true, glyph });
      continue;
    }
    for (const ch of glyph.text) if (!/\s/.test(ch)) stream.push({ ch, space: false, glyph });
  }
  return stream;
}

/**
 * The stream position of character k of an item, at or after the cursor. Text content and the
 * operator list walk the same content stream, so they agree in order; when they do not (a glyph
 * pdf.js dropped from the text), the next few characters must match to resynchronize.
 */
function findGlyph(stream: readonly StreamEntry[], cursor: number, chars: readonly string[], k: number): number {
  const next = (from: number) => {
    let i = from;
    while (i < stream.length && stream[i]!.space) i += 1;
    return i;
  };
  const first = next(cursor);
  if (first < stream.length && stream[first]!.ch === chars[k]) return first;
  const ahead = chars
    .slice(k, k + 12)
    .filter((c) => !/\s/.test(c))
    .slice(0, 4);
  for (let i = first; i < stream.length && i < first + 4000; i += 1) {
    if (stream[i]!.space || stream[i]!.ch !== ahead[0]) continue;
    let j = i;
    let ok = true;
    for (let a = 1; a < ahead.length; a += 1) {
      j = next(j + 1);
      if (j >= stream.length || stream[j]!.ch !== ahead[a]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Decides, glyph by glyph, whether a reader would see it, and if not, why. */
class GlyphJudge {
  constructor(
    private readonly ops: PageOperators,
    private readonly page: Box,
  ) {}

  private readonly cache = new Map<ShownGlyph, string | null>();

  reason(glyph: ShownGlyph | null, itemSize: number): string | null {
    if (!glyph) return itemSize < TINY_TEXT_PT ? 'font under 4 pt' : null;
    let reason = this.cache.get(glyph);
    if (reason === undefined) {
      reason = this.judge(glyph);
      this.cache.set(glyph, reason);
    }
    return reason;
  }

  private judge(glyph: ShownGlyph): string | null {
    if (this.outside(glyph)) return 'outside the page';
    const under = this.background(glyph);
    // Render modes 3 and 7 paint nothing. Over an image that is a scan's OCR layer, which is
    // exactly the text the image shows.
    if ((glyph.renderMode & 3) === 3) return under === 'image' ? null : 'invisible text';
    if (glyph.alpha < 0.1) return 'transparent text';
    if (glyph.size < TINY_TEXT_PT) return 'font under 4 pt';
    if (glyph.fill && under !== 'image' && lowContrast(glyph.fill, under)) return colourReason(glyph.fill);
    if (this.coveredLater(glyph)) return 'covered by a shape';
    return null;
  }

  private outside(g: ShownGlyph): boolean {
    const margin = 1;
    const { x0, y0, x1, y1 } = this.page;
    const left = Math.min(g.x, g.x2);
    const right = Math.max(g.x, g.x2);
    return right < x0 - margin || left > x1 + margin || g.y < y0 - margin || g.y > y1 + margin;
  }

  /** The colour painted under the glyph's middle before it was drawn; white paper by default. */
  private background(g: ShownGlyph): string {
    const cx = (g.x + g.x2) / 2;
    const cy = g.y + g.size * 0.3;
    for (let i = this.ops.areas.length - 1; i >= 0; i -= 1) {
      const a = this.ops.areas[i]!;
      if (a.op >= g.op) continue;
      const [x0, y0, x1, y1] = a.box;
      if (cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1) return a.fill ?? 'image';
    }
    return '#ffffff';
  }

  private coveredLater(g: ShownGlyph): boolean {
    const gx0 = Math.min(g.x, g.x2);
    const gx1 = Math.max(g.x, g.x2);
    const gy0 = g.y - g.size * 0.15;
    const gy1 = g.y + g.size * 0.7;
    return this.ops.areas.some((a) => {
      if (a.op <= g.op) return false;
      const [x0, y0, x1, y1] = a.box;
      return x0 <= gx0 && x1 >= gx1 && y0 <= gy0 && y1 >= gy1;
    });
  }
}

function fontMetrics(page: PDFPageProxy, name: string): FontMetrics {
  try {
    if (page.commonObjs.has(name)) {
      const font = page.commonObjs.get(name) as { fontMatrix?: number[]; vertical?: boolean } | null;
      return { fontMatrix: font?.fontMatrix ?? [0.001], vertical: font?.vertical === true };
    }
  } catch {
    // An unresolved font: assume the common 1/1000 glyph space.
  }
  return { fontMatrix: [0.001], vertical: false };
}

/**
 * Waits for a pdf.js promise until the deadline. When we stop waiting (a timeout, or a failure
 * elsewhere), the document is destroyed and pdf.js rejects what is still pending ("Loading
 * aborted", "Worker was destroyed"): the promise is marked handled first, even when the deadline
 * has already passed, because an unhandled rejection ends a Node process.
 */
async function withDeadline<T>(promise: Promise<T>, deadline: number): Promise<T> {
  promise.catch(() => undefined);
  const remaining = deadline - performance.now();
  if (remaining <= 0) throw new AppError('unprocessable', SLOW_MESSAGE);
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('unprocessable', SLOW_MESSAGE)), remaining);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'PasswordException') return new AppError('unprocessable', PASSWORD_MESSAGE, { reason: 'password_protected' });
  return new AppError('unprocessable', DAMAGED_MESSAGE, { reason: 'damaged' });
}
