import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import {
  linkedIdentityList,
  oidcCallbackQuery,
  oidcLinkStarted,
  oidcParams,
  oidcProviderList,
  oidcStartQuery,
} from '../../contract/auth.js';
import { idParams, problem } from '../../contract/common.js';
import type { Config } from '../config.js';
import { isSecureRequest, requestMeta, requireActor, setSessionCookies } from './auth.plugin.js';
import type { LinkedIdentitiesService } from './linked-identities.service.js';
import { OidcSignInError, type OidcService } from './oidc.service.js';

/** Holds the state of a sign-in under way; only this browser can finish it. */
export const OIDC_STATE_COOKIE = 'panelist_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc/';

/** The redirect URI registered at the provider: PUBLIC_URL when set, else the origin asked. */
function redirectUriOf(request: FastifyRequest, config: Config, provider: string): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base.replace(/\/+$/, '')}/api/v1/auth/oidc/${provider}/callback`;
}

function toLogin(reply: FastifyReply, reason: string, landing = '/login') {
  return reply.redirect(`${landing}?sso_error=${encodeURIComponent(reason)}`, 302);
}

function setStateCookie(request: FastifyRequest, reply: FastifyReply, config: Config, state: string) {
  reply.setCookie(OIDC_STATE_COOKIE, state, {
    path: COOKIE_PATH,
    httpOnly: true,
    // Lax: sent on the provider's top-level redirect back to us, not on cross-site requests.
    sameSite: 'lax',
    secure: isSecureRequest(request, config),
    maxAge: 600,
  });
}

export async function oidcRoutes(app: FastifyInstance, opts: { oidc: OidcService; identities: LinkedIdentitiesService; config: Config }) {
  const { oidc, identities, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const limited = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' }, csrf: false };

  r.get(
    '/auth/oidc/providers',
    { schema: { tags, summary: 'Single sign-on providers offered on the sign-in page', response: { 200: oidcProviderList } } },
    async () => ({ items: oidc.providers() }),
  );

  r.get(
    '/auth/oidc/:provider/start',
    {
      schema: {
        tags,
        summary: 'Start signing in with an OpenID Connect provider (redirects there)',
        description: 'Authorization code flow with PKCE, state and nonce. `returnTo` is a path on this site to land on afterwards.',
        params: oidcParams,
        querystring: oidcStartQuery,
        response: { 302: z.null(), 400: problem, 429: problem },
      },
      config: limited,
    },
    async (request, reply) => {
      const { provider } = request.params;
      try {
        const started = await oidc.start(provider, redirectUriOf(request, config, provider), request.query.returnTo);
        setStateCookie(request, reply, config, started.state);
        return reply.redirect(started.url, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) {
          request.log.warn({ provider, reason: error.reason, detail: error.message }, 'single sign-on could not start');
          return toLogin(reply, error.reason);
        }
        throw error;
      }
    },
  );

  r.get(
    '/auth/oidc/:provider/callback',
    {
      schema: {
        tags,
        summary: "The provider's redirect back: signs in and goes on to the page asked for",
        description: 'On failure it redirects to `/login?sso_error=<reason>`; every failure is audited as a failed sign-in.',
        params: oidcParams,
        querystring: oidcCallbackQuery,
        response: { 302: z.null(), 400: problem, 429: problem },
      },
      config: limited,
    },
    async (request, reply) => {
      const { provider } = request.params;
      const secure = isSecureRequest(request, config);
      const cookieState = request.cookies[OIDC_STATE_COOKIE];
      reply.clearCookie(OIDC_STATE_COOKIE, { path: COOKIE_PATH, secure, sameSite: 'lax' });
      const query = request.url.slice(request.url.indexOf('?'));
      const callbackUrl = new URL(`${redirectUriOf(request, config, provider)}${request.url.includes('?') ? query : ''}`);
      try {
        const signedIn = request.auth?.actor.userId ?? null;
        const { session, returnTo } = await oidc.finish(provider, callbackUrl, cookieState, requestMeta(request), signedIn);
        // A link keeps the session it was started in.
        if (session) setSessionCookies(reply, config, session);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) {
          request.log.info({ provider, reason: error.reason, detail: error.message }, 'single sign-on refused');
          return toLogin(reply, error.reason, error.landing);
        }
        throw error;
      }
    },
  );

  const accountErrors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 429: problem, 503: problem };

  r.post(
    '/auth/oidc/:provider/link',
    {
      schema: {
        tags,
        summary: 'Start linking a provider to my account: the browser then goes to the URL answered',
        description:
          'The same flow as signing in (PKCE, state cookie, nonce); the identity that comes back is bound to the signed-in person, ' +
          'who lands on `/account/security?sso_linked=<provider>` or `?sso_error=<reason>`.',
        params: oidcParams,
        response: { 200: oidcLinkStarted, ...accountErrors },
      },
      config: { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { provider } = request.params;
      try {
        const started = await oidc.start(provider, redirectUriOf(request, config, provider), undefined, actor.userId);
        setStateCookie(request, reply, config, started.state);
        return { url: started.url };
      } catch (error) {
        if (!(error instanceof OidcSignInError)) throw error;
        if (error.reason === 'unknown_provider') throw new AppError('not_found', 'That sign-in provider is not configured here.');
        throw new AppError('unavailable', 'The sign-in provider could not be reached. Try again in a moment.');
      }
    },
  );

  r.get(
    '/auth/identities',
    {
      schema: {
        tags,
        summary: 'Single sign-on identities linked to my account, and the providers I could link',
        response: { 200: linkedIdentityList, ...accountErrors },
      },
    },
    async (request) => identities.list(requireActor(request)),
  );

  r.delete(
    '/auth/identities/:id',
    {
      schema: {
        tags,
        summary: 'Unlink one of my single sign-on identities',
        description: 'Refused with 409 (`details.reason = last_sign_in_method`) when it is the only way to sign in.',
        params: idParams,
        response: { 204: z.null(), ...accountErrors },
      },
    },
    async (request, reply) => {
      await identities.unlink(requireActor(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
