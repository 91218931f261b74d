import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { makeWav, metadata, patchAndDrop, send } from './media-test-support.js';

const CHUNK = 256 * 1024;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('recorded answers: resumable uploads', () => {
  let t: TestApp;
  let base: string;
  let alice: Browser;
  let bob: Browser;

  beforeAll(async () => {
    t = await createTestApp({ MEDIA_USER_QUOTA_BYTES: String(3 * 1024 * 1024), MEDIA_MAX_BYTES: String(2 * 1024 * 1024) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening');
    base = `http://127.0.0.1:${address.port}`;
    alice = await registerUser(t.app);
    bob = await registerUser(t.app);
  });
  afterAll(() => t.close());

  async function create(who: Browser, length: number, fields: Record<string, string> = { filetype: 'audio/wav' }) {
    return send(base, who, 'POST', '/api/v1/uploads', { 'upload-length': String(length), 'upload-metadata': metadata(fields) });
  }

  it('survives a dropped connection mid-chunk, resumes from the offset the server reports, and stores the very same bytes', async () => {
    const wav = makeWav(50); // 1.6 MB: seven chunks
    const created = await create(alice, wav.length);
    expect(created.status).toBe(201);
    const location = created.headers.location!;
    const id = location.split('/').pop()!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    let offset = 0;
    let dropped = false;
    while (offset < wav.length) {
      const chunk = wav.subarray(offset, offset + CHUNK);
      if (!dropped && offset >= 2 * CHUNK) {
        // Half of the third chunk arrives, then the connection dies.
        dropped = true;
        await patchAndDrop(base, alice, location, offset, chunk, chunk.length / 2);
        const head = await send(base, alice, 'HEAD', location);
        expect(head.status).toBe(200);
        const resumeAt = Number(head.headers['upload-offset']);
        // The server kept what reached it, no more than was sent, and we resume from there.
        expect(resumeAt).toBeGreaterThanOrEqual(offset);
        expect(resumeAt).toBeLessThanOrEqual(offset + chunk.length / 2);
        offset = resumeAt;
        continue;
      }
      const res = await send(
        base,
        alice,
        'PATCH',
        location,
        { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        chunk,
      );
      expect(res.status, res.body.toString()).toBe(204);
      offset = Number(res.headers['upload-offset']);
    }
    expect(dropped).toBe(true);

    const info = await alice.request({ method: 'GET', url: `/api/v1/media/${id}` });
    expect(info.json()).toMatchObject({ id, status: 'ready', mimeType: 'audio/wav', size: wav.length });
    const content = await send(base, alice, 'GET', `/api/v1/media/${id}/content`);
    expect(content.status).toBe(200);
    expect(sha256(content.body)).toBe(sha256(wav));

    // Players seek with byte ranges.
    const part = await send(base, alice, 'GET', `/api/v1/media/${id}/content`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 100-199/${wav.length}`);
    expect(part.body.equals(wav.subarray(100, 200))).toBe(true);
  });

  it("refuses another user's upload and recording as not found, and changes nothing", async () => {
    const wav = makeWav(2);
    const created = await create(alice, wav.length);
    const location = created.headers.location!;
    const id = location.split('/').pop()!;

    expect((await send(base, bob, 'HEAD', location)).status).toBe(404);
    const hijack = await send(
      base,
      bob,
      'PATCH',
      location,
      { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      wav,
    );
    expect(hijack.status).toBe(404);
    expect(Number((await send(base, alice, 'HEAD', location)).headers['upload-offset'])).toBe(0);

    const done = await send(
      base,
      alice,
      'PATCH',
      location,
      { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      wav,
    );
    expect(done.status).toBe(204);
    expect((await bob.request({ method: 'GET', url: `/api/v1/media/${id}` })).statusCode).toBe(404);
    expect((await send(base, bob, 'GET', `/api/v1/media/${id}/content`)).status).toBe(404);
    expect((await bob.request({ method: 'DELETE', url: `/api/v1/media/${id}` })).statusCode).toBe(404);
    expect((await alice.request({ method: 'GET', url: `/api/v1/media/${id}` })).statusCode).toBe(200);

    // Signed out: nothing at all.
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a file that is not a recording, judged by its bytes not its declared type', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(6000, 0x20)]);
    const created = await create(bob, pdf.length, { filetype: 'audio/webm' });
    expect(created.status).toBe(201);
    const id = created.headers.location!.split('/').pop()!;
    const res = await send(
      base,
      bob,
      'PATCH',
      created.headers.location!,
      { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      pdf,
    );
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 'unsupported_media_type' });
    expect((await bob.request({ method: 'GET', url: `/api/v1/media/${id}` })).statusCode).toBe(404);
    expect((await bob.request({ method: 'GET', url: '/api/v1/media/usage' })).json()).toMatchObject({ usedBytes: 0 });
  });

  it('refuses an upload over the file size limit or over the quota before a byte is sent', async () => {
    expect((await create(bob, 2 * 1024 * 1024 + 1)).status).toBe(413);
    const first = await create(bob, 2 * 1024 * 1024);
    expect(first.status).toBe(201);
    // 2 MiB are counted while under way: another 1.5 MiB would pass 3 MiB.
    const over = await create(bob, 1.5 * 1024 * 1024);
    expect(over.status).toBe(413);
    expect(JSON.parse(over.body.toString())).toMatchObject({ code: 'payload_too_large' });
    // Deleting the unfinished upload gives the space back.
    const id = first.headers.location!.split('/').pop()!;
    expect((await bob.request({ method: 'DELETE', url: `/api/v1/media/${id}` })).statusCode).toBe(204);
    expect((await create(bob, 1.5 * 1024 * 1024)).status).toBe(201);
  });

  it('refuses to count a recording against an organization the uploader does not belong to', async () => {
    const res = await create(alice, 1000, { filetype: 'audio/wav', orgId: '0190a0b1-0000-7000-8000-000000000000' });
    expect(res.status).toBe(403);
  });
});
