import type { SectionedLine } from './resume-sections.js';

/**
 * Skills written as a table ("Category | Skill | Level | Where I learned"): the header row names
 * columns, it lists no skills, and only some columns hold skills — the level, the years, the
 * place it was learned and the category a skill is grouped under are not skills themselves. A
 * table is a run of two or more skills-section rows with the same number of cells (cells split by
 * tabs, as PDF and DOCX tables are read, or by the pipes of a Markdown table).
 */

/** Header cells of columns that hold something about a skill, not a skill. */
const OTHER_COLUMN =
  /^(?:level|proficiency|rating|grade|self[\s-]rating|years?(?:\s+of\s+experience)?|yrs|experience|since|last\s+used|where(?:\s+i)?(?:\s+(?:learned|learnt|used|got)(?:\s+it)?)?|learned(?:\s+(?:at|from|in))?|learnt(?:\s+(?:at|from|in))?|source|how(?:\s+i\s+learned)?|place|employer|context|evidence|notes?|comments?|category|categories|area|group|type|domain|field|section|kind)$/i;
/** Header cells of columns that hold the skills. */
const SKILL_COLUMN =
  /^(?:skills?|strengths?|tools?(?:\s*(?:&|and|\/)\s*(?:methods?|techniques?|technologies))?|methods?|techniques?|technolog(?:y|ies)|competenc(?:y|ies)|software|stack|what|expertise|capabilit(?:y|ies)|languages?)$/i;
const CATEGORY_HEADER = /^(?:category|categories|area|group|type|domain|field|section|kind)$/i;
/** Cells that rate a skill. */
const LEVEL_CELL =
  /^(?:expert|advanced|intermediate|beginner|basic|novice|proficient|confident|competent|fluent|native|learning|familiar|strong|good|working(?:\s+knowledge)?|master(?:y)?|high|medium|low|[1-5]\s*\/\s*[1-5]|[★☆●○•]+|\d{1,2}\+?\s*(?:years?|yrs?)?)$/i;

function cellsOf(text: string): string[] | null {
  if (text.includes('\t')) return text.split('\t').map((c) => c.trim());
  const markdown = /^\s*\|(.*)\|\s*$/.exec(text);
  if (markdown) return markdown[1]!.split('|').map((c) => c.trim());
  return null;
}

const isMarkdownRule = (text: string) => /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(text);

/**
 * The lines with every skills table rewritten: header and rule rows emptied, and each data row
 * reduced to its skill cells, comma-separated. Lines outside tables are returned unchanged.
 */
export function readSkillTables(lines: readonly SectionedLine[]): SectionedLine[] {
  const out = [...lines];
  let i = 0;
  while (i < out.length) {
    const line = out[i]!;
    if (line.section !== 'skills' || line.heading) {
      i += 1;
      continue;
    }
    if (isMarkdownRule(line.content)) {
      out[i] = { ...line, content: '' };
      i += 1;
      continue;
    }
    const first = cellsOf(line.content);
    if (!first || first.length < 2) {
      i += 1;
      continue;
    }
    // The run of rows with as many cells (a Markdown rule row may sit under the header).
    const rows: { at: number; cells: string[] }[] = [{ at: i, cells: first }];
    let j = i + 1;
    for (; j < out.length; j += 1) {
      const next = out[j]!;
      if (next.section !== 'skills' || next.heading) break;
      if (isMarkdownRule(next.content)) {
        out[j] = { ...next, content: '' };
        continue;
      }
      const cells = cellsOf(next.content);
      if (!cells || cells.length !== first.length) break;
      rows.push({ at: j, cells });
    }
    if (rows.length >= 2) rewriteTable(out, rows);
    i = j;
  }
  return out;
}

function rewriteTable(out: SectionedLine[], rows: readonly { at: number; cells: string[] }[]): void {
  const header = rows[0]!.cells.every((c) => c.length > 0 && (OTHER_COLUMN.test(c) || SKILL_COLUMN.test(c))) ? rows[0]!.cells : null;
  const data = header ? rows.slice(1) : rows;
  const width = rows[0]!.cells.length;
  const keep: boolean[] = [];
  for (let c = 0; c < width; c += 1) {
    const values = data.map((r) => r.cells[c] ?? '').filter((v) => v.length > 0);
    if (header && SKILL_COLUMN.test(header[c]!)) keep.push(true);
    else if (header && OTHER_COLUMN.test(header[c]!)) keep.push(false);
    else if (values.length > 0 && values.filter((v) => LEVEL_CELL.test(v)).length * 2 >= values.length) keep.push(false);
    else keep.push(true);
  }
  // Without a header, a first column that only groups the others ("Clinical", "Digital") is a
  // category when another column holds lists.
  if (!header && width >= 2 && keep[0] && data.some((r) => r.cells.slice(1).some((v) => /[,;]/.test(v)))) {
    if (data.every((r) => !/[,;]/.test(r.cells[0] ?? '') && (r.cells[0] ?? '').split(/\s+/).length <= 3)) keep[0] = false;
  }
  // Every header names something else ("Category | Level | Where I learned"): the grouping
  // column is the one that names things, so it holds the skills.
  if (!keep.some(Boolean)) header?.forEach((h, c) => (keep[c] = CATEGORY_HEADER.test(h)));
  if (!keep.some(Boolean)) keep.fill(true);
  if (header) out[rows[0]!.at] = { ...out[rows[0]!.at]!, content: '' };
  for (const r of data) {
    out[r.at] = {
      ...out[r.at]!,
      content: r.cells
        .filter((v, c) => keep[c] && v.length > 0)
        .join(', ')
        // A kept cell is a list already; its own commas stay item separators.
        .replace(/\s*,\s*/g, ', '),
    };
  }
}
