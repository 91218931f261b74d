/**
 * HTTP load benchmark: GET an interview, POST an answer, GET a report, each with 50 concurrent
 * clients for 10 s against 127.0.0.1. The server is a real `panelist serve` in its own process
 * (production settings), so the load generator does not share its CPU time slice or event loop.
 * Runs on PGlite, or on PostgreSQL when DATABASE_URL is set (a scratch database is created and
 * dropped). In the same run it measures the limit (bench/limit-server.ts: bare Fastify, one
 * primary-key SELECT per request, same engine) and prints each scenario as a share of it, with
 * the server's time to /readyz and its RSS.
 * POST answer runs twice: one user's 50 connections into 5 interviews (answers queue on one
 * interview), and "own": one candidate per connection, each answering their own interview.
 * --activity (PostgreSQL) prints what the server's connections did meanwhile (bench/db-activity.ts);
 * --root DIR runs the server of another checkout (a before/after under the same load).
 *   npm run bench:http [-- --connections 50 --duration 10 --json --profile DIR --only reads|answers --gzip --activity --root DIR]
 *   npm run bench:reads   (GET interview and GET report only)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { freePort, scratchDatabase } from '../src/server/testing/scale-out-cluster.js';
import { type ActivitySummary, formatActivity, sampleActivity } from './db-activity.js';
import { apiCaller, benchTeardown, processUsage, signUpCandidate, startBenchServer, waitForReady } from './bench-api.js';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    json: { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the server process into this folder (open it in Chrome DevTools).
    profile: { type: 'string' },
    // "reads" (GET interview, GET report) or "answers" (POST answer); all three by default.
    only: { type: 'string' },
    // The GETs send Accept-Encoding as browsers do (gzip, deflate, br); by default they send none.
    gzip: { type: 'boolean', default: false },
    // On PostgreSQL: samples what the server's connections do during each scenario (bench/db-activity.ts).
    activity: { type: 'boolean', default: false },
    // Runs the Panelist server of another checkout (e.g. the code before a change) under this bench.
    root: { type: 'string' },
  },
});
const connections = Math.min(Number(values.connections), 200);
const duration = Math.min(Number(values.duration), 60);
/** The 1-minute load average now (the machine is shared: a figure means little without it). */
const loadAverage = () => Math.round(loadavg()[0]! * 100) / 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const teardown = benchTeardown();
const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-bench-'));
teardown.add(() => rmSync(dataDir, { recursive: true, force: true }));
const serverUrl = process.env.DATABASE_URL;

async function waitForEvaluator(address: string): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const state = await fetch(`${address}/readyz`).then(
      async (r) => ((await r.json()) as { evaluator?: string }).evaluator,
      () => undefined,
    );
    if (state === 'ready') return;
    if (state === 'failed') throw new Error('the answer evaluator failed to load');
    if (Date.now() > deadline) throw new Error('the answer evaluator did not load in 240 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Everything but the printing; whatever happens in it, the teardown stops the servers and drops the database. */
async function measure() {
  let databaseUrl = '';
  let database: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  if (serverUrl) {
    database = await scratchDatabase(serverUrl);
    teardown.add(() => database!.drop());
    databaseUrl = database.url;
  }

  // The limit: the same engine behind a bare Fastify route doing one primary-key SELECT.
  const limitPort = await freePort();
  // Loaded through tsx in this process (no tsx CLI in between), so its pid is the one doing the work.
  const limitServer = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/limit-server.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(limitPort), DATABASE_URL: databaseUrl, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  teardown.track(limitServer);
  await new Promise<void>((resolve, reject) => {
    limitServer.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve());
    limitServer.once('exit', (code) => reject(new Error(`the limit server exited (${code})`)));
  });
  const limitCpuBefore = processUsage(limitServer.pid!).cpuMs;
  const limitResult = await autocannon({ url: `http://127.0.0.1:${limitPort}/item`, connections, duration });
  const limitCpuMsPerRequest = (processUsage(limitServer.pid!).cpuMs - limitCpuBefore) / Math.max(1, limitResult.requests.total);
  const limitLoad = loadAverage();
  limitServer.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1000));

  // The per-user rate limits (RATE_LIMIT_OTHER 600, RATE_LIMIT_GRADING 30 a minute) would answer
  // this one user's 50 connections with 429 within a second: the bench measures how many requests
  // the server can serve, and the limits are a separate concern (tested in src/server), so they are
  // raised for this server only.
  const server = await startBenchServer({
    dataDir,
    databaseUrl,
    profile: values.profile,
    root: values.root,
    env: { RATE_LIMIT_OTHER: '1000000', RATE_LIMIT_GRADING: '1000000' },
  });
  teardown.track(server.process);
  teardown.add(() => server.stop());
  const address = server.address;
  const readyMs = Math.round(await waitForReady(server, 240_000, 50));
  const rssAtReadyMiB = processUsage(server.pid).rssMiB;
  // The grading models load in the background after /readyz; measured during the scenarios, that
  // load would count as their CPU and steal their time.
  await waitForEvaluator(address);

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
  const allScenarios = ['GET interview', 'POST answer', 'POST answer, own', 'GET report'] as const;
  const isAnswer = (name: string) => name.startsWith('POST answer');
  const scenarios = allScenarios.filter((name) =>
    values.only === 'reads' ? !isAnswer(name) : values.only === 'answers' ? isAnswer(name) : true,
  );
  // "POST answer, own": as many candidates as connections, each answering their own interview, as
  // candidates on a real server do (the other scenario has one user send 50 answers at once into 5
  // interviews, which no candidate does: it measures answers queueing on one interview).
  const own: { token: string; interview: (typeof interviewsMade)[number] }[] = [];
  if (scenarios.includes('POST answer, own')) {
    for (let i = 0; i < connections; i++) {
      const token = await signUpCandidate(call, `own${i}`);
      const interview = await call(
        'POST',
        '/api/v1/interviews',
        { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 5 },
        token,
      );
      own.push({ token, interview });
    }
  }
  const results = [];
  for (const name of scenarios) {
    let n = 0;
    const request: autocannon.Request =
      name === 'POST answer, own'
        ? {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            // Request n goes to candidate n mod connections: with one request in flight per
            // connection, no two requests answer one interview at once.
            setupRequest: (req) => {
              const { token, interview } = own[n % own.length]!;
              const q = interview.questions[Math.floor(n / own.length) % interview.questions.length]!;
              const text = `${answers[n % answers.length]} (attempt ${n})`;
              n += 1;
              return {
                ...req,
                headers: { ...req.headers, authorization: `Bearer ${token}` },
                path: `/api/v1/interviews/${interview.id}/answers`,
                body: JSON.stringify({ questionId: q.id, text }),
              };
            },
          }
        : name === 'POST answer'
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
          : {
              method: 'GET',
              path: `/api/v1/interviews/${target.id}${name === 'GET report' ? '/report' : ''}`,
              headers: values.gzip ? { ...auth, 'accept-encoding': 'gzip, deflate, br' } : auth,
            };
    const cpuBefore = processUsage(server.pid).cpuMs;
    const sampler = values.activity && database ? sampleActivity(database.query, `${address}/metrics`) : undefined;
    const result = await autocannon({ url: address, connections, duration, requests: [request] });
    const activity: ActivitySummary | null = (await sampler?.stop()) ?? null;
    // The server's CPU (all its threads, grading included) per request served, and the machine's load meanwhile.
    const cpuMsPerRequest = (processUsage(server.pid).cpuMs - cpuBefore) / Math.max(1, result.requests.total);
    const load = loadAverage();
    // Answers acknowledged with their grade pending (202): how long until the last one is graded.
    const codes = (result as unknown as { statusCodeStats?: Record<string, { count: number }> }).statusCodeStats ?? {};
    const pendingAcks = codes['202']?.count ?? 0;
    let gradedAllAfterMs: number | null = null;
    if (isAnswer(name)) {
      const endedAt = Date.now();
      const watched = name === 'POST answer' ? interviewsMade.map((interview) => ({ token: accessToken, interview })) : own;
      for (;;) {
        const open = await Promise.all(
          watched.map(({ token, interview: iv }) =>
            call('GET', `/api/v1/interviews/${iv.id}`, undefined, token).then((r: { answers: { evaluationStatus?: string }[] }) =>
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
      activity,
      pendingAcks,
      gradedAllAfterMs,
      scenario: name,
      database: serverUrl ? 'postgres' : 'pglite',
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      bytesPerResponse: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
      requestsPerSecond: Math.round(result.requests.average),
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      errors: result.errors + result.non2xx,
      cpuMsPerRequest: Math.round(cpuMsPerRequest * 100) / 100,
      loadAverage: load,
      shareOfLimit: Math.round((result.requests.average / limitResult.requests.average) * 100) / 100,
    });
    // Let TIME_WAIT sockets and the grading queue drain between scenarios.
    await new Promise((r) => setTimeout(r, 1000));
  }

  const rssAfterMiB = processUsage(server.pid).rssMiB;
  return { limitResult, limitCpuMsPerRequest, limitLoad, readyMs, rssAtReadyMiB, rssAfterMiB, results };
}

let figures: Awaited<ReturnType<typeof measure>>;
try {
  figures = await measure();
} catch (err) {
  console.error(err);
  await teardown.run();
  process.exit(1);
}
await teardown.run();
const { limitResult, limitCpuMsPerRequest, limitLoad, readyMs, rssAtReadyMiB, rssAfterMiB, results } = figures;
const limit = {
  requestsPerSecond: Math.round(limitResult.requests.average),
  p50Ms: limitResult.latency.p50,
  p99Ms: limitResult.latency.p99,
  errors: limitResult.errors + limitResult.non2xx,
  cpuMsPerRequest: Math.round(limitCpuMsPerRequest * 100) / 100,
  loadAverage: limitLoad,
};
if (values.json) console.log(JSON.stringify({ limit, readyMs, rssAtReadyMiB, rssAfterMiB, results }, null, 2));
else {
  console.log(
    `database: ${results[0]!.database}, ${connections} connections, ${duration} s per scenario, server in its own process${values.gzip ? ', GETs accept gzip' : ''}`,
  );
  console.log(
    `limit (1 SELECT) ${String(limit.requestsPerSecond).padStart(6)} req/s   p50 ${String(limit.p50Ms).padStart(4)} ms   p99 ${String(limit.p99Ms).padStart(4)} ms   errors ${limit.errors}   CPU ${limit.cpuMsPerRequest.toFixed(2)} ms/request   load ${limit.loadAverage}`,
  );
  for (const r of results) {
    console.log(
      `${r.scenario.padEnd(17)} ${String(r.requestsPerSecond).padStart(6)} req/s   p50 ${String(r.p50Ms).padStart(4)} ms   p99 ${String(r.p99Ms).padStart(4)} ms   errors ${r.errors}   ${Math.round(r.shareOfLimit * 100)} % of limit   CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request   ${(r.bytesPerResponse / 1024).toFixed(1)} KiB/response   load ${r.loadAverage}` +
        (r.gradedAllAfterMs === null
          ? ''
          : `\n               ${r.pendingAcks} of ${r.requests} acknowledged pending (202); the current answers were all graded ${r.gradedAllAfterMs} ms after the load`) +
        (r.activity ? `\n               ${formatActivity(r.activity)}` : ''),
    );
  }
  console.log(`/readyz after ${readyMs} ms; RSS ${rssAtReadyMiB} MiB at ready, ${rssAfterMiB} MiB after the load`);
}

// Refused or failed requests make the figures meaningless: say so in the exit code.
const failed = [limit, ...results].filter((r) => r.errors > 0).length;
if (failed > 0) {
  console.error(`${failed} scenario(s) had errors or non-2xx answers`);
  process.exitCode = 1;
}
