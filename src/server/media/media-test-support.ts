import http from 'node:http';
import { CSRF_HEADER } from '../../contract/auth.js';
import type { Browser } from '../testing/test-app.js';

/**
 * A real WAV (RIFF, 16-bit PCM mono at 16 kHz) of a rising tone: an honest recording as far as
 * type sniffing and byte identity go, made here instead of shipped.
 */
export function makeWav(seconds: number): Buffer {
  const rate = 16000;
  const samples = Math.round(seconds * rate);
  const out = Buffer.alloc(44 + samples * 2);
  out.write('RIFF', 0);
  out.writeUInt32LE(36 + samples * 2, 4);
  out.write('WAVE', 8);
  out.write('fmt ', 12);
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate * 2, 28);
  out.writeUInt16LE(2, 32);
  out.writeUInt16LE(16, 34);
  out.write('data', 36);
  out.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    out.writeInt16LE(Math.round(8000 * Math.sin(2 * Math.PI * (220 + 40 * t) * t)), 44 + i * 2);
  }
  return out;
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request to the listening app as a browser of `who` would send it (cookie and CSRF header). */
export function send(
  base: string,
  who: Browser,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(path, base),
      { method, headers: { cookie: who.cookie, [CSRF_HEADER]: who.csrfToken, 'tus-resumable': '1.0.0', ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * A PATCH that promises `chunk.length` bytes, sends only the first `sent`, then drops the
 * connection: what a train going into a tunnel does to an upload.
 */
export function patchAndDrop(base: string, who: Browser, path: string, offset: number, chunk: Buffer, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const req = http.request(new URL(path, base), {
      method: 'PATCH',
      headers: {
        cookie: who.cookie,
        [CSRF_HEADER]: who.csrfToken,
        'tus-resumable': '1.0.0',
        'upload-offset': String(offset),
        'content-type': 'application/offset+octet-stream',
        'content-length': String(chunk.length),
      },
    });
    req.on('error', () => resolve());
    req.on('response', (res) => {
      res.resume();
      resolve();
    });
    req.write(chunk.subarray(0, sent), () => {
      // Let the bytes reach the server before the socket goes.
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 200);
    });
  });
}

export function metadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
}
