import { describe, expect, it } from 'vitest';
import { attachmentDisposition, displayFileName, downloadFileName } from './resume-file-names.js';

describe('resume file names', () => {
  it.each([
    ['CV 2026.pdf', 'CV 2026.pdf'],
    ['C:\\Users\\me\\Desktop\\cv.docx', 'cv.docx'],
    ['../../etc/passwd', 'passwd'],
    ['resume\u202Efdp.exe', 'resumefdp.exe'],
    ['\u0000\u0007bell.txt', 'bell.txt'],
    ['..hidden', 'hidden'],
    ['   ', 'resume'],
    [undefined, 'resume'],
    ['a\n\tb.txt', 'a b.txt'],
  ])('displays %j as %j', (raw, shown) => {
    expect(displayFileName(raw)).toBe(shown);
  });

  it('shortens long names but keeps the extension', () => {
    const name = displayFileName(`${'x'.repeat(300)}.docx`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('downloads under the extension of the real type', () => {
    expect(downloadFileName('cv.pdf', 'text/plain')).toBe('cv.txt');
    expect(downloadFileName('cv', 'application/pdf')).toBe('cv.pdf');
    expect(downloadFileName('my.cv.final.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'my.cv.final.docx',
    );
  });

  it('writes a Content-Disposition no file name can break out of', () => {
    expect(attachmentDisposition('cv.pdf')).toBe(`attachment; filename="cv.pdf"; filename*=UTF-8''cv.pdf`);
    const header = attachmentDisposition('a"; filename="evil.html\r\nX-Injected: 1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.match(/"/g)).toHaveLength(2);
    expect(attachmentDisposition('Résumé (1).pdf')).toBe(
      `attachment; filename="R_sum_ (1).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%281%29.pdf`,
    );
  });
});
