import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a reader would see of each glyph: pdf.js's text content has positions but no colours, so
 * the page's operator list is replayed here (graphics state with save/restore, text matrices,
 * fill colour, alpha, render mode) to know, per shown character, where it lands, how big it is
 * and what colour it is painted in — and which shapes and images are painted under or over it.
 */

export type Matrix = [number, number, number, number, number, number];

export interface ShownGlyph {
  /** The character(s) pdf.js maps the glyph to; spaces are kept so hidden runs read as words. */
  text: string;
  space: boolean;
  /** Glyph origin and advance end in page space. */
  x: number;
  y: number;
  x2: number;
  /** Effective font size in page units. */
  size: number;
  /** "#rrggbb", or null for a pattern fill whose colour is unknown. */
  fill: string | null;
  alpha: number;
  renderMode: number;
  op: number;
}

export interface PaintedArea {
  box: [number, number, number, number];
  /** "#rrggbb" for a filled shape, null for an image (any colour). */
  fill: string | null;
  op: number;
}

export interface PageOperators {
  glyphs: ShownGlyph[];
  areas: PaintedArea[];
}

interface GraphicsState {
  ctm: Matrix;
  fill: string | null;
  alpha: number;
  renderMode: number;
  font: string | null;
  fontSize: number;
  fontDirection: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
}

export interface FontMetrics {
  fontMatrix: number[];
  vertical: boolean;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const FILL_OPS: ReadonlySet<number> = new Set([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const IMAGE_OPS: ReadonlySet<number> = new Set([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageMaskXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintSolidColorImageMask,
  OPS.paintInlineImageXObjectGroup,
  OPS.paintImageMaskXObjectGroup,
]);

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function boxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): [number, number, number, number] {
  const corners = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = corners.map((c) => c[0]);
  const ys = corners.map((c) => c[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function toHex(args: unknown[]): string | null {
  const first = args[0];
  if (typeof first === 'string' && /^#[0-9a-f]{6}$/i.test(first)) return first.toLowerCase();
  const nums = args.filter((a): a is number => typeof a === 'number');
  const byte = (v: number) =>
    Math.round(Math.max(0, Math.min(1, v > 1 ? v / 255 : v)) * 255)
      .toString(16)
      .padStart(2, '0');
  if (nums.length === 1) return `#${byte(nums[0]!).repeat(3)}`;
  if (nums.length === 3) return `#${byte(nums[0]!)}${byte(nums[1]!)}${byte(nums[2]!)}`;
  if (nums.length === 4) {
    const [c, m, y, k] = nums.map((v) => (v > 1 ? v / 100 : v)) as [number, number, number, number];
    return `#${byte((1 - c) * (1 - k))}${byte((1 - m) * (1 - k))}${byte((1 - y) * (1 - k))}`;
  }
  return null;
}

export function walkOperators(
  fnArray: readonly number[],
  argsArray: readonly unknown[],
  fontMetrics: (name: string) => FontMetrics,
): PageOperators {
  const glyphs: ShownGlyph[] = [];
  const areas: PaintedArea[] = [];
  let gs: GraphicsState = {
    ctm: IDENTITY,
    fill: '#000000',
    alpha: 1,
    renderMode: 0,
    font: null,
    fontSize: 0,
    fontDirection: 1,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
  };
  const stack: GraphicsState[] = [];
  // Text space: the text matrix (Tm) and the offset of the current point on the line.
  let textMatrix: Matrix = IDENTITY;
  let lineX = 0;
  let lineY = 0;
  let x = 0;
  let y = 0;

  const moveText = (dx: number, dy: number) => {
    lineX += dx;
    lineY += dy;
    x = lineX;
    y = lineY;
  };

  const showText = (items: unknown, op: number) => {
    if (!Array.isArray(items) || gs.fontSize === 0) return;
    const metrics = gs.font ? fontMetrics(gs.font) : { fontMatrix: [0.001], vertical: false };
    const widthScale = gs.fontSize * (metrics.fontMatrix[0] ?? 0.001);
    const hScale = gs.hScale * gs.fontDirection;
    const toPage = multiply(textMatrix, gs.ctm);
    const size = gs.fontSize * Math.hypot(toPage[2], toPage[3]);
    let advance = 0;
    for (const item of items) {
      if (typeof item === 'number') {
        advance += ((metrics.vertical ? 1 : -1) * item * gs.fontSize) / 1000;
        continue;
      }
      if (item === null || typeof item !== 'object') continue;
      const glyph = item as { unicode?: string; width?: number; isSpace?: boolean };
      const spacing = (glyph.isSpace ? gs.wordSpacing : 0) + gs.charSpacing;
      const width = (glyph.width ?? 0) * widthScale + spacing * gs.fontDirection;
      const start = metrics.vertical ? apply(toPage, x, y - advance) : apply(toPage, x + advance * hScale, y + gs.rise);
      const end = metrics.vertical ? start : apply(toPage, x + (advance + width) * hScale, y + gs.rise);
      const text = glyph.unicode ?? '';
      if (text.length > 0) {
        glyphs.push({
          text,
          space: glyph.isSpace === true || /^\s+$/.test(text),
          x: start[0],
          y: start[1],
          x2: end[0],
          size,
          fill: gs.fill,
          alpha: gs.alpha,
          renderMode: gs.renderMode,
          op,
        });
      }
      advance += width;
    }
    if (metrics.vertical) y -= advance;
    else x += advance * hScale;
  };

  for (let op = 0; op < fnArray.length; op += 1) {
    const fn = fnArray[op]!;
    const args = (argsArray[op] ?? []) as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push({ ...gs });
        break;
      case OPS.restore:
        gs = stack.pop() ?? gs;
        break;
      case OPS.transform:
        gs.ctm = multiply(args.slice(0, 6) as Matrix, gs.ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...gs });
        const m = args[0] as number[] | null | undefined;
        if (m && m.length >= 6) gs.ctm = multiply(Array.from(m).slice(0, 6) as Matrix, gs.ctm);
        break;
      }
      case OPS.paintFormXObjectEnd:
        gs = stack.pop() ?? gs;
        break;
      case OPS.setFillRGBColor:
      case OPS.setFillGray:
      case OPS.setFillCMYKColor:
      case OPS.setFillColor:
        gs.fill = toHex(args) ?? gs.fill;
        break;
      case OPS.setFillColorN:
        gs.fill = toHex(args);
        break;
      case OPS.setFillTransparent:
        gs.alpha = 0;
        break;
      case OPS.setGState: {
        const entries = args[0];
        if (Array.isArray(entries)) {
          for (const entry of entries) {
            if (Array.isArray(entry) && entry[0] === 'ca' && typeof entry[1] === 'number') gs.alpha = entry[1];
          }
        }
        break;
      }
      case OPS.beginText:
        textMatrix = IDENTITY;
        lineX = lineY = x = y = 0;
        break;
      case OPS.setTextMatrix: {
        const m = args[0] as ArrayLike<number> | number;
        textMatrix = (typeof m === 'number' ? args.slice(0, 6) : Array.from(m as ArrayLike<number>).slice(0, 6)) as Matrix;
        lineX = lineY = x = y = 0;
        break;
      }
      case OPS.moveText:
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setLeadingMoveText:
        gs.leading = args[1] as number;
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setLeading:
        gs.leading = -(args[0] as number);
        break;
      case OPS.nextLine:
        moveText(0, gs.leading);
        break;
      case OPS.setFont: {
        const size = args[1] as number;
        gs.font = args[0] as string;
        gs.fontDirection = size < 0 ? -1 : 1;
        gs.fontSize = Math.abs(size);
        break;
      }
      case OPS.setCharSpacing:
        gs.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        gs.wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        gs.hScale = (args[0] as number) / 100;
        break;
      case OPS.setTextRise:
        gs.rise = args[0] as number;
        break;
      case OPS.setTextRenderingMode:
        gs.renderMode = args[0] as number;
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        showText(args[0], op);
        break;
      case OPS.nextLineShowText:
        moveText(0, gs.leading);
        showText(args[0], op);
        break;
      case OPS.nextLineSetSpacingShowText:
        gs.wordSpacing = args[0] as number;
        gs.charSpacing = args[1] as number;
        moveText(0, gs.leading);
        showText(args[2], op);
        break;
      case OPS.constructPath: {
        const paint = args[0] as number;
        const minMax = args[2] as ArrayLike<number> | null | undefined;
        if (FILL_OPS.has(paint) && minMax && minMax.length >= 4 && gs.alpha > 0.5 && gs.fill !== null) {
          const [x0, y0, x1, y1] = [minMax[0]!, minMax[1]!, minMax[2]!, minMax[3]!];
          if (Number.isFinite(x0) && x1 > x0 && y1 > y0) areas.push({ box: boxOf(gs.ctm, x0, y0, x1, y1), fill: gs.fill, op });
        }
        break;
      }
      default:
        if (IMAGE_OPS.has(fn)) areas.push({ box: boxOf(gs.ctm, 0, 0, 1, 1), fill: null, op });
    }
  }
  return { glyphs, areas };
}
