import cookie from '@fastify/cookie';
import { trackRequestOrigin } from './request-origin.js';
import { lazyDefaultSchemaCompilers } from './plugins/lazy-schema-compilers.js';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AnswerEvaluator } from '../core/evaluation/types.js';
import type { EvaluatorState } from './ai/background-evaluator.js';
import type { BankQuestion } from '../core/questions/bank.js';
import type { SkillTaxonomy } from '../core/skills/taxonomy.js';
import type { DatabaseHandle } from '../db/client.js';
import { serializeErrorForLog } from '../db/query-errors.js';
import { createAuthService, type AuthService } from './auth/auth.service.js';
import { createCredentialCache } from './auth/credential-cache.js';
import { authRoutes } from './auth/auth.routes.js';
import { createAccountSecurityService } from './auth/account-security.service.js';
import { accountSecurityRoutes } from './auth/account-security.routes.js';
import { createSessionsService } from './auth/sessions.service.js';
import { sessionsRoutes } from './auth/sessions.routes.js';
import { createTwoFactorService } from './auth/two-factor.service.js';
import { twoFactorRoutes } from './auth/two-factor.routes.js';
import { createProfilesService } from './auth/profiles.service.js';
import { profilesRoutes } from './auth/profiles.routes.js';
import { createOidcService } from './auth/oidc.service.js';
import { oidcRoutes } from './auth/oidc.routes.js';
import { createLinkedIdentitiesService } from './auth/linked-identities.service.js';
import { auditRoutes } from './audit/audit.routes.js';
import { systemClock, type Clock } from './clock.js';
import type { Config } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { newId } from './ids.js';
import { createCodingFeature } from './coding/coding-feature.js';
import { createPracticeService } from './coding/practice.service.js';
import { practiceRoutes } from './coding/practice.routes.js';
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
import { adminUsersRoutes } from './admin/admin-users.routes.js';
import { createUserAdministrationService } from './auth/user-administration.service.js';
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
import { createMemberAdministrationService } from './orgs/member-administration.service.js';
import { memberAdministrationRoutes } from './orgs/member-administration.routes.js';
import { createOrgsService } from './orgs/orgs.service.js';
import { orgsRoutes } from './orgs/orgs.routes.js';
import { authPlugin } from './auth/auth.plugin.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityPlugin } from './plugins/security.js';
import { webPlugin } from './plugins/web.js';
import { compressionPlugin } from './plugins/compression.js';
import { createMetrics } from './metrics/metrics.js';
import { metricsPlugin } from './metrics/metrics.routes.js';
import { applyConnectionLimits } from './plugins/connection-limits.js';
import { safeTextPlugin } from './plugins/safe-text.js';
import { createProctoringGate } from './proctoring/proctoring-gate.js';
import { createProctoringService } from './proctoring/proctoring.service.js';
import { createProctoringSettings } from './proctoring/proctoring-settings.js';
import { proctoringRoutes } from './proctoring/proctoring.routes.js';
import { createMediaService } from './media/media.service.js';
import { createVoiceAnalyser } from './media/voice-analyser.js';
import { mediaRoutes } from './media/media.routes.js';
import { createRecordingRetention } from './media/recording-retention.js';
import { recordingRetentionRoutes } from './media/recording-retention.routes.js';
import { createConsentsService } from './privacy/consents.service.js';
import { createDataExportService } from './privacy/data-export.service.js';
import { createErasureService } from './privacy/erasure.service.js';
import { createDataRetention } from './privacy/data-retention.js';
import { privacyRoutes } from './privacy/privacy.routes.js';

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
    schemaController: { compilersFactory: lazyDefaultSchemaCompilers() },
  });
  applyConnectionLimits(app.server, config.http);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const credentials = createCredentialCache(config.authCacheMs);
  app.addHook('onClose', async () => credentials.close());
  const orgAccess = createOrgAccess(database.db);
  const twoFactor = createTwoFactorService({ db: database.db, config, clock, orgAccess });
  const consents = createConsentsService({ db: database.db, clock });
  const auth = createAuthService({
    db: database.db,
    config,
    clock,
    credentials,
    secondFactor: twoFactor.check,
    onAccountCreated: consents.recordRegistration,
  });
  const accountSecurity = createAccountSecurityService({ db: database.db, config, clock });
  const accountSessions = createSessionsService({ db: database.db, clock });
  // Sockets are counted when scraped, after the hub below exists.
  const metrics = createMetrics({ database, socketCount: () => hub.socketCount() });
  // Shared by the features: job kinds are registered here by the services that own them.
  const jobs = new JobRegistry();
  const orgs = createOrgsService({ db: database.db, clock, orgAccess });
  const members = createMembersService({ db: database.db, clock, orgAccess });
  const invitations = createInvitationsService({ db: database.db, clock, config, orgAccess, auth });
  let textAnalyzer: TextAnalyzer | undefined;
  const resumeReading =
    deps.resumeReading ??
    createReadingProcessPool({
      deadlineMs: config.resumeReading.timeoutMs,
      memoryMb: config.resumeReading.memoryMb,
      log: app.log.child({ component: 'resume-reading' }),
    });
  app.addHook('onClose', () => resumeReading.close());
  // Job descriptions are read in the same process as resumes, under its deadline and memory cap.
  const jobDescriptions = createJobDescriptionsService({ db: database.db, clock, orgAccess, skills: deps.skills, reader: resumeReading });
  const storage = deps.storage ?? createLocalFileStorage(config.storageDir);
  const retention = createRecordingRetention({
    db: database.db,
    clock,
    storage,
    jobs,
    orgAccess,
    defaultDays: config.media.retentionDays,
  });
  const voiceAnalyser = createVoiceAnalyser();
  app.addHook('onClose', () => voiceAnalyser.close());
  const media = createMediaService({
    db: database.db,
    clock,
    config,
    storage,
    orgAccess,
    retention,
    voice: voiceAnalyser,
    recordingAllowed: consents.recordingAllowed,
    log: app.log.child({ component: 'media' }),
  });
  const resumes = createResumesService({
    db: database.db,
    clock,
    orgAccess,
    storage,
    skills: deps.skills,
    reader: { sniff: sniffResumeType, read: resumeReading.read },
    // Loaded on the first ATS analysis, not at start.
    analyzer: () => (textAnalyzer ??= createWinkTextAnalyzer()),
    jobDescriptions,
    log: app.log.child({ component: 'resumes' }),
  });
  const coding = createCodingFeature({ config, evaluator: deps.evaluator, clock, log: app.log.child({ component: 'sandbox' }) });
  app.addHook('onClose', () => coding.close());
  // After listen: the sandbox processes' start-up must not delay the server's readiness.
  app.addHook('onListen', async () => coding.warm());
  const practice = createPracticeService({ db: database.db, clock, bank: coding.bank, coding: coding.service });
  const interviews = createInterviewsService({
    coding: coding.service,
    db: database.db,
    clock,
    bank: deps.bank,
    skills: deps.skills,
    evaluator: metrics.timeEvaluator(deps.evaluator),
    orgAccess,
    jobs,
    config,
    // Stored job descriptions and resumes shape the questions.
    tailoring: { jobDescriptions, resumes },
    log: app.log.child({ component: 'interviews' }),
    proctoringGate: createProctoringGate(),
    recordings: media,
    answerWait: config.answerWait,
  });
  media.allowReviewers((actor, mediaId) => interviews.mayReviewRecording(actor, mediaId));
  const proctoring = createProctoringService({
    db: database.db,
    clock,
    interviews,
    jobs,
    log: app.log.child({ component: 'proctoring' }),
    recordConsent: consents.recordProctoring,
  });
  const proctoringSettings = createProctoringSettings({ db: database.db, clock, orgAccess });
  const mailer =
    deps.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl) : createStoringMailer(app.log.child({ component: 'mail' })));
  const dataExports = createDataExportService({ db: database.db, clock, storage, jobs });
  const erasure = createErasureService({ db: database.db, clock, storage, jobs, orgAccess });
  const dataRetention = createDataRetention({ db: database.db, clock, storage, jobs, orgAccess });
  const mail = createMailService({ db: database.db, mailer, jobs, config, clock });
  const notifications = createNotificationsService({ db: database.db, clock });
  const hub = createSocketHub({
    notifications,
    log: app.log.child({ component: 'realtime' }),
    heartbeatMs: config.wsHeartbeatMs,
    actions: { appendIntegrityEvents: (actor, interviewId, body) => proctoring.appendEvents(actor, interviewId, body) },
  });
  // Handlers are looked up when a job runs, so kinds registered after this line are found too.
  const jobRunner = createJobRunner({
    db: database.db,
    registry: jobs,
    clock,
    log: app.log.child({ component: 'jobs' }),
    pollMs: config.jobsPollMs,
    leaseMs: config.jobsLeaseMs,
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
  trackRequestOrigin(app);

  await app.register(errorsPlugin);
  await app.register(securityPlugin, { config });
  if (config.compression) await app.register(compressionPlugin);
  await app.register(metricsPlugin, { metrics, token: config.metricsToken });
  await app.register(safeTextPlugin);
  await app.register(cookie);
  await app.register(openapiPlugin);
  await app.register(authPlugin, { auth, config });
  app.addHook('preHandler', async (request) => {
    if (request.auth) request.log = request.log.child({ userId: request.auth.actor.userId });
  });

  await app.register(realtimePlugin, {
    database,
    notifications,
    hub,
    followers: [
      {
        onEvent: (event) => {
          if (event.type === 'signed_out' || event.type === 'account_changed') credentials.forgetUser(event.userId);
        },
        onResync: () => credentials.clear(),
      },
    ],
  });
  await app.register(healthRoutes, {
    database,
    evaluatorState: deps.evaluatorState ?? (() => 'ready'),
    facts: {
      mailTransport: deps.mailer || config.smtpUrl ? 'smtp' : 'outbox',
      llm: config.ai.provider === 'openai' ? { provider: 'openai', model: config.ai.model } : { provider: 'local' },
    },
  });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { auth, config });
      await api.register(oidcRoutes, {
        oidc: createOidcService({ db: database.db, config, clock, auth }),
        identities: createLinkedIdentitiesService({ db: database.db, config, clock }),
        config,
      });
      await api.register(accountSecurityRoutes, { security: accountSecurity, config });
      await api.register(sessionsRoutes, { sessions: accountSessions });
      await api.register(twoFactorRoutes, { twoFactor, config });
      await api.register(profilesRoutes, { profiles: createProfilesService({ db: database.db, clock, storage }) });
      await api.register(interviewsRoutes, { interviews, compress: config.compression, now: () => clock.now() });
      await api.register(practiceRoutes, { practice });
      await api.register(proctoringRoutes, { proctoring, settings: proctoringSettings });
      await api.register(notificationsRoutes, { notifications, hub, config });
      await api.register(adminMailsRoutes, { mail });
      await api.register(adminUsersRoutes, { users: createUserAdministrationService({ db: database.db, clock }) });
      await api.register(orgsRoutes, { orgs });
      await api.register(membersRoutes, { members });
      await api.register(memberAdministrationRoutes, { admin: createMemberAdministrationService({ db: database.db, clock, orgAccess }) });
      await api.register(invitationsRoutes, { invitations, auth, config });
      await api.register(auditRoutes, { db: database.db, orgAccess, clock });
      await api.register(jobDescriptionsRoutes, { jobDescriptions });
      await api.register(resumesRoutes, { resumes });
      await api.register(mediaRoutes, { media });
      await api.register(recordingRetentionRoutes, { retention });
      await api.register(privacyRoutes, { consents, exports: dataExports, erasure, retention: dataRetention });
    },
    { prefix: '/api/v1' },
  );
  await app.register(webPlugin, { distDir: deps.webDistDir, serveSourceMaps: config.env !== 'production' });
  return app;
}
