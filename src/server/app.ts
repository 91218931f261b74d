import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AnswerEvaluator } from '../core/evaluation/types.js';
import type { EvaluatorState } from './ai/background-evaluator.js';
import type { BankQuestion } from '../core/questions/bank.js';
import type { SkillTaxonomy } from '../core/skills/taxonomy.js';
import type { DatabaseHandle } from '../db/client.js';
import { serializeErrorForLog } from '../db/query-errors.js';
import { createAuthService, type AuthService } from './auth/auth.service.js';
import { authRoutes } from './auth/auth.routes.js';
import { auditRoutes } from './audit/audit.routes.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { newId } from './ids.js';
import { createInterviewsService } from './interviews/interviews.service.js';
import { interviewsRoutes } from './interviews/interviews.routes.js';
import { JobRegistry } from './jobs/job-registry.js';
import { createJobRunner, type JobRunner } from './jobs/job-runner.js';
import { createJobDescriptionsService } from './job-descriptions/job-descriptions.service.js';
import { jobDescriptionsRoutes } from './job-descriptions/job-descriptions.routes.js';
import { createLocalFileStorage, type FileStorage } from './files/file-storage.js';
import { createWinkTextAnalyzer } from './ai/wink-text-analyzer.js';
import { sniffResumeType } from './resumes/reading/sniff-resume-type.js';
import { createReadingProcessPool, type ReadingProcessPool } from './resumes/reading/reading-process.js';
import { createResumesService } from './resumes/resumes.service.js';
import { resumesRoutes } from './resumes/resumes.routes.js';
import type { TextAnalyzer } from '../core/evaluation/analyzed-text.js';
import { adminMailsRoutes } from './admin/admin-mails.routes.js';
import { createMailService } from './mail/mail.service.js';
import { createSmtpMailer, createStoringMailer, type Mailer } from './mail/mailer.js';
import { createNotificationsService } from './notifications/notifications.service.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { realtimePlugin } from './notifications/realtime.js';
import { createSocketHub } from './notifications/socket-hub.js';
import { createOrgAccess } from './orgs/org-access.js';
import { createInvitationsService } from './orgs/invitations.service.js';
import { invitationsRoutes } from './orgs/invitations.routes.js';
import { createMembersService } from './orgs/members.service.js';
import { membersRoutes } from './orgs/members.routes.js';
import { createOrgsService } from './orgs/orgs.service.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { authPlugin } from './auth/auth.plugin.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { applyConnectionLimits } from './plugins/connection-limits.js';
import { safeTextPlugin } from './plugins/safe-text.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  evaluator: AnswerEvaluator;
  /** Whether the evaluator's models have loaded (they load in the background); 'ready' when not given. */
  evaluatorState?: () => EvaluatorState;
  bank: BankQuestion[];
  skills: SkillTaxonomy;
  clock?: Clock;
  /** Defaults to SMTP when SMTP_URL is set, else a mailer that only keeps mails in the outbox. */
  mailer?: Mailer;
  /** Uploaded files; defaults to the local disk under STORAGE_DIR. */
  storage?: FileStorage;
  /** Overrides the pino logger options (tests silence it). */
  logger?: FastifyServerOptions['logger'];
  /** Where the built web app lives; defaults to dist/web. */
  webDistDir?: string;
  /** Reads uploaded resumes; defaults to reading processes with a deadline and a memory cap. */
  resumeReading?: ReadingProcessPool;
}

declare module 'fastify' {
  interface FastifyInstance {
    services: { auth: AuthService };
    /** Runs due background jobs; `panelist serve` starts its polling, tests call runDue(). */
    jobRunner: JobRunner;
  }
}

const REQUEST_ID = /^[\w.:-]{1,100}$/;

/** Builds the whole HTTP application from its dependencies; used by `panelist serve` and by tests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? {
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
  };
  const app = Fastify({
    // Every logger, the configured one or a test's, logs a failed statement without its values.
    logger:
      typeof logger === 'object'
        ? { ...logger, serializers: { ...logger.serializers, err: (err: Error) => serializeErrorForLog(err) } }
        : logger,
    bodyLimit: config.bodyLimit,
    keepAliveTimeout: config.http.keepAliveTimeoutMs,
    requestTimeout: config.http.requestTimeoutMs,
    trustProxy: config.trustProxy,
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  });
  applyConnectionLimits(app.server, config.http);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const auth = createAuthService({ db: database.db, config, clock });
  // Shared by the features: job kinds are registered here by the services that own them.
  const jobs = new JobRegistry();
  const orgAccess = createOrgAccess(database.db);
  const orgs = createOrgsService({ db: database.db, clock, orgAccess });
  const members = createMembersService({ db: database.db, clock, orgAccess });
  const invitations = createInvitationsService({ db: database.db, clock, config, orgAccess, auth });
  const jobDescriptions = createJobDescriptionsService({ db: database.db, clock, orgAccess, skills: deps.skills });
  let textAnalyzer: TextAnalyzer | undefined;
  const resumeReading =
    deps.resumeReading ??
    createReadingProcessPool({
      deadlineMs: config.resumeReading.timeoutMs,
      memoryMb: config.resumeReading.memoryMb,
      log: app.log.child({ component: 'resume-reading' }),
    });
  app.addHook('onClose', () => resumeReading.close());
  const resumes = createResumesService({
    db: database.db,
    clock,
    orgAccess,
    storage: deps.storage ?? createLocalFileStorage(config.storageDir),
    skills: deps.skills,
    reader: { sniff: sniffResumeType, read: resumeReading.read },
    // Loaded on the first ATS analysis, not at start.
    analyzer: () => (textAnalyzer ??= createWinkTextAnalyzer()),
    jobDescriptions,
    log: app.log.child({ component: 'resumes' }),
  });
  const interviews = createInterviewsService({
    db: database.db,
    clock,
    bank: deps.bank,
    skills: deps.skills,
    evaluator: deps.evaluator,
    orgAccess,
    jobs,
    config,
    // Stored job descriptions and resumes shape the questions.
    tailoring: { jobDescriptions, resumes },
    log: app.log.child({ component: 'interviews' }),
  });
  const mailer =
    deps.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl) : createStoringMailer(app.log.child({ component: 'mail' })));
  const mail = createMailService({ db: database.db, mailer, jobs, config, clock });
  const notifications = createNotificationsService({ db: database.db, clock });
  const hub = createSocketHub({ notifications, log: app.log.child({ component: 'realtime' }), heartbeatMs: config.wsHeartbeatMs });
  // Handlers are looked up when a job runs, so kinds registered after this line are found too.
  const jobRunner = createJobRunner({
    db: database.db,
    registry: jobs,
    clock,
    log: app.log.child({ component: 'jobs' }),
    pollMs: config.jobsPollMs,
  });
  app.decorate('jobRunner', jobRunner);
  // Before the server and then the database close: the job under way finishes first.
  app.addHook('preClose', async () => {
    await jobRunner.stop();
    await mail.close();
  });
  app.decorate('services', { auth });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config });
  await app.register(safeTextPlugin);
  await app.register(cookie);
  await app.register(openapiPlugin);
  await app.register(authPlugin, { auth, config });
  app.addHook('preHandler', async (request) => {
    if (request.auth) request.log = request.log.child({ userId: request.auth.actor.userId });
  });

  await app.register(realtimePlugin, { database, notifications, hub });
  await app.register(healthRoutes, { database, evaluatorState: deps.evaluatorState ?? (() => 'ready') });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, config });
      await api.register(interviewsRoutes, { interviews });
      await api.register(notificationsRoutes, { notifications, hub, config });
      await api.register(adminMailsRoutes, { mail });
      await api.register(orgsRoutes, { orgs });
      await api.register(membersRoutes, { members });
      await api.register(invitationsRoutes, { invitations, auth, config });
      await api.register(auditRoutes, { db: database.db, orgAccess });
      await api.register(jobDescriptionsRoutes, { jobDescriptions });
      await api.register(resumesRoutes, { resumes });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, { distDir: deps.webDistDir });
  return app;
}
