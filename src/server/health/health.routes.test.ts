import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SkillTaxonomy } from '../../core/skills/taxonomy.js';
import type { EvaluatorState } from '../ai/background-evaluator.js';
import { buildApp } from '../app.js';
import { createTestApp, expectProblem, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(async () => {
  await t?.close();
});

describe('operations endpoints', () => {
  it('reports liveness and readiness', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', evaluator: 'ready' });
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', evaluator: 'ready' });
  });

  it('is ready while the evaluator still loads, and says so; not ready once its load failed', async () => {
    let state: EvaluatorState = 'loading';
    const app = await buildApp({
      config: t.config,
      database: t.database,
      evaluator: { name: 'local', version: 'x', evaluate: () => Promise.reject(new Error('unused')) },
      evaluatorState: () => state,
      bank: [],
      skills: { skills: [] } as unknown as SkillTaxonomy,
      logger: false,
      webDistDir: '/nonexistent/no-web',
    });
    try {
      const loading = await app.inject({ method: 'GET', url: '/readyz' });
      expect(loading.statusCode).toBe(200);
      expect(loading.json()).toMatchObject({ status: 'ready', evaluator: 'loading' });
      state = 'failed';
      expectProblem(await app.inject({ method: 'GET', url: '/readyz' }), 503, 'unavailable');
      expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', evaluator: 'failed' });
    } finally {
      await app.close();
    }
  });

  it('is not ready, with a 503 problem, when the database is gone', async () => {
    const other = await createTestApp();
    try {
      await other.database.close();
      expectProblem(await other.app.inject({ method: 'GET', url: '/readyz' }), 503, 'unavailable');
      expect((await other.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('serves the OpenAPI document generated from the contract', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/register', '/api/v1/interviews/{id}/answers']));
    const page = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
  });

  it('sets security headers on every response, errors included', async () => {
    for (const url of ['/healthz', '/api/v1/nope']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['x-request-id']).toEqual(expect.any(String));
    }
  });

  it('keeps CORS closed by default', async () => {
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers unknown API routes with a 404 problem', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nope' }), 404, 'not_found');
  });

  it('refuses bodies over the limit with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'big@example.com', password: 'x'.repeat(10), name: 'y'.repeat(8000) },
    });
    expectProblem(res, 413, 'payload_too_large');
  });

  it('echoes a caller-supplied request id', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});

describe('auth rate limit', () => {
  it('limits sign-in attempts per minute per IP', async () => {
    const limited = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'a@example.com', password: 'whatever-123' },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expectProblem(
        await limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'a@example.com', password: 'whatever-123' },
        }),
        429,
        'too_many_requests',
      );
    } finally {
      await limited.close();
    }
  });
});
