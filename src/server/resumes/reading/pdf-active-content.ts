import { inflateSync } from 'node:zlib';
import { AppError } from '../../../core/errors.js';

/**
 * What in a PDF can act on the reader's machine instead of just being shown. Resumes are
 * downloaded and opened by coaches, so an upload that carries any of these is refused rather
 * than stored (see resumes.service.ts).
 */
export type PdfActiveContent =
  | 'javascript'
  | 'launch_action'
  | 'form_submission'
  | 'data_import'
  | 'embedded_file'
  | 'rich_media'
  | 'xfa_form'
  | 'remote_link'
  | 'polyglot';

/** Action and object names, matched after #xx escapes in names are decoded (/J#61vaScript). */
const ACTIVE_NAMES: [string, PdfActiveContent][] = [
  ['JavaScript', 'javascript'],
  ['JS', 'javascript'],
  ['Launch', 'launch_action'],
  ['SubmitForm', 'form_submission'],
  ['ImportData', 'data_import'],
  ['EmbeddedFile', 'embedded_file'],
  ['EmbeddedFiles', 'embedded_file'],
  ['RichMedia', 'rich_media'],
  ['XFA', 'xfa_form'],
  ['GoToR', 'remote_link'],
  ['GoToE', 'remote_link'],
];
const NAME_END = String.raw`(?=[\s/<>\[\]()%{}]|$)`;
const ACTIVE_PATTERN = new RegExp(String.raw`/(${ACTIVE_NAMES.map(([n]) => n).join('|')})${NAME_END}`, 'g');
const KIND_OF = new Map(ACTIVE_NAMES);

/** Inflated stream bytes read in total, so a compression bomb cannot exhaust memory. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

function decodeNameEscapes(text: string): string {
  return text.replace(/\/[^\s/<>[\]()%{}]+/g, (name) =>
    name.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
}

function namesIn(text: string, into: Set<PdfActiveContent>) {
  for (const match of decodeNameEscapes(text).matchAll(ACTIVE_PATTERN)) into.add(KIND_OF.get(match[1]!)!);
}

/**
 * Compressed streams, where object streams (PDF 1.5) hide dictionaries from a plain byte scan.
 * Streams that do not inflate (images, other filters) are skipped.
 */
function inflatedStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  let budget = MAX_INFLATED_BYTES;
  let from = 0;
  for (;;) {
    const start = pdf.indexOf('stream', from, 'latin1');
    if (start < 0 || budget <= 0) break;
    let dataStart = start + 'stream'.length;
    if (pdf[dataStart] === 0x0d) dataStart += 1;
    if (pdf[dataStart] === 0x0a) dataStart += 1;
    const end = pdf.indexOf('endstream', dataStart, 'latin1');
    if (end < 0) break;
    // 'endstream' itself contains 'stream': skip past it.
    from = end + 'endstream'.length;
    if (pdf.subarray(Math.max(0, start - 3), start).toString('latin1') === 'end') continue;
    try {
      const data = inflateSync(pdf.subarray(dataStart, end), { maxOutputLength: budget });
      budget -= data.length;
      out.push(data.toString('latin1'));
    } catch {
      // Not deflate data, or cut short: nothing readable to scan.
    }
  }
  return out;
}

/** Bytes after the last end-of-file marker (other than whitespace) are a second file riding along. */
function hasTrailingFile(pdf: Buffer): boolean {
  const eof = pdf.lastIndexOf('%%EOF', undefined, 'latin1');
  if (eof < 0) return false;
  const tail = pdf.subarray(eof + 5);
  return tail.some((b) => b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09 && b !== 0x00);
}

/** A PDF that another program would also open as a zip or a web page. */
function isPolyglot(pdf: Buffer): boolean {
  if (hasTrailingFile(pdf)) return true;
  // A zip is found from its end-of-central-directory record, anywhere in the file.
  if (pdf.includes('PK\x05\x06', 0, 'latin1') && pdf.includes('PK\x03\x04', 0, 'latin1')) return true;
  // Browsers sniff HTML from the first 512 bytes of a response.
  const head = pdf.subarray(0, 1024).toString('latin1').toLowerCase();
  return /<(?:html|script|body|iframe|svg|object|embed)[\s>/]/.test(head);
}

/** The kinds of active content in a PDF, sorted; empty for a plain document. */
export function findPdfActiveContent(pdf: Buffer): PdfActiveContent[] {
  const found = new Set<PdfActiveContent>();
  namesIn(pdf.toString('latin1'), found);
  for (const text of inflatedStreams(pdf)) namesIn(text, found);
  if (isPolyglot(pdf)) found.add('polyglot');
  return [...found].sort();
}

const DESCRIPTIONS: Record<PdfActiveContent, string> = {
  javascript: 'JavaScript',
  launch_action: 'an action that launches a program',
  form_submission: 'a form that submits data',
  data_import: 'a data import action',
  embedded_file: 'an embedded file',
  rich_media: 'embedded media',
  xfa_form: 'an XFA form',
  remote_link: 'a link that opens another document automatically',
  polyglot: 'a second file hidden in it',
};

export function describePdfActiveContent(kinds: PdfActiveContent[]): string {
  return kinds.map((k) => DESCRIPTIONS[k]).join(', ');
}

/** Throws 422 for a PDF with active content, naming what was found (details.activeContent). */
export function refuseActivePdf(pdf: Buffer): void {
  const kinds = findPdfActiveContent(pdf);
  if (kinds.length === 0) return;
  throw new AppError(
    'unprocessable',
    `This PDF contains ${describePdfActiveContent(kinds)}, which could run on a reader's computer. Export it again as a plain PDF and upload that.`,
    {
      activeContent: kinds,
    },
  );
}
