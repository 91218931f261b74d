import mammoth from 'mammoth';
import { AppError } from '../../../core/errors.js';
import { readDocxParts, mammothFile } from './docx-zip.js';
import { readHeadersAndFooters } from './docx-header-footer.js';
import { removeHiddenRuns } from './docx-hidden-runs.js';
import { htmlToText } from './docx-html-text.js';
import { mergeHidden, type ExtractedText, type ReadingLimits } from './extracted-text.js';

export async function readDocx(file: Buffer, limits: ReadingLimits): Promise<ExtractedText> {
  const parts = await readDocxParts(file);
  const decoder = new TextDecoder('utf-8');
  const documentXml = decoder.decode(parts.get('word/document.xml'));
  const stylesPart = parts.get('word/styles.xml');
  const stylesXml = stylesPart ? decoder.decode(stylesPart) : undefined;
  const { xml, hidden } = removeHiddenRuns(documentXml, stylesXml);
  const furniture = readHeadersAndFooters(parts, stylesXml);
  parts.set('word/document.xml', Buffer.from(xml, 'utf8'));

  let html: string;
  try {
    const result = await withTimeout(
      mammoth.convertToHtml(
        // mammoth reads the archive through this object, so it only ever sees our capped parts.
        { file: mammothFile(parts) } as unknown as { buffer: Buffer },
        { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), ignoreEmptyParagraphs: true },
      ),
      limits.timeoutMs,
    );
    html = result.value;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('unprocessable', 'This Word document could not be read: it is damaged or uses an unsupported format.', {
      reason: 'damaged',
    });
  }
  const body = htmlToText(html);
  // Header and footer lines go above the body, where a reader looks for contact details; a line
  // the body already has (the name, repeated in the header) is not added twice.
  const bodyLines = new Set(body.split('\n').map((l) => l.replace(/\s+/g, ' ').trim().toLowerCase()));
  const extra = furniture.lines.filter((l) => !bodyLines.has(l.replace(/\s+/g, ' ').trim().toLowerCase()));
  const text = extra.length > 0 ? `${extra.join('\n')}\n\n${body}` : body;
  return { text, hidden: mergeHidden([...furniture.hidden, ...hidden]), warnings: [] };
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new AppError('unprocessable', 'This Word document took too long to read.')), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
