/**
 * HTTP load benchmark: GET an interview, POST an answer, GET a report, each with 50 concurrent
 * clients for 10 s against 127.0.0.1. The server is a real `panelist serve` in its own process
 * (production settings), so the load generator does not share its CPU time slice or event loop.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (a scratch database is created and
 * dropped). In the same run it measures the limit (bench/limit-server.ts: bare Fastify, one
 * primary-key SELECT per request, same engine) and prints each scenario as a share of it, with
 * the server's time to /readyz and its RSS.
 *   npm run bench:http [-- --connections 50 --duration 10 --json --profile DIR --only reads]
 *   npm run bench:reads   (GET interview and GET report only)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { apiCaller, processUsage, signUpCandidate, startBenchServer, waitForReady } from './bench-api.js';
import { freePort } from '../src/server/testing/scale-out-cluster.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the server process into this folder (open it in Chrome DevTools).
    profile: { type: 'string' },
    // "reads" (GET interview, GET report) or "answers" (POST answer); all three by default.
    only: { type: 'string' },
  },
});
const connections = Math.min(Number(values.connections), 200);
const duration = Math.min(Number(values.duration), 60);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-bench-'));
const serverUrl = process.env.DATABASE_URL;
let databaseUrl = '';
let dropDatabase = async () => {};
if (serverUrl) {
  const name = `panelist_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}

// The limit: the same engine behind a bare Fastify route doing one primary-key SELECT.
const limitPort = await freePort();
const limitServer = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'bench/limit-server.ts')], {
  env: { ...process.env, PORT: String(limitPort), DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve, reject) => {
  limitServer.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
  limitServer.once('exit', (code) => reject(new Error(`the limit server exited (${code})`)));
});
const limitResult = await autocannon({ url: `http://127.0.0.1:${limitPort}/item`, connections, duration });
limitServer.kill('SIGTERM');
await new Promise((r) => setTimeout(r, 1000));

const server = await startBenchServer({ dataDir, databaseUrl, profile: values.profile });
const address = server.address;
const readyMs = Math.round(await waitForReady(server, 240_000, 50));
const rssAtReadyMiB = processUsage(server.pid).rssMiB;

const call = apiCaller(address);

// A candidate with a few interviews, each answered, so reads and reports see real rows.
const accessToken = await signUpCandidate(call, 'bench');
const interviewsMade = [] as { id: string; questions: { id: string; text: string }[] }[];
for (let i = 0; i < 5; i++) {
  interviewsMade.push(
    await call(
      'POST',
      '/api/v1/interviews',
      { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 5 },
      accessToken,
    ),
  );
}
// Several different answers, so grading is not measured on one repeated text.
const answers = [
  'I would add an index on the column used in the WHERE clause, check the query plan with EXPLAIN to confirm the index is used, and keep in mind that every extra index slows down inserts and updates.',
  'First I would reproduce the problem and measure it, then look at the slowest step. Usually it is a missing index, an N+1 query pattern or a cache that is never hit; I fix the biggest one and measure again.',
  'A process has its own memory space while threads share the memory of their process, so threads are cheaper to create and switch between but need locks or other synchronisation to avoid races.',
  'HTTP is stateless, so the server keeps state in a session store or in signed tokens. Cookies carry the session id; I mark them httpOnly and SameSite to reduce the risk of theft and cross-site requests.',
];
for (const iv of interviewsMade) {
  for (const [i, q] of iv.questions.entries())
    await call('POST', `/api/v1/interviews/${iv.id}/answers`, { questionId: q.id, text: answers[i % answers.length] }, accessToken);
}

const target = interviewsMade[0]!;
const auth = { authorization: `Bearer ${accessToken}` };
const allScenarios = ['GET interview', 'POST answer', 'GET report'] as const;
const scenarios = allScenarios.filter((name) =>
  values.only === 'reads' ? name !== 'POST answer' : values.only === 'answers' ? name === 'POST answer' : true,
);
const results = [];
for (const name of scenarios) {
  let n = 0;
  const request: autocannon.Request =
    name === 'POST answer'
      ? {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          // Spread over 25 questions so the benchmark measures answering, not one row lock.
          setupRequest: (req) => {
            const iv = interviewsMade[n % interviewsMade.length]!;
            const q = iv.questions[Math.floor(n / interviewsMade.length) % iv.questions.length]!;
            const text = `${answers[n % answers.length]} (attempt ${n})`;
            n += 1;
            return { ...req, path: `/api/v1/interviews/${iv.id}/answers`, body: JSON.stringify({ questionId: q.id, text }) };
          },
        }
      : { method: 'GET', path: `/api/v1/interviews/${target.id}${name === 'GET report' ? '/report' : ''}`, headers: auth };
  const result = await autocannon({ url: address, connections, duration, requests: [request] });
  // Answers acknowledged with their grade pending (202): how long until the last one is graded.
  const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
  const pendingAcks = codes['202']?.count ?? 0;
  let gradedAllAfterMs: number | null = null;
  if (name === 'POST answer') {
    const endedAt = Date.now();
    for (;;) {
      const open = await Promise.all(
        interviewsMade.map((iv) =>
          call('GET', `/api/v1/interviews/${iv.id}`, undefined, accessToken).then((r: { answers: { evaluationStatus?: string }[] }) =>
            r.answers.some((a) => a.evaluationStatus === 'pending'),
          ),
        ),
      );
      if (!open.includes(true)) break;
      if (Date.now() - endedAt > 600_000) throw new Error('pending answers were not graded within 10 minutes');
      await new Promise((r) => setTimeout(r, 250));
    }
    gradedAllAfterMs = Date.now() - endedAt;
  }
  results.push({
    pendingAcks,
    gradedAllAfterMs,
    scenario: name,
    database: serverUrl ? 'postgres' : 'pglite',
    connections,
    durationSeconds: duration,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    shareOfLimit: Math.round((result.requests.average / limitResult.requests.average) * 100) / 100,
  });
  // Let TIME_WAIT sockets and the grading queue drain between scenarios.
  await new Promise((r) => setTimeout(r, 1000));
}

const rssAfterMiB = processUsage(server.pid).rssMiB;
await server.stop();
await dropDatabase();
rmSync(dataDir, { recursive: true, force: true });

const limit = {
  requestsPerSecond: Math.round(limitResult.requests.average),
  p50Ms: limitResult.latency.p50,
  p99Ms: limitResult.latency.p99,
  errors: limitResult.errors + limitResult.non2xx,
};
if (values.json) console.log(JSON.stringify({ limit, readyMs, rssAtReadyMiB, rssAfterMiB, results }, null, 2));
else {
  console.log(`database: ${results[0]!.database}, ${connections} connections, ${duration} s per scenario, server in its own process`);
  console.log(
    `limit (1 SELECT) ${String(limit.requestsPerSecond).padStart(6)} req/s   p50 ${String(limit.p50Ms).padStart(4)} ms   p99 ${String(limit.p99Ms).padStart(4)} ms   errors ${limit.errors}`,
  );
  for (const r of results) {
    console.log(
      `${r.scenario.padEnd(14)} ${String(r.requestsPerSecond).padStart(6)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms   errors ${r.errors}   ${Math.round(r.shareOfLimit * 100)} % of limit` +
        (r.gradedAllAfterMs === null
          ? ''
          : `\n               ${r.pendingAcks} of ${r.requests} acknowledged pending (202); the current answers (25 questions) were all graded ${r.gradedAllAfterMs} ms after the load`),
    );
  }
  console.log(`/readyz after ${readyMs} ms; RSS ${rssAtReadyMiB} MiB at ready, ${rssAfterMiB} MiB after the load`);
}
