import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from './testing/test-app.js';

// Small budgets, so each class is exhausted in a few requests; the routes answer 404 or 400 to
// these bodies, which is enough: the limit counts requests before the handler runs.
let t: TestApp;
let ana: Browser;
let ben: Browser;
beforeAll(async () => {
  t = await createTestApp({
    AUTH_RATE_LIMIT_PER_MINUTE: '4',
    RATE_LIMIT_GRADING: '2',
    RATE_LIMIT_UPLOADS: '2',
    RATE_LIMIT_RUNS: '2',
    RATE_LIMIT_OTHER: '3',
  });
  ana = await registerUser(t.app);
  ben = await registerUser(t.app);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const missing = '00000000-0000-4000-8000-000000000000';
const requests = {
  grading: { method: 'POST', url: `/api/v1/interviews/${missing}/answers`, payload: { questionId: missing, text: 'An answer.' } },
  uploads: { method: 'POST', url: '/api/v1/resumes', payload: {} },
  runs: { method: 'POST', url: '/api/v1/coding/problems/no-such-problem/run', payload: { language: 'javascript', code: '1' } },
  other: { method: 'GET', url: '/api/v1/auth/me' },
} as const;

async function exhaust(b: Browser, cls: keyof typeof requests, budget: number) {
  for (let i = 0; i < budget; i++) {
    const res = await b.request(requests[cls]);
    expect(res.statusCode, `${cls} request ${i + 1} of ${budget}`).not.toBe(429);
  }
  const refused = await b.request(requests[cls]);
  const body = expectProblem(refused, 429, 'too_many_requests');
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
  expect(body.details).toMatchObject({ rateClass: cls });
  return body;
}

describe('global rate limits by user and route class', () => {
  it('answers 429 with Retry-After and a problem body once a class is spent; other classes and other users keep their budgets', async () => {
    // Grading first: spending it leaves uploads, runs and everything else untouched.
    const grading = await exhaust(ana, 'grading', 2);
    expect(grading.detail).toMatch(/answers sent for grading/);
    await exhaust(ana, 'uploads', 2);
    await exhaust(ana, 'runs', 2);
    // The three 'other' requests are all still there after the three spent classes.
    await exhaust(ana, 'other', 3);
    // Ben is unaffected by Ana's bursts, in every class.
    for (const cls of ['grading', 'uploads', 'runs', 'other'] as const) {
      expect((await ben.request(requests[cls])).statusCode, cls).not.toBe(429);
    }
  });

  it('limits signed-out callers by address, and sign-in routes per route and address', async () => {
    const login = {
      method: 'POST' as const,
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@example.com', password: 'wrong-password-1' },
    };
    // Two logins were spent in beforeAll; two more wrong ones are answered 401, the next 429.
    const codes: number[] = [];
    for (let i = 0; i < 2; i++) codes.push((await t.app.inject(login)).statusCode);
    expect(codes).toEqual([401, 401]);
    const refused = await t.app.inject(login);
    expectProblem(refused, 429, 'too_many_requests');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still may sign in, and the refused one still has its budget for pages.
    expect((await t.app.inject({ ...login, remoteAddress: '10.1.2.3' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session' })).statusCode).toBe(200);
  });

  it('does not limit the web app, health or metrics', async () => {
    for (let i = 0; i < 6; i++) expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
