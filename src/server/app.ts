import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AnswerEvaluator } from '../core/evaluation/types.js';
import type { BankQuestion } from '../core/questions/bank.js';
import type { SkillTaxonomy } from '../core/skills/taxonomy.js';
import type { DatabaseHandle } from '../db/client.js';
import { createAuthService, type AuthService } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { newId } from './ids.js';
import { createInterviewsService } from './interviews/interviews.service.js';
import { interviewsRoutes } from './interviews/interviews.routes.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  evaluator: AnswerEvaluator;
  bank: BankQuestion[];
  skills: SkillTaxonomy;
  clock?: Clock;
  /** Overrides the pino logger options (tests silence it). */
  logger?: FastifyServerOptions['logger'];
  /** Where the built web app lives; defaults to dist/web. */
  webDistDir?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: { auth: AuthService };
  }
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Builds the whole HTTP application from its dependencies; used by `panelist serve` and by tests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: deps.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const auth = createAuthService({ db: database.db, config, clock });
  const interviews = createInterviewsService({ db: database.db, clock, bank: deps.bank, skills: deps.skills, evaluator: deps.evaluator });
  app.decorate('services', { auth });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config });
  await app.register(cookie);
  await app.register(openapiPlugin);
  await app.register(authPlugin, { auth, config });
  app.addHook('preHandler', async (request) => {
    if (request.auth) request.log = request.log.child({ userId: request.auth.actor.userId });
  });

  await app.register(healthRoutes, { database });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, config });
      await api.register(interviewsRoutes, { interviews });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, { distDir: deps.webDistDir });
  return app;
}
