import { and, eq, lt, sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { OidcProvider } from '../../contract/auth.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Config, OidcProviderConfig } from '../config.js';
import { newId } from '../ids.js';
import { users } from './auth.table.js';
import type { AuthService, NewSession, RequestMeta } from './auth.service.js';
import { oidcLogins, userIdentities } from './oidc.table.js';
import { hashToken, randomToken } from './tokens.js';
import { twoFactor } from './two-factor.table.js';

const LOGIN_TTL_MS = 10 * 60_000;
/** The password hash of an account made by single sign-on: no password matches it. */
export const NO_PASSWORD = '!sso-only';
/** Where a link started from the account page comes back to, with `?sso_linked=` or `?sso_error=`. */
export const LINK_LANDING = '/account/security';

/** Why a single sign-on did not end in a session; the sign-in page explains each. */
export type OidcFailure =
  | 'unknown_provider'
  | 'provider_unavailable'
  | 'provider_error'
  | 'state_mismatch'
  | 'token_rejected'
  | 'email_missing'
  | 'email_not_verified'
  | 'two_factor_account'
  | 'deactivated'
  /** Linking: the provider account is already linked to another Panelist account. */
  | 'identity_taken'
  /** Linking: the browser that comes back is not signed in as the person who started. */
  | 'link_mismatch';

export class OidcSignInError extends Error {
  /** The page the browser is sent to with `?sso_error=`: the sign-in page, or the account page for a link. */
  landing = '/login';
  constructor(
    readonly reason: OidcFailure,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

export type OidcService = ReturnType<typeof createOidcService>;

/** Only a path on this site: never an absolute URL, so the callback cannot send anyone elsewhere. */
export function safeReturnPath(value: string | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value.slice(0, 500);
}

/**
 * Sign-in with OpenID Connect providers (authorization code flow with PKCE, state and nonce,
 * through openid-client). An identity is the provider's `sub`; on its first sign-in it is linked
 * to the account with the same email only when the provider says the email is verified, and an
 * account with two-factor on is never linked this way. Otherwise a new account is made.
 */
export function createOidcService(deps: { db: Database; config: Config; clock: Clock; auth: AuthService }) {
  const { db, config, clock, auth } = deps;
  const providers = new Map(config.oidcProviders.map((p) => [p.id, p]));
  const discovered = new Map<string, Promise<oidc.Configuration>>();

  function providerOf(id: string): OidcProviderConfig {
    const provider = providers.get(id);
    if (!provider) throw new OidcSignInError('unknown_provider');
    return provider;
  }

  /** The provider's metadata, fetched once (a failure is retried on the next sign-in). */
  function configurationOf(provider: OidcProviderConfig): Promise<oidc.Configuration> {
    let pending = discovered.get(provider.id);
    if (!pending) {
      const issuer = new URL(provider.issuer);
      // Plain http only for a provider on this machine (development and the tests' provider).
      const loopback = issuer.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(issuer.hostname);
      pending = oidc
        .discovery(
          issuer,
          provider.clientId,
          provider.clientSecret,
          provider.clientSecret ? undefined : oidc.None(),
          loopback ? { execute: [oidc.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
        )
        .catch((error: unknown) => {
          discovered.delete(provider.id);
          throw new OidcSignInError('provider_unavailable', error instanceof Error ? error.message : String(error));
        });
      discovered.set(provider.id, pending);
    }
    return pending;
  }

  async function fail(
    reason: OidcFailure,
    provider: string,
    meta: RequestMeta,
    userId: string | null = null,
    detail?: string,
  ): Promise<never> {
    await writeAudit(db, {
      actorId: null,
      action: 'auth.sign_in_failed',
      targetType: 'user',
      targetId: userId,
      ip: meta.ip,
      at: clock.now(),
      after: { reason: `sso_${reason}`, provider },
    });
    throw new OidcSignInError(reason, detail);
  }

  /** The account an identity signs in to: linked before, linked now by verified email, or new. */
  async function accountFor(provider: OidcProviderConfig, claims: oidc.IDToken, meta: RequestMeta): Promise<string> {
    const now = clock.now();
    const subject = claims.sub;
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
    // Some providers send the flag as the string "true".
    const verified = claims.email_verified === true || claims.email_verified === 'true';
    const outcome = await db.transaction(async (tx) => {
      const [linked] = await tx
        .select({ userId: userIdentities.userId, id: userIdentities.id, twoFactorAt: twoFactor.enabledAt })
        .from(userIdentities)
        .leftJoin(twoFactor, eq(twoFactor.userId, userIdentities.userId))
        .where(and(eq(userIdentities.provider, provider.id), eq(userIdentities.subject, subject)));
      if (linked) {
        // Single sign-on does not ask for the authenticator's code: an account with two-factor on
        // signs in with its password and code, so a provider account cannot skip the second factor.
        if (linked.twoFactorAt) return { failure: 'two_factor_account' as const, userId: linked.userId };
        await tx.update(userIdentities).set({ lastUsedAt: now }).where(eq(userIdentities.id, linked.id));
        return { userId: linked.userId };
      }
      if (!email || !email.includes('@')) return { failure: 'email_missing' as const };
      const [existing] = await tx
        .select({ id: users.id, emailVerifiedAt: users.emailVerifiedAt, twoFactorAt: twoFactor.enabledAt })
        .from(users)
        .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
        .where(sql`lower(${users.email}) = ${email}`)
        .for('update', { of: users });
      if (existing) {
        // An unverified claim could be anyone's typing: it must not open someone else's account.
        if (!verified) return { failure: 'email_not_verified' as const, userId: existing.id };
        if (existing.twoFactorAt) return { failure: 'two_factor_account' as const, userId: existing.id };
        await tx
          .insert(userIdentities)
          .values({ id: newId(), userId: existing.id, provider: provider.id, subject, email, createdAt: now, lastUsedAt: now });
        // The provider has just proved the address.
        if (!existing.emailVerifiedAt)
          await tx.update(users).set({ emailVerifiedAt: now, updatedAt: now }).where(eq(users.id, existing.id));
        await writeAudit(tx, {
          actorId: existing.id,
          action: 'user.identity_linked',
          targetType: 'user',
          targetId: existing.id,
          ip: meta.ip,
          at: now,
          after: { provider: provider.id },
        });
        return { userId: existing.id };
      }
      const userId = newId();
      const name = (typeof claims.name === 'string' && claims.name.trim()) || email.slice(0, email.indexOf('@'));
      await tx.insert(users).values({
        id: userId,
        email,
        name: name.slice(0, 100),
        passwordHash: NO_PASSWORD,
        platformRole: 'user',
        createdAt: now,
        updatedAt: now,
        emailVerifiedAt: verified ? now : null,
      });
      await tx
        .insert(userIdentities)
        .values({ id: newId(), userId, provider: provider.id, subject, email, createdAt: now, lastUsedAt: now });
      await writeAudit(tx, {
        actorId: userId,
        action: 'user.register',
        targetType: 'user',
        targetId: userId,
        ip: meta.ip,
        at: now,
        after: { via: 'sso', provider: provider.id },
      });
      return { userId };
    });
    if ('failure' in outcome && outcome.failure) return fail(outcome.failure, provider.id, meta, outcome.userId ?? null);
    return outcome.userId!;
  }

  /**
   * Binds the identity that came back to the signed-in person who started the link, whatever
   * email the provider gives: they have just proved both accounts. Refused when that provider
   * account already belongs to someone else.
   */
  async function linkTo(userId: string, provider: OidcProviderConfig, claims: oidc.IDToken, meta: RequestMeta): Promise<void> {
    const now = clock.now();
    const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : null;
    const taken = await db.transaction(async (tx) => {
      const [linked] = await tx
        .select({ id: userIdentities.id, userId: userIdentities.userId })
        .from(userIdentities)
        .where(and(eq(userIdentities.provider, provider.id), eq(userIdentities.subject, claims.sub)))
        .for('update');
      if (linked) {
        if (linked.userId !== userId) return true;
        await tx.update(userIdentities).set({ lastUsedAt: now }).where(eq(userIdentities.id, linked.id));
        return false;
      }
      await tx
        .insert(userIdentities)
        .values({ id: newId(), userId, provider: provider.id, subject: claims.sub, email, createdAt: now, lastUsedAt: null });
      await writeAudit(tx, {
        actorId: userId,
        action: 'user.identity_linked',
        targetType: 'user',
        targetId: userId,
        ip: meta.ip,
        at: now,
        after: { provider: provider.id, via: 'account' },
      });
      return false;
    });
    if (taken) await fail('identity_taken', provider.id, meta, userId);
  }

  return {
    /** For the sign-in page: one button per configured provider. */
    providers(): OidcProvider[] {
      return config.oidcProviders.map((p) => ({ id: p.id, name: p.name }));
    },

    /**
     * Starts a sign-in: remembers state, nonce and PKCE verifier, and gives the provider's
     * authorization URL and the state for the browser's cookie.
     */
    async start(
      providerId: string,
      redirectUri: string,
      returnTo: string | undefined,
      linkUserId: string | null = null,
    ): Promise<{ url: string; state: string }> {
      const provider = providerOf(providerId);
      const configuration = await configurationOf(provider);
      const now = clock.now();
      const state = randomToken();
      const nonce = oidc.randomNonce();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      await db.delete(oidcLogins).where(lt(oidcLogins.expiresAt, now));
      await db.insert(oidcLogins).values({
        stateHash: hashToken(state),
        provider: provider.id,
        nonce,
        codeVerifier,
        returnTo: linkUserId ? LINK_LANDING : safeReturnPath(returnTo),
        linkUserId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + LOGIN_TTL_MS),
      });
      const url = oidc.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: provider.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        // Linking asks the provider to sign in afresh, so a different account there can be chosen.
        ...(linkUserId ? { prompt: 'login' } : {}),
      });
      return { url: url.href, state };
    },

    /**
     * Finishes a sign-in from the provider's redirect. The state must match the browser's cookie
     * and a sign-in started here, used once; the code is exchanged with the PKCE verifier and the
     * ID token must carry the nonce. Any failure is audited as a failed sign-in.
     */
    async finish(
      providerId: string,
      callbackUrl: URL,
      cookieState: string | undefined,
      meta: RequestMeta,
      signedInUserId: string | null = null,
    ): Promise<{ session: NewSession | null; returnTo: string }> {
      const provider = providerOf(providerId);
      const state = callbackUrl.searchParams.get('state') ?? '';
      if (!state || !cookieState || state !== cookieState) return fail('state_mismatch', provider.id, meta);
      // Taken out at once: the same callback cannot be replayed.
      const [login] = await db
        .delete(oidcLogins)
        .where(eq(oidcLogins.stateHash, hashToken(state)))
        .returning();
      if (!login || login.provider !== provider.id || login.expiresAt <= clock.now()) return fail('state_mismatch', provider.id, meta);
      if (login.linkUserId) {
        try {
          // Only the person who started, still signed in here, gets the identity.
          if (signedInUserId !== login.linkUserId) return await fail('link_mismatch', provider.id, meta, login.linkUserId);
          const claims = await claimsFrom(provider, callbackUrl, state, login, meta);
          await linkTo(login.linkUserId, provider, claims, meta);
          return { session: null, returnTo: `${LINK_LANDING}?sso_linked=${encodeURIComponent(provider.id)}` };
        } catch (error) {
          if (error instanceof OidcSignInError) error.landing = LINK_LANDING;
          throw error;
        }
      }
      const claims = await claimsFrom(provider, callbackUrl, state, login, meta);
      const userId = await accountFor(provider, claims, meta);
      let session: NewSession;
      try {
        session = await auth.startSession(userId, meta);
      } catch {
        return fail('deactivated', provider.id, meta, userId);
      }
      return { session, returnTo: login.returnTo };
    },
  };

  /** The provider's answer checked: the code exchanged with the PKCE verifier, the nonce and state matched. */
  async function claimsFrom(
    provider: OidcProviderConfig,
    callbackUrl: URL,
    state: string,
    login: typeof oidcLogins.$inferSelect,
    meta: RequestMeta,
  ): Promise<oidc.IDToken> {
    if (callbackUrl.searchParams.has('error')) {
      return fail('provider_error', provider.id, meta, null, callbackUrl.searchParams.get('error_description') ?? undefined);
    }
    const configuration = await configurationOf(provider);
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
      // Providers that keep the ID token small give email and name at the userinfo endpoint.
      if (claims && typeof claims.email !== 'string' && tokens.access_token) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        claims = { ...claims, email: info.email, email_verified: info.email_verified, name: claims.name ?? info.name };
      }
    } catch (error) {
      return fail('token_rejected', provider.id, meta, null, error instanceof Error ? error.message : String(error));
    }
    if (!claims) return fail('token_rejected', provider.id, meta);
    return claims;
  }
}
