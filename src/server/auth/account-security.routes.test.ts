import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';
import { auditOfTarget, mailsTo } from '../testing/recorded.js';
import { users } from './auth.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const NEW_PASSWORD = 'copper-kettle-orchard-88';
const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers });
const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)![1]!;
const otherThan = (code: string, k = 1) => String((Number(code) + k) % 1_000_000).padStart(6, '0');
const signIn = (email: string, password: string) => post('/api/v1/auth/login', { email, password });

async function tokensFor(email: string, password = STRONG_PASSWORD) {
  const res = await post('/api/v1/auth/token', { email, password });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { accessToken: string; refreshToken: string };
}
const bearer = (accessToken: string) => ({ authorization: `Bearer ${accessToken}` });
const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

describe('password reset by emailed code', () => {
  it('answers 202 alike for a known and an unknown email, and mails only the account owner', async () => {
    await registerUser(t.app, { email: 'reset-known@example.com' });
    const known = await post('/api/v1/auth/password-reset', { email: 'reset-known@example.com' });
    const unknown = await post('/api/v1/auth/password-reset', { email: 'reset-nobody@example.com' });
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expect(await mailsTo(t, 'reset-known@example.com', 'password_reset')).toHaveLength(1);
    expect(await mailsTo(t, 'reset-nobody@example.com')).toHaveLength(0);
  });

  it('sets the new password with the code and signs out every browser session and API token', async () => {
    const email = 'reset-flow@example.com';
    const browser = await registerUser(t.app, { email });
    const api = await tokensFor(email);
    t.clock.advance(61_000);
    await post('/api/v1/auth/password-reset', { email });
    const code = codeIn((await mailsTo(t, email, 'password_reset')).at(-1)!.subject);
    const res = await post('/api/v1/auth/password-reset/confirm', { email, code, password: NEW_PASSWORD });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await browser.request({ method: 'GET', url: '/api/v1/auth/me' }), 401);
    expectProblem(await me(bearer(api.accessToken)), 401);
    expectProblem(await post('/api/v1/auth/refresh', { refreshToken: api.refreshToken }), 401);
    expectProblem(await signIn(email, STRONG_PASSWORD), 401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
    // The code proved the inbox; the owner hears of the change.
    const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
    expect(row!.emailVerifiedAt).not.toBeNull();
    expect(await mailsTo(t, email, 'password_changed')).toHaveLength(1);
    expect(await auditOfTarget(t, row!.id, 'user.password_reset')).toHaveLength(1);
    // Used once: the same code does not work again.
    expectProblem(await post('/api/v1/auth/password-reset/confirm', { email, code, password: 'another-fresh-phrase-5' }), 400);
  });

  it('works with the link token instead of the code', async () => {
    const email = 'reset-link@example.com';
    await registerUser(t.app, { email });
    await post('/api/v1/auth/password-reset', { email });
    const token = /token=([\w-]+)/.exec((await mailsTo(t, email, 'password_reset'))[0]!.text)![1]!;
    expect((await post('/api/v1/auth/password-reset/confirm', { email, token, password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('allows three wrong codes, then the right one no longer works either', async () => {
    const email = 'reset-guess@example.com';
    await registerUser(t.app, { email });
    await post('/api/v1/auth/password-reset', { email });
    const code = codeIn((await mailsTo(t, email, 'password_reset'))[0]!.subject);
    for (let k = 1; k <= 3; k++) {
      const body = expectProblem(
        await post('/api/v1/auth/password-reset/confirm', { email, code: otherThan(code, k), password: NEW_PASSWORD }),
        400,
      );
      expect(body.detail).toMatch(/wrong or has expired/);
    }
    expectProblem(await post('/api/v1/auth/password-reset/confirm', { email, code, password: NEW_PASSWORD }), 400);
    expect((await signIn(email, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses an expired code (10 minutes), a weak new password without spending the code, and a code for another email', async () => {
    const email = 'reset-expiry@example.com';
    await registerUser(t.app, { email });
    await registerUser(t.app, { email: 'reset-bystander@example.com' });
    await post('/api/v1/auth/password-reset', { email });
    const code = codeIn((await mailsTo(t, email, 'password_reset'))[0]!.subject);
    expectProblem(await post('/api/v1/auth/password-reset/confirm', { email, code, password: 'qwertyuiop' }), 400, 'validation_failed');
    expectProblem(
      await post('/api/v1/auth/password-reset/confirm', { email: 'reset-bystander@example.com', code, password: NEW_PASSWORD }),
      400,
    );
    expectProblem(await post('/api/v1/auth/password-reset/confirm', { email, password: NEW_PASSWORD }), 400, 'validation_failed');
    t.clock.advance(10 * 60_000 + 1000);
    expectProblem(await post('/api/v1/auth/password-reset/confirm', { email, code, password: NEW_PASSWORD }), 400);
    expect((await signIn(email, STRONG_PASSWORD)).statusCode).toBe(200);
  });

  it('sends at most one reset mail a minute to an address', async () => {
    const email = 'reset-flood@example.com';
    await registerUser(t.app, { email });
    for (let i = 0; i < 4; i++) expect((await post('/api/v1/auth/password-reset', { email })).statusCode).toBe(202);
    expect(await mailsTo(t, email, 'password_reset')).toHaveLength(1);
  });
});

describe('change password', () => {
  it('needs the current password, keeps this session, and signs out the others', async () => {
    const email = 'change-pw@example.com';
    const here = await registerUser(t.app, { email });
    const elsewhere = (await signIn(email, STRONG_PASSWORD)).cookies;
    const api = await tokensFor(email);
    const wrong = await here.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'not-it-at-all-1', newPassword: NEW_PASSWORD },
    });
    expect((expectProblem(wrong, 400, 'validation_failed').errors as { path: string }[])[0]!.path).toBe('body.currentPassword');
    const ok = await here.request({
      method: 'POST',
      url: '/api/v1/auth/password',
      payload: { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    expect((await here.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    const other = elsewhere.find((c) => c.name === 'panelist_session')!;
    expectProblem(await me({ cookie: `panelist_session=${other.value}` }), 401);
    expectProblem(await me(bearer(api.accessToken)), 401);
    expect((await signIn(email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('refuses without a session', async () => {
    expectProblem(await post('/api/v1/auth/password', { currentPassword: STRONG_PASSWORD, newPassword: NEW_PASSWORD }), 401);
  });
});

describe('email verification', () => {
  it('confirms the address with the link from the welcome mail, even signed out', async () => {
    const email = 'verify-link@example.com';
    const b = await registerUser(t.app, { email });
    expect(b.user.emailVerified).toBe(false);
    const token = /token=([\w-]+)/.exec((await mailsTo(t, email, 'verify_email'))[0]!.text)![1]!;
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(204);
    expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.emailVerified).toBe(true);
    expectProblem(await post('/api/v1/auth/verify-email', { token }), 400);
  });

  it('confirms with the code when signed in; a code alone without a session is refused', async () => {
    const email = 'verify-code@example.com';
    const b = await registerUser(t.app, { email });
    const code = codeIn((await mailsTo(t, email, 'verify_email'))[0]!.text.split('code on your account page:')[1]!);
    expectProblem(await post('/api/v1/auth/verify-email', { code }), 401);
    expectProblem(await b.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { code: otherThan(code) } }), 400);
    expect((await b.request({ method: 'POST', url: '/api/v1/auth/verify-email', payload: { code } })).statusCode).toBe(204);
    expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.emailVerified).toBe(true);
    expectProblem(await b.request({ method: 'POST', url: '/api/v1/auth/verify-email/resend' }), 409, 'invalid_state');
  });
});

describe('change of email', () => {
  let b: Browser;
  const email = 'move-from@example.com';
  beforeAll(async () => {
    b = await registerUser(t.app, { email, name: 'Mover' });
  });

  it('needs the password, and an address already in use gets no code while the answer stays the same', async () => {
    await registerUser(t.app, { email: 'move-taken@example.com' });
    const wrong = await b.request({
      method: 'POST',
      url: '/api/v1/auth/email',
      payload: { newEmail: 'move-to@example.com', password: 'nope-nope-nope-1' },
    });
    expectProblem(wrong, 400, 'validation_failed');
    const taken = await b.request({
      method: 'POST',
      url: '/api/v1/auth/email',
      payload: { newEmail: 'move-taken@example.com', password: STRONG_PASSWORD },
    });
    expect(taken.statusCode).toBe(202);
    expect(await mailsTo(t, 'move-taken@example.com', 'email_change_confirm')).toHaveLength(0);
  });

  it('moves only after the new address confirms; the old one is told before and after', async () => {
    const res = await b.request({
      method: 'POST',
      url: '/api/v1/auth/email',
      payload: { newEmail: 'Move-To@example.com', password: STRONG_PASSWORD },
    });
    expect(res.statusCode).toBe(202);
    expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user.email).toBe(email);
    const [confirm] = await mailsTo(t, 'move-to@example.com', 'email_change_confirm');
    const code = codeIn(confirm!.text.split('code on your account page:')[1]!);
    expect(await mailsTo(t, email, 'email_change_notice')).toHaveLength(2);
    expect((await b.request({ method: 'POST', url: '/api/v1/auth/email/confirm', payload: { code } })).statusCode).toBe(204);
    const user = (await b.request({ method: 'GET', url: '/api/v1/auth/me' })).json().user;
    expect(user).toMatchObject({ email: 'move-to@example.com', emailVerified: true });
    const notices = await mailsTo(t, email, 'email_change_notice');
    expect(notices.at(-1)!.subject).toMatch(/was changed/);
    expectProblem(await signIn(email, STRONG_PASSWORD), 401);
    expect((await signIn('move-to@example.com', STRONG_PASSWORD)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('lists my browser sessions and API tokens with device, IP and last seen, marking the current one', async () => {
    const email = 'sessions-list@example.com';
    const b = await registerUser(t.app, { email });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: STRONG_PASSWORD },
      headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' },
    });
    await tokensFor(email);
    const list = await b.request({ method: 'GET', url: '/api/v1/auth/sessions' });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { kind: string; device: string; ip: string; current: boolean; lastSeenAt: string }[];
    expect(items.filter((i) => i.kind === 'browser')).toHaveLength(2);
    expect(items.filter((i) => i.kind === 'api')).toHaveLength(1);
    expect(items.filter((i) => i.current)).toHaveLength(1);
    expect(items.map((i) => i.device)).toContain('Firefox on Linux');
    expect(items.every((i) => i.ip && i.lastSeenAt)).toBe(true);
  });

  it('revokes one session; another user cannot revoke it (404) or see it', async () => {
    const email = 'sessions-one@example.com';
    const b = await registerUser(t.app, { email });
    const stranger = await registerUser(t.app);
    const second = (await signIn(email, STRONG_PASSWORD)).cookies.find((c) => c.name === 'panelist_session')!;
    const items = (await b.request({ method: 'GET', url: '/api/v1/auth/sessions' })).json().items as { id: string; current: boolean }[];
    const other = items.find((i) => !i.current)!;
    expectProblem(await stranger.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}` }), 404);
    const strangers = (await stranger.request({ method: 'GET', url: '/api/v1/auth/sessions' })).json().items as { id: string }[];
    expect(strangers.map((i) => i.id)).not.toContain(other.id);
    expect((await me({ cookie: `panelist_session=${second.value}` })).statusCode).toBe(200);
    expect((await b.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}` })).statusCode).toBe(204);
    expectProblem(await me({ cookie: `panelist_session=${second.value}` }), 401);
    expectProblem(await b.request({ method: 'DELETE', url: `/api/v1/auth/sessions/${other.id}` }), 404);
  });

  it('signs out all others and keeps this one', async () => {
    const email = 'sessions-all@example.com';
    const b = await registerUser(t.app, { email });
    await signIn(email, STRONG_PASSWORD);
    const api = await tokensFor(email);
    const res = await b.request({ method: 'DELETE', url: '/api/v1/auth/sessions' });
    expect(res.json()).toEqual({ revoked: 2 });
    expect((await b.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expectProblem(await me(bearer(api.accessToken)), 401);
    const items = (await b.request({ method: 'GET', url: '/api/v1/auth/sessions' })).json().items;
    expect(items).toHaveLength(1);
  });

  it('logout with a bearer token ends its refresh family and its access tokens at once, not other families', async () => {
    const email = 'bearer-logout@example.com';
    await registerUser(t.app, { email });
    const one = await tokensFor(email);
    const two = await tokensFor(email);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: bearer(one.accessToken) });
    expect(out.statusCode).toBe(204);
    expectProblem(await me(bearer(one.accessToken)), 401);
    expectProblem(await post('/api/v1/auth/refresh', { refreshToken: one.refreshToken }), 401);
    expect((await me(bearer(two.accessToken))).statusCode).toBe(200);
  });
});
