import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import {
  createOrgBody,
  createTeamBody,
  org,
  orgList,
  orgListQuery,
  orgParams,
  team,
  teamList,
  teamParams,
  updateOrgBody,
} from '../../contract/orgs.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { OrgsService } from './orgs.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export async function orgsRoutes(app: FastifyInstance, opts: { orgs: OrgsService }) {
  const { orgs } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];

  r.post(
    '/orgs',
    {
      schema: { tags, summary: 'Create an organization; you become its admin', body: createOrgBody, response: { 201: org, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await orgs.create(requireActor(request), request.body.name, requestMeta(request))),
  );

  r.get(
    '/orgs',
    {
      schema: {
        tags,
        summary: 'Your organizations (platform admin: all=true lists every one)',
        querystring: orgListQuery,
        response: { 200: orgList, ...errors },
      },
    },
    async (request) => orgs.list(requireActor(request), request.query.all ?? false),
  );

  r.get(
    '/orgs/:orgId',
    {
      schema: { tags, summary: 'One organization you belong to', params: orgParams, response: { 200: org, ...errors } },
    },
    async (request) => orgs.get(requireActor(request), request.params.orgId),
  );

  r.patch(
    '/orgs/:orgId',
    {
      schema: {
        tags,
        summary: 'Rename the organization (admin)',
        params: orgParams,
        body: updateOrgBody,
        response: { 200: org, ...errors },
      },
    },
    async (request) => orgs.rename(requireActor(request), request.params.orgId, request.body, requestMeta(request)),
  );

  r.get(
    '/orgs/:orgId/teams',
    {
      schema: { tags, summary: 'Teams of the organization (admin, coach)', params: orgParams, response: { 200: teamList, ...errors } },
    },
    async (request) => orgs.listTeams(requireActor(request), request.params.orgId),
  );

  r.post(
    '/orgs/:orgId/teams',
    {
      schema: { tags, summary: 'Create a team (admin)', params: orgParams, body: createTeamBody, response: { 201: team, ...errors } },
    },
    async (request, reply) =>
      reply.status(201).send(await orgs.createTeam(requireActor(request), request.params.orgId, request.body, requestMeta(request))),
  );

  r.patch(
    '/orgs/:orgId/teams/:teamId',
    {
      schema: { tags, summary: 'Rename a team (admin)', params: teamParams, body: createTeamBody, response: { 200: team, ...errors } },
    },
    async (request) =>
      orgs.renameTeam(requireActor(request), request.params.orgId, request.params.teamId, request.body, requestMeta(request)),
  );

  r.delete(
    '/orgs/:orgId/teams/:teamId',
    {
      schema: {
        tags,
        summary: 'Delete a team; its members stay, without a team (admin)',
        params: teamParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await orgs.deleteTeam(requireActor(request), request.params.orgId, request.params.teamId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
