import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contract/common.js';
import { auditLogList, auditLogQuery } from '../../contract/orgs.js';
import type { DbOrTx } from '../../db/client.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { requireActor } from '../auth/auth.plugin.js';
import { listAuditLog, signInFailureStats } from './audit.service.js';
import { signInFailures, signInFailuresQuery } from '../../contract/admin-users.js';
import type { Clock } from '../clock.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

export async function auditRoutes(app: FastifyInstance, opts: { db: DbOrTx; orgAccess: OrgAccess; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/audit-log',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log, newest first (org admins: give orgId; platform admin: everything)',
        querystring: auditLogQuery,
        response: { 200: auditLogList, ...errors },
      },
    },
    async (request) => listAuditLog(opts.db, opts.orgAccess, requireActor(request), request.query),
  );

  r.get(
    '/admin/sign-in-failures',
    {
      schema: {
        tags: ['admin'],
        summary: 'Failed sign-ins per day and the addresses with most failures (platform admins)',
        querystring: signInFailuresQuery,
        response: { 200: signInFailures, ...errors },
      },
    },
    async (request) => signInFailureStats(opts.db, requireActor(request), request.query.days, opts.clock.now()),
  );
}
