import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contract/common.js';
import { recordingRetention } from '../../contract/media.js';
import { orgIdParams } from '../../contract/proctoring.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { RecordingRetentionService } from './recording-retention.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem };

export async function recordingRetentionRoutes(app: FastifyInstance, opts: { retention: RecordingRetentionService }) {
  const { retention } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['media'];
  r.get(
    '/orgs/:orgId/recording-retention',
    {
      schema: {
        tags,
        summary: 'How many days the organization keeps recorded answers (coaches and admins)',
        params: orgIdParams,
        response: { 200: recordingRetention, ...errors },
      },
    },
    async (request) => retention.get(requireActor(request), request.params.orgId),
  );
  r.put(
    '/orgs/:orgId/recording-retention',
    {
      schema: {
        tags,
        summary: 'Set how many days recorded answers are kept before they are deleted (org admins; audited)',
        params: orgIdParams,
        body: recordingRetention,
        response: { 200: recordingRetention, ...errors },
      },
    },
    async (request) => retention.set(requireActor(request), request.params.orgId, request.body),
  );
}
