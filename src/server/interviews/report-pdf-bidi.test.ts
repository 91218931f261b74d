import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../contract/interviews.js';
import { pdfText } from '../testing/pdf-text.js';
import { layoutParagraph, shapedRightToLeft, type Measure } from './pdf-line-layout.js';
import { renderReportPdf } from './report-pdf.js';

// Right-to-left text in the report PDF: Arabic lines are laid out right to left and aligned right,
// Latin words inside them keep their own order, and the text a reader extracts is in reading order.

/** Every character one unit wide: positions are counted in characters. */
const unit: Measure = (text) => [...text].length;
const ARABIC = 'أستخدم مفتاح التكرار لمنع الدفع مرتين';
const MIXED = 'أستخدم Redis (لتخزين) المفتاح لمدة 24 ساعة.';
const MIXED_PLAIN = 'أستخدم Redis لتخزين المفتاح لمدة 24 ساعة.';
const LATIN_WITH_ARABIC = 'I store the key مفتاح التكرار for one day.';

function report(answer: string): Report {
  return {
    interviewId: '01950000-0000-7000-8000-000000000001',
    overallScore: 72,
    dimensions: null,
    questions: [
      {
        questionId: '01950000-0000-7000-8000-000000000002',
        order: 1,
        type: 'technical',
        text: 'How do you stop a retried payment from charging twice?',
        answer,
        evaluation: null,
        score: 72,
        attempts: 1,
        countingAttempt: 1,
      },
    ],
    strengths: [],
    improvements: [],
  };
}
const meta = { role: 'Backend Engineer', type: 'technical', level: 'mid', completedAt: null };

/** The answer's text items with their left and right edges, in the order the PDF draws them. */
async function answerItems(pdf: Buffer) {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const content = await (await doc.getPage(1)).getTextContent();
  const items = content.items
    .filter((i) => 'str' in i && i.str.trim() !== '')
    .map((i) => {
      const item = i as { str: string; transform: number[]; width: number };
      return { str: item.str, left: item.transform[4]!, right: item.transform[4]! + item.width, y: item.transform[5]! };
    });
  await doc.destroy();
  return items;
}

describe('bidi line layout', () => {
  it('orders an Arabic line right to left: the first word rightmost', () => {
    const { rtl, lines } = layoutParagraph(ARABIC, 'regular', 100, 0, unit);
    expect(rtl).toBe(true);
    expect(lines).toHaveLength(1);
    const words = lines[0]!.pieces.filter((p) => p.text.trim());
    expect(words.map((p) => p.text)).toEqual(ARABIC.split(' '));
    // Reading order in the list, decreasing x on the page.
    for (let i = 1; i < words.length; i++) expect(words[i]!.x).toBeLessThan(words[i - 1]!.x);
  });

  it('keeps a Latin word and digits left to right inside an Arabic line, and mirrors brackets', () => {
    const { lines } = layoutParagraph(MIXED, 'regular', 100, 0, unit);
    const pieces = lines[0]!.pieces;
    const x = (s: string) => pieces.find((p) => p.text === s)!.x;
    expect(x('Redis')).toBeLessThan(x('أستخدم'));
    expect(x('المفتاح')).toBeLessThan(x('Redis'));
    expect(x('24')).toBeLessThan(x('لمدة'));
    // "(" and ")" sit at the ends of their word and are mirrored for fontkit, which reverses the word.
    expect(pieces.find((p) => p.text.includes('لتخزين'))!.text).toBe(')لتخزين(');
  });

  it('lays an Arabic phrase in a Latin line right to left, inside the left-to-right line', () => {
    const { rtl, lines } = layoutParagraph(LATIN_WITH_ARABIC, 'regular', 100, 0, unit);
    expect(rtl).toBe(false);
    const x = (s: string) => lines[0]!.pieces.find((p) => p.text === s)!.x;
    expect(x('key')).toBeLessThan(x('التكرار'));
    expect(x('التكرار')).toBeLessThan(x('مفتاح'));
    expect(x('مفتاح')).toBeLessThan(x('for'));
  });

  it('wraps in reading order: an Arabic paragraph starts its first line with its first words', () => {
    const { lines } = layoutParagraph(ARABIC, 'regular', 14, 0, unit);
    expect(lines.length).toBeGreaterThan(1);
    const text = lines.map((l) => l.pieces.map((p) => p.text).join(''));
    expect(text[0]).toBe('أستخدم مفتاح');
    expect(text.join(' ')).toBe(ARABIC);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(14);
  });

  it('knows which strings fontkit reverses by itself', () => {
    expect(shapedRightToLeft('(مفتاح)')).toBe(true);
    expect(shapedRightToLeft('24')).toBe(false);
    expect(shapedRightToLeft('Redis')).toBe(false);
  });
});

describe('right-to-left text in the report PDF', () => {
  it('extracts an Arabic answer, a mixed Arabic and Latin line and a Latin line with Arabic in reading order', async () => {
    const pdf = await renderReportPdf(report([ARABIC, MIXED_PLAIN, LATIN_WITH_ARABIC, MIXED].join('\n')), meta);
    const text = await pdfText(pdf);
    expect(text).toContain(ARABIC);
    expect(text).toContain(MIXED_PLAIN);
    expect(text).toContain(LATIN_WITH_ARABIC);
    // Brackets in Arabic are drawn mirrored, and readers extract the glyph drawn.
    expect(text).toContain('أستخدم Redis )لتخزين( المفتاح');
  }, 120_000);

  it('draws an Arabic line right-aligned, right to left, and a Latin line left-aligned', async () => {
    const pdf = await renderReportPdf(report([ARABIC, 'Plain English line.'].join('\n')), meta);
    const items = await answerItems(pdf);
    const words = ARABIC.split(' ').map((w) => items.find((i) => i.str === w)!);
    expect(words.every(Boolean)).toBe(true);
    for (let i = 1; i < words.length; i++) expect(words[i]!.right).toBeLessThan(words[i - 1]!.left + 0.5);
    // A4 is 595 pt wide with 50 pt margins: the first word ends at the right margin.
    expect(words[0]!.right).toBeCloseTo(545, 0);
    const english = items.find((i) => i.str.startsWith('Plain'))!;
    expect(english.left).toBeCloseTo(50, 0);
  }, 120_000);
});
