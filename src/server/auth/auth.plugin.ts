import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER, SESSION_COOKIE } from '../../contract/auth.js';
import { AppError } from '../../core/errors.js';
import type { Actor } from './actor.js';
import type { AuthService } from './auth.service.js';
import type { Config } from '../config.js';
import { csrfTokenFor, safeEqual } from './tokens.js';

export const CSRF_COOKIE = 'panelist_csrf';
/**
 * Over HTTPS the session cookie carries the `__Host-` prefix: browsers accept it only when it is
 * Secure, for path / and without a domain, so no plain-http page or sibling subdomain can plant
 * or overwrite it. Over plain http (localhost) the plain name is the only one that works.
 */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;

/**
 * Whether this request came over HTTPS: its own scheme, or X-Forwarded-Proto from a proxy when
 * TRUST_PROXY is set (Fastify reads it only then). SECURE_COOKIES=true/false overrides.
 */
export function isSecureRequest(request: FastifyRequest, config: Config): boolean {
  return config.secureCookies ?? request.protocol === 'https';
}

function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

export interface RequestAuth {
  actor: Actor;
  via: 'cookie' | 'bearer';
  /** Set for cookie sessions only. */
  sessionId: string | null;
  /** The refresh-token family of a bearer access token; null for cookie sessions. */
  familyId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    /** Routes that run before a session exists (login, register) opt out of the CSRF check. */
    csrf?: boolean;
    /** Routes that read the Authorization header themselves (GET /metrics and its token). */
    ownAuthorization?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What a user who must enrol in two-factor may still reach: their own account. */
const ENROLMENT_PATHS = ['/api/v1/auth/', '/api/v1/me'];

function refuseUntilEnrolled(request: FastifyRequest) {
  if (!request.auth?.actor.mustEnrolTwoFactor) return;
  const path = request.url.split('?')[0]!;
  if (!path.startsWith('/api/') || ENROLMENT_PATHS.some((p) => path.startsWith(p))) return;
  throw new AppError(
    'two_factor_enrolment_required',
    'An organization you coach or run requires two-factor sign-in. Turn it on in your account security settings to continue.',
  );
}

/**
 * Works out who is calling: a bearer access token (API clients) or the session cookie
 * (browser). Cookie-authenticated writes must carry the CSRF header, which a cross-site form
 * or script cannot read or set.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { auth: AuthService; config: Config }) => {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const header = request.routeOptions.config.ownAuthorization ? undefined : request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(.+)$/i.exec(header);
      const resolved = match ? await opts.auth.resolveAccessToken(match[1]!.trim()) : null;
      if (!resolved) throw new AppError('unauthenticated', 'The access token is invalid or expired.');
      request.auth = { actor: resolved.actor, via: 'bearer', sessionId: null, familyId: resolved.familyId };
      refuseUntilEnrolled(request);
      return;
    }
    const token = request.cookies[sessionCookieName(isSecureRequest(request, opts.config))];
    if (!token) return;
    const session = await opts.auth.resolveSession(token);
    if (session) request.auth = { actor: session.actor, via: 'cookie', sessionId: session.sessionId, familyId: null };
    refuseUntilEnrolled(request);
  });

  app.addHook('preHandler', async (request) => {
    if (SAFE_METHODS.has(request.method) || request.auth?.via !== 'cookie') return;
    if (request.routeOptions.config.csrf === false) return;
    const sent = request.headers[CSRF_HEADER];
    const expected = csrfTokenFor(opts.config.secretKey, request.auth.sessionId!);
    if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
      throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header. Reload the page and try again.`);
    }
  });
});

export function requireActor(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in to continue.');
  return request.auth.actor;
}

export function setSessionCookies(reply: FastifyReply, config: Config, session: { token: string; sessionId: string; expiresAt: Date }) {
  const secure = isSecureRequest(reply.request, config);
  const common = { path: '/', sameSite: 'lax' as const, secure, expires: session.expiresAt };
  reply.setCookie(sessionCookieName(secure), session.token, { ...common, httpOnly: true });
  // Readable by the page's script so it can echo it in the header; useless to another site.
  reply.setCookie(CSRF_COOKIE, csrfTokenFor(config.secretKey, session.sessionId), { ...common, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply, config: Config) {
  const secure = isSecureRequest(reply.request, config);
  reply.clearCookie(sessionCookieName(secure), { path: '/', secure, sameSite: 'lax' });
  reply.clearCookie(CSRF_COOKIE, { path: '/', secure, sameSite: 'lax' });
}

export function requestMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}
