import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { codingProblemView, runCodeBody, runResult } from '../../contract/coding.js';
import {
  practiceAttempt,
  practiceAttemptBody,
  practiceAttemptResult,
  practiceProblemList,
  practiceProblemsQuery,
  practiceProgress,
  practiceSlugParams,
} from '../../contract/coding-practice.js';
import { problem } from '../../contract/common.js';
import { requireActor } from '../auth/auth.plugin.js';
import type { PracticeService } from './practice.service.js';

const errors = { 400: problem, 401: problem, 404: problem };

export async function practiceRoutes(app: FastifyInstance, opts: { practice: PracticeService }) {
  const { practice } = opts;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['coding practice'];

  r.get(
    '/coding/problems',
    {
      schema: {
        tags,
        summary: 'The coding problems by topic and difficulty, with what you have solved',
        querystring: practiceProblemsQuery,
        response: { 200: practiceProblemList, ...errors },
      },
    },
    async (request) => practice.list(requireActor(request), request.query),
  );
  r.get(
    '/coding/problems/:slug',
    {
      schema: {
        tags,
        summary: 'A coding problem as a candidate sees it',
        params: practiceSlugParams,
        response: { 200: codingProblemView, ...errors },
      },
    },
    async (request) => {
      requireActor(request);
      return practice.get(request.params.slug);
    },
  );
  r.post(
    '/coding/problems/:slug/run',
    {
      schema: {
        tags,
        summary: 'Run code on the public examples (nothing is stored; limited per user)',
        params: practiceSlugParams,
        body: runCodeBody,
        response: { 200: runResult, 429: problem, ...errors },
      },
    },
    async (request) => practice.run(requireActor(request), request.params.slug, request.body),
  );
  r.post(
    '/coding/problems/:slug/attempts',
    {
      schema: {
        tags,
        summary: 'Submit a solution: every test runs and the attempt is recorded',
        params: practiceSlugParams,
        body: practiceAttemptBody,
        response: { 201: practiceAttemptResult, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await practice.attempt(requireActor(request), request.params.slug, request.body)),
  );
  r.get(
    '/coding/problems/:slug/attempts',
    {
      schema: {
        tags,
        summary: 'Your attempts at a problem, newest first',
        params: practiceSlugParams,
        response: { 200: z.object({ items: z.array(practiceAttempt) }), ...errors },
      },
    },
    async (request) => ({ items: await practice.history(requireActor(request), request.params.slug) }),
  );
  r.get(
    '/coding/progress',
    {
      schema: {
        tags,
        summary: 'Your practice progress by topic and difficulty, and your streak',
        response: { 200: practiceProgress, ...errors },
      },
    },
    async (request) => practice.progress(requireActor(request)),
  );
}
