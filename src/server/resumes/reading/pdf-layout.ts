import { classifyHeading } from '../../../core/resumes/resume-sections.js';

/**
 * Rebuilds reading order from positioned text: lines by baseline, cells within a line by wide
 * gaps, and two-column layouts (a sidebar beside the main column) read left column first, then
 * right. A table — cells that share baselines, or a narrow column of dates beside the entries —
 * is read row by row with tabs between cells, so a job's dates stay on its line.
 */

export interface PlacedText {
  text: string;
  /** Left edge and baseline in page space (y grows upwards). */
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Segment {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/** Wider than any word space in justified text; narrower than a column gutter or a table gap. */
const CELL_GAP_EM = 1.2;

export function layoutPage(items: readonly PlacedText[]): string {
  const segments = toSegments(items);
  if (segments.length === 0) return '';
  const split = findColumnSplit(segments);
  if (split === null) return renderRows(segments);
  // Bands read as rows run together (a header, a table), so their line spacing still decides
  // where paragraphs break; a band of real columns is read left, then right.
  const blocks: ({ rows: Segment[] } | { left: Segment[]; right: Segment[] })[] = [];
  for (const band of toBands(segments, split)) {
    if (!band.full && readsAsColumns(band.left, band.right)) blocks.push({ left: band.left, right: band.right });
    else {
      const last = blocks.at(-1);
      if (last && 'rows' in last) last.rows.push(...band.left, ...band.right);
      else blocks.push({ rows: [...band.left, ...band.right] });
    }
  }
  return blocks
    .map((b) => ('rows' in b ? renderRows(b.rows) : `${renderRows(b.left)}\n\n${renderRows(b.right)}`))
    .filter((t) => t.length > 0)
    .join('\n\n');
}

/** Lines by baseline, then cells within each line split at wide gaps. */
function toSegments(items: readonly PlacedText[]): Segment[] {
  // pdf.js fills wide gaps with a space item; the gap itself is what tells cells apart.
  const sorted = items.filter((i) => i.text.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PlacedText[][] = [];
  for (const item of sorted) {
    const line = lines.at(-1);
    const ref = line?.[0];
    if (ref && Math.abs(ref.y - item.y) <= Math.max(1.5, Math.min(ref.size, item.size) * 0.35)) line!.push(item);
    else lines.push([item]);
  }
  const segments: Segment[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: Segment | null = null;
    for (const item of line) {
      const size = Math.max(item.size, 1);
      if (current && item.x - current.x1 <= CELL_GAP_EM * size) {
        const gap = item.x - current.x1;
        const needsSpace = gap > size * 0.12 && !/\s$/.test(current.text) && !/^\s/.test(item.text);
        current.text += (needsSpace ? ' ' : '') + item.text;
        current.x1 = Math.max(current.x1, item.x + item.width);
        current.size = Math.max(current.size, item.size);
      } else {
        if (current) segments.push(current);
        current = { text: item.text, x0: item.x, x1: item.x + item.width, y: item.y, size: item.size };
      }
    }
    if (current) segments.push(current);
  }
  return segments.map((s) => ({ ...s, text: s.text.replace(/\s+/g, ' ').trim() })).filter((s) => s.text.length > 0);
}

/**
 * The x of a gutter crossed by few segments with real text on both sides, or null. Candidates
 * are scanned across the middle of the text block in 2-point steps.
 */
function findColumnSplit(segments: readonly Segment[]): number | null {
  if (segments.length < 8) return null;
  const left = Math.min(...segments.map((s) => s.x0));
  const right = Math.max(...segments.map((s) => s.x1));
  const width = right - left;
  if (width < 100) return null;
  let best: { x: number; crossing: number; run: number } | null = null;
  let runStart: number | null = null;
  let previousCrossing = -1;
  for (let x = left + width * 0.2; x <= left + width * 0.8; x += 2) {
    let crossing = 0;
    let leftCount = 0;
    let rightCount = 0;
    for (const s of segments) {
      if (s.x0 < x - 1 && s.x1 > x + 1) crossing += 1;
      else if (s.x1 <= x + 1) leftCount += 1;
      else rightCount += 1;
    }
    if (leftCount < 3 || rightCount < 3) {
      runStart = null;
      previousCrossing = -1;
      continue;
    }
    if (crossing !== previousCrossing) runStart = x;
    previousCrossing = crossing;
    const run = x - (runStart ?? x);
    if (!best || crossing < best.crossing || (crossing === best.crossing && run > best.run)) {
      best = { x: (x + (runStart ?? x)) / 2, crossing, run };
    }
  }
  if (!best || best.crossing > segments.length * 0.25) return null;
  return best.x;
}

interface Band {
  full: boolean;
  left: Segment[];
  right: Segment[];
}

/** Splits the page top to bottom where a segment spans the gutter (a header, a full-width section). */
function toBands(segments: readonly Segment[], split: number): Band[] {
  const bands: Band[] = [];
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  for (const s of sorted) {
    const crosses = s.x0 < split - 1 && s.x1 > split + 1;
    let band = bands.at(-1);
    if (!band || band.full !== crosses) {
      band = { full: crosses, left: [], right: [] };
      bands.push(band);
    }
    if (crosses || s.x1 <= split + 1) band.left.push(s);
    else band.right.push(s);
  }
  // A one-line interruption of a column band (a wide line inside one column) does not end it.
  return bands;
}

const DATEISH = /(?:19|20)\d\d|present|current|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;

/**
 * Two real columns, or one table? A side that is mostly dates is the date column of a table. A
 * side whose lines pair up, baseline for baseline, with lines of the other is a table's first
 * column — unless both sides have section headings of their own, which only columns do.
 */
function readsAsColumns(left: readonly Segment[], right: readonly Segment[]): boolean {
  if (left.length < 3 || right.length < 3) return false;
  const isHeading = (s: Segment) => classifyHeading(s.text) !== null;
  const body = (side: readonly Segment[]) => side.filter((s) => !isHeading(s));
  const isAnnotation = (side: readonly Segment[]) => {
    const b = body(side);
    return b.length > 0 && b.filter((s) => DATEISH.test(s.text) && s.text.split(/\s+/).length <= 6).length >= b.length * 0.6;
  };
  if (isAnnotation(left) || isAnnotation(right)) return false;
  if (left.some(isHeading) && right.some(isHeading)) return true;
  const leftBody = body(left);
  if (leftBody.length === 0) return true;
  const paired = leftBody.filter((s) => right.some((t) => Math.abs(t.y - s.y) <= Math.max(1.5, s.size * 0.35))).length / leftBody.length;
  return paired < 0.6;
}

/** Segments as lines, top to bottom, cells joined by tabs; a tall gap becomes a blank line. */
function renderRows(segments: readonly Segment[]): string {
  const sorted = [...segments].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const out: string[] = [];
  let lineY: number | null = null;
  let lineSize = 0;
  let current: Segment[] = [];
  const flush = () => {
    if (current.length > 0)
      out.push(
        current
          .sort((a, b) => a.x0 - b.x0)
          .map((s) => s.text)
          .join('\t'),
      );
    current = [];
  };
  for (const s of sorted) {
    if (lineY !== null && Math.abs(lineY - s.y) <= Math.max(1.5, Math.min(lineSize, s.size) * 0.35)) {
      current.push(s);
      continue;
    }
    if (lineY !== null) {
      flush();
      if (lineY - s.y > Math.max(lineSize, s.size) * 2.1) out.push('');
    }
    lineY = s.y;
    lineSize = s.size;
    current.push(s);
  }
  flush();
  return out.join('\n');
}
