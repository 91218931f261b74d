import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createReadingProcessPool } from './reading-process.js';

const FIXTURES = path.join(import.meta.dirname, '../../../../test/fixtures/resumes');
const PDF = 'application/pdf' as const;
const now = new Date('2025-06-01T00:00:00Z');

// A deadline far away, so only the memory cap can stop the stream bomb.
const pool = createReadingProcessPool({ deadlineMs: 60_000, memoryMb: 480 });
afterAll(() => pool.close());

describe('the reading process', () => {
  it('reads an ordinary PDF under the memory cap, kills the process reading a stream bomb past it, and reads on', async () => {
    const ok = await pool.read(readFileSync(path.join(FIXTURES, 'pdf-software-engineer.pdf')), PDF, { now });
    expect(ok.parsed.name).toBe('Priya Raman');
    const started = performance.now();
    await expect(pool.read(readFileSync(path.join(FIXTURES, 'bad/stream-bomb.pdf')), PDF, { now })).rejects.toMatchObject({
      code: 'unprocessable',
      details: { reason: 'memory' },
    });
    expect(performance.now() - started).toBeLessThan(60_000);
    const after = await pool.read(readFileSync(path.join(FIXTURES, 'txt-qa-engineer.txt')), 'text/plain', { now });
    expect(after.status).toBe('parsed');
  });

  it('refuses work once closed', async () => {
    const closed = createReadingProcessPool();
    await closed.close();
    await expect(closed.read(Buffer.from('Jo\njo@example.com'), 'text/plain', { now })).rejects.toMatchObject({ code: 'unavailable' });
  });
});
