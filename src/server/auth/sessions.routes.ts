import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountSessionList, revokedCount } from '../../contract/account.js';
import { idParams, problem } from '../../contract/common.js';
import { requireActor } from './auth.plugin.js';
import type { SessionsService } from './sessions.service.js';

const errors = { 401: problem, 403: problem, 404: problem };

export async function sessionsRoutes(app: FastifyInstance, opts: { sessions: SessionsService }) {
  const { sessions } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  const current = (request: { auth: { sessionId: string | null; familyId: string | null } | null }) => ({
    sessionId: request.auth?.sessionId ?? null,
    familyId: request.auth?.familyId ?? null,
  });

  r.get(
    '/auth/sessions',
    {
      schema: {
        tags,
        summary: 'My browser sessions and API tokens: device, IP, last seen',
        response: { 200: accountSessionList, ...errors },
      },
    },
    async (request) => ({ items: await sessions.list(requireActor(request), current(request)) }),
  );

  r.delete(
    '/auth/sessions/:id',
    {
      schema: { tags, summary: 'Sign out one session or API token', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await sessions.revoke(requireActor(request), request.params.id, request.ip);
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/auth/sessions',
    {
      schema: { tags, summary: 'Sign out every other session and API token', response: { 200: revokedCount, ...errors } },
    },
    async (request) => ({ revoked: await sessions.revokeOthers(requireActor(request), current(request), request.ip) }),
  );
}
