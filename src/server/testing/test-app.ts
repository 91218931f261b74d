import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { CSRF_HEADER, SESSION_COOKIE, type SessionInfo } from '../../contract/auth.js';
import { openDatabase, type DatabaseHandle } from '../../db/client.js';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { buildApp } from '../app.js';
import { ManualClock } from '../clock.js';
import { loadConfig, type Config } from '../config.js';
import { loadQuestionBank } from '../questions/question-bank.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';

export interface TestApp {
  app: FastifyInstance;
  clock: ManualClock;
  config: Config;
  database: DatabaseHandle;
  /** Runs every background job due at the clock's now (until none is left); returns how many ran. */
  runJobs(): Promise<number>;
  /**
   * Another instance of the app on the same database, with its own connections and the same
   * clock (PostgreSQL only: an in-memory PGlite cannot be shared). Closed by close().
   */
  startPeer(): Promise<{ app: FastifyInstance; database: DatabaseHandle }>;
  close(): Promise<void>;
}

/**
 * A whole Panelist on a fresh database: in-memory PGlite, or, when DATABASE_URL is set, a new
 * database created on that PostgreSQL server for this test file and dropped afterwards.
 */
export interface TestAppOptions {
  /** Grades answers instead of the local engine (e.g. one that waits on a promise). */
  evaluator?: AnswerEvaluator;
  /** Receives the app's log lines (JSON, level info and up) instead of silencing them. */
  logStream?: { write(line: string): void };
  /** Adds test-only routes or hooks before the app is made ready. */
  extend?: (app: FastifyInstance) => void | Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    AUTH_RATE_LIMIT_PER_MINUTE: '10000',
    // Tests of the global limits set their own budgets; others must never meet one.
    RATE_LIMIT_GRADING: '1000000',
    RATE_LIMIT_UPLOADS: '1000000',
    RATE_LIMIT_RUNS: '1000000',
    RATE_LIMIT_OTHER: '1000000',
    // Answers are graded before the route replies (as they were before ANSWER_WAIT_MS); tests of the pending path set it to 0.
    ANSWER_WAIT_MS: '600000',
    ANSWER_WAIT_SLOTS: '10000',
    ...env,
  });
  const serverUrl = process.env.DATABASE_URL;
  let dropDatabase: (() => Promise<void>) | undefined;
  let database: DatabaseHandle;
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `panelist_test_${randomBytes(6).toString('hex')}`;
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    database = await openDatabase({ url: databaseUrl, poolSize: 5 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    database = await openDatabase({});
  }
  await database.migrate();
  const clock = new ManualClock('2026-03-02T09:00:00Z');
  const [bank, skills, evaluator] = await Promise.all([
    loadQuestionBank(),
    loadSkillsTaxonomy(),
    options.evaluator ?? createLocalEvaluator(),
  ]);
  const logger = options.logStream ? { level: 'info', stream: options.logStream } : false;
  const app = await buildApp({ config, database, evaluator, bank, skills, clock, logger, webDistDir: path.join(dataDir, 'no-web') });
  await options.extend?.(app);
  await app.ready();
  const peers: { app: FastifyInstance; database: DatabaseHandle }[] = [];
  return {
    app,
    clock,
    config,
    database,
    runJobs: () => app.jobRunner.runDue(),
    async startPeer() {
      if (!databaseUrl) throw new Error('a peer instance needs PostgreSQL (DATABASE_URL)');
      const peerDatabase = await openDatabase({ url: databaseUrl, poolSize: 5 });
      const peer = await buildApp({
        config,
        database: peerDatabase,
        evaluator,
        bank,
        skills,
        clock,
        logger: false,
        webDistDir: path.join(dataDir, 'no-web'),
      });
      await peer.ready();
      peers.push({ app: peer, database: peerDatabase });
      return { app: peer, database: peerDatabase };
    },
    async close() {
      for (const peer of peers) {
        await peer.app.close();
        await peer.database.close();
      }
      await app.close();
      await database.close();
      await dropDatabase?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A signed-in browser: its cookie and CSRF token ride along on every request. */
export interface Browser {
  user: SessionInfo['user'];
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;
export const STRONG_PASSWORD = 'violet-harbour-lantern-42';

export async function registerUser(
  app: FastifyInstance,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<Browser> {
  counter += 1;
  const body = {
    email: overrides.email ?? `candidate${counter}-${randomBytes(3).toString('hex')}@example.com`,
    password: overrides.password ?? STRONG_PASSWORD,
    name: overrides.name ?? `Candidate ${counter}`,
  };
  // Registration answers 202 without a session (it must not tell whether the email was taken).
  const created = await app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: body });
  if (created.statusCode !== 202) throw new Error(`register failed: ${created.statusCode} ${created.body}`);
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: body.email, password: body.password } });
  if (res.statusCode !== 200) throw new Error(`sign-in after register failed: ${res.statusCode} ${res.body}`);
  return browserFrom(app, res);
}

export function browserFrom(app: FastifyInstance, res: LightMyRequestResponse): Browser {
  const info = res.json() as SessionInfo;
  const session = res.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!session) throw new Error('no session cookie set');
  const cookie = `${SESSION_COOKIE}=${session.value}`;
  const csrfToken = info.csrfToken ?? '';
  return {
    user: info.user,
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie, [CSRF_HEADER]: csrfToken, ...(options.headers ?? {}) },
      }),
  };
}

/** Asserts the RFC 9457 shape that every error must have. */
export function expectProblem(res: LightMyRequestResponse, status: number, code?: string): Record<string, unknown> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    throw new Error(`not a problem response: ${res.headers['content-type']}`);
  const body = res.json() as Record<string, unknown>;
  if (body.status !== status || typeof body.title !== 'string' || typeof body.type !== 'string')
    throw new Error(`bad problem body: ${res.body}`);
  if (code && body.code !== code) throw new Error(`expected code ${code}, got ${String(body.code)}`);
  return body;
}
