import { createRequire } from 'node:module';
import type PdfKit from 'pdfkit';
import { DIMENSIONS, type Report } from '../../contract/interviews.js';
import { baseFont, fontRuns, type Weight } from './pdf-fonts.js';

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
  /** Text in any script: each run in the font that draws it (pdfkit has no font fallback of its own). */
  const write = (text: string, weight: Weight, options: PDFKit.Mixins.TextOptions = {}) => {
    const runs = fontRuns(text, weight);
    runs.forEach((run, i) => {
      if (!registered.has(run.font.name)) {
        doc.registerFont(run.font.name, run.font.file);
        registered.add(run.font.name);
      }
      doc.font(run.font.name).text(run.text, { ...options, continued: i < runs.length - 1 || options.continued === true });
    });
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
    doc.fillColor(muted).text(attemptsNote(q.attempts, q.countingAttempt));
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
