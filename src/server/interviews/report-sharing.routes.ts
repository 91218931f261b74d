import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contract/common.js';
import {
  createdShareLink,
  createShareLinkBody,
  shareLink,
  shareLinkList,
  sharedReport,
  shareTokenParams,
} from '../../contract/interviews-sharing.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tags = ['report sharing'];

export async function reportSharingRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/interviews/:id/share-links',
    {
      schema: {
        tags,
        summary: 'Make a read-only link to your report, for a mentor (shown once: only its hash is kept)',
        params: idParams,
        body: createShareLinkBody,
        response: { 201: createdShareLink, ...errors },
      },
    },
    async (request, reply) => {
      // Without PUBLIC_URL the link uses the origin this request came to, so it opens where the candidate is.
      const origin = `${request.protocol}://${request.host}`;
      const created = await interviews.createShareLink(requireActor(request), request.params.id, request.body, origin);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/interviews/:id/share-links',
    { schema: { tags, summary: 'Your links to this report', params: idParams, response: { 200: shareLinkList, ...errors } } },
    async (request) => interviews.listShareLinks(requireActor(request), request.params.id),
  );

  r.delete(
    '/share-links/:id',
    { schema: { tags, summary: 'Revoke a link: it stops opening at once', params: idParams, response: { 200: shareLink, ...errors } } },
    async (request) => interviews.revokeShareLink(requireActor(request), request.params.id),
  );

  r.get(
    '/shared/:token',
    {
      schema: {
        tags,
        summary: 'A shared report, without signing in (404 once revoked or expired)',
        params: shareTokenParams,
        response: { 200: sharedReport, 400: problem, 404: problem },
      },
    },
    async (request, reply) => {
      // Not for caches or search engines: the link is private even though it needs no sign-in.
      void reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
      return interviews.sharedReport(request.params.token);
    },
  );
}
