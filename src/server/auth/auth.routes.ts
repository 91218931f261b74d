import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  loginBody,
  refreshBody,
  registerAccepted,
  registerBody,
  sessionInfo,
  sessionState,
  setupBody,
  setupLinkQuery,
  setupLinkState,
  tokenBody,
  tokenResponse,
} from '../../contract/auth.js';
import { problem } from '../../contract/common.js';
import type { Config } from '../config.js';
import { clearSessionCookies, requestMeta, requireActor, setSessionCookies } from './auth.plugin.js';
import { csrfTokenFor } from './tokens.js';
import type { AuthService } from './auth.service.js';

const REGISTER_ACCEPTED = 'Thanks. If this email is new, your account is ready: sign in with it. We sent a mail to the address either way.';
const errors = { 400: problem, 401: problem, 403: problem, 409: problem, 429: problem };

export async function authRoutes(app: FastifyInstance, opts: { auth: AuthService; config: Config }) {
  const { auth, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' }, csrf: false };
  const tags = ['auth'];

  r.post(
    '/auth/register',
    {
      schema: {
        tags,
        summary: 'Create an account (then sign in with it); the answer never tells whether the email was registered',
        description:
          'Always 202 for a valid body. A new email gets an account and a confirmation mail; an email that already has an account gets a mail telling its owner, and nothing changes.',
        body: registerBody,
        response: { 202: registerAccepted, ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await auth.register(request.body, requestMeta(request));
      return reply.status(202).send({ message: REGISTER_ACCEPTED });
    },
  );

  r.post(
    '/auth/login',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password (browser session)',
        body: loginBody,
        response: { 200: sessionInfo, ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      const session = await auth.login(request.body, requestMeta(request));
      setSessionCookies(reply, config, session);
      return { user: session.user, csrfToken: csrfTokenFor(config.secretKey, session.sessionId) };
    },
  );

  r.post(
    '/auth/logout',
    {
      schema: {
        tags,
        summary: 'End the browser session, or with a bearer token its refresh-token family',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.auth?.sessionId) await auth.logout(request.auth.sessionId);
      if (request.auth?.familyId) await auth.logoutFamily(request.auth.familyId);
      clearSessionCookies(reply, config);
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    {
      schema: { tags, summary: 'The signed-in user', response: { 200: sessionInfo, 401: problem } },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await auth.getUser(actor.userId);
      const sessionId = request.auth?.sessionId;
      return { user, csrfToken: sessionId ? csrfTokenFor(config.secretKey, sessionId) : null };
    },
  );

  r.get(
    '/auth/session',
    {
      schema: {
        tags,
        summary: 'Who is signed in, if anyone',
        description: 'Like GET /auth/me, but a signed-out caller gets 200 with `user: null`: the web app asks this on every page.',
        response: { 200: sessionState },
      },
    },
    async (request) => {
      if (!request.auth) return { user: null, csrfToken: null };
      const user = await auth.getUser(request.auth.actor.userId);
      const sessionId = request.auth.sessionId;
      return { user, csrfToken: sessionId ? csrfTokenFor(config.secretKey, sessionId) : null };
    },
  );

  r.post(
    '/auth/token',
    {
      schema: {
        tags,
        summary: 'Get a bearer access token and a refresh token (API clients)',
        body: tokenBody,
        response: { 200: tokenResponse, ...errors },
      },
      config: limited,
    },
    async (request) => auth.issueTokens(request.body, requestMeta(request)),
  );

  r.post(
    '/auth/refresh',
    {
      schema: {
        tags,
        summary: 'Rotate a refresh token; reusing a spent one revokes its family',
        body: refreshBody,
        response: { 200: tokenResponse, ...errors },
      },
      config: limited,
    },
    async (request) => auth.refresh(request.body.refreshToken, requestMeta(request)),
  );

  r.get(
    '/setup/link',
    {
      schema: {
        tags: ['setup'],
        summary: 'Whether a one-time setup link still works',
        querystring: setupLinkQuery,
        response: { 200: setupLinkState, ...errors },
      },
      config: limited,
    },
    async (request) => auth.setupLinkState(request.query.token),
  );

  r.post(
    '/setup',
    {
      schema: {
        tags: ['setup'],
        summary: 'Create the first platform admin with the one-time setup link',
        body: setupBody,
        response: { 201: sessionInfo, ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      const session = await auth.completeSetup(request.body, requestMeta(request));
      setSessionCookies(reply, config, session);
      return reply.status(201).send({ user: session.user, csrfToken: csrfTokenFor(config.secretKey, session.sessionId) });
    },
  );
}
