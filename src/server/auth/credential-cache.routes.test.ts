import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { EVENTS_CHANNEL } from '../notifications/notify.js';
import { hashToken } from './tokens.js';
import { createTestApp, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';

// Instances remember credentials for AUTH_CACHE_MS; these tests prove revocation does not wait
// for it (the cache lives a minute here, so only forgetting can explain a 401).
let t: TestApp;
let ana: Browser;
beforeAll(async () => {
  t = await createTestApp({ AUTH_CACHE_MS: '60000' });
  ana = await registerUser(t.app, { email: 'ana.cache@example.com' });
});
afterAll(async () => {
  await t.close();
});

const me = (app: TestApp['app'], headers: Record<string, string>) => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

describe('remembered credentials', () => {
  it('stop working at once on the instance that signs out, for cookies and for bearer tokens', async () => {
    const browser = await registerUser(t.app);
    expect((await me(t.app, { cookie: browser.cookie })).statusCode).toBe(200);
    const out = await browser.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect((await me(t.app, { cookie: browser.cookie })).statusCode).toBe(401);

    const tokens = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      payload: { email: 'ana.cache@example.com', password: STRONG_PASSWORD },
    });
    const bearer = { authorization: `Bearer ${tokens.json().accessToken}` };
    expect((await me(t.app, bearer)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer })).statusCode).toBe(204);
    expect((await me(t.app, bearer)).statusCode).toBe(401);
  });

  it('of another session of the user stay valid when one session signs out', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'ana.cache@example.com', password: STRONG_PASSWORD },
    });
    const other = login.cookies.find((c) => c.name === 'panelist_session')!;
    const otherCookie = `panelist_session=${other.value}`;
    expect((await me(t.app, { cookie: otherCookie })).statusCode).toBe(200);
    expect((await me(t.app, { cookie: ana.cookie })).statusCode).toBe(200);
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: otherCookie, 'x-csrf-token': login.json().csrfToken },
    });
    expect((await me(t.app, { cookie: otherCookie })).statusCode).toBe(401);
    expect((await me(t.app, { cookie: ana.cookie })).statusCode).toBe(200);
  });
});

describe.runIf(process.env.DATABASE_URL)('across instances on one PostgreSQL database', () => {
  it('a session revoked by another process stops working on an instance that had it cached', async () => {
    const peer = await t.startPeer();
    const browser = await registerUser(t.app);
    expect((await me(peer.app, { cookie: browser.cookie })).statusCode).toBe(200);
    // What another instance does when it signs the session out, written here in SQL so that
    // nothing in this process forgets the entry directly: only the NOTIFY can tell the peer.
    const tokenHash = hashToken(browser.cookie.split('=')[1]!);
    await t.database.db.transaction(async (tx) => {
      const revoked = (await tx.execute(
        sql`update sessions set revoked_at = now() where token_hash = ${tokenHash} returning id, user_id`,
      )) as unknown as { rows: { id: string; user_id: string }[] };
      const [row] = revoked.rows;
      const event = { type: 'signed_out', userId: row!.user_id, sessionIds: [row!.id], familyIds: [], all: false };
      await tx.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(event)})`);
    });
    // Delivered after the commit: milliseconds, far below the cache's minute.
    await expect.poll(async () => (await me(peer.app, { cookie: browser.cookie })).statusCode, { timeout: 3000, interval: 20 }).toBe(401);
  });
});
