import { eq, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER, SESSION_COOKIE, type LinkedIdentityList } from '../../contract/auth.js';
import { auditLog } from '../audit/audit.table.js';
import { collectPersonalData } from '../privacy/personal-data.js';
import { startLoopbackOidcProvider, type LoopbackOidcProvider, type ProviderAccount } from '../testing/loopback-oidc-provider.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
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

/** A Browser for the session a single sign-on just started (an account without a password). */
async function browserOf(res: LightMyRequestResponse): Promise<Browser> {
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const info = (await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie } })).json();
  return {
    user: info.user,
    cookie,
    csrfToken: info.csrfToken,
    request: (options) => t.app.inject({ ...options, headers: { cookie, [CSRF_HEADER]: info.csrfToken, ...(options.headers ?? {}) } }),
  };
}

/** Starts a link as `b`, lets `who` sign in at the provider, and comes back with `backAs`'s session (or none). */
async function linkAs(b: Browser, who: ProviderAccount, backAs: Browser | null = b) {
  const started = await b.request({ method: 'POST', url: '/api/v1/auth/oidc/loopback/link' });
  expect(started.statusCode, started.body).toBe(200);
  const state = started.cookies.find((c) => c.name === OIDC_STATE_COOKIE)!.value;
  // The provider is asked to sign in afresh, so another account there can be chosen.
  expect(new URL(started.json().url).searchParams.get('prompt')).toBe('login');
  op.next = { account: who };
  const back = await op.authorize(started.json().url);
  expect(back.href.startsWith(CALLBACK)).toBe(true);
  return t.app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: [`${OIDC_STATE_COOKIE}=${state}`, ...(backAs ? [backAs.cookie] : [])].join('; ') },
  });
}

const linkedOf = async (b: Browser): Promise<LinkedIdentityList> =>
  (await b.request({ method: 'GET', url: '/api/v1/auth/identities' })).json();

describe('linking and unlinking providers on my account', () => {
  it('links a provider account to the signed-in person whatever email it has; signing in with it then opens this account', async () => {
    const me = await registerUser(t.app, { name: 'Linker' });
    expect(await linkedOf(me)).toMatchObject({ items: [], hasPassword: true, providers: [{ id: 'loopback' }, { id: 'down' }] });
    const who = account({ email: 'elsewhere@example.org' });
    const res = await linkAs(me, who);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/account/security?sso_linked=loopback');
    // No new session: the person stays in the one they linked from.
    expect(res.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();
    const list = await linkedOf(me);
    expect(list.items).toEqual([
      expect.objectContaining({ provider: 'loopback', providerName: 'Loopback ID', usable: true, email: 'elsewhere@example.org' }),
    ]);
    const signedIn = await signInAs(who);
    expect((await sessionOf(signedIn.res))?.id).toBe(me.user.id);
  });

  it('binds nothing when the browser coming back is signed out or signed in as someone else', async () => {
    const me = await registerUser(t.app, { name: 'Starter' });
    const other = await registerUser(t.app, { name: 'Other Tab' });
    for (const backAs of [null, other]) {
      const who = account();
      const res = await linkAs(me, who, backAs);
      expect(res.headers.location).toBe('/account/security?sso_error=link_mismatch');
      expect(await t.database.db.select().from(userIdentities).where(eq(userIdentities.subject, who.sub))).toHaveLength(0);
    }
    expect((await linkedOf(me)).items).toHaveLength(0);
    expect((await linkedOf(other)).items).toHaveLength(0);
  });

  it('refuses a provider account already linked to someone else, leaving it where it was', async () => {
    const who = account();
    const owner = await browserOf((await signInAs(who)).res);
    const me = await registerUser(t.app, { name: 'Late Linker' });
    const res = await linkAs(me, who);
    expect(res.headers.location).toBe('/account/security?sso_error=identity_taken');
    expect((await linkedOf(me)).items).toHaveLength(0);
    expect((await linkedOf(owner)).items).toHaveLength(1);
  });

  it('a link under way is in my data export without its PKCE verifier or state', async () => {
    const me = await registerUser(t.app, { name: 'Exporter' });
    expect((await me.request({ method: 'POST', url: '/api/v1/auth/oidc/loopback/link' })).statusCode).toBe(200);
    const { tables } = await collectPersonalData(t.database.db, me.user.id);
    expect(tables.oidc_logins).toHaveLength(1);
    expect(Object.keys(tables.oidc_logins![0]!)).not.toEqual(expect.arrayContaining(['code_verifier']));
    expect(Object.keys(tables.oidc_logins![0]!)).not.toEqual(expect.arrayContaining(['state_hash']));
    expect(tables.oidc_logins![0]).toMatchObject({ provider: 'loopback', link_user_id: me.user.id });
  });

  it('needs a session and the CSRF header to start, and a configured provider', async () => {
    const me = await registerUser(t.app, { name: 'Careful' });
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/auth/oidc/loopback/link' }), 401);
    expectProblem(await me.request({ method: 'POST', url: '/api/v1/auth/oidc/loopback/link', headers: { [CSRF_HEADER]: '' } }), 403);
    expectProblem(await me.request({ method: 'POST', url: '/api/v1/auth/oidc/nowhere/link' }), 404);
    expectProblem(await me.request({ method: 'POST', url: '/api/v1/auth/oidc/down/link' }), 503);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/auth/identities' }), 401);
  });

  it('unlinks mine (audited) but not the last way into an account without a password (409), and not someone else’s (404)', async () => {
    const first = account();
    const ssoOnly = await browserOf((await signInAs(first)).res);
    const [only] = (await linkedOf(ssoOnly)).items;
    expect((await linkedOf(ssoOnly)).hasPassword).toBe(false);
    const refused = await ssoOnly.request({ method: 'DELETE', url: `/api/v1/auth/identities/${only!.id}` });
    expect(expectProblem(refused, 409).details).toMatchObject({ reason: 'last_sign_in_method' });
    expect((await linkedOf(ssoOnly)).items).toHaveLength(1);

    // Someone else cannot see or remove it.
    const stranger = await registerUser(t.app, { name: 'Stranger' });
    expectProblem(await stranger.request({ method: 'DELETE', url: `/api/v1/auth/identities/${only!.id}` }), 404);
    expectProblem(await stranger.request({ method: 'DELETE', url: '/api/v1/auth/identities/not-an-id' }), 400);
    expect((await linkedOf(stranger)).items).toHaveLength(0);

    // With a second provider account linked, the first can go; then the second is the last one.
    const second = account();
    expect((await linkAs(ssoOnly, second)).headers.location).toBe('/account/security?sso_linked=loopback');
    const removed = await ssoOnly.request({ method: 'DELETE', url: `/api/v1/auth/identities/${only!.id}` });
    expect(removed.statusCode, removed.body).toBe(204);
    const left = (await linkedOf(ssoOnly)).items;
    expect(left.map((i) => i.id)).not.toContain(only!.id);
    expectProblem(await ssoOnly.request({ method: 'DELETE', url: `/api/v1/auth/identities/${left[0]!.id}` }), 409);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'user.identity_unlinked'));
    expect(audit.filter((a) => a.actorId === ssoOnly.user.id)).toHaveLength(1);

    // An account with a password may unlink its only identity.
    const withPassword = await registerUser(t.app, { name: 'Has Password' });
    await linkAs(withPassword, account());
    const [mine] = (await linkedOf(withPassword)).items;
    expect((await withPassword.request({ method: 'DELETE', url: `/api/v1/auth/identities/${mine!.id}` })).statusCode).toBe(204);
  });
});
