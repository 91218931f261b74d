import { describe, expect, it } from 'vitest';
import { normalizeResumeText } from './normalize-text.js';

describe('normalizeResumeText', () => {
  it('folds ligatures, odd spaces, curly quotes and invisible characters', () => {
    expect(normalizeResumeText('Oﬃce\u00a0manager — “eﬀective”\u200b team')).toBe('Office manager — "effective" team');
    expect(normalizeResumeText('soft\u00adware')).toBe('software');
  });

  it('gives every bullet glyph one spelling, including Word symbol-font bullets', () => {
    expect(normalizeResumeText('\uf0b7 Built APIs\n● Led a team\n- Wrote tests\n* Shipped')).toBe('• Built APIs\n• Led a team\n• Wrote tests\n• Shipped');
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
    expect(normalizeResumeText('Engineer, Acme        2019 - 2021\r\n\r\n\r\n\r\nnext   line')).toBe('Engineer, Acme\t2019 - 2021\n\nnext\tline');
    expect(normalizeResumeText('a  b')).toBe('a b');
  });
});
