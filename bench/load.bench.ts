/**
 * Load test: N simulated candidates take timed assigned interviews at once against one real
 * `panelist serve` (its own process, production settings) on PostgreSQL. Each candidate signs in,
 * opens the interview, starts it, holds a WebSocket, saves a draft every 10 s, answers every
 * 60–90 s and finishes; arrivals and finishes are spread over a ramp. Prints, per operation,
 * the count, errors, p50/p99/max, the server's CPU and RSS, and the database's busiest statements
 * (pg_stat_statements when the server has it loaded).
 * --idle N instead holds N idle WebSockets on the instance (ten per user, the per-user cap) and
 * prints how long they took to open, a ping's p99 while they are held, and the server's RSS.
 * Setup (accounts, an organization, the scheduled interviews) is made before the timed part.
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:load [-- --candidates 1000 --duration 300]
 *   npm run bench:load -- --candidates 200 --duration 60
 *   npm run bench:load -- --idle 10000
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { scratchDatabase } from '../src/server/testing/scale-out-cluster.js';
import { processUsage, startBenchServer, waitForReady } from './bench-api.js';

const { values } = parseArgs({
  options: {
    candidates: { type: 'string', default: '1000' },
    duration: { type: 'string', default: '300' },
    'draft-every': { type: 'string', default: '10' },
    'answer-min': { type: 'string', default: '60' },
    'answer-max': { type: 'string', default: '90' },
    idle: { type: 'string' },
    hold: { type: 'string', default: '20' },
    json: { type: 'boolean', default: false },
    // Writes a V8 CPU profile of the server process into this folder.
    profile: { type: 'string' },
  },
});
const candidates = Number(values.candidates);
const durationMs = Number(values.duration) * 1000;
const draftEveryMs = Number(values['draft-every']) * 1000;
const answerMinMs = Number(values['answer-min']) * 1000;
const answerMaxMs = Number(values['answer-max']) * 1000;
const idleSockets = values.idle ? Number(values.idle) : 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('Set DATABASE_URL to a PostgreSQL server (a scratch database is created on it and dropped).');
  process.exit(2);
}
// Node's fetch opens as many keep-alive connections as requests in flight, as browsers would hold.

const database = await scratchDatabase(serverUrl);
const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-load-'));
const server = await startBenchServer({ dataDir, databaseUrl: database.url, profile: values.profile });
const { address, port } = server;
const cleanup = async () => {
  await server.stop();
  await database.drop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
};
const serverUsage = () => processUsage(server.pid);

// ---- figures ----------------------------------------------------------------------------
interface Op {
  times: number[];
  errors: number;
  samples: string[];
}
const ops = new Map<string, Op>();
const op = (name: string) => ops.get(name) ?? ops.set(name, { times: [], errors: 0, samples: [] }).get(name)!;
function fail(name: string, message: string) {
  const o = op(name);
  o.errors += 1;
  if (o.samples.length < 3) o.samples.push(message.slice(0, 200));
}
async function timed<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {
  const started = performance.now();
  try {
    const value = await work();
    op(name).times.push(performance.now() - started);
    return value;
  } catch (err) {
    fail(name, (err as Error).message);
    return undefined;
  }
}
const pct = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;

async function call(method: string, url: string, body?: unknown, token?: string) {
  const res = await fetch(address + url, {
    method,
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url.replace(/[0-9a-f-]{36}/g, ':id')}: ${res.status} ${text.slice(0, 120)}`);
  return text ? JSON.parse(text) : null;
}

/** Runs work over items with at most `limit` at once. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]!, i);
      }
    }),
  );
  return out;
}

const PASSWORD = 'load-bench-amber-lantern-42';
async function makeAccounts(n: number, prefix: string) {
  const run = randomBytes(3).toString('hex');
  return pool(
    Array.from({ length: n }, (_, i) => i),
    16,
    async (i) => {
      const email = `${prefix}-${run}-${i}@example.com`;
      await call('POST', '/api/v1/auth/register', { email, password: PASSWORD, name: `${prefix} ${i}` });
      const { accessToken } = await call('POST', '/api/v1/auth/token', { email, password: PASSWORD });
      const me = await call('GET', '/api/v1/auth/me', undefined, accessToken);
      return { email, token: accessToken as string, id: me.user.id as string };
    },
  );
}

function openSocket(token: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/v1/ws`, { headers: { authorization: `Bearer ${token}` } });
    ws.once('message', () => resolve(ws)); // hello
    ws.once('unexpected-response', (_req, res) => reject(new Error(`WebSocket upgrade: HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const ANSWERS = [
  'I would start by measuring where the time goes, with a profile of the slow request and the query plan of its statements, then fix the largest cost first and measure again before changing anything else.',
  'A queue decouples the producer from the consumer: the request stores the work and returns, a worker takes it with a lease so a crash hands it to another worker, and the handler is written so a second run changes nothing.',
  'An index on the columns in the WHERE clause turns a scan into a lookup; I confirm with EXPLAIN ANALYZE that it is used and remember that each index costs time on every insert and update.',
  'To keep a service available during a deploy I run two instances behind a load balancer, drain one, upgrade it, check its readiness endpoint, and only then move on to the next instance.',
];

try {
  // ---- start ------------------------------------------------------------------------------
  const readyMs = Math.round(await waitForReady(server, 240_000, 100));
  console.log(`server ready after ${readyMs} ms (PostgreSQL, its own process)`);

  if (idleSockets > 0) {
    // ---- idle sockets -----------------------------------------------------------------------
    const users = await makeAccounts(Math.ceil(idleSockets / 10), 'idle');
    const before = serverUsage();
    const t0 = performance.now();
    const sockets = (
      await pool(
        Array.from({ length: idleSockets }, (_, i) => i),
        200,
        (i) => timed('open socket', () => openSocket(users[Math.floor(i / 10)]!.token)),
      )
    ).filter((s): s is WebSocket => s !== undefined);
    const openMs = Math.round(performance.now() - t0);
    await sleep(Number(values.hold) * 1000);
    const held = serverUsage();
    // A ping round trip on a sample of the sockets while all are held.
    for (const ws of sockets.filter((_, i) => i % Math.max(1, Math.floor(sockets.length / 200)) === 0)) {
      await timed('ping while held', async () => {
        const pong = new Promise<void>((resolve) => ws.once('message', () => resolve()));
        ws.send(JSON.stringify({ type: 'ping' }));
        await pong;
      });
    }
    const stillOpen = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
    for (const s of sockets) s.terminate();
    const o = op('open socket');
    const p = op('ping while held').times.sort((a, b) => a - b);
    const figures = {
      sockets: idleSockets,
      opened: sockets.length,
      openErrors: o.errors,
      openSeconds: openMs / 1000,
      stillOpenAfterHold: stillOpen,
      pingP50Ms: Math.round(pct(p, 50) * 10) / 10,
      pingP99Ms: Math.round(pct(p, 99) * 10) / 10,
      rssBeforeMiB: before.rssMiB,
      rssHeldMiB: held.rssMiB,
      kibPerSocket: Math.round(((held.rssMiB - before.rssMiB) * 1024) / Math.max(1, sockets.length)),
      errorSamples: o.samples,
    };
    if (values.json) console.log(JSON.stringify(figures, null, 2));
    else {
      console.log(
        `${figures.opened} of ${idleSockets} idle WebSockets open in ${figures.openSeconds} s (${figures.openErrors} errors), ${stillOpen} still open after ${values.hold} s`,
      );
      console.log(`ping while held: p50 ${figures.pingP50Ms} ms, p99 ${figures.pingP99Ms} ms`);
      console.log(
        `server RSS ${figures.rssBeforeMiB} MiB before, ${figures.rssHeldMiB} MiB holding them (≈ ${figures.kibPerSocket} KiB per socket)`,
      );
      for (const s of figures.errorSamples) console.log(`  error: ${s}`);
    }
  } else {
    // ---- setup: accounts, an organization, one assigned interview each ----------------------
    const setupStarted = Date.now();
    // One coach per 300 candidates: scheduling an interview counts against its coach's per-user
    // budget (RATE_LIMIT_OTHER, 600 a minute), which one coach making 1,000 in a minute would pass.
    // The server's limits stay at their defaults.
    const coaches = await makeAccounts(Math.ceil(candidates / 300), 'coach');
    const people = await makeAccounts(candidates, 'candidate');
    const coachOf = (i: number) => coaches[i % coaches.length]!;
    const { id: orgId } = await call('POST', '/api/v1/orgs', { name: 'Load Hiring' }, coaches[0]!.token);
    if (coaches.length > 1) {
      const rows = coaches.slice(1).map((_, j) => `($${j * 2 + 1}::uuid, '${orgId}'::uuid, $${j * 2 + 2}::uuid, 'coach', now())`);
      await database.query(
        `insert into memberships (id, org_id, user_id, role, created_at) values ${rows.join(',')}`,
        coaches.slice(1).flatMap((c) => [randomUUID(), c.id]),
      );
    }
    for (let i = 0; i < people.length; i += 500) {
      const chunk = people.slice(i, i + 500);
      const rows = chunk.map((_, j) => `($${j * 2 + 1}::uuid, '${orgId}'::uuid, $${j * 2 + 2}::uuid, 'candidate', now())`).join(',');
      await database.query(
        `insert into memberships (id, org_id, user_id, role, created_at) values ${rows}`,
        chunk.flatMap((p) => [randomUUID(), p.id]),
      );
      const pairs = chunk
        .map((_, j) => `($${j * 2 + 1}::uuid, '${orgId}'::uuid, '${coachOf(i + j).id}'::uuid, $${j * 2 + 2}::uuid, now())`)
        .join(',');
      await database.query(
        `insert into coach_assignments (id, org_id, coach_id, candidate_id, created_at) values ${pairs}`,
        chunk.flatMap((p) => [randomUUID(), p.id]),
      );
    }
    const questionCount = Math.min(20, Math.ceil(durationMs / answerMinMs) + 1);
    const scheduled = await pool(people, 8, (p, i) =>
      call(
        'POST',
        '/api/v1/interviews',
        {
          kind: 'assigned',
          candidateId: p.id,
          orgId,
          type: 'technical',
          role: 'Backend engineer',
          level: 'mid',
          questionCount,
          windowStart: new Date().toISOString(),
          windowEnd: new Date(Date.now() + 24 * 3_600_000).toISOString(),
          durationMinutes: Math.ceil(durationMs / 60_000) + 10,
        },
        coachOf(i).token,
      ).then((iv: { id: string }) => iv.id),
    );
    console.log(
      `setup: ${candidates} candidates with a scheduled interview of ${questionCount} questions in ${Math.round((Date.now() - setupStarted) / 1000)} s`,
    );
    // Let the setup's mails and grading settle, then start counting.
    await sleep(3000);
    await database.query(`select pg_stat_statements_reset()`).catch(() => {});

    // ---- the timed part ------------------------------------------------------------------------
    const ramp = Math.min(30_000, durationMs / 10);
    const t0 = Date.now();
    const usage0 = serverUsage();
    let peakRss = usage0.rssMiB;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, serverUsage().rssMiB)), 1000);
    let graded = 0;

    async function candidate(p: { email: string; id: string }, interviewId: string) {
      const offset = Math.random() * ramp;
      const endAt = t0 + offset + durationMs - ramp;
      await sleep(offset);
      const auth = await timed('sign in', () => call('POST', '/api/v1/auth/token', { email: p.email, password: PASSWORD }));
      if (!auth) return;
      const token = auth.accessToken as string;
      const opened = await timed('open interview', () => call('GET', `/api/v1/interviews/${interviewId}`, undefined, token));
      if (!opened) return;
      const ws = await timed('open socket', () => openSocket(token));
      ws?.on('message', (data) => {
        if ((JSON.parse(data.toString()) as { type: string }).type === 'answer_graded') graded += 1;
      });
      const started = await timed('start interview', () => call('POST', `/api/v1/interviews/${interviewId}/start`, undefined, token));
      const questions: { id: string }[] = (started ?? opened).questions;
      let q = 0;
      let nextAnswerAt = Date.now() + answerMinMs + Math.random() * (answerMaxMs - answerMinMs);
      let nextDraftAt = Date.now() + Math.random() * draftEveryMs;
      while (Date.now() < endAt && q < questions.length) {
        const wake = Math.min(nextDraftAt, nextAnswerAt, endAt);
        await sleep(Math.max(0, wake - Date.now()));
        if (Date.now() >= endAt) break;
        const text = `${ANSWERS[(q + p.email.length) % ANSWERS.length]} (${p.email.slice(-6)} q${q})`;
        if (Date.now() >= nextAnswerAt) {
          await timed('answer', () =>
            call('POST', `/api/v1/interviews/${interviewId}/answers`, { questionId: questions[q]!.id, text }, token),
          );
          q += 1;
          nextAnswerAt = Date.now() + answerMinMs + Math.random() * (answerMaxMs - answerMinMs);
          nextDraftAt = Date.now() + draftEveryMs;
        } else {
          const partial = text.slice(0, Math.ceil((text.length * (Date.now() - (nextAnswerAt - answerMaxMs))) / answerMaxMs));
          await timed('save draft', () =>
            call('PUT', `/api/v1/interviews/${interviewId}/drafts/${questions[q]!.id}`, { text: partial }, token),
          );
          nextDraftAt += draftEveryMs;
        }
      }
      await timed('finish', () => call('POST', `/api/v1/interviews/${interviewId}/complete`, undefined, token));
      ws?.close();
    }
    await Promise.all(people.map((p, i) => candidate(p, scheduled[i]!)));
    clearInterval(sampler);
    const usage1 = serverUsage();
    const wallMs = Date.now() - t0;

    // ---- where the time went in the database ---------------------------------------------------
    const statements = await database
      .query<{ query: string; calls: string; total: number; mean: number }>(
        `select left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as query, calls, round(total_exec_time)::int as total, round(mean_exec_time::numeric, 2)::float as mean
         from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database()) order by total_exec_time desc limit 8`,
      )
      .catch(() => null);

    const table = [...ops.entries()].map(([name, o]) => {
      const s = o.times.sort((a, b) => a - b);
      return {
        operation: name,
        count: s.length,
        errors: o.errors,
        p50Ms: Math.round(pct(s, 50)),
        p99Ms: Math.round(pct(s, 99)),
        maxMs: Math.round(s[s.length - 1] ?? 0),
        errorSamples: o.samples,
      };
    });
    const figures = {
      candidates,
      durationSeconds: wallMs / 1000,
      operations: table,
      answerGradedEvents: graded,
      serverCpuSeconds: (usage1.cpuMs - usage0.cpuMs) / 1000,
      serverCpuShare: Math.round(((usage1.cpuMs - usage0.cpuMs) / wallMs) * 100) / 100,
      serverRssMiB: { start: usage0.rssMiB, peak: peakRss, end: usage1.rssMiB },
      topStatements: statements,
    };
    if (values.json) console.log(JSON.stringify(figures, null, 2));
    else {
      console.log(`${candidates} candidates for ${figures.durationSeconds} s against one instance on PostgreSQL`);
      console.log('operation          count  errors   p50 ms   p99 ms   max ms');
      for (const r of table) {
        console.log(
          `${r.operation.padEnd(17)} ${String(r.count).padStart(6)} ${String(r.errors).padStart(7)} ${String(r.p50Ms).padStart(8)} ${String(r.p99Ms).padStart(8)} ${String(r.maxMs).padStart(8)}`,
        );
        for (const e of r.errorSamples) console.log(`    error: ${e}`);
      }
      console.log(`answer_graded pushed over the sockets: ${graded}`);
      console.log(
        `server: ${figures.serverCpuSeconds} s CPU (${Math.round(figures.serverCpuShare * 100)} % of one core), RSS ${usage0.rssMiB} MiB at start, ${peakRss} MiB peak, ${usage1.rssMiB} MiB at the end`,
      );
      if (statements) {
        console.log('busiest statements (pg_stat_statements, total ms / calls / mean ms):');
        for (const s of statements)
          console.log(`  ${String(s.total).padStart(7)} ${String(s.calls).padStart(7)} ${String(s.mean).padStart(7)}  ${s.query}`);
      } else console.log('(pg_stat_statements is not loaded on this server: no per-statement figures)');
    }
  }
} finally {
  await cleanup();
}
