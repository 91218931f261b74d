import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accepted,
  changeEmailBody,
  changePasswordBody,
  emailProofBody,
  passwordResetBody,
  passwordResetConfirmBody,
} from '../../contract/account.js';
import { problem } from '../../contract/common.js';
import type { Config } from '../config.js';
import type { AccountSecurityService } from './account-security.service.js';
import { requestMeta, requireActor } from './auth.plugin.js';

const errors = { 400: problem, 401: problem, 403: problem, 409: problem, 429: problem };
const RESET_ACCEPTED = 'If this email has an account, a code to reset its password is on its way. It works for 10 minutes.';

export async function accountSecurityRoutes(app: FastifyInstance, opts: { security: AccountSecurityService; config: Config }) {
  const { security, config } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = { rateLimit: { max: config.authRateLimitPerMinute, timeWindow: '1 minute' } };
  const tags = ['auth'];
  const keepOf = (request: { auth: { sessionId: string | null; familyId?: string | null } | null }) => ({
    sessionId: request.auth?.sessionId ?? null,
    familyId: request.auth?.familyId ?? null,
  });

  r.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Mail a 6-digit code and a link to reset the password (202 whether or not the email has an account)',
        body: passwordResetBody,
        response: { 202: accepted, ...errors },
      },
      config: { ...limited, csrf: false },
    },
    async (request, reply) => {
      await security.requestPasswordReset(request.body.email, requestMeta(request));
      return reply.status(202).send({ message: RESET_ACCEPTED });
    },
  );

  r.post(
    '/auth/password-reset/confirm',
    {
      schema: {
        tags,
        summary: 'Set a new password with the mailed code (3 tries, 10 minutes) or link; signs out every session',
        body: passwordResetConfirmBody,
        response: { 204: z.null(), ...errors },
      },
      config: { ...limited, csrf: false },
    },
    async (request, reply) => {
      await security.confirmPasswordReset(request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change the password; other sessions and API tokens are signed out',
        body: changePasswordBody,
        response: { 204: z.null(), ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await security.changePassword(requireActor(request), request.body, requestMeta(request), keepOf(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/verify-email',
    {
      schema: {
        tags,
        summary: 'Confirm the account email with the link token (signed out is fine) or the code (signed in)',
        body: emailProofBody,
        response: { 204: z.null(), ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await security.verifyEmail(request.auth?.actor ?? null, request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/auth/verify-email/resend',
    { schema: { tags, summary: 'Mail a new confirmation code and link', response: { 202: accepted, ...errors } }, config: limited },
    async (request, reply) => {
      await security.resendVerification(requireActor(request));
      return reply.status(202).send({ message: 'A new confirmation mail is on its way.' });
    },
  );

  r.post(
    '/auth/email',
    {
      schema: {
        tags,
        summary: 'Move the account to a new email: a code goes to the new address, a notice to the current one',
        body: changeEmailBody,
        response: { 202: accepted, ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await security.requestEmailChange(requireActor(request), request.body, requestMeta(request));
      return reply.status(202).send({ message: 'Confirm the new address with the code we sent to it. Until then nothing changes.' });
    },
  );

  r.post(
    '/auth/email/confirm',
    {
      schema: {
        tags,
        summary: 'Finish an email change with the code or the link sent to the new address',
        body: emailProofBody,
        response: { 204: z.null(), ...errors },
      },
      config: limited,
    },
    async (request, reply) => {
      await security.confirmEmailChange(request.auth?.actor ?? null, request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
