import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: Browser;
beforeAll(async () => {
  t = await createTestApp();
  admin = await signInPlatformAdmin(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

let n = 0;
const failFrom = async (ip: string) => {
  n += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress: ip,
    payload: { email: `nobody-${n}@example.com`, password: 'not-the-password-1' },
  });
  expect(res.statusCode).toBe(401);
};
const stats = (b: Browser, days = 3) => b.request({ method: 'GET', url: `/api/v1/admin/sign-in-failures?days=${days}` });

describe('failed sign-ins for the platform admin', () => {
  it('counts failures per UTC day, zeros included, and names the addresses with most failures', async () => {
    t.clock.set('2026-03-01T10:00:00Z');
    await failFrom('198.51.100.7');
    t.clock.set('2026-03-03T08:00:00Z');
    for (let i = 0; i < 3; i++) await failFrom('203.0.113.5');
    await failFrom('198.51.100.7');
    // A second-factor or SSO failure is the same audit action; a successful sign-in is not counted.
    await registerUser(t.app);

    const body = (await stats(admin)).json();
    expect(body.since).toBe('2026-03-01T00:00:00.000Z');
    expect(body.days).toEqual([
      { date: '2026-03-01', failures: 1 },
      { date: '2026-03-02', failures: 0 },
      { date: '2026-03-03', failures: 4 },
    ]);
    expect(body.total).toBe(5);
    expect(body.topIps).toEqual([
      { ip: '203.0.113.5', failures: 3, lastAt: '2026-03-03T08:00:00.000Z' },
      { ip: '198.51.100.7', failures: 2, lastAt: '2026-03-03T08:00:00.000Z' },
    ]);
    // One day: only today's.
    expect((await stats(admin, 1)).json()).toMatchObject({ total: 4, days: [{ date: '2026-03-03', failures: 4 }] });
  });

  it('is for platform admins only', async () => {
    const someone = await registerUser(t.app);
    expectProblem(await stats(someone), 403, 'forbidden');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/sign-in-failures' }), 401);
    expectProblem(await stats(admin, 91), 400, 'validation_failed');
  });
});
