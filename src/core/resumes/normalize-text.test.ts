import { describe, expect, it } from 'vitest';
import { normalizeResumeText, normalizeResumeTextWithin } from './normalize-text.js';
import { MAX_RESUME_TEXT_CHARS, RAW_TEXT_FACTOR } from './resume-text-limit.js';

/** CPU time of this test process: unlike wall time, not inflated by a busy shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

describe('normalizeResumeText', () => {
  it('folds ligatures, odd spaces, curly quotes and invisible characters', () => {
    expect(normalizeResumeText('Oﬃce\u00a0manager — “eﬀective”\u200b team')).toBe('Office manager — "effective" team');
    expect(normalizeResumeText('soft\u00adware')).toBe('software');
  });

  it('gives every bullet glyph one spelling, including Word symbol-font bullets', () => {
    expect(normalizeResumeText('\uf0b7 Built APIs\n● Led a team\n- Wrote tests\n* Shipped')).toBe(
      '• Built APIs\n• Led a team\n• Wrote tests\n• Shipped',
    );
    expect(normalizeResumeText('Python · SQL ▪ Excel')).toBe('Python • SQL • Excel');
  });

  it('joins words broken at a line end but keeps real hyphens', () => {
    expect(normalizeResumeText('improved manage-\nment of the ward')).toBe('improved management of the ward');
    expect(normalizeResumeText('front-\nEnd work')).toBe('front-\nEnd work');
  });

  it('joins a wrapped sentence and leaves short list lines apart', () => {
    expect(normalizeResumeText('Built the ledger service that settles three million payments a\nday for merchants.')).toBe(
      'Built the ledger service that settles three million payments a day for merchants.',
    );
    expect(normalizeResumeText('Python\npandas\nnumpy')).toBe('Python\npandas\nnumpy');
  });

  it('keeps a wide gap as one tab (a table cell) and collapses the rest', () => {
    expect(normalizeResumeText('Engineer, Acme        2019 - 2021\r\n\r\n\r\n\r\nnext   line')).toBe(
      'Engineer, Acme\t2019 - 2021\n\nnext\tline',
    );
    expect(normalizeResumeText('a  b')).toBe('a b');
  });

  it('normalizes only a resume-sized start and says when it cut', () => {
    expect(normalizeResumeTextWithin('Jane  Doe\r\nEngineer')).toEqual({ text: 'Jane Doe\nEngineer', truncated: false });
    const long = normalizeResumeTextWithin('Built things.\n'.repeat(20_000));
    expect(long.truncated).toBe(true);
    expect(long.text.length).toBeLessThanOrEqual(MAX_RESUME_TEXT_CHARS);
    expect(long.text.endsWith('Built things.')).toBe(true);
    // Padding that normalizes away still counts as unread text past the raw limit.
    const padded = normalizeResumeTextWithin(`Jane Doe${' '.repeat(MAX_RESUME_TEXT_CHARS * RAW_TEXT_FACTOR)}hidden tail`);
    expect(padded).toEqual({ text: 'Jane Doe', truncated: true });
  });

  it('stays linear on long runs that a trailing-run regex retries from every position', () => {
    const started = cpuMs();
    const text = normalizeResumeText(`a${' '.repeat(300_000)}b\n${'c '.repeat(100_000)}d`);
    expect(text.startsWith('a\tb\nc c')).toBe(true);
    // Generous: the quadratic version took minutes.
    expect(cpuMs() - started).toBeLessThan(5000);
  });
});
