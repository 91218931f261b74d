import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import {
  assignment,
  assignmentBody,
  assignmentList,
  assignmentParams,
  assignmentQuery,
  member,
  memberList,
  memberParams,
  memberQuery,
  orgParams,
  updateMemberBody,
} from '../../contract/orgs.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { MembersService } from './members.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export async function membersRoutes(app: FastifyInstance, opts: { members: MembersService }) {
  const { members } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organizations'];

  r.get(
    '/orgs/:orgId/members',
    {
      schema: {
        tags,
        summary: 'Members (admins see everyone; coaches see the staff and their own candidates)',
        params: orgParams,
        querystring: memberQuery,
        response: { 200: memberList, ...errors },
      },
    },
    async (request) => members.list(requireActor(request), request.params.orgId, request.query),
  );

  r.patch(
    '/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role or team (admin)",
        params: memberParams,
        body: updateMemberBody,
        response: { 200: member, ...errors },
      },
    },
    async (request) =>
      members.update(requireActor(request), request.params.orgId, request.params.userId, request.body, requestMeta(request)),
  );

  r.delete(
    '/orgs/:orgId/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member and their coach assignments (admin)',
        params: memberParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await members.remove(requireActor(request), request.params.orgId, request.params.userId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.get(
    '/orgs/:orgId/assignments',
    {
      schema: {
        tags,
        summary: 'Coach assignments (admin; a coach sees their own)',
        params: orgParams,
        querystring: assignmentQuery,
        response: { 200: assignmentList, ...errors },
      },
    },
    async (request) => members.listAssignments(requireActor(request), request.params.orgId, request.query),
  );

  r.post(
    '/orgs/:orgId/assignments',
    {
      schema: {
        tags,
        summary: 'Assign a coach to a candidate (admin)',
        params: orgParams,
        body: assignmentBody,
        response: { 201: assignment, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await members.assign(requireActor(request), request.params.orgId, request.body, requestMeta(request))),
  );

  r.delete(
    '/orgs/:orgId/assignments/:coachId/:candidateId',
    {
      schema: { tags, summary: 'End a coach assignment (admin)', params: assignmentParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const { orgId, ...pair } = request.params;
      await members.unassign(requireActor(request), orgId, pair, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  r.delete(
    '/orgs/:orgId/assignments',
    {
      schema: {
        tags,
        summary: 'End a coach assignment named in the body (admin)',
        params: orgParams,
        body: assignmentBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await members.unassign(requireActor(request), request.params.orgId, request.body, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
