import { describe, expect, it } from 'vitest';
import { MAX_RESUME_BYTES } from '../../../contract/index.js';
import { ApiError } from '../../lib/api-client.js';
import { UploadError } from '../../lib/upload.js';
import { checkResumeFile, describeUploadError, formatBytes } from './resume-file.js';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);
const problem = (status: number, code: string, detail: string, details?: Record<string, unknown>) =>
  new UploadError({ type: 'about:blank', title: 'x', status, code, detail }, details);

describe('checking a resume before it is sent', () => {
  it('lets PDF, DOCX and TXT of a sensible size through, whatever the case of the extension', () => {
    expect(checkResumeFile(file('cv.pdf', 1000))).toBeNull();
    expect(checkResumeFile(file('CV.DOCX', 1000))).toBeNull();
    expect(checkResumeFile(file('resume.txt', MAX_RESUME_BYTES))).toBeNull();
  });

  it('names the problem: another type, too large, empty', () => {
    expect(checkResumeFile(file('cv.doc', 10))?.title).toBe('“cv.doc” is not a file Panelist can read');
    expect(checkResumeFile(file('photo.png', 10))?.detail).toMatch(/PDF, a Word document \(\.docx\) or a plain-text file/);
    const big = checkResumeFile(file('cv.pdf', MAX_RESUME_BYTES + 1));
    expect(big?.title).toBe('“cv.pdf” is too large');
    expect(big?.detail).toMatch(/the limit is 10 MB/);
    expect(checkResumeFile(file('cv.txt', 0))?.title).toBe('“cv.txt” is empty');
  });
});

describe('words for a refused upload', () => {
  it('has its own message for each way the server refuses a file', () => {
    expect(describeUploadError(problem(415, 'unsupported_media_type', 'Upload a PDF…'), 'a.pdf').title).toBe(
      '“a.pdf” is not a PDF, Word or text file',
    );
    expect(describeUploadError(problem(413, 'payload_too_large', 'big'), 'a.pdf').title).toBe('“a.pdf” is too large');
    expect(describeUploadError(problem(422, 'unprocessable', 'locked', { reason: 'password_protected' }), 'a.pdf').title).toBe(
      '“a.pdf” is password-protected',
    );
    expect(describeUploadError(problem(422, 'unprocessable', 'x', { reason: 'inflated_too_large' }), 'a.docx').title).toBe(
      '“a.docx” was refused for safety',
    );
    expect(describeUploadError(problem(422, 'unprocessable', 'x', { reason: 'too_many_entries' }), 'a.docx').title).toBe(
      '“a.docx” was refused for safety',
    );
    expect(describeUploadError(problem(422, 'unprocessable', 'x', { reason: 'damaged' }), 'a.pdf').detail).toMatch(/damaged or incomplete/);
  });

  it('falls back on the wording of the message, then on the server’s own words', () => {
    expect(describeUploadError(problem(422, 'unprocessable', 'This PDF is password-protected.'), 'a.pdf').title).toBe(
      '“a.pdf” is password-protected',
    );
    const slow = describeUploadError(problem(422, 'unprocessable', 'This PDF took too long to read.'), 'a.pdf');
    expect(slow).toEqual({ title: '“a.pdf” could not be read', detail: 'This PDF took too long to read.' });
  });

  it('reads the reason from a plain ApiError too, and words network failures', () => {
    const err = new ApiError({
      type: 'about:blank',
      title: 'x',
      status: 422,
      code: 'unprocessable',
      detail: 'x',
      details: { reason: 'password_protected' },
    });
    expect(describeUploadError(err, 'a.pdf').title).toBe('“a.pdf” is password-protected');
    expect(describeUploadError(new TypeError('Network request failed'), 'a.pdf').detail).toMatch(/Could not reach Panelist/);
  });
});

describe('file sizes', () => {
  it('reads like a person would write them', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(MAX_RESUME_BYTES)).toBe('10 MB');
    expect(formatBytes(15 * 1024 * 1024 + 1)).toBe('15 MB');
  });
});
