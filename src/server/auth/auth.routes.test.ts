import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../contract/auth.js';
import { browserFrom, createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type TestApp } from '../testing/test-app.js';
import { auditLog } from '../audit/audit.table.js';
import { mailsTo } from '../testing/recorded.js';
import { refreshTokens, sessions, users } from './auth.table.js';
import { hashToken } from './tokens.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });
/** Another 6-digit code, sure to differ from the one given. */
const nearby = (code: string, k: number) => String((Number(code) + k) % 1_000_000).padStart(6, '0');
const countUsers = async () => (await t.database.db.select().from(users)).length;

describe('register', () => {
  it('creates the account, answers 202 without a session, and the account signs in at once with an httpOnly SameSite=Lax cookie stored only hashed', async () => {
    const res = await post('/api/v1/auth/register', { email: 'Ada@Example.com', password: STRONG_PASSWORD, name: 'Ada' });
    expect(res.statusCode).toBe(202);
    expect(res.cookies).toHaveLength(0);
    const login = await post('/api/v1/auth/login', { email: 'ada@example.com', password: STRONG_PASSWORD });
    expect(login.statusCode).toBe(200);
    const body = login.json();
    expect(body.user).toMatchObject({ email: 'ada@example.com', name: 'Ada', platformRole: 'user', emailVerified: false });
    expect(body.csrfToken).toEqual(expect.any(String));
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const [row] = await t.database.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, hashToken(cookie.value)));
    expect(row).toBeDefined();
    const all = await t.database.db.select({ h: sessions.tokenHash }).from(sessions);
    expect(all.map((r) => r.h)).not.toContain(cookie.value);
    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'ada@example.com'));
    expect(user!.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const [welcome] = await mailsTo(t, 'ada@example.com', 'verify_email');
    expect(welcome!.text).toMatch(/\/verify-email\?token=/);
  });

  it('answers an email already registered, whatever its case, exactly like a new one, and mails the owner instead', async () => {
    const before = await countUsers();
    const taken = await post('/api/v1/auth/register', {
      email: 'ADA@example.com',
      password: 'another-harbour-lantern-7',
      name: 'Other Ada',
    });
    const fresh = await post('/api/v1/auth/register', {
      email: 'new-ada@example.com',
      password: 'another-harbour-lantern-7',
      name: 'New Ada',
    });
    expect(taken.statusCode).toBe(202);
    expect(taken.body).toBe(fresh.body);
    expect(Object.keys(taken.headers).sort()).toEqual(Object.keys(fresh.headers).sort());
    expect(await countUsers()).toBe(before + 1);
    const [notice] = await mailsTo(t, 'ada@example.com', 'account_exists');
    expect(notice!.text).toMatch(/already have an account/);
    expect(notice!.text).toMatch(/\/reset-password/);
    // The owner's password is unchanged: the intruder's does not work, the owner's does.
    expectProblem(await post('/api/v1/auth/login', { email: 'ada@example.com', password: 'another-harbour-lantern-7' }), 401);
    expect((await post('/api/v1/auth/login', { email: 'ada@example.com', password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it.each([
    // Uncommon, so only its length can be the reason it is refused.
    ['a short password', { email: 'x1@example.com', password: 'k7#Qm2x!v', name: 'X' }, 'body.password'],
    ['a common password', { email: 'x2@example.com', password: 'qwertyuiop', name: 'X' }, 'body.password'],
    ['a malformed email', { email: 'not-an-email', password: STRONG_PASSWORD, name: 'X' }, 'body.email'],
    ['a missing name', { email: 'x3@example.com', password: STRONG_PASSWORD }, 'body.name'],
  ])('refuses %s with a 400 naming the field, and creates nothing', async (_, payload, field) => {
    const before = await countUsers();
    const body = expectProblem(await post('/api/v1/auth/register', payload), 400, 'validation_failed');
    expect((body.errors as { path: string }[]).map((e) => e.path)).toContain(field);
    expect(await countUsers()).toBe(before);
  });

  it('refuses a short password for its length', async () => {
    const body = expectProblem(
      await post('/api/v1/auth/register', { email: 'x4@example.com', password: 'k7#Qm2x!v', name: 'X' }),
      400,
      'validation_failed',
    );
    expect((body.errors as { message: string }[]).map((e) => e.message).join(' ')).toMatch(/at least 10 characters/);
  });

  it('accepts a strong passphrase written in several scripts', async () => {
    const res = await post('/api/v1/auth/register', {
      email: 'polyglot@example.com',
      password: 'пароль-🔑-密码-ñ-ü-test',
      name: 'Polyglot',
    });
    expect(res.statusCode, res.body).toBe(202);
  });

  it('answers malformed JSON with a 400 problem', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: '{"email":',
      headers: { 'content-type': 'application/json' },
    });
    expectProblem(res, 400);
  });
});

describe('login, me and logout', () => {
  it('signs in and out; the old cookie stops working', async () => {
    const email = 'grace@example.com';
    await registerUser(t.app, { email });
    const res = await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    const browser = browserFrom(t.app, res);
    const me = await browser.request({ method: 'GET', url: '/api/v1/auth/me' });
    expect(me.json().user.email).toBe(email);
    const out = await browser.request({ method: 'POST', url: '/api/v1/auth/logout' });
    expect(out.statusCode).toBe(204);
    expectProblem(await browser.request({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'unauthenticated');
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    await registerUser(t.app, { email: 'lin@example.com' });
    const wrong = await post('/api/v1/auth/login', { email: 'lin@example.com', password: 'not-the-password-1' });
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.com', password: 'not-the-password-1' });
    const a = expectProblem(wrong, 401);
    const b = expectProblem(unknown, 401);
    expect(a.detail).toBe(b.detail);
    expect(a.code).toBe(b.code);
    expect(wrong.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
  });

  it('slows down repeated failures for an account, even with the right password, until the lock expires', async () => {
    const email = 'target@example.com';
    await registerUser(t.app, { email });
    for (let i = 0; i < 5; i++) expectProblem(await post('/api/v1/auth/login', { email, password: `wrong-password-${i}` }), 401);
    const locked = await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    expectProblem(locked, 429, 'too_many_requests');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    t.clock.advance(31_000);
    expect((await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD })).statusCode).toBe(200);
  });

  it('lets the owner of a slowed-down account in with the right password plus the code mailed to them', async () => {
    const email = 'owner@example.com';
    await registerUser(t.app, { email });
    for (let i = 0; i < 8; i++) await post('/api/v1/auth/login', { email, password: `attacker-guess-${i}` });
    // A wrong and a right password are answered alike while slowed down: no oracle for the guesser.
    const wrong = expectProblem(await post('/api/v1/auth/login', { email, password: 'attacker-guess-x' }), 429, 'too_many_requests');
    expect(await mailsTo(t, email, 'sign_in_code')).toHaveLength(0);
    const right = expectProblem(await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD }), 429, 'too_many_requests');
    const withoutNumbers = (d: unknown) => String(d).replace(/\d+/g, 'N');
    expect(withoutNumbers(right.detail)).toBe(withoutNumbers(wrong.detail));
    const mails = await mailsTo(t, email, 'sign_in_code');
    expect(mails).toHaveLength(1);
    const code = /(\d{6})/.exec(mails[0]!.subject)![1]!;
    // The code is worthless with a wrong password, and a wrong code does not let the owner in.
    expectProblem(await post('/api/v1/auth/login', { email, password: 'attacker-guess-y', emailCode: code }), 429);
    const otherCode = nearby(code, 1);
    expectProblem(await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD, emailCode: otherCode }), 429);
    const ok = await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD, emailCode: code });
    expect(ok.statusCode, ok.body).toBe(200);
    // Spent: the same code does not work twice.
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/login', { email, password: `attacker-again-${i}` });
    expectProblem(await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD, emailCode: code }), 429);
  });

  it('spends a sign-in code after three wrong guesses', async () => {
    const email = 'guessed@example.com';
    await registerUser(t.app, { email });
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/login', { email, password: `attacker-guess-${i}` });
    await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD });
    const code = /(\d{6})/.exec((await mailsTo(t, email, 'sign_in_code'))[0]!.subject)![1]!;
    for (const c of [nearby(code, 1), nearby(code, 2), nearby(code, 3)])
      await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD, emailCode: c });
    expectProblem(await post('/api/v1/auth/login', { email, password: STRONG_PASSWORD, emailCode: code }), 429);
  });

  it('records failed sign-ins in the audit log with the IP', async () => {
    await post('/api/v1/auth/login', { email: 'lin@example.com', password: 'not-the-password-2' }, { 'x-forwarded-for': '203.0.113.9' });
    const rows = (await t.database.db.select().from(auditLog)).filter((r) => r.action === 'auth.sign_in_failed');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.ip)).toBe(true);
  });

  it('says 401 to /auth/me without a session', async () => {
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }), 401, 'unauthenticated');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: `${SESSION_COOKIE}=forged` } }), 401);
  });
});

describe('GET /auth/session (what the web app asks on every page)', () => {
  it('answers 200 with no user when signed out or when the cookie is stale, so a signed-out page logs no 401', async () => {
    for (const headers of [{}, { cookie: `${SESSION_COOKIE}=not-a-session` }]) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ user: null, csrfToken: null });
    }
  });

  it('names the signed-in user with the CSRF token, as /auth/me does', async () => {
    const b = await registerUser(t.app, { name: 'Session Sam' });
    const res = await b.request({ method: 'GET', url: '/api/v1/auth/session' });
    expect(res.statusCode).toBe(200);
    const me = (await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json();
    expect(res.json()).toEqual(me);
    expect(res.json()).toMatchObject({ user: { name: 'Session Sam' }, csrfToken: b.csrfToken });
  });
});

describe('CSRF defence', () => {
  it('refuses a cookie-authenticated write without the CSRF header, and with a wrong one', async () => {
    const b = await registerUser(t.app);
    const payload = { kind: 'practice', type: 'behavioral', role: 'Engineer', level: 'mid', questionCount: 1 };
    const none = await t.app.inject({ method: 'POST', url: '/api/v1/interviews', payload, headers: { cookie: b.cookie } });
    expectProblem(none, 403, 'csrf_failed');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/interviews',
      payload,
      headers: { cookie: b.cookie, 'x-csrf-token': 'guess' },
    });
    expectProblem(wrong, 403, 'csrf_failed');
    const list = await b.request({ method: 'GET', url: '/api/v1/interviews' });
    expect(list.json().total).toBe(0);
  });
});

describe('API tokens', () => {
  async function tokens(email: string) {
    await registerUser(t.app, { email });
    const res = await post('/api/v1/auth/token', { email, password: STRONG_PASSWORD });
    expect(res.statusCode).toBe(200);
    return res.json() as { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number };
  }

  it('issues a bearer token that authenticates, without needing CSRF', async () => {
    const tk = await tokens('api@example.com');
    expect(tk.tokenType).toBe('bearer');
    expect(tk.expiresIn).toBe(900);
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${tk.accessToken}` } });
    expect(me.json().user.email).toBe('api@example.com');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/interviews',
      headers: { authorization: `Bearer ${tk.accessToken}` },
      payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 1 },
    });
    expect(created.statusCode).toBe(201);
  });

  it('rejects an expired or tampered access token', async () => {
    const tk = await tokens('expiry@example.com');
    const tampered = tk.accessToken.slice(0, -3) + (tk.accessToken.endsWith('AAA') ? 'BBB' : 'AAA');
    const fresh = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${tk.accessToken}` } });
    expect(fresh.statusCode).toBe(200);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${tampered}` } }), 401);
    // Used (and so remembered as verified) before it expired: still refused after.
    t.clock.advance(901_000);
    expectProblem(
      await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: `Bearer ${tk.accessToken}` } }),
      401,
    );
  });

  it('rotates refresh tokens, and reuse of a spent one revokes the whole family', async () => {
    const first = await tokens('rotate@example.com');
    const second = (await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken })).json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    // An attacker replays the spent token: refused, and the legitimate newer token dies too.
    expectProblem(await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }), 401);
    expectProblem(await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken }), 401);
    const family = await t.database.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashToken(second.refreshToken)));
    expect(family[0]!.revokedAt).not.toBeNull();
  });

  it('refuses an unknown refresh token', async () => {
    expectProblem(await post('/api/v1/auth/refresh', { refreshToken: 'made-up' }), 401);
  });
});

describe('first platform admin via the setup link', () => {
  const linkState = async (token?: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/setup/link${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}` });

  it('tells the page at once whether a link works, is expired or unknown (nothing is created)', async () => {
    const stale = await t.app.services.auth.createSetupToken();
    t.clock.advance(25 * 3600_000);
    const fresh = await t.app.services.auth.createSetupToken();
    expect((await linkState(stale)).json()).toEqual({ state: 'expired' });
    expect((await linkState(fresh)).json()).toEqual({ state: 'ready' });
    expect((await linkState('forged')).json()).toEqual({ state: 'unknown' });
    expectProblem(await linkState(), 400);
    expect(await t.app.services.auth.hasPlatformAdmin()).toBe(false);
  });

  it('creates a superadmin once; the link cannot be reused, and says so before the form', async () => {
    const token = await t.app.services.auth.createSetupToken();
    expect((await linkState(token)).json()).toEqual({ state: 'ready' });
    const res = await post('/api/v1/setup', { token, email: 'root@example.com', password: STRONG_PASSWORD, name: 'Root' });
    expect(res.statusCode).toBe(201);
    expect(res.json().user.platformRole).toBe('superadmin');
    expectProblem(await post('/api/v1/setup', { token, email: 'root2@example.com', password: STRONG_PASSWORD, name: 'Root 2' }), 403);
    expectProblem(await post('/api/v1/setup', { token: 'forged', email: 'root3@example.com', password: STRONG_PASSWORD, name: 'R' }), 403);
    expect(await t.app.services.auth.hasPlatformAdmin()).toBe(true);
    expect((await linkState(token)).json()).toEqual({ state: 'used' });
  });
});
