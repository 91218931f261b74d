import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, registerUser, type TestApp } from '../testing/test-app.js';

const TOKEN = 'metrics-token-for-the-scraper-0123';
let t: TestApp;
let guarded: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  guarded = await createTestApp({ METRICS_TOKEN: TOKEN });
}, 180_000);
afterAll(async () => {
  await t?.close();
  await guarded?.close();
});

const scrape = (app: TestApp, options: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
  app.app.inject({ method: 'GET', url: '/metrics', ...options });

/** The value of one sample line, e.g. sample(text, 'panelist_job_queue_depth'). */
function sample(text: string, name: string, labels = ''): number | null {
  const line = text.split('\n').find((l) => l.startsWith(name) && l.includes(labels) && !l.startsWith('#'));
  return line ? Number(line.split(' ').at(-1)) : null;
}

describe('GET /metrics', () => {
  it('counts requests by route pattern and status, times grading by engine, and reports queue and sockets', async () => {
    const b = await registerUser(t.app);
    await b.request({ method: 'GET', url: '/api/v1/auth/me' });
    await b.request({ method: 'GET', url: '/api/v1/interviews/00000000-0000-4000-8000-000000000000' });
    const iv = (
      await b.request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 1 },
      })
    ).json();
    const graded = await b.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[0].id, text: 'An index trades write cost and space for faster reads on the indexed columns.' },
    });
    expect(graded.statusCode, graded.body).toBe(201);

    const res = await scrape(t);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(sample(text, 'panelist_http_requests_total', 'route="/api/v1/auth/me",status_code="200"')).toBe(1);
    // The pattern, not the id: one series for every interview.
    expect(sample(text, 'panelist_http_requests_total', 'route="/api/v1/interviews/:id",status_code="404"')).toBe(1);
    expect(text).toMatch(/panelist_http_request_duration_seconds_bucket\{[^}]*route="\/api\/v1\/auth\/me"/);
    expect(sample(text, 'panelist_grading_duration_seconds_count', 'outcome="graded"')).toBe(1);
    expect(sample(text, 'panelist_websocket_connections')).toBe(0);
    // The welcome mail of the registration waits in the queue (jobs run only when a test says so).
    expect(sample(text, 'panelist_job_queue_depth')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'panelist_jobs_failed')).toBe(0);
    expect(text).toMatch(/panelist_process_resident_memory_bytes/);
  });

  it('answers only the machine itself when no token is set', async () => {
    expectProblem(await scrape(t, { remoteAddress: '203.0.113.7' }), 403, 'forbidden');
    // Relayed by a proxy on the same machine: not local.
    expectProblem(await scrape(t, { headers: { 'x-forwarded-for': '203.0.113.7' } }), 403);
  });

  it('with METRICS_TOKEN, wants it as a bearer token from anywhere', async () => {
    expectProblem(await scrape(guarded), 401);
    expectProblem(await scrape(guarded, { headers: { authorization: 'Bearer not-the-token-at-all-000' } }), 401);
    const ok = await scrape(guarded, { remoteAddress: '203.0.113.7', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toMatch(/panelist_http_requests_total/);
  });
});

describe('compression', () => {
  it('sends brotli or gzip when the client accepts it, and plain otherwise', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    const br = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gz = await t.app.inject({ method: 'GET', url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(plain.body);
  });
});

describe('health', () => {
  it('reports the version, and readiness the database, evaluator, mail and LLM', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toMatchObject({ status: 'ok', version });
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready).toMatchObject({ status: 'ready', version, evaluator: 'ready', llm: { provider: 'local' } });
    expect(ready.mail).toMatchObject({ transport: 'outbox', failed: 0 });
    expect(ready.mail.queued).toBeGreaterThanOrEqual(1);
  });
});
