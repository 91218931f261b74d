import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Resume } from '../../contract/resumes.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { resumes } from './resumes.table.js';

/**
 * Uploads read in the reading process: contact details from a DOCX page header or footer, a
 * scan read by OCR, and a hostile PDF that must cost the server nothing but a 422.
 */

const FIXTURES = path.join(import.meta.dirname, '../../../test/fixtures/resumes');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));
const BOUNDARY = '----panelist-reading-test';
/** Longer than production's: a cold OCR engine on a machine busy with the whole suite needs it. */
const DEADLINE_MS = 15_000;

let t: TestApp;
let candidate: Browser;

beforeAll(async () => {
  t = await createTestApp({ RESUME_READ_TIMEOUT_MS: String(DEADLINE_MS) });
  candidate = await registerUser(t.app, { name: 'Reading Candidate' });
});
afterAll(async () => {
  await t?.close();
});

function upload(content: Buffer, fileName: string) {
  const payload = Buffer.concat([
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
  return candidate.request({
    method: 'POST',
    url: '/api/v1/resumes',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

async function uploaded(name: string): Promise<Resume> {
  const res = await upload(fixture(name), path.basename(name));
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

function storedFiles(dir = t.config.storageDir): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

describe('reading uploads in the reading process', () => {
  it('finds the email and phone that only a DOCX page header or footer holds', async () => {
    const header = await uploaded('outside/docx-nurse-header-contacts.docx');
    expect(header.parsed.email).toBe('adaeze.nwosu@example.net');
    expect(header.parsed.phone).toBe('+44 7700 900418');
    expect(header.parsed.name).toBe('Adaeze Nwosu');
    const footer = await uploaded('outside/docx-sales-footer-contacts.docx');
    expect(footer.parsed.email).toBe('leon.brandt@example.com');
    expect(footer.parsed.phone).toBe('+44 113 496 0789');
  });

  it('reads a one-page scan by OCR and marks it so, with the confidence', async () => {
    const scan = await uploaded('outside/pdf-scan-warehouse-supervisor.pdf');
    expect(scan.status).toBe('parsed');
    expect(scan.flags).toMatchObject({ noTextLayer: true, ocr: true });
    expect(scan.flags.ocrConfidence).toBeGreaterThan(60);
    expect(scan.flags.ocrConfidence).toBeLessThanOrEqual(100);
    expect(scan.warnings.join(' ')).toMatch(/OCR/);
    expect(scan.parsed.email).toBe('tomasz.w@example.com');
    expect(scan.parsed.positions.map((p) => p.employer)).toContain('Meridian Parcel Hub');
    // A text PDF is not OCR'd.
    const text = await uploaded('pdf-software-engineer.pdf');
    expect(text.flags).toMatchObject({ ocr: false, ocrConfidence: null });
  });

  it('answers other requests while a hostile PDF is read, then refuses it with 422 by the deadline, keeping nothing', async () => {
    const rowsBefore = await t.database.db.select().from(resumes).where(eq(resumes.ownerId, candidate.user.id));
    const filesBefore = storedFiles();
    const bomb = fixture('bad/stream-bomb.pdf');
    expect(bomb.length).toBeLessThan(250_000);

    const started = performance.now();
    let done = false;
    const pending = upload(bomb, 'resume.pdf').finally(() => {
      done = true;
    });
    // Meanwhile the server keeps answering, promptly.
    const latencies: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await t.app.inject({ method: 'GET', url: '/healthz' });
      latencies.push(performance.now() - t0);
      expect(res.statusCode).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const res = await pending;
    const elapsed = performance.now() - started;

    expectProblem(res, 422);
    expect(elapsed).toBeLessThan(DEADLINE_MS + 1500);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(500);
    expect(await t.database.db.select().from(resumes).where(eq(resumes.ownerId, candidate.user.id))).toHaveLength(rowsBefore.length);
    expect(storedFiles()).toEqual(filesBefore);

    // The reading process was replaced: the next upload is read as usual.
    const next = await uploaded('txt-qa-engineer.txt');
    expect(next.status).toBe('parsed');
  });
});
