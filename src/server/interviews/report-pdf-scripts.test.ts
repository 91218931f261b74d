import { describe, expect, it } from 'vitest';
import type { Report } from '../../contract/interviews.js';
import { pdfText } from '../testing/pdf-text.js';
import { fontRuns } from './pdf-fonts.js';
import { renderReportPdf } from './report-pdf.js';

// The report PDF draws every script the product will support with fonts shipped from npm, and
// its text is real: a reader extracts the same words.

const SAMPLES = {
  latin: 'Idempotency keys stop a retried payment from charging twice.',
  cyrillic: 'Идемпотентность защищает от двойного списания',
  arabic: 'مفتاح',
  devanagari: 'नमस्ते',
  chinese: '数据库索引',
  japanese: 'データベース',
};

function report(answer: string, question: string): Report {
  return {
    interviewId: '01950000-0000-7000-8000-000000000001',
    overallScore: 72,
    dimensions: { relevance: 80, correctness: 70, completeness: 60, clarity: 75, structure: 70 },
    questions: [
      {
        questionId: '01950000-0000-7000-8000-000000000002',
        order: 1,
        type: 'technical',
        text: question,
        answer,
        evaluation: null,
        score: 72,
        attempts: 1,
        countingAttempt: 1,
      },
    ],
    strengths: [`Clear wording: ${SAMPLES.devanagari}`],
    improvements: [],
  };
}

describe('report PDF in every script', () => {
  it('splits mixed text into runs of the font that draws each script', () => {
    const runs = fontRuns(`Hello ${SAMPLES.arabic} ${SAMPLES.devanagari} ${SAMPLES.chinese}`, 'regular');
    const families = runs.map((r) => r.font.name.replace(/-\d.*$/, ''));
    // CJK comes in unicode-range pieces, so its characters may take several runs of one family.
    expect(families.filter((f, i) => f !== families[i - 1])).toEqual(['body', 'noto-sans-arabic', 'noto-sans-devanagari', 'noto-sans-sc']);
    expect(runs.map((r) => r.text).join('')).toBe(`Hello ${SAMPLES.arabic} ${SAMPLES.devanagari} ${SAMPLES.chinese}`);
  });

  it('renders Latin, Cyrillic, Arabic, Devanagari and CJK as extractable text', async () => {
    const answer = Object.values(SAMPLES).join(' ');
    const pdf = await renderReportPdf(report(answer, `${SAMPLES.chinese}: ${SAMPLES.latin}`), {
      role: `Backend ${SAMPLES.cyrillic.split(' ')[0]}`,
      type: 'technical',
      level: 'mid',
      completedAt: null,
    });
    const text = await pdfText(pdf);
    expect(text).toContain(SAMPLES.latin);
    expect(text).toContain(SAMPLES.cyrillic);
    expect(text).toContain(SAMPLES.chinese);
    expect(text).toContain(SAMPLES.japanese);
    // Arabic is shaped and Devanagari's vowel signs reordered by the fonts' rules; pdfkit lays
    // right-to-left text out left to right, so the letters are all there but not in reading order.
    for (const word of [SAMPLES.arabic, SAMPLES.devanagari]) for (const c of new Set(word)) expect(text, word).toContain(c);
    // The fonts are embedded (subset), not referenced from the system.
    const raw = pdf.toString('latin1');
    for (const family of ['DejaVuSans', 'NotoSansArabic', 'NotoSansDevanagari', 'NotoSansSC']) expect(raw).toContain(family);
  });
});
