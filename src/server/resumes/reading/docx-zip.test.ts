import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors.js';
import { DOCX_LIMITS, readDocxParts } from './docx-zip.js';
import { FIXTURES_DIR } from '../../testing/resume-fixtures.js';

const docx = readFileSync(join(FIXTURES_DIR, 'docx-backend-engineer.docx'));

async function reason(promise: Promise<unknown>): Promise<unknown> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(422);
  return (error as AppError).details?.reason;
}

describe('readDocxParts', () => {
  it('inflates the XML parts of a Word document', async () => {
    const parts = await readDocxParts(docx);
    expect(parts.get('word/document.xml')?.toString('utf8')).toContain('Orbital Pay');
    expect([...parts.keys()].every((name) => /\.(?:xml|rels)$/.test(name))).toBe(true);
  });

  it('refuses by the central directory: too many entries, a huge entry, a huge total, a bomb ratio', async () => {
    expect(await reason(readDocxParts(docx, { ...DOCX_LIMITS, maxEntries: 3 }))).toBe('too_many_entries');
    expect(await reason(readDocxParts(docx, { ...DOCX_LIMITS, maxEntryBytes: 1000 }))).toBe('entry_too_large');
    expect(await reason(readDocxParts(docx, { ...DOCX_LIMITS, maxTotalBytes: 5000 }))).toBe('total_too_large');
    expect(await reason(readDocxParts(docx, { ...DOCX_LIMITS, maxRatio: 1.5, ratioCheckFromBytes: 1000 }))).toBe('compression_ratio');
  });

  it('refuses a file that is not a zip', async () => {
    expect(await reason(readDocxParts(Buffer.from('PK\u0003\u0004 this is not really a zip')))).toBe('damaged');
  });
});
