import type { HiddenText } from './extracted-text.js';
import { colourReason, lowContrast } from './text-contrast.js';

/**
 * Word hides text with run properties: `w:vanish` (hidden), a colour that matches the
 * background (white on white), or a size too small to read (`w:sz` in half-points). This finds
 * such runs in word/document.xml — resolving character and paragraph styles from styles.xml —
 * and returns the document without them, so mammoth never sees the hidden text, plus what was
 * removed and why.
 */

interface RunProps {
  vanish?: boolean;
  color?: string;
  halfPoints?: number;
  shade?: string;
}

interface Tag {
  name: string;
  attrs: string;
  closing: boolean;
  selfClosing: boolean;
  start: number;
  end: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
/** Under 4 pt: eight half-points. */
const TINY_HALF_POINTS = 8;

function* tags(xml: string): Generator<Tag> {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m !== null; m = TAG.exec(xml)) {
    yield { name: m[2]!, attrs: m[3] ?? '', closing: m[1] === '/', selfClosing: m[4] === '/', start: m.index, end: m.index + m[0].length };
  }
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
  return m ? (m[1] ?? m[2]) : undefined;
}

function onOff(attrs: string): boolean {
  const v = attr(attrs, 'w:val');
  return v === undefined || !/^(?:false|0|off|none)$/i.test(v);
}

/** Reads one property tag inside a w:rPr into props. */
function readProp(tag: Tag, props: RunProps): void {
  switch (tag.name) {
    case 'w:vanish':
    case 'w:specVanish':
      props.vanish = onOff(tag.attrs);
      break;
    case 'w:color': {
      const v = attr(tag.attrs, 'w:val');
      if (v && /^[0-9a-f]{6}$/i.test(v)) props.color = v.toLowerCase();
      else if (v === 'auto') props.color = 'auto';
      break;
    }
    case 'w:sz': {
      const v = Number(attr(tag.attrs, 'w:val'));
      if (Number.isFinite(v) && v > 0) props.halfPoints = v;
      break;
    }
    case 'w:shd': {
      const fill = attr(tag.attrs, 'w:fill');
      if (fill && /^[0-9a-f]{6}$/i.test(fill)) props.shade = fill.toLowerCase();
      break;
    }
    case 'w:highlight': {
      const v = attr(tag.attrs, 'w:val');
      const named: Record<string, string> = {
        black: '000000',
        white: 'ffffff',
        darkBlue: '000080',
        darkGray: '808080',
        blue: '0000ff',
        red: 'ff0000',
        green: '00ff00',
        yellow: 'ffff00',
      };
      if (v && named[v]) props.shade = named[v];
      break;
    }
  }
}

interface StyleInfo {
  basedOn?: string;
  props: RunProps;
}

/** Character and paragraph styles with their run properties, and the document defaults. */
export function readStyles(stylesXml: string | undefined): { styles: Map<string, StyleInfo>; defaults: RunProps } {
  const styles = new Map<string, StyleInfo>();
  const defaults: RunProps = {};
  if (!stylesXml) return { styles, defaults };
  let current: StyleInfo | null = null;
  let inDefaults = false;
  let inRunProps = false;
  for (const tag of tags(stylesXml)) {
    if (tag.name === 'w:style') {
      if (tag.closing) current = null;
      else if (!tag.selfClosing) {
        current = { props: {} };
        const id = attr(tag.attrs, 'w:styleId');
        if (id) styles.set(id, current);
      }
    } else if (tag.name === 'w:rPrDefault') inDefaults = !tag.closing && !tag.selfClosing;
    else if (tag.name === 'w:rPr') inRunProps = !tag.closing && !tag.selfClosing;
    else if (tag.name === 'w:basedOn' && current) current.basedOn = attr(tag.attrs, 'w:val');
    else if (inRunProps && !tag.closing) readProp(tag, current ? current.props : inDefaults ? defaults : {});
  }
  return { styles, defaults };
}

function resolveStyle(styles: Map<string, StyleInfo>, id: string | undefined, depth = 0): RunProps {
  if (!id || depth > 10) return {};
  const style = styles.get(id);
  if (!style) return {};
  return { ...resolveStyle(styles, style.basedOn, depth + 1), ...style.props };
}

export interface HiddenRunResult {
  /** The document with hidden runs cut out. */
  xml: string;
  hidden: HiddenText[];
}

export function removeHiddenRuns(documentXml: string, stylesXml?: string): HiddenRunResult {
  const { styles, defaults } = readStyles(stylesXml);
  let pageColor = 'ffffff';
  const bg = /<w:background\b[^>]*\bw:color\s*=\s*"([0-9A-Fa-f]{6})"/.exec(documentXml);
  if (bg) pageColor = bg[1]!.toLowerCase();

  const cuts: [number, number][] = [];
  const hidden: HiddenText[] = [];
  // Open elements we care about, innermost last.
  let paragraph: { style?: string; shade?: string } | null = null;
  const cellShades: (string | undefined)[] = [];
  let run: { start: number; props: RunProps; style?: string; text: string; depth: number } | null = null;
  let runDepth = 0;
  let inRunProps = false;
  let inParagraphProps = false;
  let inCellProps = false;
  let inText = false;
  let textStart = 0;

  for (const tag of tags(documentXml)) {
    const open = !tag.closing && !tag.selfClosing;
    switch (tag.name) {
      case 'w:p':
        if (open) paragraph = {};
        else if (tag.closing) paragraph = null;
        continue;
      case 'w:pPr':
        inParagraphProps = open;
        continue;
      case 'w:pStyle':
        if (inParagraphProps && paragraph) paragraph.style = attr(tag.attrs, 'w:val');
        continue;
      case 'w:tc':
        if (open) cellShades.push(undefined);
        else if (tag.closing) cellShades.pop();
        continue;
      case 'w:tcPr':
        inCellProps = open;
        continue;
      case 'w:r':
        if (open) {
          runDepth += 1;
          // Runs can nest through text boxes; the outermost hidden one is cut whole.
          if (!run) run = { start: tag.start, props: {}, text: '', depth: runDepth };
        } else if (tag.closing) {
          if (run && run.depth === runDepth) {
            const reason = hiddenReason(run, paragraph, cellShades.at(-1), styles, defaults, pageColor);
            if (reason && run.text.trim().length > 0) {
              cuts.push([run.start, tag.end]);
              hidden.push({ text: run.text, reason });
            }
            run = null;
          }
          runDepth -= 1;
        }
        continue;
      case 'w:rPr':
        // Only the run's own properties: a w:rPr in w:pPr styles the paragraph mark.
        inRunProps = open && run !== null && !inParagraphProps;
        continue;
      case 'w:rStyle':
        if (inRunProps && run) run.style = attr(tag.attrs, 'w:val');
        continue;
      case 'w:t':
        if (open) {
          inText = true;
          textStart = tag.end;
        } else if (tag.closing && inText) {
          inText = false;
          if (run) run.text += decodeXml(documentXml.slice(textStart, tag.start));
        }
        continue;
      case 'w:tab':
      case 'w:br':
        if (run && !inRunProps) run.text += ' ';
        continue;
      case 'w:shd':
        if (inCellProps && cellShades.length > 0) {
          const fill = attr(tag.attrs, 'w:fill');
          if (fill && /^[0-9a-f]{6}$/i.test(fill)) cellShades[cellShades.length - 1] = fill.toLowerCase();
        } else if (inParagraphProps && !inRunProps && paragraph) {
          const fill = attr(tag.attrs, 'w:fill');
          if (fill && /^[0-9a-f]{6}$/i.test(fill)) paragraph.shade = fill.toLowerCase();
        } else if (inRunProps && run) readProp(tag, run.props);
        continue;
      default:
        if (inRunProps && run && !tag.closing) readProp(tag, run.props);
    }
  }

  let xml = '';
  let at = 0;
  for (const [start, end] of cuts) {
    xml += documentXml.slice(at, start);
    at = end;
  }
  xml += documentXml.slice(at);
  return { xml, hidden };
}

function hiddenReason(
  run: { props: RunProps; style?: string },
  paragraph: { style?: string; shade?: string } | null,
  cellShade: string | undefined,
  styles: Map<string, StyleInfo>,
  defaults: RunProps,
  pageColor: string,
): string | null {
  const props: RunProps = {
    ...defaults,
    ...resolveStyle(styles, paragraph?.style),
    ...resolveStyle(styles, run.style),
    ...run.props,
  };
  if (props.vanish) return 'text marked hidden in Word';
  if (props.halfPoints !== undefined && props.halfPoints < TINY_HALF_POINTS) return 'font under 4 pt';
  if (props.color && props.color !== 'auto') {
    const background = run.props.shade ?? paragraph?.shade ?? cellShade ?? pageColor;
    if (lowContrast(props.color, background)) return colourReason(props.color);
  }
  return null;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
