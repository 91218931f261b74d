import { describe, expect, it } from 'vitest';
import { cutText, limitResumeText, MAX_RESUME_TEXT_CHARS, MAX_RESUME_TEXT_LINES, truncationWarning } from './resume-text-limit.js';

describe('limitResumeText', () => {
  it('leaves a resume-sized text alone', () => {
    const text = 'Jane Doe\nEngineer\n'.repeat(1000);
    expect(limitResumeText(text)).toEqual({ text, truncated: false });
  });

  it('cuts a long text at the last line break before the limit', () => {
    const line = `${'x'.repeat(99)}\n`;
    const { text, truncated } = limitResumeText(line.repeat(3000));
    expect(truncated).toBe(true);
    expect(text.length).toBeLessThanOrEqual(MAX_RESUME_TEXT_CHARS);
    expect(text.length).toBeGreaterThan(MAX_RESUME_TEXT_CHARS - 100);
    expect(text.endsWith('x')).toBe(true);
  });

  it('cuts a text without line breaks at the limit, keeping a surrogate pair whole', () => {
    expect(limitResumeText('a'.repeat(MAX_RESUME_TEXT_CHARS + 5)).text).toHaveLength(MAX_RESUME_TEXT_CHARS);
    const emoji = `${'a'.repeat(MAX_RESUME_TEXT_CHARS - 1)}😀tail`;
    expect(limitResumeText(emoji).text).toBe('a'.repeat(MAX_RESUME_TEXT_CHARS - 1));
    expect(cutText('ab😀', 3)).toBe('ab');
  });

  it('keeps at most the maximum number of lines', () => {
    const { text, truncated } = limitResumeText('a\n'.repeat(MAX_RESUME_TEXT_LINES + 50));
    expect(truncated).toBe(true);
    expect(text.split('\n')).toHaveLength(MAX_RESUME_TEXT_LINES);
  });

  it('says how much was read', () => {
    expect(truncationWarning('one\ntwo')).toBe(
      "Only the first 7 characters (2 lines) of this file's text were read; a resume is far shorter.",
    );
    expect(truncationWarning('x'.repeat(200_000))).toMatch(/^Only the first 200,000 characters \(1 line\)/);
    expect(truncationWarning('')).toMatch(/^Only the start/);
  });
});
