import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { oidcCallbackQuery, oidcParams, oidcProviderList, oidcStartQuery } from '../../contract/auth.js';
import { problem } from '../../contract/common.js';
import type { Config } from '../config.js';
import { isSecureRequest, requestMeta, setSessionCookies } from './auth.plugin.js';
import { OidcSignInError, type OidcService } from './oidc.service.js';

/** Holds the state of a sign-in under way; only this browser can finish it. */
export const OIDC_STATE_COOKIE = 'panelist_oidc';
const COOKIE_PATH = '/api/v1/auth/oidc/';

/** The redirect URI registered at the provider: PUBLIC_URL when set, else the origin asked. */
function redirectUriOf(request: FastifyRequest, config: Config, provider: string): string {
  const base = config.publicUrl ?? `${request.protocol}://${request.host}`;
  return `${base.replace(/\/+$/, '')}/api/v1/auth/oidc/${provider}/callback`;
}

function toLogin(reply: FastifyReply, reason: string) {
  return reply.redirect(`/login?sso_error=${encodeURIComponent(reason)}`, 302);
}

export async function oidcRoutes(app: FastifyInstance, opts: { oidc: OidcService; config: Config }) {
  const { oidc, config } = opts;
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
        reply.setCookie(OIDC_STATE_COOKIE, started.state, {
          path: COOKIE_PATH,
          httpOnly: true,
          // Lax: sent on the provider's top-level redirect back to us, not on cross-site requests.
          sameSite: 'lax',
          secure: isSecureRequest(request, config),
          maxAge: 600,
        });
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
        const { session, returnTo } = await oidc.finish(provider, callbackUrl, cookieState, requestMeta(request));
        setSessionCookies(reply, config, session);
        return reply.redirect(returnTo, 302);
      } catch (error) {
        if (error instanceof OidcSignInError) {
          request.log.info({ provider, reason: error.reason, detail: error.message }, 'single sign-on refused');
          return toLogin(reply, error.reason);
        }
        throw error;
      }
    },
  );
}
