import type { ResumeMimeType } from '../../../contract/resumes.js';

export const PDF_TYPE = 'application/pdf' satisfies ResumeMimeType;
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' satisfies ResumeMimeType;
export const TEXT_TYPE = 'text/plain' satisfies ResumeMimeType;

/**
 * The resume type from the bytes alone, never the name or the declared type. Give it the whole
 * file when you have it: a DOCX is recognised by its zip directory listing word/document.xml
 * (read from the end of the file), and with only the head of a file the local headers are walked
 * instead. Anything else — images, executables, other zips, old binary .doc files, text that is
 * not UTF-8 — is null.
 */
export function sniffResumeType(head: Buffer): ResumeMimeType | null {
  if (head.length === 0) return null;
  if (startsWithPdf(head)) return PDF_TYPE;
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return zipHasWordDocument(head) ? DOCX_TYPE : null;
  return isPlainText(head) ? TEXT_TYPE : null;
}

function startsWithPdf(head: Buffer): boolean {
  // Some producers put a few bytes of whitespace or a BOM before the header.
  const start = head
    .subarray(0, 16)
    .toString('latin1')
    .replace(/^(?:\xEF\xBB\xBF|[\s\0])+/, '');
  return start.startsWith('%PDF-');
}

const DOCUMENT_PART = 'word/document.xml';

function zipHasWordDocument(buf: Buffer): boolean {
  const fromDirectory = centralDirectoryNames(buf);
  if (fromDirectory) return fromDirectory.some((n) => n.replace(/\\/g, '/') === DOCUMENT_PART);
  return localHeaderNames(buf).some((n) => n.replace(/\\/g, '/') === DOCUMENT_PART);
}

/** Entry names from the central directory, or null when the end of the zip is not in the buffer. */
function centralDirectoryNames(buf: Buffer): string[] | null {
  const minEocd = 22;
  if (buf.length < minEocd) return null;
  const searchFrom = Math.max(0, buf.length - (minEocd + 0xffff));
  for (let i = buf.length - minEocd; i >= searchFrom; i -= 1) {
    if (buf.readUInt32LE(i) !== 0x06054b50) continue;
    const count = buf.readUInt16LE(i + 10);
    const size = buf.readUInt32LE(i + 12);
    const offset = buf.readUInt32LE(i + 16);
    if (offset === 0xffffffff || offset + size > i) return null;
    const names: string[] = [];
    let p = offset;
    for (let n = 0; n < count && p + 46 <= buf.length; n += 1) {
      if (buf.readUInt32LE(p) !== 0x02014b50) return names.length > 0 ? names : null;
      const nameLength = buf.readUInt16LE(p + 28);
      const extraLength = buf.readUInt16LE(p + 30);
      const commentLength = buf.readUInt16LE(p + 32);
      names.push(buf.toString('utf8', p + 46, Math.min(buf.length, p + 46 + nameLength)));
      p += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return null;
}

function localHeaderNames(buf: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= buf.length && names.length < 2000) {
    if (buf.readUInt32LE(p) !== 0x04034b50) {
      const next = buf.indexOf('PK\x03\x04', p + 1, 'latin1');
      if (next < 0) break;
      p = next;
      continue;
    }
    const flags = buf.readUInt16LE(p + 6);
    const compressed = buf.readUInt32LE(p + 18);
    const nameLength = buf.readUInt16LE(p + 26);
    const extraLength = buf.readUInt16LE(p + 28);
    names.push(buf.toString('utf8', p + 30, Math.min(buf.length, p + 30 + nameLength)));
    const dataStart = p + 30 + nameLength + extraLength;
    // With a data descriptor the size comes after the data: look for the next header instead.
    p = (flags & 0x08) !== 0 && compressed === 0 ? dataStart : dataStart + compressed;
  }
  return names;
}

/** Valid UTF-8 (a BOM is fine) with no NUL or other control bytes besides tab, newlines and form feed. */
function isPlainText(buf: Buffer): boolean {
  let body = buf;
  if (body.length >= 3 && body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  for (const byte of body) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if (byte === 0x7f) return false;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimIncompleteTail(body));
    return true;
  } catch {
    return false;
  }
}

/** A head cut from a longer file may end inside a multi-byte character. */
function trimIncompleteTail(buf: Buffer): Buffer {
  for (let back = 1; back <= 3 && back <= buf.length; back += 1) {
    const byte = buf[buf.length - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) {
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return needed > back ? buf.subarray(0, buf.length - back) : buf;
    }
    return buf;
  }
  return buf;
}
