import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAiTranscriber, TranscriptionFailed } from './openai-transcriber.js';

/** A whisper-style /v1/audio/transcriptions on loopback: reads the multipart body it is sent. */
async function startFakeWhisper(
  reply: (req: IncomingMessage, body: string, n: number) => { status?: number; json?: unknown; delayMs?: number },
) {
  let n = 0;
  const bodies: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      bodies.push(body);
      const r = reply(req, body, n++);
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(r.json ?? {}));
      }, r.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    bodies,
    calls: () => n,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

const WORDS = [
  { word: 'I', start: 0.2, end: 0.3 },
  { word: 'shipped', start: 0.35, end: 0.8 },
  { word: 'it', start: 1.9, end: 2.0 },
];

describe('OpenAI-compatible transcription', () => {
  let fake: Awaited<ReturnType<typeof startFakeWhisper>> | undefined;
  afterEach(async () => fake?.close());

  it('sends the audio with model and word timestamps, and reads text, language and words', async () => {
    fake = await startFakeWhisper((req) => ({
      json: { text: ' I shipped it ', language: 'english', words: WORDS, auth: req.headers.authorization },
    }));
    const t = createOpenAiTranscriber({ baseUrl: fake.baseUrl, apiKey: 'k-1', model: 'whisper-1', timeoutMs: 2000, maxRetries: 0 });
    const result = await t.transcribe(new Blob([Buffer.from('RIFFxxxxWAVE')], { type: 'audio/wav' }), 'answer.wav');
    expect(result).toEqual({ text: 'I shipped it', language: 'en', words: WORDS });
    const body = fake.bodies[0]!;
    expect(body).toContain('name="model"\r\n\r\nwhisper-1');
    expect(body).toContain('name="timestamp_granularities[]"\r\n\r\nword');
    expect(body).toContain('filename="answer.wav"');
    expect(body).toContain('RIFFxxxxWAVE');
  });

  it('retries a timeout and a 503, then succeeds', async () => {
    fake = await startFakeWhisper((_req, _body, n) =>
      n === 0 ? { delayMs: 1500, json: {} } : n === 1 ? { status: 503 } : { json: { text: 'ok', language: 'en', words: [] } },
    );
    const t = createOpenAiTranscriber({ baseUrl: fake.baseUrl, model: 'm', timeoutMs: 300, maxRetries: 2 });
    expect((await t.transcribe(new Blob(['x']), 'a.webm')).text).toBe('ok');
    expect(fake.calls()).toBe(3);
  });

  it('gives up after its retries on timeouts, and at once on a 401', async () => {
    fake = await startFakeWhisper(() => ({ delayMs: 1000, json: {} }));
    const slow = createOpenAiTranscriber({ baseUrl: fake.baseUrl, model: 'm', timeoutMs: 200, maxRetries: 1 });
    await expect(slow.transcribe(new Blob(['x']), 'a.webm')).rejects.toBeInstanceOf(TranscriptionFailed);
    expect(fake.calls()).toBe(2);
    await fake.close();

    fake = await startFakeWhisper(() => ({ status: 401 }));
    const denied = createOpenAiTranscriber({ baseUrl: fake.baseUrl, model: 'm', timeoutMs: 1000, maxRetries: 3 });
    await expect(denied.transcribe(new Blob(['x']), 'a.webm')).rejects.toThrow('answered 401');
    expect(fake.calls()).toBe(1);
  });
});
