import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import {
  consent,
  consentKindParams,
  consentList,
  dataExport,
  dataExportList,
  dataRetention,
  erasureRequestBody,
  erasureStatus,
  exportIdParams,
  giveConsentBody,
} from '../../contract/privacy.js';
import { orgIdParams } from '../../contract/proctoring.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { ConsentsService } from './consents.service.js';
import type { DataExportService } from './data-export.service.js';
import type { DataRetentionService } from './data-retention.js';
import type { ErasureService } from './erasure.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export async function privacyRoutes(
  app: FastifyInstance,
  opts: { consents: ConsentsService; exports: DataExportService; erasure: ErasureService; retention: DataRetentionService },
) {
  const { consents, exports, erasure, retention } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];

  r.get(
    '/me/consents',
    { schema: { tags, summary: 'My consents: given and withdrawn, newest first', response: { 200: consentList, ...errors } } },
    async (request) => consents.list(requireActor(request)),
  );
  r.post(
    '/me/consents',
    {
      schema: { tags, summary: 'Give recording consent (again)', body: giveConsentBody, response: { 201: consent, ...errors } },
    },
    async (request, reply) => reply.code(201).send(await consents.giveRecording(requireActor(request))),
  );
  r.delete(
    '/me/consents/:kind',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent (recording: new recordings are refused from now on; terms and privacy: 409, delete the account)',
        params: consentKindParams,
        response: { 200: consent, ...errors },
      },
    },
    async (request) => consents.withdraw(requireActor(request), request.params.kind),
  );

  r.post(
    '/me/exports',
    {
      schema: {
        tags,
        summary: 'Ask for a ZIP of everything Panelist holds about me; a notification says when it is ready',
        response: { 202: dataExport, ...errors },
      },
    },
    async (request, reply) => reply.code(202).send(await exports.request(requireActor(request))),
  );
  r.get(
    '/me/exports',
    { schema: { tags, summary: 'My data exports, newest first', response: { 200: dataExportList, ...errors } } },
    async (request) => exports.list(requireActor(request)),
  );
  r.get(
    '/me/exports/:id',
    { schema: { tags, summary: 'One of my data exports', params: exportIdParams, response: { 200: dataExport, ...errors } } },
    async (request) => exports.get(requireActor(request), request.params.id),
  );
  r.get(
    '/me/exports/:id/download',
    {
      schema: {
        tags,
        summary: 'Download a finished export (a ZIP) before it expires',
        params: exportIdParams,
        response: { 200: z.unknown().describe('application/zip'), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exports.download(requireActor(request), request.params.id);
      return reply
        .header('content-type', 'application/zip')
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );

  r.get(
    '/me/erasure',
    {
      schema: {
        tags,
        summary: 'Whether the deletion of my account is pending, and when it happens',
        response: { 200: erasureStatus, ...errors },
      },
    },
    async (request) => erasure.status(requireActor(request)),
  );
  r.post(
    '/me/erasure',
    {
      schema: {
        tags,
        summary: 'Delete my account after a 14-day grace period (password required; 409 while I am the only admin of an organization)',
        body: erasureRequestBody,
        response: { 202: erasureStatus, ...errors },
      },
    },
    async (request, reply) => reply.code(202).send(await erasure.request(requireActor(request), request.body)),
  );
  r.delete(
    '/me/erasure',
    { schema: { tags, summary: 'Cancel the pending deletion of my account', response: { 200: erasureStatus, ...errors } } },
    async (request) => erasure.cancel(requireActor(request)),
  );

  r.get(
    '/orgs/:orgId/data-retention',
    {
      schema: {
        tags,
        summary: 'How many days the organization keeps interviews and resumes (null: until deleted; coaches and admins)',
        params: orgIdParams,
        response: { 200: dataRetention, ...errors },
      },
    },
    async (request) => retention.get(requireActor(request), request.params.orgId),
  );
  r.put(
    '/orgs/:orgId/data-retention',
    {
      schema: {
        tags,
        summary: 'Set how long interviews and resumes are kept; a daily job deletes older ones, each deletion audited (org admins)',
        params: orgIdParams,
        body: dataRetention,
        response: { 200: dataRetention, ...errors },
      },
    },
    async (request) => retention.set(requireActor(request), request.params.orgId, request.body),
  );
}
