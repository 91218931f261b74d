import { removeHiddenRuns } from './docx-hidden-runs.js';
import type { HiddenText } from './extracted-text.js';

/**
 * Page headers and footers of a Word document (word/header*.xml, word/footer*.xml). mammoth
 * reads only the body, but many resumes keep the email and phone in the page header or footer,
 * and nothing else carries them. Their hidden runs are set aside like the body's.
 */
export function readHeadersAndFooters(
  parts: ReadonlyMap<string, Buffer>,
  stylesXml: string | undefined,
): { lines: string[]; hidden: HiddenText[] } {
  const decoder = new TextDecoder('utf-8');
  const names = [...parts.keys()].filter((n) => /^word\/(?:header|footer)\d*\.xml$/.test(n)).sort(byKindThenNumber);
  const lines: string[] = [];
  const hidden: HiddenText[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const result = removeHiddenRuns(decoder.decode(parts.get(name)), stylesXml);
    hidden.push(...result.hidden);
    for (const line of paragraphTexts(result.xml)) {
      // First-page, even and default headers often repeat one another.
      const key = line.replace(/\s+/g, ' ').trim().toLowerCase();
      if (key.length === 0 || seen.has(key) || /^(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?$/.test(key)) continue;
      seen.add(key);
      lines.push(line.trim());
    }
  }
  return { lines, hidden };
}

/** Headers before footers, then by number: header1, header2, footer1. */
function byKindThenNumber(a: string, b: string): number {
  const rank = (n: string) => (n.includes('header') ? 0 : 1) * 1000 + Number(/(\d+)\.xml$/.exec(n)?.[1] ?? 0);
  return rank(a) - rank(b);
}

/** The text of each paragraph: runs' text, tabs as tabs, breaks as new lines. */
function paragraphTexts(xml: string): string[] {
  const out: string[] = [];
  const PARAGRAPH = /<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (let p = PARAGRAPH.exec(xml); p !== null; p = PARAGRAPH.exec(xml)) {
    let text = '';
    const PIECE = /<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>|<w:br\/>/g;
    for (let m = PIECE.exec(p[0]); m !== null; m = PIECE.exec(p[0])) {
      if (m[0] === '<w:tab/>') text += '\t';
      else if (m[0] === '<w:br/>') text += '\n';
      else text += decodeEntities(m[1] ?? '');
    }
    out.push(...text.split('\n'));
  }
  return out;
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/gi, (_, dec: string, hex: string, named: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase() as 'amp']!;
  });
}
