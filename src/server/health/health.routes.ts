import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import { AppError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { EvaluatorState } from '../ai/background-evaluator.js';

const evaluatorState = z
  .enum(['loading', 'ready', 'failed'])
  .describe(
    'The answer evaluator: "loading" in the first seconds after a start (answers are accepted and graded, the first ones more slowly)',
  );

/**
 * Liveness says the process answers; readiness says it can do real work (database up, schema
 * current). Readiness does not wait for the grading models: they load in the background and
 * answers sent meanwhile still get graded, so the state is reported, not awaited.
 */
export async function healthRoutes(app: FastifyInstance, opts: { database: DatabaseHandle; evaluatorState: () => EvaluatorState }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok'), evaluator: evaluatorState }) },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const, evaluator: opts.evaluatorState() }),
  );

  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable, migrations applied, answer evaluator not failed',
        response: {
          200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']), evaluator: evaluatorState }),
          503: problem,
        },
      },
      logLevel: 'warn',
    },
    async () => {
      try {
        await opts.database.ping();
      } catch {
        throw new AppError('unavailable', 'The database is not reachable.');
      }
      const pending = await opts.database.pendingMigrations();
      if (pending > 0) throw new AppError('unavailable', `${pending} database migration(s) have not been applied yet.`);
      const evaluator = opts.evaluatorState();
      if (evaluator === 'failed') throw new AppError('unavailable', 'The answer evaluator failed to load; see the server log.');
      return { status: 'ready' as const, database: opts.database.kind, evaluator };
    },
  );
}
