import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, pageQuery, problem } from '../../contract/common.js';
import { answer, answerBody, createInterviewBody, interview, interviewList, report } from '../../contract/interviews.js';
import { requireActor } from '../plugins/auth.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export async function interviewsRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['interviews'];

  r.post('/interviews', {
    schema: { tags, summary: 'Start a practice interview', body: createInterviewBody, response: { 201: interview, ...errors } },
  }, async (request, reply) => reply.status(201).send(await interviews.createPractice(requireActor(request), request.body)));

  r.get('/interviews', {
    schema: { tags, summary: 'Your interviews, newest first', querystring: pageQuery, response: { 200: interviewList, ...errors } },
  }, async (request) => interviews.list(requireActor(request), request.query));

  r.get('/interviews/:id', {
    schema: { tags, summary: 'One interview with its questions and current answers', params: idParams, response: { 200: interview, ...errors } },
  }, async (request) => interviews.get(requireActor(request), request.params.id));

  r.post('/interviews/:id/answers', {
    schema: { tags, summary: 'Answer a question and get it evaluated', params: idParams, body: answerBody, response: { 201: answer, ...errors } },
  }, async (request, reply) => reply.status(201).send(await interviews.submitAnswer(requireActor(request), request.params.id, request.body)));

  r.post('/interviews/:id/complete', {
    schema: { tags, summary: 'Finish the interview and fix its overall score', params: idParams, response: { 200: interview, ...errors } },
  }, async (request) => interviews.complete(requireActor(request), request.params.id));

  r.get('/interviews/:id/report', {
    schema: { tags, summary: 'Scores and feedback for the whole interview', params: idParams, response: { 200: report, ...errors } },
  }, async (request) => interviews.report(requireActor(request), request.params.id));
}
