import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '../../contract/common.js';
import { AppError } from '../../core/errors.js';
import type { DatabaseHandle } from '../../db/client.js';

/** Liveness says the process answers; readiness says it can do real work (database up, schema current). */
export async function healthRoutes(app: FastifyInstance, opts: { database: DatabaseHandle }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      schema: { tags: ['operations'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
      logLevel: 'warn',
    },
    async () => ({ status: 'ok' as const }),
  );

  r.get(
    '/readyz',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database reachable and migrations applied',
        response: { 200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }), 503: problem },
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
      return { status: 'ready' as const, database: opts.database.kind };
    },
  );
}
