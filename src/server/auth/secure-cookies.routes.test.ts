import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/auth.js';
import { createTestApp, STRONG_PASSWORD, type TestApp } from '../testing/test-app.js';

let proxied: TestApp;
let direct: TestApp;
beforeAll(async () => {
  // Neither sets NODE_ENV=production or SECURE_COOKIES: the scheme alone must decide.
  proxied = await createTestApp({ TRUST_PROXY: 'true', NODE_ENV: 'development' });
  direct = await createTestApp({ NODE_ENV: 'development' });
  // Two whole apps: on a busy machine starting both takes longer than the default hook limit.
}, 180_000);
afterAll(async () => {
  await proxied?.close();
  await direct?.close();
});

let n = 0;
/** Registers (202, no session) and signs in: the sign-in answer carries the cookies. */
async function register(t: TestApp, headers: Record<string, string> = {}) {
  const account = { email: `cookie${++n}@example.com`, password: STRONG_PASSWORD };
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { ...account, name: 'Cookie Test' },
    headers,
  });
  expect(created.statusCode, created.body).toBe(202);
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: account, headers });
}

describe('session cookies follow the request scheme', () => {
  it('over HTTPS (behind a trusted proxy): a __Host- session cookie, Secure, path /, no domain, and HSTS', async () => {
    const res = await register(proxied, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode, res.body).toBe(200);
    const session = res.cookies.find((c) => c.name === `__Host-${SESSION_COOKIE}`);
    expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true });
    expect(session?.domain).toBeUndefined();
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    expect(res.cookies.find((c) => c.name === 'panelist_csrf')).toMatchObject({ secure: true });
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);

    const cookie = `__Host-${SESSION_COOKIE}=${session!.value}`;
    const me = await proxied.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie, 'x-forwarded-proto': 'https' } });
    expect(me.statusCode).toBe(200);
    // A plain-named cookie is not read over HTTPS: a plain-http page cannot plant a session.
    const planted = await proxied.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: `${SESSION_COOKIE}=${session!.value}`, 'x-forwarded-proto': 'https' },
    });
    expect(planted.statusCode).toBe(401);
  });

  it('over plain http on localhost: the plain cookie without Secure, no HSTS, and CSRF-protected writes work', async () => {
    const res = await register(direct);
    expect(res.statusCode).toBe(200);
    const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(session.secure).toBeFalsy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const csrf = res.cookies.find((c) => c.name === 'panelist_csrf')!;
    expect(csrf.secure).toBeFalsy();
    const write = await direct.app.inject({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: { name: 'Localhost Org' },
      headers: { cookie: `${SESSION_COOKIE}=${session.value}`, [CSRF_HEADER]: csrf.value },
    });
    expect(write.statusCode, write.body).toBe(201);
  });

  it('ignores X-Forwarded-Proto when the proxy is not trusted', async () => {
    const res = await register(direct, { 'x-forwarded-proto': 'https' });
    expect(res.cookies.map((c) => c.name)).toContain(SESSION_COOKIE);
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});
