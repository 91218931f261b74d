import { createRequire } from 'node:module';
import type PdfKit from 'pdfkit';
import { DIMENSIONS, type Report } from '../../contract/interviews.js';
import { baseFont, type FontFile, type Weight } from './pdf-fonts.js';
import { layoutParagraph } from './pdf-line-layout.js';

export interface PdfReportMeta {
  role: string;
  type: string;
  level: string;
  completedAt: Date | null;
}

const dimensionNames: Record<(typeof DIMENSIONS)[number], string> = {
  relevance: 'Relevance',
  correctness: 'Correctness',
  completeness: 'Completeness',
  clarity: 'Clarity',
  structure: 'Structure',
};

const ink = '#1f2937';
const muted = '#6b7280';
const accent = '#4f46e5';

function scoreColour(score: number | null): string {
  if (score === null) return '#9ca3af';
  if (score >= 75) return '#15803d';
  if (score >= 50) return '#b45309';
  return '#b91c1c';
}

/** " · attempt 2 of 3 counts" after a retried question's score; nothing for a single attempt. */
export function attemptsNote(attempts: number | undefined, counting: number | null | undefined): string {
  if (!attempts || attempts < 2) return '';
  return counting ? ` · attempt ${counting} of ${attempts} counts` : ` · ${attempts} attempts`;
}

/** The report as a PDF with real text (selectable, searchable), a dimension chart and per-question feedback. */
// pdfkit takes a quarter of a second to load: on the first PDF, not at every start.
let pdfKit: typeof PdfKit | undefined;
const loadPdfKit = () => (pdfKit ??= createRequire(import.meta.url)('pdfkit') as typeof PdfKit);

/** The current font's ascent at the current size (pdfkit keeps it in the font object it does not type). */
function ascentOf(doc: PDFKit.PDFDocument): number {
  const { _font, _fontSize } = doc as unknown as { _font: { ascender: number }; _fontSize: number };
  return (_font.ascender / 1000) * _fontSize;
}

export function renderReportPdf(report: Report, meta: PdfReportMeta): Promise<Buffer> {
  const PDFDocument = loadPdfKit();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Interview report: ${meta.role}`, Author: 'Panelist', Subject: 'Practice interview report' },
  });
  doc.registerFont('body', baseFont('regular').file);
  doc.registerFont('bold', baseFont('bold').file);
  const registered = new Set(['body', 'bold']);
  const use = (font: FontFile) => {
    if (!registered.has(font.name)) {
      doc.registerFont(font.name, font.file);
      registered.add(font.name);
    }
    return doc.font(font.name);
  };
  /**
   * Text in any script and direction, laid out by `layoutParagraph` (pdfkit has no font fallback
   * and no bidi): each piece in the font that draws it, at its own x, lines of a right-to-left
   * paragraph aligned right. Pieces are written in reading order so extracted text reads in order.
   */
  const write = (text: string, weight: Weight, options: { width?: number; indent?: number } = {}) => {
    const left = doc.x;
    const width = options.width ?? doc.page.width - doc.page.margins.right - left;
    const measure = (s: string, font: FontFile) => use(font).widthOfString(s);
    for (const paragraph of text.split(/\r?\n/)) {
      const { rtl, lines } = layoutParagraph(paragraph, weight, width, options.indent ?? 0, measure);
      lines.forEach((line, i) => {
        const fonts = line.pieces.length ? line.pieces.map((p) => p.font) : [baseFont(weight)];
        const height = Math.max(...fonts.map((f) => use(f).currentLineHeight(true)));
        const ascent = Math.max(...fonts.map((f) => ascentOf(use(f))));
        if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
        const y = doc.y;
        const indent = i === 0 ? (options.indent ?? 0) : 0;
        const start = rtl ? left + width - indent - line.width : left + indent;
        // pdfkit puts a text's top at y: fonts with different ascenders share the baseline only when shifted.
        for (const piece of line.pieces) {
          use(piece.font);
          doc.text(piece.text, start + piece.x, y + ascent - ascentOf(doc), { lineBreak: false });
        }
        doc.x = left;
        doc.y = y + height;
      });
    }
    doc.font(weight === 'bold' ? 'bold' : 'body');
  };
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 100;

  doc.font('bold').fontSize(22).fillColor(ink).text('Interview report');
  doc.font('body').fontSize(12).fillColor(muted);
  write(`${meta.role} · ${meta.type} · ${meta.level}`, 'regular');
  if (meta.completedAt) doc.text(`Completed ${meta.completedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  doc.moveDown();

  // Overall score and the dimension chart, side by side.
  const top = doc.y;
  doc.font('body').fontSize(10).fillColor(muted).text('Overall score', 50, top);
  doc
    .font('bold')
    .fontSize(40)
    .fillColor(scoreColour(report.overallScore))
    .text(report.overallScore === null ? '–' : String(report.overallScore), 50, top + 14);
  doc
    .font('body')
    .fontSize(10)
    .fillColor(muted)
    .text('out of 100', 50, top + 62);
  if (report.dimensions) {
    const x = 200;
    const barWidth = width - (x - 50) - 40;
    DIMENSIONS.forEach((d, i) => {
      const y = top + i * 18;
      const value = Math.round(report.dimensions![d]);
      doc.font('body').fontSize(9).fillColor(ink).text(dimensionNames[d], x, y, { width: 80 });
      doc.rect(x + 85, y + 1, barWidth - 85, 9).fill('#e5e7eb');
      doc.rect(x + 85, y + 1, ((barWidth - 85) * value) / 100, 9).fill(accent);
      doc.fillColor(ink).text(String(value), x + barWidth + 6, y, { width: 30 });
    });
  }
  doc.x = 50;
  doc.y = top + 100;
  // The same story as the report page and the End-interview dialog: skipped questions score 0.
  const unanswered = report.questions.filter((q) => !q.answer).length;
  if (unanswered > 0 && report.overallScore !== null) {
    doc
      .font('body')
      .fontSize(9)
      .fillColor(muted)
      .text(
        unanswered === 1
          ? '1 unanswered question counts as 0 here and in each dimension.'
          : `${unanswered} unanswered questions count as 0 here and in each dimension.`,
        50,
        doc.y,
        { width },
      );
    doc.moveDown(0.8);
  }

  const list = (title: string, items: readonly string[]) => {
    if (items.length === 0) return;
    doc.font('bold').fontSize(11).fillColor(ink).text(title, 50, doc.y, { width });
    doc.font('body').fontSize(10).fillColor(ink);
    for (const item of items) write(`•  ${item}`, 'regular', { width, indent: 8 });
    doc.moveDown(0.5);
  };
  list('Strengths', report.strengths);
  list('To work on', report.improvements);

  doc.moveDown(0.5);
  doc.font('bold').fontSize(16).fillColor(ink).text('Question by question', 50, doc.y, { width });
  doc.moveDown(0.5);
  report.questions.forEach((q, i) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    const score = q.score ?? q.evaluation?.score ?? null;
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(muted)
      .text(`Question ${i + 1} · ${q.type.replace('_', ' ')} · `, 50, doc.y, { continued: true, width });
    doc.fillColor(scoreColour(score)).text(score === null ? 'not answered' : `score ${score}/100`, { continued: true });
    // A space ends the line when there is no note, so the question starts below it.
    doc.fillColor(muted).text(attemptsNote(q.attempts, q.countingAttempt) || ' ');
    doc.font('bold').fontSize(12).fillColor(ink);
    write(q.text, 'bold', { width });
    doc.moveDown(0.3);
    if (q.answer) {
      doc.font('body').fontSize(9).fillColor(muted).text('Your answer', { width });
      doc.fontSize(10).fillColor(ink);
      write(q.answer, 'regular', { width });
      doc.moveDown(0.3);
    }
    const ev = q.evaluation;
    if (ev) {
      list('Went well', ev.strengths);
      list('Could be better', ev.improvements);
      if (ev.missingKeyPoints.length) list('Key points missed', ev.missingKeyPoints);
    }
    for (const f of q.followUps ?? []) {
      doc
        .font('bold')
        .fontSize(10)
        .fillColor(muted)
        .text(`Follow-up ${f.order}${f.evaluation ? ` · score ${f.evaluation.score}/100` : ''}`, { width });
      doc.font('body').fontSize(10).fillColor(ink);
      write(f.text, 'regular', { width });
      if (f.answer) {
        doc.fillColor(muted);
        write(f.answer, 'regular', { width });
      }
      doc.moveDown(0.3);
    }
    doc
      .moveTo(50, doc.y + 4)
      .lineTo(50 + width, doc.y + 4)
      .strokeColor('#e5e7eb')
      .stroke();
    doc.moveDown(1);
  });

  doc.end();
  return done;
}
