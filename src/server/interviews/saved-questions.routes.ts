import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problem } from '../../contract/common.js';
import { savedQuestion, savedQuestionList, saveQuestionBody } from '../../contract/interviews-saved.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };
const tags = ['saved questions'];

export async function savedQuestionsRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/saved-questions',
    {
      schema: {
        tags,
        summary: 'Save (bookmark) a question of one of your interviews; saving it again returns the same bookmark',
        description: 'Practise saved questions with POST /interviews {kind: "practice", savedQuestionIds: [...]}.',
        body: saveQuestionBody,
        response: { 200: savedQuestion, 201: savedQuestion, ...errors },
      },
    },
    async (request, reply) => {
      const { saved, created } = await interviews.saveQuestion(requireActor(request), request.body);
      return reply.status(created ? 201 : 200).send(saved);
    },
  );

  r.get(
    '/saved-questions',
    { schema: { tags, summary: 'Your saved questions, newest first', response: { 200: savedQuestionList, ...errors } } },
    async (request) => interviews.listSaved(requireActor(request)),
  );

  r.delete(
    '/saved-questions/:id',
    {
      schema: { tags, summary: 'Remove a saved question', params: idParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await interviews.removeSaved(requireActor(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
