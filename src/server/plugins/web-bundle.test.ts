import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressionPlugin } from './compression.js';
import { webPlugin } from './web.js';

let dist: string;
const bundle = `export const questions = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `question number ${i} about databases`))};\n`;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'panelist-web-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Panelist</title>');
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js'), bundle);
  writeFileSync(path.join(dist, 'assets', 'index-abc123.js.map'), '{"version":3,"sources":["src/web/main.tsx"]}');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

async function serve(serveSourceMaps: boolean) {
  const app = Fastify();
  await app.register(compressionPlugin);
  await app.register(webPlugin, { distDir: dist, serveSourceMaps });
  await app.ready();
  return app;
}

describe('the web bundle', () => {
  it('is sent brotli-compressed to a browser that accepts it', async () => {
    const app = await serve(false);
    const res = await app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(bundle);
    expect(res.rawPayload.length).toBeLessThan(bundle.length / 5);
    await app.close();
  });

  it('does not serve source maps in production, and does in development', async () => {
    const production = await serve(false);
    expect((await production.inject({ method: 'GET', url: '/assets/index-abc123.js.map' })).statusCode).toBe(404);
    await production.close();
    const development = await serve(true);
    expect((await development.inject({ method: 'GET', url: '/assets/index-abc123.js.map' })).statusCode).toBe(200);
    await development.close();
  });
});
