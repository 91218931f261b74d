/**
 * HTTP load benchmark: GET an interview, POST an answer, GET a report, each with 50
 * concurrent clients for 10 s against 127.0.0.1. Runs on PGlite, or on PostgreSQL when
 * DATABASE_URL is set (a scratch database is created and dropped).
 *   npm run bench:http [-- --connections 50 --duration 10 --json]
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../src/db/client.js';
import { createLocalEvaluator } from '../src/server/ai/local-evaluator.js';
import { createThreadedEvaluator } from '../src/server/ai/threaded-evaluator.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { loadQuestionBank } from '../src/server/questions/question-bank.js';
import { loadSkillsTaxonomy } from '../src/server/skills/skills-taxonomy.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
  },
});
const connections = Math.min(Number(values.connections), 200);
const duration = Math.min(Number(values.duration), 60);

const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-bench-'));
const serverUrl = process.env.DATABASE_URL;
let database: DatabaseHandle;
let cleanup = async () => {};
if (serverUrl) {
  const name = `panelist_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  database = await openDatabase({ url: url.toString(), poolSize: 10 });
  cleanup = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  database = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
}
await database.migrate();

const config = loadConfig({
  NODE_ENV: 'production',
  SECURE_COOKIES: 'false',
  LOG_LEVEL: 'warn',
  DATA_DIR: dataDir,
  AUTH_RATE_LIMIT_PER_MINUTE: '10000',
  EVALUATOR_THREADS: process.env.EVALUATOR_THREADS ?? '1',
});
// Graded the way `panelist serve` grades: on worker threads unless EVALUATOR_THREADS=0.
const threaded = config.evaluatorThreads > 0 ? await createThreadedEvaluator({ threads: config.evaluatorThreads }) : undefined;
const [bank, skills, evaluator] = await Promise.all([loadQuestionBank(), loadSkillsTaxonomy(), threaded ?? createLocalEvaluator()]);
const app = await buildApp({ config, database, evaluator, bank, skills, logger: false, webDistDir: path.join(dataDir, 'none') });
const address = await app.listen({ host: '127.0.0.1', port: 0 });

async function call(method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(address + url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

// A candidate with a few interviews, each answered, so reads and reports see real rows.
const email = `bench-${randomBytes(3).toString('hex')}@example.com`;
await call('POST', '/api/v1/auth/register', { email, password: 'bench-password-quiet-river', name: 'Bench' });
const { accessToken } = await call('POST', '/api/v1/auth/token', { email, password: 'bench-password-quiet-river' });
const interviewsMade = [] as { id: string; questions: { id: string; text: string }[] }[];
for (let i = 0; i < 5; i++) {
  interviewsMade.push(await call('POST', '/api/v1/interviews', { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 5 }, accessToken));
}
const answerText =
  'I would add an index on the column used in the WHERE clause, check the query plan with EXPLAIN to confirm the index is used, ' +
  'and keep in mind that every extra index slows down inserts and updates, so I only index columns that queries filter or join on.';
for (const iv of interviewsMade) for (const q of iv.questions) await call('POST', `/api/v1/interviews/${iv.id}/answers`, { questionId: q.id, text: answerText }, accessToken);

const target = interviewsMade[0]!;
const auth = { authorization: `Bearer ${accessToken}` };
const scenarios = [
  { name: 'GET interview', method: 'GET' as const, path: `/api/v1/interviews/${target.id}` },
  { name: 'POST answer', method: 'POST' as const, path: '' },
  { name: 'GET report', method: 'GET' as const, path: `/api/v1/interviews/${target.id}/report` },
];

const results = [];
for (const s of scenarios) {
  let n = 0;
  const result = await autocannon({
    url: address,
    connections,
    duration,
    requests: [
      s.name === 'POST answer'
        ? {
            method: 'POST',
            headers: { ...auth, 'content-type': 'application/json' },
            // Spread over 25 questions so the benchmark measures answering, not one row lock.
            setupRequest: (req) => {
              const iv = interviewsMade[n % interviewsMade.length]!;
              const q = iv.questions[Math.floor(n / interviewsMade.length) % iv.questions.length]!;
              n += 1;
              return { ...req, path: `/api/v1/interviews/${iv.id}/answers`, body: JSON.stringify({ questionId: q.id, text: answerText }) };
            },
          }
        : { method: s.method, path: s.path, headers: auth },
    ],
  });
  results.push({
    scenario: s.name,
    database: database.kind,
    connections,
    durationSeconds: duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  });
}

await app.close();
await threaded?.close();
await database.close();
await cleanup();
rmSync(dataDir, { recursive: true, force: true });

if (values.json) console.log(JSON.stringify(results, null, 2));
else {
  console.log(`database: ${database.kind}, ${connections} connections, ${duration} s per scenario, evaluator threads: ${config.evaluatorThreads}`);
  for (const r of results) console.log(`${r.scenario.padEnd(14)} ${String(r.requestsPerSecond).padStart(6)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms   errors ${r.errors}`);
}
