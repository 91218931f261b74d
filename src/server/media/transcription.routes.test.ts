import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { makeWav, metadata, send } from './media-test-support.js';

describe('server-side transcription (STT_PROVIDER=openai against a loopback whisper server)', () => {
  let t: TestApp;
  let base: string;
  let alice: Browser;
  let bob: Browser;
  // What the fake server answers next: the language it heard, or a failure.
  let next: { language: string } | { status: number } = { language: 'english' };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if ('status' in next) {
        res.writeHead(next.status).end('{}');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ text: 'I shipped it', language: next.language, words: [{ word: 'I', start: 0.1, end: 0.2 }] }));
    });
  });

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fakeUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    t = await createTestApp({ STT_PROVIDER: 'openai', STT_BASE_URL: fakeUrl, STT_TIMEOUT_MS: '2000', STT_MAX_RETRIES: '0' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    alice = await registerUser(t.app);
    bob = await registerUser(t.app);
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    server.close();
  });

  async function record(who: Browser): Promise<string> {
    const wav = makeWav(1);
    const created = await send(base, who, 'POST', '/api/v1/uploads', {
      'upload-length': String(wav.length),
      'upload-metadata': metadata({ filetype: 'audio/wav' }),
    });
    await send(
      base,
      who,
      'PATCH',
      created.headers.location!,
      { 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      wav,
    );
    return created.headers.location!.split('/').pop()!;
  }

  it('returns the transcript with word timings', async () => {
    next = { language: 'english' };
    const id = await record(alice);
    const res = await alice.request({ method: 'POST', url: `/api/v1/media/${id}/transcription`, payload: { language: 'en' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ text: 'I shipped it', language: 'en', words: [{ word: 'I', start: 0.1, end: 0.2 }] });
  });

  it('refuses a recording in another language than the interview', async () => {
    next = { language: 'french' };
    const id = await record(alice);
    const res = await alice.request({ method: 'POST', url: `/api/v1/media/${id}/transcription`, payload: { language: 'en' } });
    const problem = expectProblem(res, 422, 'unprocessable');
    expect(problem.detail).toMatch(/another language \(fr\) than the interview's \(en\)/);
  });

  it('says the service is unavailable when it fails, so the browser transcript stays', async () => {
    next = { status: 500 };
    const id = await record(alice);
    expectProblem(await alice.request({ method: 'POST', url: `/api/v1/media/${id}/transcription`, payload: {} }), 503, 'unavailable');
  });

  it("does not transcribe another user's recording", async () => {
    next = { language: 'english' };
    const id = await record(alice);
    expectProblem(await bob.request({ method: 'POST', url: `/api/v1/media/${id}/transcription`, payload: {} }), 404);
  });
});
