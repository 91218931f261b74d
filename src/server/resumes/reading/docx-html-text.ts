/**
 * Turns mammoth's HTML into the plain text the parser reads, keeping the structure that matters:
 * headings and paragraphs on their own lines, list items as bullets, and a table row as one line
 * of its cells' first paragraphs joined by tabs (so a job's dates stay beside its title), with
 * the cells' further paragraphs (the job's bullets) on the lines after it.
 */

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'table', 'ul', 'ol', 'blockquote', 'div']);

export function htmlToText(html: string): string {
  const out: string[] = [];
  let line = '';
  // Inside a table row: each cell's paragraphs.
  let row: string[][] | null = null;
  let cell: string[] | null = null;
  let tableDepth = 0;

  const endParagraph = () => {
    const t = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (t.length === 0 || t === '•') return;
    if (cell) cell.push(t);
    else out.push(t);
  };

  const TOKEN = /<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi;
  for (let m = TOKEN.exec(html); m !== null; m = TOKEN.exec(html)) {
    if (m[3] !== undefined) {
      line += decodeEntities(m[3]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'br') {
      endParagraph();
      continue;
    }
    if (name === 'table') {
      endParagraph();
      tableDepth += closing ? -1 : 1;
      continue;
    }
    // Nested tables are flattened into the outer cell.
    if (tableDepth > 1) {
      if (BLOCKS.has(name) || name === 'td' || name === 'th' || name === 'tr') line += ' ';
      continue;
    }
    if (name === 'tr') {
      endParagraph();
      if (!closing) row = [];
      else if (row) {
        const cells = row.filter((c) => c.length > 0);
        if (cells.length > 0) {
          out.push(cells.map((c) => c[0]!).join('\t'));
          for (const c of cells) out.push(...c.slice(1));
        }
        row = null;
      }
      continue;
    }
    if (name === 'td' || name === 'th') {
      endParagraph();
      if (!closing) {
        cell = [];
        row?.push(cell);
      } else cell = null;
      continue;
    }
    if (BLOCKS.has(name)) {
      endParagraph();
      if (!closing && name === 'li') line = '• ';
      if (!closing && /^h\d$/.test(name) && !cell && out.length > 0 && out.at(-1) !== '') out.push('');
    }
  }
  endParagraph();
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}
