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
  arabic: 'مفتاح التكرار',
  urdu: 'یہ ایک جملہ ہے',
  devanagari: 'नमस्ते',
  chinese: '数据库索引',
  japanese: 'データベース',
  korean: '데이터베이스 인덱스',
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
    const text = `Hello ${SAMPLES.arabic} ${SAMPLES.urdu} ${SAMPLES.devanagari} ${SAMPLES.chinese}`;
    const runs = fontRuns(text, 'regular');
    const families = runs.map((r) => r.font.name.replace(/-\d.*$/, ''));
    // DejaVu draws Arabic; a word with a letter it lacks (Urdu ہ, ے) is drawn wholly in Noto Sans
    // Arabic, since letters join only within one font. CJK comes in unicode-range pieces, so its
    // characters may take several runs of one family.
    expect(families.filter((f, i) => f !== families[i - 1])).toEqual([
      'body',
      'noto-sans-arabic',
      'body',
      'noto-sans-arabic',
      'noto-sans-devanagari',
      'noto-sans-sc',
    ]);
    expect(runs.filter((r) => r.font.name.startsWith('noto-sans-arabic')).map((r) => r.text.trim())).toEqual(['یہ', 'جملہ ہے']);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });

  it('draws Hangul with the Korean font, Hanja beside it with the Chinese one, and composes decomposed jamo', () => {
    const runs = fontRuns(`${SAMPLES.korean} 漢字`, 'bold');
    expect(runs[0]).toMatchObject({ text: `${SAMPLES.korean} `, font: { name: 'noto-sans-kr-700' } });
    expect(runs.slice(1).every((r) => r.font.name.startsWith('noto-sans-sc'))).toBe(true);
    // 한 typed as three conjoining jamo (as some keyboards and macOS file names produce) is drawn as the syllable.
    const decomposed = '\u1112\u1161\u11ab';
    expect(fontRuns(decomposed, 'regular')).toEqual([{ text: '한', font: expect.objectContaining({ name: 'noto-sans-kr-400' }) }]);
  });

  it('renders a Korean answer as extractable Hangul', { timeout: 120_000 }, async () => {
    const answer = '인덱스는 조회를 빠르게 하지만 쓰기는 느려집니다.';
    const pdf = await renderReportPdf(report(answer, `${SAMPLES.korean}는 무엇인가요?`), {
      role: '백엔드 개발자',
      type: 'technical',
      level: 'mid',
      completedAt: null,
    });
    const text = await pdfText(pdf);
    expect(text).toContain(answer);
    expect(text).toContain(`${SAMPLES.korean}는 무엇인가요?`);
    expect(text).toContain('백엔드 개발자');
    expect(pdf.toString('latin1')).toContain('NotoSansKR');
  });

  it('renders Latin, Cyrillic, Arabic, Devanagari, CJK and Hangul as extractable text', { timeout: 120_000 }, async () => {
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
    expect(text).toContain(SAMPLES.korean);
    // Arabic is shaped and laid out right to left, and still extracted in reading order.
    expect(text).toContain(SAMPLES.arabic);
    // Devanagari's vowel signs are reordered by the font's rules: the letters are all there.
    for (const c of new Set(SAMPLES.devanagari)) expect(text, SAMPLES.devanagari).toContain(c);
    // The fonts are embedded (subset), not referenced from the system.
    const raw = pdf.toString('latin1');
    for (const family of ['DejaVuSans', 'NotoSansArabic', 'NotoSansDevanagari', 'NotoSansSC', 'NotoSansKR']) expect(raw).toContain(family);
  });
});
