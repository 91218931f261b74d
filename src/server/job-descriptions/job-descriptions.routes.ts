import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contract/common.js';
import {
  createJobDescriptionBody,
  extractedSkills,
  extractSkillsBody,
  jobDescription,
  jobDescriptionList,
  jobDescriptionQuery,
  shareBody,
  shareParams,
  updateJobDescriptionBody,
} from '../../contract/job-descriptions.js';
import { orgParams } from '../../contract/orgs.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { JobDescriptionsService } from './job-descriptions.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export async function jobDescriptionsRoutes(app: FastifyInstance, opts: { jobDescriptions: JobDescriptionsService }) {
  const { jobDescriptions } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['job descriptions'];
  const meta = (request: { ip: string }) => ({ ip: request.ip });

  r.get(
    '/orgs/:orgId/job-descriptions',
    {
      schema: {
        tags,
        summary: "An organization's job descriptions (coaches and admins)",
        params: orgParams,
        querystring: jobDescriptionQuery,
        response: { 200: jobDescriptionList, ...errors },
      },
    },
    async (request) => jobDescriptions.listForOrg(requireActor(request), request.params.orgId, request.query),
  );

  r.post(
    '/orgs/:orgId/job-descriptions',
    {
      schema: {
        tags,
        summary: 'Add a job description; skills and years are extracted from the text when not given',
        params: orgParams,
        body: createJobDescriptionBody,
        response: { 201: jobDescription, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await jobDescriptions.create(requireActor(request), request.params.orgId, request.body, meta(request))),
  );

  r.get(
    '/job-descriptions',
    {
      schema: {
        tags,
        summary: 'Job descriptions you manage, and those shared with you',
        querystring: jobDescriptionQuery,
        response: { 200: jobDescriptionList, ...errors },
      },
    },
    async (request) => jobDescriptions.list(requireActor(request), request.query),
  );

  r.post(
    '/job-descriptions/extract-skills',
    {
      schema: {
        tags,
        summary: 'Preview the skills and years the server would extract from a text',
        body: extractSkillsBody,
        response: { 200: extractedSkills, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return jobDescriptions.extractSkills(request.body.text);
    },
  );

  r.get(
    '/job-descriptions/:id',
    {
      schema: { tags, summary: 'One job description', params: idParams, response: { 200: jobDescription, ...errors } },
    },
    async (request) => jobDescriptions.get(requireActor(request), request.params.id),
  );

  r.patch(
    '/job-descriptions/:id',
    {
      schema: {
        tags,
        summary: 'Edit a job description',
        params: idParams,
        body: updateJobDescriptionBody,
        response: { 200: jobDescription, ...errors },
      },
    },
    async (request) => jobDescriptions.update(requireActor(request), request.params.id, request.body, meta(request)),
  );

  r.delete(
    '/job-descriptions/:id',
    {
      schema: { tags, summary: 'Delete a job description', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await jobDescriptions.remove(requireActor(request), request.params.id, meta(request));
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/job-descriptions/:id/shares',
    {
      schema: {
        tags,
        summary: 'Share a job description with candidates of its organization',
        params: idParams,
        body: shareBody,
        response: { 200: jobDescription, ...errors },
      },
    },
    async (request) => jobDescriptions.share(requireActor(request), request.params.id, request.body.candidateIds, meta(request)),
  );

  r.delete(
    '/job-descriptions/:id/shares/:candidateId',
    {
      schema: {
        tags,
        summary: 'Stop sharing a job description with a candidate',
        params: shareParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await jobDescriptions.unshare(requireActor(request), request.params.id, request.params.candidateId, meta(request));
      return reply.status(204).send(null);
    },
  );
}
