import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contract/common.js';
import {
  integrityEventsBody,
  integrityFlag,
  integrityReceipt,
  integrityView,
  orgIdParams,
  precheckBody,
  precheckResult,
  proctoringSettings,
  proctoringSettingsBody,
  reviewFlagBody,
  reviewFlagParams,
} from '../../contract/proctoring.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { createProctoringSettings } from './proctoring-settings.js';
import type { ProctoringService } from './proctoring.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export async function proctoringRoutes(
  app: FastifyInstance,
  opts: { proctoring: ProctoringService; settings: ReturnType<typeof createProctoringSettings> },
) {
  const { proctoring, settings } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['proctoring'];

  r.post(
    '/interviews/:id/precheck',
    {
      schema: {
        tags,
        summary: "The candidate's device pre-check before a proctored interview",
        description:
          'The server decides `passed` from the checks the proctoring level requires; start refuses (409 precheck_required) until it passes.',
        params: idParams,
        body: precheckBody,
        response: { 200: precheckResult, ...errors },
      },
    },
    async (request) => proctoring.precheck(requireActor(request), request.params.id, request.body),
  );

  r.post(
    '/interviews/:id/integrity-events',
    {
      schema: {
        tags,
        summary: 'A batch of integrity events, hash-chained from the start nonce',
        description:
          'Only the candidate of an in-progress proctored interview. Every event is stored; a gap, reordering, replay or broken hash marks the log tampered with where.',
        params: idParams,
        body: integrityEventsBody,
        response: { 200: integrityReceipt, ...errors },
      },
    },
    async (request) => proctoring.appendEvents(requireActor(request), request.params.id, request.body),
  );

  r.get(
    '/interviews/:id/integrity',
    {
      schema: {
        tags,
        summary: "The integrity log: the whole verified log for the interview's staff, counts and warnings for the candidate",
        params: idParams,
        response: { 200: integrityView, ...errors },
      },
    },
    async (request) => proctoring.integrity(requireActor(request), request.params.id),
  );

  r.post(
    '/interviews/:id/integrity/flags/:flagId/review',
    {
      schema: {
        tags,
        summary: 'Mark an integrity flag as reviewed, with a note (audited)',
        params: reviewFlagParams,
        body: reviewFlagBody,
        response: { 200: integrityFlag, ...errors },
      },
    },
    async (request) =>
      proctoring.reviewFlag(requireActor(request), request.params.id, request.params.flagId, request.body, requestMeta(request)),
  );

  r.get(
    '/orgs/:orgId/proctoring-settings',
    {
      schema: {
        tags,
        summary: "The organization's proctoring thresholds",
        params: orgIdParams,
        response: { 200: proctoringSettings, ...errors },
      },
    },
    async (request) => settings.getSettings(requireActor(request), request.params.orgId),
  );

  r.patch(
    '/orgs/:orgId/proctoring-settings',
    {
      schema: {
        tags,
        summary: 'Change the thresholds, and whether reaching one ends the interview (admins)',
        params: orgIdParams,
        body: proctoringSettingsBody,
        response: { 200: proctoringSettings, ...errors },
      },
    },
    async (request) => settings.updateSettings(requireActor(request), request.params.orgId, request.body, requestMeta(request)),
  );
}
