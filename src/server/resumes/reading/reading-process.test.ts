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
    // Three process starts and a 480 MB climb: on a loaded two-core machine this alone took over 30 s.
  }, 120_000);

  it('reads a job description in the reading process; a text that passes the deadline costs a 422 and the next one is read', async () => {
    const jobs = createReadingProcessPool({ deadlineMs: 1_000 });
    try {
      const skills = await jobs.extractJob('Requirements: 5+ years of TypeScript and React. Nice to have: Kubernetes.');
      expect(skills.requiredSkills).toEqual(expect.arrayContaining(['TypeScript', 'React']));
      // Skill extraction grows faster than the text: this one takes seconds, on the server it would freeze every request.
      const hostile = Array.from(
        { length: 20_000 },
        (_, i) => `Must have ${i % 7 === 0 ? 'Kubernetes' : 'React'} and 5+ years of TypeScript;`,
      ).join(' ');
      await expect(jobs.extractJob(hostile)).rejects.toMatchObject({ code: 'unprocessable', details: { reason: 'deadline' } });
      const after = await jobs.extractJob('Must have Python.');
      expect(after.requiredSkills).toContain('Python');
    } finally {
      await jobs.close();
    }
    // Starting a reading process (tsx, the skills taxonomy) takes seconds on a busy machine.
  }, 120_000);

  it('lets an idle reading process exit to free its memory, and starts a new one for the next file', async () => {
    const brief = createReadingProcessPool({ idleExitMs: 300 });
    try {
      expect((await brief.read(Buffer.from('Jo Bloggs\njo@example.com'), 'text/plain', { now })).parsed.email).toBe('jo@example.com');
      expect(brief.running()).toBe(1);
      const deadline = Date.now() + 30_000;
      while (brief.running() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(brief.running()).toBe(0);
      expect((await brief.read(Buffer.from('Sam Lee\nsam@example.com'), 'text/plain', { now })).parsed.email).toBe('sam@example.com');
    } finally {
      await brief.close();
    }
  }, 120_000);

  it('refuses work once closed', async () => {
    const closed = createReadingProcessPool();
    await closed.close();
    await expect(closed.read(Buffer.from('Jo\njo@example.com'), 'text/plain', { now })).rejects.toMatchObject({ code: 'unavailable' });
    await expect(closed.extractJob('Must have Python.')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
