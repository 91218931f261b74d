import type { ParsedResume, ResumeFlags, ResumeMimeType, SuspiciousText } from '../../../contract/resumes.js';
import { AppError } from '../../../core/errors.js';
import { normalizeResumeTextWithin } from '../../../core/resumes/normalize-text.js';
import { emptyParsedResume, parseResume } from '../../../core/resumes/parse-resume.js';
import { injectionReason, removeInjections } from '../../../core/resumes/resume-injection.js';
import { MAX_RESUME_TEXT_CHARS, truncationWarning } from '../../../core/resumes/resume-text-limit.js';
import type { SkillTaxonomy } from '../../../core/skills/taxonomy.js';
import type { ExtractedText, ReadingLimits } from './extracted-text.js';
import { readDocx } from './read-docx.js';
import { readPdf } from './read-pdf.js';
import { DOCX_TYPE, PDF_TYPE, TEXT_TYPE } from './sniff-resume-type.js';

export { sniffResumeType } from './sniff-resume-type.js';

export interface ResumeReading {
  status: 'parsed' | 'no_text';
  warnings: string[];
  flags: ResumeFlags;
  suspicious: SuspiciousText[];
  parsed: ParsedResume;
  /** Visible text without instruction-like sentences: the only text anything downstream may read. */
  trustedText: string;
  /** Page count of a PDF. */
  pages?: number;
  /** Set when the text was read from pixels (a scan), with the OCR engine's mean confidence 0–100. */
  ocr?: { confidence: number };
}

export interface ReadResumeOptions {
  /** The reference date for "present" in job dates; pass the clock's now. Defaults to the current date. */
  now?: Date;
  /** PDF pages read, from the first (default 10). */
  maxPages?: number;
  /** Wall-clock budget for extracting the text (default 8 s). */
  timeoutMs?: number;
  /**
   * Read a PDF without a text layer (a scan) from its pixels. Off by default: OCR keeps an
   * engine thread alive, so only the reading process (reading-process.ts) turns it on.
   */
  ocr?: boolean;
}

/** Scans beyond this many pages are not read: a resume scan is one or two pages, and OCR is slow. */
const MAX_OCR_PAGES = 2;

const DEFAULT_LIMITS: ReadingLimits = { maxPages: 10, timeoutMs: 8000 };
/** Fewer readable characters than this is "no text": a scan, or an empty page with a stray mark. */
const MIN_TEXT_CHARS = 20;
const MAX_SUSPICIOUS = 50;
const MAX_SUSPICIOUS_TEXT = 500;

/**
 * Reads a resume file whose type was sniffed from its content: extracts the visible text in
 * reading order (PDF, DOCX or UTF-8 text), sets aside hidden and instruction-like text, and
 * parses what remains. Throws AppError('unprocessable') for damaged, password-protected or
 * bomb-like files; a file without readable text is accepted with status `no_text`.
 */
export async function readResume(
  file: Buffer,
  mimeType: ResumeMimeType,
  taxonomy: SkillTaxonomy,
  options: ReadResumeOptions = {},
): Promise<ResumeReading> {
  const limits: ReadingLimits = {
    maxPages: options.maxPages ?? DEFAULT_LIMITS.maxPages,
    timeoutMs: options.timeoutMs ?? DEFAULT_LIMITS.timeoutMs,
  };
  const started = performance.now();
  const extracted = await extract(file, mimeType, limits);
  const now = options.now ?? new Date();
  let ocr: { confidence: number } | undefined;
  if (mimeType === PDF_TYPE && extracted.noTextLayer === true && options.ocr === true) {
    // Loaded on the first scan: the OCR engine and the canvas are not needed for anything else.
    const { ocrPdf } = await import('./ocr-pdf.js');
    const read = await ocrPdf(file, { maxPages: MAX_OCR_PAGES, deadline: started + limits.timeoutMs });
    if (read.text.replace(/\s+/g, '').length >= MIN_TEXT_CHARS) {
      extracted.text = read.text;
      ocr = { confidence: read.confidence };
      extracted.warnings.push(
        `This PDF is a scanned image: its text was read by OCR (confidence ${read.confidence}%). Check the details below and correct what was misread.`,
      );
    }
  }

  // Only a resume-sized start is read, so a huge text costs no more than a long resume; the
  // trusted text is that start too, so nothing downstream reads further.
  const visible = normalizeResumeTextWithin(extracted.text);
  const { text: trustedText, findings } = removeInjections(visible.text);
  const suspicious: SuspiciousText[] = [];
  let hiddenBudget = MAX_RESUME_TEXT_CHARS;
  for (const h of extracted.hidden) {
    if (hiddenBudget <= 0) break;
    const text = normalizeResumeTextWithin(h.text, hiddenBudget).text.replace(/\s+/g, ' ');
    hiddenBudget -= Math.max(1, text.length);
    if (text.length === 0) continue;
    suspicious.push({ kind: 'hidden_text', reason: h.reason, text: text.slice(0, MAX_SUSPICIOUS_TEXT) });
    // Hidden text that also talks to an AI is both.
    const reason = injectionReason(text);
    if (reason) suspicious.push({ kind: 'injection', reason: `${reason} (in hidden text)`, text: text.slice(0, MAX_SUSPICIOUS_TEXT) });
  }
  for (const f of findings) suspicious.push({ kind: 'injection', reason: f.reason, text: f.text.slice(0, MAX_SUSPICIOUS_TEXT) });

  const flags: ResumeFlags = {
    hiddenText: suspicious.some((s) => s.kind === 'hidden_text'),
    injection: suspicious.some((s) => s.kind === 'injection'),
    noTextLayer: mimeType === PDF_TYPE && extracted.noTextLayer === true,
    ocr: ocr !== undefined,
    ocrConfidence: ocr?.confidence ?? null,
  };
  const warnings = [...extracted.warnings];
  if (visible.truncated) warnings.push(truncationWarning(visible.text));
  if (flags.hiddenText) warnings.push('Some text in this file is hidden from readers (for example white or tiny text); it was ignored.');
  if (flags.injection) warnings.push('This file contains instructions aimed at AI reviewers; they were ignored.');

  const readable = trustedText.replace(/\s+/g, '').length >= MIN_TEXT_CHARS;
  if (!readable) {
    warnings.unshift(
      mimeType === PDF_TYPE
        ? 'No text was found in this PDF. It may be a scanned image: upload a PDF with selectable text, or a DOCX or TXT file.'
        : 'No text was found in this file.',
    );
  }
  return {
    status: readable ? 'parsed' : 'no_text',
    warnings,
    flags,
    suspicious: suspicious.slice(0, MAX_SUSPICIOUS),
    parsed: readable
      ? parseResume(trustedText, taxonomy, { now: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 } })
      : emptyParsedResume(),
    trustedText,
    ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}),
    ...(ocr ? { ocr } : {}),
  };
}

async function extract(file: Buffer, mimeType: ResumeMimeType, limits: ReadingLimits): Promise<ExtractedText> {
  switch (mimeType) {
    case PDF_TYPE:
      return readPdf(file, limits);
    case DOCX_TYPE:
      return readDocx(file, limits);
    case TEXT_TYPE:
      return readText(file);
    default:
      throw new AppError('unsupported_media_type', `Resumes can be PDF, DOCX or plain text, not ${String(mimeType)}.`);
  }
}

function readText(file: Buffer): ExtractedText {
  try {
    // The decoder drops a leading BOM.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    return { text, hidden: [], warnings: [] };
  } catch {
    throw new AppError('unprocessable', 'This text file is not valid UTF-8. Save it as UTF-8 and upload it again.', { reason: 'encoding' });
  }
}
