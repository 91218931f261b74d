import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type TestApp } from '../testing/test-app.js';
import { resumes } from './resumes.table.js';

// The limit is written out, not imported: a change to the shared constant must break this test.
const TEN_MIB = 10 * 1024 * 1024;
const BOUNDARY = '----panelist-upload-limit';

let t: TestApp;
let acme: OrgFixture;
beforeAll(async () => {
  t = await createTestApp();
  acme = await createOrgFixture(t, { coaches: 1, candidates: 1 });
});
afterAll(async () => {
  await t?.close();
});

function upload(content: Buffer, fileName: string) {
  const head = Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
  return acme.candidates[0]!.request({
    method: 'POST',
    url: '/api/v1/resumes',
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  });
}

function storedFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? storedFiles(path.join(dir, name)) : [name]));
}

describe('the resume size limit is 10 MiB exactly', () => {
  it('refuses 10 MiB + 1 byte with 413, storing no row and no file', async () => {
    const rows = (await t.database.db.select().from(resumes)).length;
    const files = storedFiles(t.config.storageDir).length;
    expectProblem(await upload(Buffer.alloc(TEN_MIB + 1, 'a'), 'one-byte-over.txt'), 413, 'payload_too_large');
    expect((await t.database.db.select().from(resumes)).length).toBe(rows);
    expect(storedFiles(t.config.storageDir).length).toBe(files);
  });

  it('lets exactly 10 MiB past the size check (binary zeros are then refused as an unknown type)', async () => {
    expectProblem(await upload(Buffer.alloc(TEN_MIB, 0), 'exactly-ten.bin'), 415, 'unsupported_media_type');
  });
});
