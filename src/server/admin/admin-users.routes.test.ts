import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_SIGNED_OUT } from '../notifications/socket-hub.js';
import { auditOfTarget } from '../testing/recorded.js';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let admin: Browser;
let wsBase: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  wsBase = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/ws`;
  admin = await signInPlatformAdmin(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const list = (b: Browser, query = '') => b.request({ method: 'GET', url: `/api/v1/admin/users${query}` });
const act = (b: Browser, id: string, what: string) => b.request({ method: 'POST', url: `/api/v1/admin/users/${id}/${what}` });
const signIn = (email: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: STRONG_PASSWORD } });

describe('platform admin: users', () => {
  it('lists users with search, status filter and paging', async () => {
    await registerUser(t.app, { email: 'zed-search-one@example.com', name: 'Zed Searchable' });
    await registerUser(t.app, { email: 'zed-search-two@example.com', name: 'Another Zed' });
    const found = (await list(admin, '?q=ZED-SEARCH&limit=1')).json();
    expect(found).toMatchObject({ total: 2, page: 1, limit: 1, pages: 2 });
    expect(found.items).toHaveLength(1);
    expect(found.items[0]).toMatchObject({ twoFactor: false, deactivatedAt: null, emailVerified: false });
    // % and _ are searched for as themselves, not as wildcards.
    expect((await list(admin, '?q=%25')).json().total).toBe(0);
    expect((await list(admin, '?role=superadmin')).json().items.map((u: { email: string }) => u.email)).toContain(admin.user.email);
  });

  it('deactivates an account: sessions, API tokens and sockets end at once, sign-in is refused; reactivation lets it back', async () => {
    const email = 'deactivate-me@example.com';
    const user = await registerUser(t.app, { email });
    const { accessToken } = (
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/token', payload: { email, password: STRONG_PASSWORD } })
    ).json();
    const ws = new WebSocket(wsBase, { headers: { cookie: user.cookie } });
    const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      ws.once('message', resolve);
      ws.once('error', reject);
    });
    const res = await act(admin, user.user.id, 'deactivate');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().deactivatedAt).not.toBeNull();
    expect(await closed).toBe(CLOSE_SIGNED_OUT);
    expectProblem(await user.request({ method: 'GET', url: '/api/v1/auth/me' }), 401);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${accessToken}` } }), 401);
    expectProblem(await signIn(email), 401);
    expect((await list(admin, '?status=deactivated')).json().items.map((u: { id: string }) => u.id)).toContain(user.user.id);
    expect(await auditOfTarget(t, user.user.id, 'user.deactivate')).toHaveLength(1);

    expect((await act(admin, user.user.id, 'reactivate')).json().deactivatedAt).toBeNull();
    expect((await signIn(email)).statusCode).toBe(200);
    expect(await auditOfTarget(t, user.user.id, 'user.reactivate')).toHaveLength(1);
  });

  it('changes the platform role, audited with before and after', async () => {
    const user = await registerUser(t.app);
    const res = await admin.request({
      method: 'PUT',
      url: `/api/v1/admin/users/${user.user.id}/role`,
      payload: { platformRole: 'superadmin' },
    });
    expect(res.json().platformRole).toBe('superadmin');
    const [entry] = await auditOfTarget(t, user.user.id, 'user.platform_role');
    expect(JSON.parse(entry!.before!)).toEqual({ platformRole: 'user' });
    expect((await list(user)).statusCode).toBe(200);
    await admin.request({ method: 'PUT', url: `/api/v1/admin/users/${user.user.id}/role`, payload: { platformRole: 'user' } });
    expectProblem(await list(user), 403);
    expectProblem(
      await admin.request({ method: 'PUT', url: `/api/v1/admin/users/${user.user.id}/role`, payload: { platformRole: 'owner' } }),
      400,
    );
  });

  it('refuses ordinary users, anonymous callers, unknown ids and acting on oneself, changing nothing', async () => {
    const user = await registerUser(t.app);
    const victim = await registerUser(t.app);
    expectProblem(await list(user), 403);
    expectProblem(await act(user, victim.user.id, 'deactivate'), 403);
    expectProblem(
      await user.request({ method: 'PUT', url: `/api/v1/admin/users/${user.user.id}/role`, payload: { platformRole: 'superadmin' } }),
      403,
    );
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/users' }), 401);
    expectProblem(await act(admin, '01900000-0000-7000-8000-000000000000', 'deactivate'), 404);
    expectProblem(await act(admin, admin.user.id, 'deactivate'), 403);
    expectProblem(
      await admin.request({ method: 'PUT', url: `/api/v1/admin/users/${admin.user.id}/role`, payload: { platformRole: 'user' } }),
      403,
    );
    expect((await victim.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await list(admin)).statusCode).toBe(200);
  });

  it('resets the two-factor of someone who lost their device', async () => {
    const email = 'lost-phone@example.com';
    const user = await registerUser(t.app, { email });
    const setup = (
      await user.request({ method: 'POST', url: '/api/v1/auth/two-factor/setup', payload: { password: STRONG_PASSWORD } })
    ).json();
    const { totpCodeAt } = await import('../auth/two-factor.js');
    await user.request({
      method: 'POST',
      url: '/api/v1/auth/two-factor/enable',
      payload: { code: totpCodeAt(setup.secret, t.clock.now()) },
    });
    expectProblem(await signIn(email), 401, 'two_factor_required');
    expect((await act(admin, user.user.id, 'two-factor/reset')).json().twoFactor).toBe(false);
    expect((await signIn(email)).statusCode).toBe(200);
    expect(await auditOfTarget(t, user.user.id, 'user.two_factor_reset')).toHaveLength(1);
  });
});
