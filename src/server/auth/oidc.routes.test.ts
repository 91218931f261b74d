import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../contract/auth.js';
import { auditLog } from '../audit/audit.table.js';
import { startLoopbackOidcProvider, type LoopbackOidcProvider, type ProviderAccount } from '../testing/loopback-oidc-provider.js';
import { createTestApp, registerUser, type TestApp } from '../testing/test-app.js';
import { oidcLogins, userIdentities } from './oidc.table.js';
import { OIDC_STATE_COOKIE } from './oidc.routes.js';
import { users } from './auth.table.js';
import { twoFactor } from './two-factor.table.js';

// Sign-in with OpenID Connect against a real provider (oidc-provider) on 127.0.0.1: the test plays
// the browser, following redirects between Panelist (injected) and the provider (over HTTP).
const PUBLIC_URL = 'http://panelist.test';
const CALLBACK = `${PUBLIC_URL}/api/v1/auth/oidc/loopback/callback`;
let op: LoopbackOidcProvider;
let t: TestApp;
beforeAll(async () => {
  op = await startLoopbackOidcProvider({ redirectUri: CALLBACK });
  t = await createTestApp({
    PUBLIC_URL,
    OIDC_PROVIDERS: JSON.stringify([
      { id: 'loopback', name: 'Loopback ID', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret },
      // Nothing listens on port 9: discovery fails.
      { id: 'down', name: 'Down', issuer: 'http://127.0.0.1:9', clientId: 'x' },
    ]),
  });
}, 120_000);
afterAll(async () => {
  await t?.close();
  await op?.close();
});

let n = 0;
const account = (over: Partial<ProviderAccount> = {}): ProviderAccount => {
  n += 1;
  return {
    sub: `sub-${n}-${Date.now()}`,
    email: `sso-${n}-${Date.now()}@example.com`,
    email_verified: true,
    name: `Sso Person ${n}`,
    ...over,
  };
};

/** GET …/start as a browser: the provider's URL and the state cookie it set. */
async function start(returnTo?: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/auth/oidc/loopback/start${returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : ''}`,
  });
  expect(res.statusCode).toBe(302);
  const cookie = res.cookies.find((c) => c.name === OIDC_STATE_COOKIE);
  expect(cookie?.httpOnly).toBe(true);
  return { location: res.headers.location as string, state: cookie!.value };
}

async function callback(url: URL, stateCookie: string | undefined): Promise<LightMyRequestResponse> {
  expect(url.href.startsWith(CALLBACK)).toBe(true);
  return t.app.inject({
    method: 'GET',
    url: `${url.pathname}${url.search}`,
    headers: stateCookie ? { cookie: `${OIDC_STATE_COOKIE}=${stateCookie}` } : {},
  });
}

/** The whole way for one person; returns Panelist's answer to the callback. */
async function signInAs(who: ProviderAccount, returnTo?: string) {
  op.next = { account: who };
  const started = await start(returnTo);
  const back = await op.authorize(started.location);
  return { res: await callback(back, started.state), back, started };
}

async function sessionOf(res: LightMyRequestResponse) {
  const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) return null;
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `${SESSION_COOKIE}=${cookie.value}` } });
  return me.json().user as { id: string; email: string; emailVerified: boolean; name: string } | null;
}

const failures = async (reason: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in_failed'))).filter((r) =>
    (r.after ?? '').includes(`"sso_${reason}"`),
  ).length;

function expectRefused(res: LightMyRequestResponse, reason: string) {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/login?sso_error=${reason}`);
  expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
}

describe('single sign-on with OpenID Connect', () => {
  it('lists the configured providers for the sign-in page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/providers' });
    expect(res.json()).toEqual({
      items: [
        { id: 'loopback', name: 'Loopback ID' },
        { id: 'down', name: 'Down' },
      ],
    });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce', async () => {
    const { location, state } = await start();
    const url = new URL(location);
    expect(url.origin).toBe(op.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toBe(state);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('redirect_uri')).toBe(CALLBACK);
  });

  it('creates an account on the first sign-in, starts a cookie session, and finds the same account the next time', async () => {
    const who = account({ name: 'Ada Provider' });
    const { res } = await signInAs(who, '/interviews?tab=mine');
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/interviews?tab=mine');
    const user = await sessionOf(res);
    expect(user).toMatchObject({ email: who.email, name: 'Ada Provider', emailVerified: true });
    // The account has no password anyone could sign in with.
    const pw = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: who.email, password: '!sso-only' } });
    expect(pw.statusCode).toBe(401);

    const again = await signInAs(who);
    expect(again.res.headers.location).toBe('/');
    expect((await sessionOf(again.res))?.id).toBe(user!.id);
    const identities = await t.database.db.select().from(userIdentities).where(eq(userIdentities.userId, user!.id));
    expect(identities).toHaveLength(1);
    expect(identities[0]).toMatchObject({ provider: 'loopback', subject: who.sub });
  });

  it('links an existing account when the provider has verified its email', async () => {
    const existing = await registerUser(t.app);
    const { res } = await signInAs(account({ email: existing.user.email.toUpperCase(), email_verified: true }));
    const user = await sessionOf(res);
    expect(user?.id).toBe(existing.user.id);
    expect(user?.emailVerified).toBe(true);
    const linked = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.identity_linked'));
    expect(linked.map((r) => r.targetId)).toContain(existing.user.id);
  });

  it('refuses an unverified email that belongs to an existing account: no session, no link, the failure audited', async () => {
    const existing = await registerUser(t.app);
    const before = await failures('email_not_verified');
    const who = account({ email: existing.user.email, email_verified: false });
    const { res } = await signInAs(who);
    expectRefused(res, 'email_not_verified');
    expect(await t.database.db.select().from(userIdentities).where(eq(userIdentities.subject, who.sub))).toHaveLength(0);
    expect(await failures('email_not_verified')).toBe(before + 1);
    // With an email nobody has, an unverified one makes a new, unverified account.
    const fresh = await signInAs(account({ email_verified: false }));
    expect(await sessionOf(fresh.res)).toMatchObject({ emailVerified: false });
  });

  it('does not link an account that has two-factor on, even with a verified email', async () => {
    const existing = await registerUser(t.app);
    await t.database.db
      .insert(twoFactor)
      .values({ userId: existing.user.id, secretCipher: 'unused', createdAt: new Date(), enabledAt: new Date() });
    expectRefused((await signInAs(account({ email: existing.user.email }))).res, 'two_factor_account');
    // Nor one that turned two-factor on after it was linked.
    const who = account();
    const linked = await sessionOf((await signInAs(who)).res);
    await t.database.db
      .insert(twoFactor)
      .values({ userId: linked!.id, secretCipher: 'unused', createdAt: new Date(), enabledAt: new Date() });
    expectRefused((await signInAs(who)).res, 'two_factor_account');
  });

  it('refuses a callback whose state does not match the browser cookie (or has no cookie)', async () => {
    op.next = { account: account() };
    const started = await start();
    const back = await op.authorize(started.location);
    expectRefused(await callback(back, 'someone-elses-state'), 'state_mismatch');
    expectRefused(await callback(back, undefined), 'state_mismatch');
  });

  it('refuses a replayed callback: a sign-in is finished once', async () => {
    const { res, back, started } = await signInAs(account());
    expect(await sessionOf(res)).not.toBeNull();
    expectRefused(await callback(back, started.state), 'state_mismatch');
  });

  it('refuses an ID token that does not carry the nonce of the sign-in started here', async () => {
    const before = await failures('token_rejected');
    op.next = { account: account() };
    const started = await start();
    // As if the token were minted for another sign-in: the nonce kept here differs from the one sent.
    await t.database.db
      .update(oidcLogins)
      .set({ nonce: 'a-different-nonce' })
      .where(sql`true`);
    const back = await op.authorize(started.location);
    expectRefused(await callback(back, started.state), 'token_rejected');
    expect(await failures('token_rejected')).toBe(before + 1);
  });

  it('reports the provider refusing (the person declined) and a provider that cannot be reached', async () => {
    op.next = { deny: true };
    const started = await start();
    const back = await op.authorize(started.location);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expectRefused(await callback(back, started.state), 'provider_error');

    const down = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/down/start' });
    expect(down.statusCode).toBe(302);
    expect(down.headers.location).toBe('/login?sso_error=provider_unavailable');
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/nope/start' });
    expect(unknown.headers.location).toBe('/login?sso_error=unknown_provider');
  });

  it('lands only on a path of this site, whatever returnTo says', async () => {
    for (const target of ['https://evil.example/', '//evil.example/x']) {
      const { res } = await signInAs(account(), target);
      expect(res.headers.location).toBe('/');
    }
  });

  it('does not sign in to a deactivated account', async () => {
    const who = account();
    const first = await signInAs(who);
    const user = await sessionOf(first.res);
    await t.database.db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user!.id));
    expectRefused((await signInAs(who)).res, 'deactivated');
  });
});
