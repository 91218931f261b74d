import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contract/common.js';
import {
  answer,
  answerParams,
  cancelBody,
  draftBody,
  draftParams,
  interview,
  overrideBody,
  replaceQuestionsBody,
  updateInterviewBody,
} from '../../contract/interviews.js';
import { coachedCandidateList } from '../../contract/orgs.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

/** Scheduling, taking and reviewing interviews a coach assigns (creation is POST /interviews with kind "assigned"). */
export async function assignedInterviewsRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['interviews'];

  r.patch(
    '/interviews/:id',
    {
      schema: {
        tags,
        summary: 'Reschedule or change an assigned interview before it starts',
        params: idParams,
        body: updateInterviewBody,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.update(requireActor(request), request.params.id, request.body, requestMeta(request)),
  );

  r.put(
    '/interviews/:id/questions',
    {
      schema: {
        tags,
        summary: 'Replace the ordered question list before the window opens',
        description: 'Questions with an id are kept (and may be edited); questions without one are added; questions left out are removed.',
        params: idParams,
        body: replaceQuestionsBody,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.replaceQuestions(requireActor(request), request.params.id, request.body, requestMeta(request)),
  );

  r.post(
    '/interviews/:id/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel an assigned interview before it starts',
        params: idParams,
        body: cancelBody,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.cancel(requireActor(request), request.params.id, request.body ?? {}, requestMeta(request)),
  );

  r.post(
    '/interviews/:id/start',
    {
      schema: {
        tags,
        summary: 'Start an assigned interview inside its window; the server fixes the deadline',
        params: idParams,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.start(requireActor(request), request.params.id),
  );

  r.put(
    '/interviews/:id/drafts/:questionId',
    {
      schema: {
        tags,
        summary: 'Autosave the answer being written',
        params: draftParams,
        body: draftBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await interviews.saveDraft(requireActor(request), request.params.id, request.params.questionId, request.body.text);
      return reply.status(204).send(null);
    },
  );

  r.post(
    '/interviews/:id/answers/:answerId/override',
    {
      schema: {
        tags,
        summary: "Override an answer's score with a note (the evaluation is kept)",
        params: answerParams,
        body: overrideBody,
        response: { 200: answer, ...errors },
      },
    },
    async (request) =>
      interviews.overrideAnswer(requireActor(request), request.params.id, request.params.answerId, request.body, requestMeta(request)),
  );

  r.post(
    '/interviews/:id/finalize',
    {
      schema: {
        tags,
        summary: 'Finalize the review and release the results to the candidate',
        params: idParams,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.finalize(requireActor(request), request.params.id, requestMeta(request)),
  );

  r.get(
    '/coach/candidates',
    {
      schema: {
        tags: ['coach'],
        summary: 'Everyone you coach, with upcoming and to-review counts',
        response: { 200: coachedCandidateList, ...errors },
      },
    },
    async (request) => interviews.coachedCandidates(requireActor(request)),
  );
}
