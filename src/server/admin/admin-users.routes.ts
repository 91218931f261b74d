import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { adminRoleBody, adminUser, adminUserList, adminUserQuery, type AdminUser } from '../../contract/admin-users.js';
import { idParams, problem } from '../../contract/common.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { UserAdministrationService } from '../auth/user-administration.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

/** Platform admins manage accounts: search, deactivate and reactivate, role, two-factor reset. */
export async function adminUsersRoutes(app: FastifyInstance, opts: { users: UserAdministrationService }) {
  const { users } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['admin'];

  r.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'Users, newest first, by name or email, status and role (platform admins)',
        querystring: adminUserQuery,
        response: { 200: adminUserList, ...errors },
      },
    },
    async (request) => users.list(requireActor(request), request.query),
  );

  const action = (
    path: string,
    summary: string,
    run: (actor: ReturnType<typeof requireActor>, id: string, meta: ReturnType<typeof requestMeta>) => Promise<AdminUser>,
  ) =>
    r.post(path, { schema: { tags, summary, params: idParams, response: { 200: adminUser, ...errors } } }, async (request) =>
      run(requireActor(request), request.params.id, requestMeta(request)),
    );

  action('/admin/users/:id/deactivate', 'Deactivate an account: its sessions, tokens and sockets end at once', (a, id, m) =>
    users.deactivate(a, id, m),
  );
  action('/admin/users/:id/reactivate', 'Let a deactivated account sign in again', (a, id, m) => users.reactivate(a, id, m));
  action('/admin/users/:id/two-factor/reset', 'Turn off two-factor for someone who lost their device and codes', (a, id, m) =>
    users.resetTwoFactor(a, id, m),
  );

  r.put(
    '/admin/users/:id/role',
    {
      schema: {
        tags,
        summary: 'Make an account a platform admin, or an ordinary user again',
        params: idParams,
        body: adminRoleBody,
        response: { 200: adminUser, ...errors },
      },
    },
    async (request) => users.setRole(requireActor(request), request.params.id, request.body, requestMeta(request)),
  );
}
