import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contract/common.js';
import { mail, mailList, mailQuery } from '../../contract/notifications.js';
import type { MailService } from '../mail/mail.service.js';
import { requireActor } from '../auth/auth.plugin.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

/** The mail outbox for platform admins: what was sent, and what was only stored (no SMTP). */
export async function adminMailsRoutes(app: FastifyInstance, opts: { mail: MailService }) {
  const { mail: mailService } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get(
    '/admin/mails',
    {
      schema: {
        tags,
        summary: 'Outgoing mails, newest first (platform admins)',
        querystring: mailQuery,
        response: { 200: mailList, ...errors },
      },
    },
    async (request) => mailService.list(requireActor(request), request.query),
  );

  r.get(
    '/admin/mails/:id',
    {
      schema: {
        tags,
        summary: 'One outgoing mail with its body and calendar part (platform admins)',
        params: idParams,
        response: { 200: mail, ...errors },
      },
    },
    async (request) => mailService.get(requireActor(request), request.params.id),
  );
}
