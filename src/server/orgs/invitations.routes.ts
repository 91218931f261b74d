import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER } from '../../contract/auth.js';
import { problem } from '../../contract/common.js';
import {
  acceptedInvitation,
  acceptInvitationBody,
  createInvitationBody,
  invitation,
  invitationList,
  invitationParams,
  invitationPreview,
  invitationPreviewQuery,
  invitationQuery,
  orgParams,
} from '../../contract/orgs.js';
import { AppError } from '../../core/errors.js';
import type { AuthService } from '../auth/auth.service.js';
import { csrfTokenFor, safeEqual } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { requestMeta, requireActor, setSessionCookies } from '../auth/auth.plugin.js';
import type { InvitationsService } from './invitations.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 410: problem, 429: problem };

/**
 * Accepting opts out of the plugin's CSRF check because a new person has no session yet; a
 * signed-in browser is held to it here, so a cross-site form cannot make it join an organization.
 */
function checkCsrfWhenSignedIn(request: FastifyRequest, config: Config) {
  if (request.auth?.via !== 'cookie') return;
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(config.secretKey, request.auth.sessionId!))) {
    throw new AppError('csrf_failed', `Missing or wrong ${CSRF_HEADER} header. Reload the page and try again.`);
  }
}

export async function invitationsRoutes(
  app: FastifyInstance,
  opts: { invitations: InvitationsService; auth: AuthService; config: Config },
) {
  const { invitations, auth, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['invitations'];
  const rateLimit = { max: config.authRateLimitPerMinute, timeWindow: '1 minute' };

  r.post(
    '/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by email (admins: any role; coaches: candidates)',
        params: orgParams,
        body: createInvitationBody,
        response: { 201: invitation, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await invitations.create(requireActor(request), request.params.orgId, request.body, requestMeta(request))),
  );

  r.get(
    '/orgs/:orgId/invitations',
    {
      schema: {
        tags,
        summary: 'Invitations, newest first (admin: all; coach: their own)',
        params: orgParams,
        querystring: invitationQuery,
        response: { 200: invitationList, ...errors },
      },
    },
    async (request) => invitations.list(requireActor(request), request.params.orgId, request.query),
  );

  r.delete(
    '/orgs/:orgId/invitations/:invitationId',
    {
      schema: { tags, summary: 'Withdraw an invitation', params: invitationParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await invitations.revoke(requireActor(request), request.params.orgId, request.params.invitationId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/invitations/preview',
    {
      schema: {
        tags,
        summary: 'What an invitation link is for (no sign-in needed)',
        querystring: invitationPreviewQuery,
        response: { 200: invitationPreview, ...errors },
      },
      config: { rateLimit },
    },
    async (request) => invitations.preview(request.query.token),
  );

  r.post(
    '/invitations/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation; without a session, name and password create the account',
        body: acceptInvitationBody,
        response: { 200: acceptedInvitation, ...errors },
      },
      config: { rateLimit, csrf: false },
    },
    async (request, reply) => {
      checkCsrfWhenSignedIn(request, config);
      const meta = requestMeta(request);
      const { accepted, createdUserId } = await invitations.accept(request.auth?.actor ?? null, request.body, meta);
      if (!createdUserId) return { ...accepted, csrfToken: null };
      const session = await auth.startSession(createdUserId, meta);
      setSessionCookies(reply, config, session);
      return { ...accepted, csrfToken: csrfTokenFor(config.secretKey, session.sessionId) };
    },
  );
}
