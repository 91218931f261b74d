import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problem } from '../../contract/common.js';
import { countingAttemptBody, questionAttempts, questionAttemptsParams } from '../../contract/interviews-attempts.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { InterviewsService } from './interviews.service.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tags = ['interviews'];

export async function interviewAttemptsRoutes(app: FastifyInstance, opts: { interviews: InterviewsService }) {
  const { interviews } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/interviews/:id/questions/:questionId/attempts',
    {
      schema: {
        tags,
        summary: 'Every answer given to a question (retries included) and which one counts',
        description:
          'Answering a question again through POST /interviews/:id/answers is a retry: the earlier answers are kept as attempts, and the newest counts until the candidate chooses another.',
        params: questionAttemptsParams,
        response: { 200: questionAttempts, ...errors },
      },
    },
    async (request) => interviews.attempts(requireActor(request), request.params.id, request.params.questionId),
  );

  r.put(
    '/interviews/:id/questions/:questionId/counting-attempt',
    {
      schema: {
        tags,
        summary: 'Choose which attempt at a practice question counts',
        description: 'Candidate only, while the practice is in progress; the report then scores the chosen attempt.',
        params: questionAttemptsParams,
        body: countingAttemptBody,
        response: { 200: questionAttempts, ...errors },
      },
    },
    async (request) => interviews.chooseAttempt(requireActor(request), request.params.id, request.params.questionId, request.body),
  );
}
