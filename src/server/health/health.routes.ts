import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import { AppError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../db/client.js';
import type { EvaluatorState } from '../ai/background-evaluator.js';
import { outboxStatus } from '../mail/outbox-status.js';
import { APP_VERSION } from './app-version.js';

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
export interface HealthFacts {
  /** How mail leaves: an SMTP server, or only the outbox table (no SMTP_URL). */
  mailTransport: 'smtp' | 'outbox';
  /** The grading engine configured: the local one, or an OpenAI-compatible LLM. */
  llm: { provider: 'local' } | { provider: 'openai'; model: string };
}

export async function healthRoutes(
  app: FastifyInstance,
  opts: { database: DatabaseHandle; evaluatorState: () => EvaluatorState; facts?: HealthFacts },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const facts: HealthFacts = opts.facts ?? { mailTransport: 'outbox', llm: { provider: 'local' } };
  const mailStatus = async () => ({ transport: facts.mailTransport, ...(await outboxStatus(opts.database.db)) });
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string(), evaluator: evaluatorState }) },
      },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const, version: APP_VERSION, evaluator: opts.evaluatorState() }),
  );

  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable, migrations applied, answer evaluator not failed',
        response: {
          200: z.object({
            status: z.literal('ready'),
            version: z.string(),
            database: z.enum(['pglite', 'postgres']),
            evaluator: evaluatorState,
            mail: z.object({
              transport: z.enum(['smtp', 'outbox']),
              queued: z.number().int().describe('mails waiting to be sent'),
              failed: z.number().int().describe('mails that could not be delivered after every retry'),
            }),
            llm: z.object({ provider: z.enum(['local', 'openai']), model: z.string().optional() }),
          }),
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
      return {
        status: 'ready' as const,
        version: APP_VERSION,
        database: opts.database.kind,
        evaluator,
        mail: await mailStatus(),
        llm: facts.llm,
      };
    },
  );
}
