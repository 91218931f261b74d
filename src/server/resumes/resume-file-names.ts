import type { ResumeMimeType } from '../../contract/resumes.js';

const EXTENSIONS: Record<ResumeMimeType, string> = {
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'text/plain': '.txt',
};
const MAX_NAME = 200;
// Control characters, zero-width and bidirectional marks: they hide or reorder what a name shows
// ("resume\u202Efdp.exe" reads as "resumeexe.pdf").
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The uploaded file's name, kept for display only: no folders, nothing invisible, at most 200
 * characters (the extension survives the cut). It never names a file on disk.
 */
export function displayFileName(raw: string | undefined): string {
  let name = (raw ?? '')
    .normalize('NFC')
    .replace(/[\t\n\v\f\r]+/g, ' ')
    .replace(INVISIBLE, '');
  name = name.split(/[\\/]/).pop() ?? '';
  name = name.replace(/\s+/g, ' ').trim().replace(/^\.+/, '').trim();
  if (name.length > MAX_NAME) {
    const ext = /\.[\w]{1,10}$/.exec(name)?.[0] ?? '';
    name = name.slice(0, MAX_NAME - ext.length).trimEnd() + ext;
  }
  return name.length > 0 ? name : 'resume';
}

/** The name a download is saved under: the display name with the extension of its real type. */
export function downloadFileName(displayName: string, mimeType: ResumeMimeType): string {
  const base = displayName.replace(/\.[\w]{1,10}$/, '') || 'resume';
  return base + EXTENSIONS[mimeType];
}

/**
 * `attachment` with an ASCII fallback name and the exact UTF-8 name (RFC 6266 / RFC 8187), so
 * no quote, semicolon or line break from a user's file name can reach the header's syntax.
 */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\;%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
