import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RateLimits } from './plugins/rate-limits.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

/** Every environment variable Panelist reads, with its default. README lists the same. */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('localhost'),
    DATA_DIR: z.string().min(1).default('./data'),
    STORAGE_DIR: z.string().min(1).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5000),
    SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
    PUBLIC_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    TRUST_PROXY: bool.default(false),
    CORS_ORIGINS: z.string().default(''),
    BODY_LIMIT_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(50 * 1024 * 1024)
      .default(1024 * 1024),
    SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(14),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
    RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    RATE_LIMIT_GRADING: z.coerce.number().int().min(1).max(1_000_000).default(30),
    RATE_LIMIT_UPLOADS: z.coerce.number().int().min(1).max(1_000_000).default(300),
    RATE_LIMIT_RUNS: z.coerce.number().int().min(1).max(1_000_000).default(60),
    RATE_LIMIT_OTHER: z.coerce.number().int().min(1).max(1_000_000).default(600),
    OIDC_PROVIDERS: z.string().optional(),
    SECURE_COOKIES: bool.optional(),
    METRICS_TOKEN: z.string().min(16).optional(),
    COMPRESSION: bool.default(true),
    EVALUATOR_THREADS: z.coerce.number().int().min(0).max(16).default(1),
    ANSWER_WAIT_MS: z.coerce.number().int().min(0).max(600_000).default(400),
    ANSWER_WAIT_SLOTS: z.coerce.number().int().min(0).max(10_000).default(1),
    AI_PROVIDER: z.enum(['local', 'openai']).default('local'),
    STT_PROVIDER: z.enum(['browser', 'openai']).default('browser'),
    STT_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    STT_API_KEY: z.string().optional(),
    STT_MODEL: z.string().min(1).default('whisper-1'),
    STT_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(60_000),
    STT_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    MEDIA_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(300 * 1024 * 1024),
    /** Days a recording outside any organization (practice) is kept; organizations set their own. */
    MEDIA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    MEDIA_USER_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(2 * 1024 * 1024 * 1024),
    MEDIA_ORG_QUOTA_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(50 * 1024 * 1024 * 1024),
    AI_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
    AI_API_KEY: z.string().optional(),
    AI_MODEL: z.string().min(1).optional(),
    AI_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(20_000),
    AI_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(2),
    AI_SAMPLES: z.coerce.number().int().min(1).max(5).default(1),
    JOBS_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
    JOBS_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/[^\s]+$/, 'must be an smtp:// or smtps:// URL')
      .optional(),
    MAIL_FROM: z.string().min(3).default('Panelist <no-reply@localhost>'),
    WS_HEARTBEAT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(120_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
    MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(100_000).default(100),
    RESUME_READ_TIMEOUT_MS: z.coerce.number().int().min(1000).max(120_000).default(10_000),
    RESUME_READ_MEMORY_MB: z.coerce.number().int().min(128).max(16_384).default(1024),
    SANDBOX_JS_PROCESSES: z.coerce.number().int().min(1).max(32).default(2),
    SANDBOX_PYTHON_PROCESSES: z.coerce.number().int().min(1).max(32).default(1),
    SANDBOX_WARM: bool.optional(),
    CODE_RUNS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  })
  .superRefine((e, ctx) => {
    if (e.STT_PROVIDER === 'openai' && !e.STT_BASE_URL && !e.AI_BASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['STT_BASE_URL'], message: 'is required when STT_PROVIDER=openai (or set AI_BASE_URL)' });
    }
    if (e.AI_PROVIDER !== 'openai') return;
    for (const name of ['AI_BASE_URL', 'AI_MODEL'] as const) {
      if (!e[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when AI_PROVIDER=openai' });
    }
  });

/** The answer-grading engine: the local one, or an OpenAI-compatible endpoint that falls back to it. */
export type AiConfig =
  | { provider: 'local' }
  | {
      provider: 'openai';
      baseUrl: string;
      apiKey: string | undefined;
      model: string;
      timeoutMs: number;
      maxRetries: number;
      samples: number;
    };

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  /** Uploaded files (resumes); defaults to DATA_DIR/files. */
  storageDir: string;
  databaseUrl: string | undefined;
  dbPoolSize: number;
  /** How long an instance trusts a session or token family it looked up (revocation forgets it at once); 0 reads every time. */
  authCacheMs: number;
  secretKey: string;
  publicUrl: string | undefined;
  logLevel: string;
  trustProxy: boolean;
  corsOrigins: string[];
  bodyLimit: number;
  sessionTtlDays: number;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  authRateLimitPerMinute: number;
  /** Global API budgets per user (or IP) and route class within one window (per instance). */
  rateLimits: RateLimits;
  /** OpenID Connect providers people may sign in with, from OIDC_PROVIDERS. */
  oidcProviders: OidcProviderConfig[];
  /** true/false forces `Secure` cookies and HSTS; null decides per request by its scheme (https). */
  secureCookies: boolean | null;
  /** Bearer token for GET /metrics; without it only loopback requests may scrape. */
  metricsToken: string | undefined;
  /** Brotli/gzip responses (turn off when a proxy in front already compresses). */
  compression: boolean;
  /** Worker threads that grade answers; 0 grades on the main thread. */
  evaluatorThreads: number;
  /** How long POST …/answers waits for the grade before acknowledging the answer pending, while at most `slots` answers (its own included) are in hand. */
  answerWait: { ms: number; slots: number };
  /** How often each instance looks for due background jobs. */
  jobsPollMs: number;
  /** How long a claimed job stays this instance's without renewal: after a crash, another instance retries it this much later. */
  jobsLeaseMs: number;
  /** Without it, mails are kept in the outbox (status stored) instead of sent. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Sockets that miss a ping for this long are dropped. */
  wsHeartbeatMs: number;
  /** Socket limits: a slow or idle client cannot hold a descriptor for long, nor one IP hold many. */
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxConnectionsPerIp: number };
  /** A resume (or scan) is read in a separate process, killed past this time or resident memory. */
  resumeReading: { timeoutMs: number; memoryMb: number };
  /** Candidates' code runs in pools of child processes per runtime; warm ones start with the server. */
  sandbox: { jsProcesses: number; pythonProcesses: number; warm: boolean; runsPerMinute: number };
  ai: AiConfig;
  /** Recorded answers: largest file, and what one user and one organization may keep in all. */
  media: { maxBytes: number; userQuotaBytes: number; orgQuotaBytes: number; retentionDays: number };
  /** Server-side transcription of recordings; `browser` leaves it to the browser (and the candidate). */
  stt:
    | { provider: 'browser' }
    | { provider: 'openai'; baseUrl: string; apiKey: string | undefined; model: string; timeoutMs: number; maxRetries: number };
}

export class ConfigError extends Error {}

/** One OpenID Connect provider (Google, Microsoft, Keycloak, …): only the issuer differs. */
export interface OidcProviderConfig {
  /** In the callback path and the identity table: lowercase letters, digits and dashes. */
  id: string;
  /** Shown on the sign-in button: "Continue with <name>". */
  name: string;
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
}

const oidcProvidersSchema = z.array(
  z.object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be lowercase letters, digits and dashes'),
    name: z.string().min(1).max(60),
    issuer: z.url({ protocol: /^https?$/ }),
    clientId: z.string().min(1),
    clientSecret: z.string().min(1).optional(),
    scopes: z.string().default('openid email profile'),
  }),
);

function parseOidcProviders(text: string | undefined): OidcProviderConfig[] {
  if (!text) return [];
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ConfigError('Invalid configuration:\n  OIDC_PROVIDERS: must be a JSON array of {id, name, issuer, clientId, clientSecret}');
  }
  const parsed = oidcProvidersSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  OIDC_PROVIDERS.${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const ids = new Set<string>();
  for (const p of parsed.data) {
    if (ids.has(p.id)) throw new ConfigError(`Invalid configuration:\n  OIDC_PROVIDERS: the id "${p.id}" is used twice`);
    ids.add(p.id);
  }
  return parsed.data.map((p) => ({ ...p, clientSecret: p.clientSecret }));
}

const OIDC_SETTING = /^OIDC_([A-Z0-9_]+?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|NAME|SCOPES)$/;

/**
 * The per-provider form, one variable per setting (OIDC_GOOGLE_ISSUER, OIDC_GOOGLE_CLIENT_ID,
 * OIDC_GOOGLE_CLIENT_SECRET, optional OIDC_GOOGLE_NAME and OIDC_GOOGLE_SCOPES), easier to keep in a
 * secret store than one JSON value. Any other OIDC_ variable is refused: a misspelt setting would
 * otherwise leave a provider silently half-configured.
 */
function parseOidcEnvProviders(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const byKey = new Map<string, Record<string, string>>();
  const problems: string[] = [];
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith('OIDC_') || name === 'OIDC_PROVIDERS' || raw === undefined || raw.trim() === '') continue;
    const m = OIDC_SETTING.exec(name);
    if (!m) {
      problems.push(`  ${name}: unknown setting; use OIDC_<PROVIDER>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME or _SCOPES`);
      continue;
    }
    const settings = byKey.get(m[1]!) ?? {};
    settings[m[2]!] = raw.trim();
    byKey.set(m[1]!, settings);
  }
  const providers: OidcProviderConfig[] = [];
  for (const [key, v] of [...byKey].sort(([a], [b]) => a.localeCompare(b))) {
    const at = (setting: string) => `OIDC_${key}_${setting}`;
    const set = Object.keys(v).map(at).join(', ');
    if (!v.ISSUER) problems.push(`  ${at('ISSUER')}: is required when ${set} is set`);
    if (!v.CLIENT_ID) problems.push(`  ${at('CLIENT_ID')}: is required when ${set} is set`);
    if (v.ISSUER && !z.url({ protocol: /^https?$/ }).safeParse(v.ISSUER).success)
      problems.push(`  ${at('ISSUER')}: must be an http(s) URL, like https://accounts.google.com`);
    const id = key.toLowerCase().replace(/_/g, '-');
    if (id.length > 40) problems.push(`  ${at('ISSUER')}: the provider name "${key}" is longer than 40 characters`);
    const name = v.NAME ?? id.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`);
    if (name.length > 60) problems.push(`  ${at('NAME')}: must be at most 60 characters`);
    providers.push({
      id,
      name,
      issuer: v.ISSUER ?? '',
      clientId: v.CLIENT_ID ?? '',
      clientSecret: v.CLIENT_SECRET,
      scopes: v.SCOPES ?? 'openid email profile',
    });
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return providers;
}

/** Both forms of the provider settings together; one id may be configured once. */
export function parseOidcSettings(env: NodeJS.ProcessEnv): OidcProviderConfig[] {
  const all = [...parseOidcProviders(env.OIDC_PROVIDERS?.trim() || undefined), ...parseOidcEnvProviders(env)];
  const ids = new Set<string>();
  for (const p of all) {
    if (ids.has(p.id))
      throw new ConfigError(
        `Invalid configuration:\n  OIDC_${p.id.toUpperCase().replace(/-/g, '_')}_ISSUER: the provider "${p.id}" is also in OIDC_PROVIDERS; configure it once`,
      );
    ids.add(p.id);
  }
  return all;
}

/**
 * Reads the environment once, at start. A bad value stops the process with a message that
 * names the variable, because a half-configured server is worse than none.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    dataDir,
    storageDir: e.STORAGE_DIR ? path.resolve(e.STORAGE_DIR) : path.join(dataDir, 'files'),
    databaseUrl: e.DATABASE_URL,
    dbPoolSize: e.DB_POOL_SIZE,
    authCacheMs: e.AUTH_CACHE_MS,
    secretKey: e.SECRET_KEY ?? loadOrCreateSecret(dataDir),
    publicUrl: e.PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    corsOrigins: e.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit: e.BODY_LIMIT_BYTES,
    sessionTtlDays: e.SESSION_TTL_DAYS,
    accessTokenTtlSeconds: e.ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.REFRESH_TOKEN_TTL_DAYS,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    rateLimits: {
      windowMs: e.RATE_LIMIT_WINDOW_SECONDS * 1000,
      grading: e.RATE_LIMIT_GRADING,
      uploads: e.RATE_LIMIT_UPLOADS,
      runs: e.RATE_LIMIT_RUNS,
      other: e.RATE_LIMIT_OTHER,
    },
    oidcProviders: parseOidcSettings(env),
    secureCookies: e.SECURE_COOKIES ?? null,
    metricsToken: e.METRICS_TOKEN,
    compression: e.COMPRESSION,
    evaluatorThreads: e.EVALUATOR_THREADS,
    answerWait: { ms: e.ANSWER_WAIT_MS, slots: e.ANSWER_WAIT_SLOTS },
    jobsPollMs: e.JOBS_POLL_MS,
    jobsLeaseMs: e.JOBS_LEASE_MS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    wsHeartbeatMs: e.WS_HEARTBEAT_MS,
    http: {
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    },
    resumeReading: { timeoutMs: e.RESUME_READ_TIMEOUT_MS, memoryMb: e.RESUME_READ_MEMORY_MB },
    sandbox: {
      jsProcesses: e.SANDBOX_JS_PROCESSES,
      pythonProcesses: e.SANDBOX_PYTHON_PROCESSES,
      // Tests start runtimes only when they run code.
      warm: e.SANDBOX_WARM ?? e.NODE_ENV !== 'test',
      runsPerMinute: e.CODE_RUNS_PER_MINUTE,
    },
    ai:
      e.AI_PROVIDER === 'openai'
        ? {
            provider: 'openai',
            // Both are present: the schema refuses AI_PROVIDER=openai without them.
            baseUrl: e.AI_BASE_URL!,
            apiKey: e.AI_API_KEY,
            model: e.AI_MODEL!,
            timeoutMs: e.AI_TIMEOUT_MS,
            maxRetries: e.AI_MAX_RETRIES,
            samples: e.AI_SAMPLES,
          }
        : { provider: 'local' },
    stt:
      e.STT_PROVIDER === 'openai' && (e.STT_BASE_URL ?? e.AI_BASE_URL)
        ? {
            provider: 'openai',
            baseUrl: (e.STT_BASE_URL ?? e.AI_BASE_URL)!,
            apiKey: e.STT_API_KEY ?? e.AI_API_KEY,
            model: e.STT_MODEL,
            timeoutMs: e.STT_TIMEOUT_MS,
            maxRetries: e.STT_MAX_RETRIES,
          }
        : { provider: 'browser' },
    media: {
      maxBytes: e.MEDIA_MAX_BYTES,
      userQuotaBytes: e.MEDIA_USER_QUOTA_BYTES,
      orgQuotaBytes: e.MEDIA_ORG_QUOTA_BYTES,
      retentionDays: e.MEDIA_RETENTION_DAYS,
    },
  };
}

/** Empty strings (e.g. `PORT=` in a .env) mean "not set", not "invalid". */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** Without SECRET_KEY, one is generated on first start and kept, so sessions survive restarts. */
function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret.key');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return secret;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
