import { setFlagsFromString } from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { loadQuestionBank } from './questions/question-bank.js';
import { loadSkillsTaxonomy } from './skills/skills-taxonomy.js';
import { createBackgroundLocalEvaluator, type WarmingEvaluator } from './ai/background-evaluator.js';
import { createThreadedEvaluator } from './ai/threaded-evaluator.js';
import { createOpenAiEvaluator } from './ai/openai-evaluator.js';
import type { AnswerEvaluator } from '../core/evaluation/types.js';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { openConfiguredDatabase } from './database.js';

/**
 * `panelist serve`: open and migrate the database, load content and the local engine, listen,
 * and close gracefully on SIGINT/SIGTERM (in-flight requests finish, then the database closes).
 */
export async function startServer(config: Config): Promise<FastifyInstance> {
  // On PostgreSQL no database runs in this process, and the WebAssembly left here is harper (the
  // grammar checker, 16 MB of code) and the Opus decoder. V8's optimising tier roughly doubles
  // what harper holds (≈ 450 vs 280 MiB measured) and did not make its checks faster (19.6 vs
  // 10.4 ms CPU for 120 words, compilation included), so the baseline compiler alone runs them.
  // Not on PGlite: its queries need the optimised code. Set before any module is compiled.
  if (config.databaseUrl) setFlagsFromString('--liftoff-only');
  // The database opens (PGlite: seconds of WASM start) while the content is read.
  const opening = openConfiguredDatabase(config).then(async (database) => {
    await database.migrate();
    return database;
  });
  const [database, bank, skills] = await Promise.all([opening, loadQuestionBank(), loadSkillsTaxonomy()]);
  // Models load after listen (warm() below): readiness waits for the database, not for them.
  const localEvaluator: WarmingEvaluator =
    config.evaluatorThreads > 0 ? createThreadedEvaluator({ threads: config.evaluatorThreads }) : createBackgroundLocalEvaluator();
  // The LLM engine grades with the local one beside it (guards) and behind it (any failure).
  const evaluator: AnswerEvaluator =
    config.ai.provider === 'openai'
      ? createOpenAiEvaluator({
          ...config.ai,
          fallback: localEvaluator,
          onFallback: (err) => app.log.warn({ reason: err.message }, 'LLM evaluation failed; the answer was graded locally'),
        })
      : localEvaluator;
  const app = await buildApp({ config, database, evaluator, evaluatorState: localEvaluator.state, bank, skills });
  // Runs after in-flight requests have finished: only then are graders and database let go.
  app.addHook('onClose', async () => {
    // Already stopped in preClose; kept here so the order "jobs, then database" is plain to see.
    await app.jobRunner.stop();
    await localEvaluator.close();
    await database.close();
  });

  let closing = false;
  // Keep-alive sockets would hold close() open until they time out: answers sent while closing
  // ask the client to hang up, and sockets that fall idle are closed as they do.
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      app.log.error('shutdown took over 15 s; exiting');
      process.exit(1);
    }, 15_000);
    force.unref();
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    app.close().then(
      () => {
        app.log.info('closed cleanly');
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.jobRunner.start();
  app.log.info({ database: database.kind, questions: bank.length }, 'Panelist is ready');
  const warmStarted = performance.now();
  localEvaluator.warm().then(
    () => app.log.info({ ms: Math.round(performance.now() - warmStarted) }, 'answer evaluator loaded'),
    (err: unknown) => app.log.error({ err }, 'the answer evaluator failed to load; /readyz reports it'),
  );

  if (!(await app.services.auth.hasPlatformAdmin())) {
    const token = await app.services.auth.createSetupToken();
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const base = config.publicUrl ?? `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${port}`;
    app.log.warn(`No platform admin exists yet. Create one within 24 hours at: ${base}/setup?token=${token}`);
  }
  return app;
}
