import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createWorker, OEM, type Worker } from 'tesseract.js';
import { AppError } from '../../../core/errors.js';

/**
 * Text of a scanned PDF, read from its pixels. Everything is local: the English model comes from
 * the `@tesseract.js-data/eng` package and the engine from `tesseract.js-core` in node_modules
 * (tesseract.js only reaches for a CDN when no `langPath` is given, in the browser). Pages are
 * drawn by pdf.js on `@napi-rs/canvas` — the canvas pdf.js itself resolves in Node, prebuilt for
 * each platform, so no system libraries are needed. This runs in the reading process, whose
 * deadline and memory cap bound it (see reading-process.ts).
 */

const require = createRequire(import.meta.url);
const ENGLISH = require('@tesseract.js-data/eng') as { langPath: string; gzip: boolean };
const STANDARD_FONTS = fileURLToPath(new URL('../../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

/** 200 dpi: tesseract's sweet spot for body text; higher costs time and gains nothing on a resume. */
const OCR_DPI = 200;
/** A page bigger than this (poster, huge custom size) is drawn smaller. */
const MAX_PAGE_PIXELS = 12_000_000;

const PICTURES = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintInlineImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintInlineImageXObjectGroup,
]);

export interface OcrText {
  text: string;
  /** Tesseract's mean word confidence over the pages read, 0–100. */
  confidence: number;
  pages: number;
}

let engine: Promise<Worker> | undefined;

/** Started on the first scan and kept: loading the model costs most of a second. */
function ocrEngine(): Promise<Worker> {
  engine ??= createWorker('eng', OEM.LSTM_ONLY, { langPath: ENGLISH.langPath, gzip: ENGLISH.gzip, cacheMethod: 'none' }).catch(
    (error: unknown) => {
      engine = undefined;
      throw error;
    },
  );
  return engine;
}

export async function stopOcrEngine(): Promise<void> {
  const running = engine;
  engine = undefined;
  if (running) await (await running).terminate();
}

export async function ocrPdf(file: Buffer, options: { maxPages: number; deadline: number }): Promise<OcrText> {
  const document = await getDocument({
    data: new Uint8Array(file),
    standardFontDataUrl: STANDARD_FONTS,
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const worker = await ocrEngine();
    const texts: string[] = [];
    const confidences: number[] = [];
    const pages = Math.min(document.numPages, options.maxPages);
    for (let n = 1; n <= pages; n += 1) {
      if (performance.now() > options.deadline) {
        if (n === 1) throw new AppError('unprocessable', 'This scanned PDF took too long to read. Upload a PDF with selectable text.');
        break;
      }
      const page = await document.getPage(n);
      // Only a picture can hold scanned text: a page of vector shapes has nothing to read.
      const operators = await page.getOperatorList();
      if (!operators.fnArray.some((op) => PICTURES.has(op))) continue;
      const natural = page.getViewport({ scale: 1 });
      const scale = Math.min(OCR_DPI / 72, Math.sqrt(MAX_PAGE_PIXELS / (natural.width * natural.height)));
      const viewport = page.getViewport({ scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({
        canvasContext: context as unknown as CanvasRenderingContext2D,
        viewport,
        canvas: canvas as unknown as HTMLCanvasElement,
      }).promise;
      page.cleanup();
      const { data } = await worker.recognize(canvas.toBuffer('image/png'));
      if (data.text.trim().length > 0) {
        texts.push(data.text);
        confidences.push(data.confidence);
      }
    }
    const confidence = confidences.length === 0 ? 0 : confidences.reduce((a, b) => a + b, 0) / confidences.length;
    return { text: texts.join('\n\n'), confidence: Math.round(confidence), pages };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
