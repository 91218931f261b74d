import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contract/common.js';
import { memberAccount, memberAccountList, memberAccountQuery, memberParams, orgParams } from '../../contract/orgs.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { MemberAdministrationService } from './member-administration.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

/** Org admins manage their members' access: list with last sign-in, deactivate, reactivate, reset two-factor. */
export async function memberAdministrationRoutes(app: FastifyInstance, opts: { admin: MemberAdministrationService }) {
  const { admin } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];

  r.get(
    '/orgs/:orgId/member-accounts',
    {
      schema: {
        tags,
        summary: "Members' accounts: status, last sign-in, two-factor, by name or email (org admins)",
        params: orgParams,
        querystring: memberAccountQuery,
        response: { 200: memberAccountList, ...errors },
      },
    },
    async (request) => admin.list(requireActor(request), request.params.orgId, request.query),
  );

  const action = (path: string, summary: string, run: MemberAdministrationService['deactivate']) =>
    r.post(
      `/orgs/:orgId/members/:userId/${path}`,
      { schema: { tags, summary, params: memberParams, response: { 200: memberAccount, ...errors } } },
      async (request) => run(requireActor(request), request.params.orgId, request.params.userId, requestMeta(request)),
    );
  action('deactivate', "Switch a membership off: the person loses this organization's access at once (org admins)", (...a) =>
    admin.deactivate(...a),
  );
  action('reactivate', 'Give a deactivated membership back with its role and team (org admins)', (...a) => admin.reactivate(...a));
  action('two-factor/reset', "Turn off a member's two-factor when they lost their device and codes (org admins)", (...a) =>
    admin.resetTwoFactor(...a),
  );
}
