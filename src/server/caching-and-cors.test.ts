import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { createTestApp, registerUser, type TestApp } from './testing/test-app.js';

const ORIGIN = 'https://partner.example.com';
let t: TestApp;
let web: FastifyInstance;
const dist = mkdtempSync(path.join(tmpdir(), 'panelist-dist-'));

beforeAll(async () => {
  t = await createTestApp({ CORS_ORIGINS: ORIGIN });
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Panelist</title><div id="root"></div>');
  writeFileSync(path.join(dist, 'assets', 'main-3f9a1c.js'), 'console.log(1)');
  writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  // A second app on the same database that serves a built web app.
  web = await buildApp({
    config: t.config,
    database: t.database,
    evaluator: { evaluate: () => Promise.reject(new Error('not used')) } as never,
    bank: [],
    skills: { skills: [] } as never,
    clock: t.clock,
    logger: false,
    webDistDir: dist,
  });
  await web.ready();
});
afterAll(async () => {
  await web?.close();
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('caching', () => {
  it('marks API answers no-store, signed in or not, errors included', async () => {
    const alice = await registerUser(t.app);
    for (const res of [
      await alice.request({ method: 'GET', url: '/api/v1/auth/me' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      await alice.request({ method: 'GET', url: '/api/v1/interviews' }),
    ]) {
      expect(res.headers['cache-control'], res.body).toBe('no-store');
    }
  });

  it('never lets a cache keep the HTML shell without asking again, however it is reached', async () => {
    for (const url of ['/', '/index.html', '/interviews/some-client-route']) {
      const res = await web.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('<div id="root">');
      expect(res.headers['cache-control'], url).toMatch(/^(no-store|no-cache)/);
    }
  });

  it('caches fingerprinted assets for good, and other static files only with revalidation', async () => {
    const asset = await web.inject({ method: 'GET', url: '/assets/main-3f9a1c.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await web.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toMatch(/^no-cache/);
  });
});

describe('CORS for an allowed origin', () => {
  it.each(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])('allows %s in the preflight answer', async (method) => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orgs/01900000-0000-7000-8000-000000000001',
      headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': 'content-type,x-csrf-token' },
    });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toContain(method);
  });

  it('still says nothing to an origin that is not listed', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/orgs',
      headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'DELETE' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
