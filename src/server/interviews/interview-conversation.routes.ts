import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, problem } from '../../contract/common.js';
import { nextStep } from '../../contract/interviews.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };

export async function interviewConversationRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/interviews/:id/next',
    {
      schema: {
        tags: ['interviews'],
        summary: 'What the interviewer says next: a question, a follow-up, or the end',
        description:
          'In a practice interview created with `followUps` > 0, the interviewer may follow an answer up (a missed key point, a concrete example, a claim). Answer a follow-up through POST /interviews/:id/answers with its id as `questionId`.',
        params: idParams,
        response: { 200: nextStep, ...errors },
      },
    },
    async (request) => interviews.next(requireActor(request), request.params.id),
  );
}
