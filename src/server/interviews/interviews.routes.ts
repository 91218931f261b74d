import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { runCodeBody, runResult } from '../../contract/coding.js';
import { codeAnswer, codeAnswerBody, runParams } from '../../contract/coding-answers.js';
import { idParams, problem } from '../../contract/common.js';
import { answerBody, createInterviewBody, interview, interviewList, interviewListQuery, report } from '../../contract/interviews.js';
import { requestMeta, requireActor } from '../auth/auth.plugin.js';
import { assignedInterviewsRoutes } from './assigned-interviews.routes.js';
import { interviewConversationRoutes } from './interview-conversation.routes.js';
import { savedQuestionsRoutes } from './saved-questions.routes.js';
import { reportSharingRoutes } from './report-sharing.routes.js';
import { interviewAttemptsRoutes } from './interview-attempts.routes.js';
import type { InterviewsService } from './interviews.service.js';
import { sendCachedRead } from './cached-reply.js';

const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem, 422: problem };

export async function interviewsRoutes(
  app: FastifyInstance,
  opts: { interviews: InterviewsService; compress?: boolean; now?: () => Date },
) {
  const { interviews } = opts;
  const served = { cache: interviews.cachedReads.cache, compress: opts.compress ?? false };
  const now = opts.now ?? (() => new Date());
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['interviews'];

  r.post(
    '/interviews',
    {
      schema: {
        tags,
        summary: 'Start a practice interview, or schedule one for a candidate you coach',
        description:
          '`kind: "practice"` starts at once for the caller. `kind: "assigned"` schedules an interview for a candidate in a time window and tells them.',
        body: createInterviewBody,
        response: { 201: interview, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const created =
        body.kind === 'assigned'
          ? await interviews.schedule(actor, body, requestMeta(request))
          : await interviews.createPractice(actor, body);
      return reply.status(201).send(created);
    },
  );

  r.get(
    '/interviews',
    {
      schema: {
        tags,
        summary: 'Interviews you take (scope=mine) or may review (scope=coach), newest first',
        querystring: interviewListQuery,
        response: { 200: interviewList, ...errors },
      },
    },
    async (request) => interviews.list(requireActor(request), request.query),
  );

  r.get(
    '/interviews/:id',
    {
      schema: {
        tags,
        summary: 'One interview with its questions and current answers',
        params: idParams,
        response: { 200: interview, ...errors },
      },
    },
    // From the cache of serialised bodies, checked per request (interview-read-cache.ts).
    async (request, reply) =>
      sendCachedRead(request, reply, await interviews.cachedReads.interview(requireActor(request), request.params.id), {
        ...served,
        now: now(),
      }),
  );

  r.post(
    '/interviews/:id/answers',
    {
      schema: {
        tags,
        summary:
          'Answer a question and get it evaluated (a coding question: {questionId, language, code, explanation?}); 202 when the answer is stored with its evaluation pending (it arrives as answer_graded on the WebSocket)',
        params: idParams,
        body: z.union([codeAnswerBody, answerBody]),
        response: { 201: codeAnswer, 202: codeAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      const stored =
        'code' in body
          ? await interviews.submitCode(actor, request.params.id, body)
          : await interviews.submitAnswer(actor, request.params.id, body);
      return reply.status(stored.evaluationStatus === 'pending' ? 202 : 201).send(stored);
    },
  );

  r.post(
    '/interviews/:id/questions/:questionId/run',
    {
      schema: {
        tags,
        summary: "Run code on a coding question's public examples (nothing is stored; limited per user)",
        params: runParams,
        body: runCodeBody,
        response: { 200: runResult, 429: problem, ...errors },
      },
    },
    async (request) => interviews.runCode(requireActor(request), request.params.id, request.params.questionId, request.body),
  );

  r.post(
    '/interviews/:id/complete',
    {
      schema: {
        tags,
        summary: 'Finish the interview and fix its overall score',
        params: idParams,
        response: { 200: interview, ...errors },
      },
    },
    async (request) => interviews.complete(requireActor(request), request.params.id),
  );

  r.get(
    '/interviews/:id/report',
    {
      schema: { tags, summary: 'Scores and feedback for the whole interview', params: idParams, response: { 200: report, ...errors } },
    },
    async (request, reply) =>
      sendCachedRead(request, reply, await interviews.cachedReads.report(requireActor(request), request.params.id), {
        ...served,
        now: now(),
      }),
  );

  r.get(
    '/interviews/:id/report.pdf',
    {
      schema: {
        tags,
        summary: 'The report as a PDF (real text, a dimension chart, per-question feedback)',
        params: idParams,
        response: { ...errors },
      },
    },
    async (request, reply) => {
      const { pdf, filename } = await interviews.reportPdf(requireActor(request), request.params.id);
      return (
        reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'private, no-store')
          // Fastify sends a Buffer as it is (no serializer runs); the typed reply only knows the JSON schemas.
          .send(pdf as never)
      );
    },
  );

  await app.register(assignedInterviewsRoutes, { interviews });
  await app.register(interviewConversationRoutes, { interviews });
  await app.register(savedQuestionsRoutes, { interviews });
  await app.register(reportSharingRoutes, { interviews });
  await app.register(interviewAttemptsRoutes, { interviews });
}
