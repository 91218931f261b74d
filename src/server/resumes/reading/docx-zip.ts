import yauzl from 'yauzl';
import { AppError } from '../../../core/errors.js';

/**
 * A DOCX is a zip, and a zip can lie. Before anything inflates it, the central directory is read
 * (lazily, entry by entry) and the archive is refused when its declared sizes are absurd; then
 * only the XML parts are inflated, each with a hard cap on the bytes actually produced, so a
 * header that under-declares a size cannot make us allocate more than the cap.
 */

export const DOCX_LIMITS = {
  maxEntries: 1000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 50 * 1024 * 1024,
  /** Inflated/compressed ratio above which an entry is a bomb; small entries are exempt. */
  maxRatio: 100,
  ratioCheckFromBytes: 256 * 1024,
};

const NOT_A_DOCX = 'This file is not a valid Word document (DOCX): it could not be opened.';
const BOMB = 'This Word document was refused: its contents expand to an unreasonable size.';

interface ZipEntryInfo {
  entry: yauzl.Entry;
  name: string;
}

export type DocxParts = Map<string, Buffer>;

/** Inflates the parts mammoth and our hidden-text check need (XML and relationships). */
export async function readDocxParts(file: Buffer, limits = DOCX_LIMITS): Promise<DocxParts> {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip, limits);
    if (!entries.some((e) => e.name === 'word/document.xml')) {
      throw new AppError('unprocessable', 'This file is a zip archive but not a Word document (no word/document.xml).');
    }
    const parts: DocxParts = new Map();
    let total = 0;
    for (const { entry, name } of entries) {
      if (!/\.(?:xml|rels)$/i.test(name)) continue;
      const budget = Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total);
      const data = await inflate(zip, entry, budget);
      total += data.length;
      parts.set(name, data);
    }
    return parts;
  } finally {
    zip.close();
  }
}

function openZip(file: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zip) => {
      if (error || !zip) reject(new AppError('unprocessable', NOT_A_DOCX, { reason: 'damaged' }));
      else resolve(zip);
    });
  });
}

function listEntries(zip: yauzl.ZipFile, limits: typeof DOCX_LIMITS): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    const entries: ZipEntryInfo[] = [];
    let total = 0;
    if (zip.entryCount > limits.maxEntries) {
      reject(new AppError('unprocessable', BOMB, { reason: 'too_many_entries' }));
      return;
    }
    const fail = (reason: string) => reject(new AppError('unprocessable', BOMB, { reason }));
    zip.on('entry', (entry: yauzl.Entry) => {
      const size = entry.uncompressedSize;
      total += size;
      if (size > limits.maxEntryBytes) return fail('entry_too_large');
      if (total > limits.maxTotalBytes) return fail('total_too_large');
      if (size >= limits.ratioCheckFromBytes && size > limits.maxRatio * Math.max(1, entry.compressedSize))
        return fail('compression_ratio');
      entries.push({ entry, name: entry.fileName.replace(/\\/g, '/').replace(/^\/+/, '') });
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', () => reject(new AppError('unprocessable', NOT_A_DOCX, { reason: 'damaged' })));
    zip.readEntry();
  });
}

function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, budget: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new AppError('unprocessable', NOT_A_DOCX, { reason: 'damaged' }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let done = false;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > budget && !done) {
          done = true;
          stream.destroy();
          reject(new AppError('unprocessable', BOMB, { reason: 'inflated_too_large' }));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => {
        if (!done) {
          done = true;
          resolve(Buffer.concat(chunks));
        }
      });
      stream.on('error', () => {
        if (!done) {
          done = true;
          // yauzl checks the inflated size against the header: a mismatch is a lying archive.
          reject(new AppError('unprocessable', NOT_A_DOCX, { reason: 'damaged' }));
        }
      });
    });
  });
}

/** The object mammoth reads a document through (its `file` input), backed by our capped parts. */
export function mammothFile(parts: DocxParts): {
  exists: (name: string) => boolean;
  read: (name: string, encoding?: string) => Promise<string | Uint8Array>;
} {
  const find = (name: string) => parts.get(name.replace(/^\/+/, ''));
  return {
    exists: (name) => find(name) !== undefined,
    read: (name, encoding) => {
      const data = find(name) ?? Buffer.alloc(0);
      return Promise.resolve(encoding ? new TextDecoder(encoding).decode(data) : new Uint8Array(data));
    },
  };
}
