import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainPdf, withCatalogEntries } from '../testing/active-pdf-fixtures.js';
import { registerUser, createTestApp, expectProblem, type Browser, type TestApp } from '../testing/test-app.js';
import { resumes } from './resumes.table.js';

const BOUNDARY = '----panelist-active-pdf';
let t: TestApp;
let candidate: Browser;
beforeAll(async () => {
  // The reader runs in a child process; a busy machine needs more than the 10 s default.
  t = await createTestApp({ RESUME_READ_TIMEOUT_MS: '60000' });
  candidate = await registerUser(t.app);
});
afterAll(async () => {
  await t?.close();
});

function upload(content: Buffer) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="cv.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return candidate.request({
    method: 'POST',
    url: '/api/v1/resumes',
    payload: Buffer.concat([head, content, Buffer.from(`\r\n--${BOUNDARY}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

describe('uploading a PDF with active content', () => {
  it('refuses JavaScript with 422 naming it, and stores nothing', async () => {
    const pdf = withCatalogEntries(await plainPdf(), '/OpenAction << /S /JavaScript /JS (app.launchURL\\("https://evil.example"\\)) >>');
    const body = expectProblem(await upload(pdf), 422, 'unprocessable');
    expect(body.detail).toMatch(/JavaScript/);
    expect((body.details as { activeContent: string[] }).activeContent).toEqual(['javascript']);
    expect(await t.database.db.select().from(resumes)).toHaveLength(0);
  });

  it('refuses a launch action', async () => {
    const pdf = withCatalogEntries(await plainPdf(), '/OpenAction << /S /Launch /F (calc.exe) >>');
    expect((expectProblem(await upload(pdf), 422).details as { activeContent: string[] }).activeContent).toEqual(['launch_action']);
  });

  it('stores the same resume without the active part (a plain PDF)', async () => {
    const res = await upload(await plainPdf());
    expect(res.statusCode, res.body).toBe(201);
  });
});
