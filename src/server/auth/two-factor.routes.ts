import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  orgSecurity,
  orgSecurityBody,
  recoveryCodeList,
  twoFactorEnableBody,
  twoFactorPasswordBody,
  twoFactorSetup,
  twoFactorSetupBody,
  twoFactorStatus,
} from '../../contract/auth-two-factor.js';
import { problem } from '../../contract/common.js';
import { orgParams } from '../../contract/orgs.js';
import type { Config } from '../config.js';
import { requestMeta, requireActor } from './auth.plugin.js';
import type { TwoFactorService } from './two-factor.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 429: problem };

export async function twoFactorRoutes(app: FastifyInstance, opts: { twoFactor: TwoFactorService; config: Config }) {
  const { twoFactor, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };
  const tags = ['auth'];

  r.get(
    '/auth/two-factor',
    {
      schema: { tags, summary: 'Whether two-factor sign-in is on, and recovery codes left', response: { 200: twoFactorStatus, ...errors } },
    },
    async (request) => twoFactor.status(requireActor(request)),
  );

  r.post(
    '/auth/two-factor/setup',
    {
      schema: {
        tags,
        summary: 'Start enrolment: a new TOTP secret and its QR code (works once a code is confirmed)',
        body: twoFactorSetupBody,
        response: { 200: twoFactorSetup, ...errors },
      },
      config: limited,
    },
    async (request) => twoFactor.beginSetup(requireActor(request), request.body.password),
  );

  r.post(
    '/auth/two-factor/enable',
    {
      schema: {
        tags,
        summary: 'Confirm a code from the authenticator; answers the recovery codes, shown this once',
        body: twoFactorEnableBody,
        response: { 200: recoveryCodeList, ...errors },
      },
      config: limited,
    },
    async (request) => ({ recoveryCodes: await twoFactor.enable(requireActor(request), request.body.code, requestMeta(request)) }),
  );

  r.post(
    '/auth/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-factor sign-in off (needs the password)',
        body: twoFactorPasswordBody,
        response: { 204: z.null(), ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await twoFactor.disable(requireActor(request), request.body.password, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/two-factor/recovery-codes',
    {
      schema: {
        tags,
        summary: 'Replace the recovery codes (needs the password); the old ones stop working',
        body: twoFactorPasswordBody,
        response: { 200: recoveryCodeList, ...errors },
      },
      config: limited,
    },
    async (request) => ({
      recoveryCodes: await twoFactor.renewRecoveryCodes(requireActor(request), request.body.password, requestMeta(request)),
    }),
  );

  r.get(
    '/orgs/:orgId/security',
    {
      schema: {
        tags: ['orgs'],
        summary: "The organization's sign-in requirements",
        params: orgParams,
        response: { 200: orgSecurity, ...errors },
      },
    },
    async (request) => twoFactor.orgSecurity(requireActor(request), request.params.orgId),
  );

  r.put(
    '/orgs/:orgId/security',
    {
      schema: {
        tags: ['orgs'],
        summary: 'Require two-factor sign-in of coaches and admins (org admin, who must have it on)',
        params: orgParams,
        body: orgSecurityBody,
        response: { 200: orgSecurity, ...errors },
      },
    },
    async (request) => twoFactor.setOrgSecurity(requireActor(request), request.params.orgId, request.body, requestMeta(request)),
  );
}
