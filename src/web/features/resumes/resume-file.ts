import { MAX_RESUME_BYTES, type ResumeMimeType } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { UploadError } from '../../lib/upload.js';

export const ACCEPTED_EXTENSIONS = ['.pdf', '.docx', '.txt'] as const;
/** For <input accept>: extensions and MIME types, so pickers on every platform filter well. */
export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_EXTENSIONS,
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
].join(',');

const typeLabels: Record<ResumeMimeType, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'text/plain': 'Text',
};

export function fileTypeLabel(mime: ResumeMimeType): string {
  return typeLabels[mime];
}

/** 1536 → "1.5 KB"; 10485760 → "10 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 10 || Number.isInteger(value) ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export const MAX_SIZE_LABEL = formatBytes(MAX_RESUME_BYTES);

export interface UploadProblem {
  title: string;
  detail: string;
}

/**
 * What is wrong with a file before it is sent, or null. The server sniffs the content anyway;
 * this only saves a pointless upload (and a 10 MB wait) for the obvious cases.
 */
export function checkResumeFile(file: File): UploadProblem | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) {
    return {
      title: `“${file.name}” is not a file Panelist can read`,
      detail:
        'Upload your resume as a PDF, a Word document (.docx) or a plain-text file (.txt). Older .doc files need saving as .docx first.',
    };
  }
  if (file.size > MAX_RESUME_BYTES) {
    return {
      title: `“${file.name}” is too large`,
      detail: `It is ${formatBytes(file.size)}; the limit is ${MAX_SIZE_LABEL}. Export it again without embedded images, or as plain text.`,
    };
  }
  if (file.size === 0) {
    return { title: `“${file.name}” is empty`, detail: 'The file has no content. Check that you picked the right one.' };
  }
  return null;
}

function reasonOf(err: ApiError): string {
  const details = err instanceof UploadError ? err.details : (err.problem.details ?? {});
  return typeof details.reason === 'string' ? details.reason : '';
}

/** Words for each way the server can refuse a file. */
export function describeUploadError(err: unknown, fileName: string): UploadProblem {
  if (!(err instanceof ApiError)) return { title: 'The upload did not finish', detail: errorMessage(err) };
  switch (err.status) {
    case 415:
      return {
        title: `“${fileName}” is not a PDF, Word or text file`,
        detail:
          'Panelist checks what a file contains, not just its name, and this one is something else (an image, say). Export your resume as PDF, DOCX or TXT and try again.',
      };
    case 413:
      return {
        title: `“${fileName}” is too large`,
        detail: `Resumes can be up to ${MAX_SIZE_LABEL}. Export it again without embedded images, or as plain text.`,
      };
    case 422: {
      const reason = reasonOf(err);
      const message = err.message.toLowerCase();
      if (reason === 'password_protected' || /encrypt|password/.test(message)) {
        return {
          title: `“${fileName}” is password-protected`,
          detail: 'Panelist cannot open encrypted files. Save a copy without a password (or print it to a new PDF) and upload that.',
        };
      }
      if (reason === 'inflated_too_large' || reason === 'too_many_entries' || /zip bomb|inflat|expand/.test(message)) {
        return {
          title: `“${fileName}” was refused for safety`,
          detail: 'It unpacks to far more data than any resume needs. Save it again from your word processor and try once more.',
        };
      }
      if (reason === 'damaged') {
        return {
          title: `“${fileName}” could not be read`,
          detail: 'The file looks damaged or incomplete. Open it on your computer to check it, export it again and retry.',
        };
      }
      // Anything else (not UTF-8, too slow to read, empty): the server's own words say what to do.
      return { title: `“${fileName}” could not be read`, detail: err.message };
    }
    case 401:
      return { title: 'You have been signed out', detail: 'Sign in again, then upload your resume.' };
    default:
      return { title: 'The upload did not finish', detail: errorMessage(err) };
  }
}
