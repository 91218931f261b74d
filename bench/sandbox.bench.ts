/**
 * Sandbox figures: cold and warm start per runtime, p50/p99 of a small run, runs per second at
 * 2 concurrent runs, how long an infinite loop and a 1 GB allocation take to be stopped, and a
 * health endpoint's p99 (Fastify in this process, like the server's) while bombs are killed.
 * Run: npm run bench:sandbox
 */
import Fastify from 'fastify';
import { SandboxPool, type SandboxJob, type SandboxRuntime } from '../src/server/coding/sandbox/sandbox-pool.js';

// SQL (PGlite, one process started on the first SQL run) has its own section below.
type CodeRuntime = Exclude<SandboxRuntime, 'sql'>;
const LIMITS = { timeLimitMs: 1000, memoryLimitBytes: 128 * 1024 * 1024, outputLimitBytes: 64 * 1024 };
const small: Record<CodeRuntime, string> = {
  javascript: 'function solve(a) { return a.reduce((s, x) => s + x, 0); }',
  python: 'def solve(a):\n    return sum(a)',
};
const loop: Record<CodeRuntime, string> = {
  javascript: 'function solve() { for (;;) {} }',
  python: 'def solve(a):\n    while True:\n        pass',
};
const bomb: Record<CodeRuntime, string> = {
  // Memory that is written to: untouched zero pages would never become resident.
  javascript: 'function solve() { const keep = []; for (;;) keep.push(new Float64Array(1 << 20).fill(1.5)); }',
  python: 'def solve(a):\n    keep = []\n    while True:\n        keep.append(b"x" * (1 << 20))',
};
const job = (code: string): SandboxJob => ({ entry: 'solve', code, tests: [{ args: '[[1,2,3,4,5]]' }], ...LIMITS });

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
};

async function benchRuntime(runtime: CodeRuntime, warmRuns: number) {
  const pool = new SandboxPool({ runtime, size: 2 });
  const [, cold] = await timed(() => pool.warm());
  await pool.run(job(small[runtime]));
  const times: number[] = [];
  for (let i = 0; i < warmRuns; i++) times.push((await timed(() => pool.run(job(small[runtime]))))[1]);
  const total = warmRuns * 2;
  const [, concurrentMs] = await timed(async () => {
    let next = 0;
    const worker = async () => {
      while (next++ < total) await pool.run(job(small[runtime]));
    };
    await Promise.all([worker(), worker()]);
  });
  const [loopResult, loopMs] = await timed(() => pool.run(job(loop[runtime])));
  const [bombResult, bombMs] = await timed(() => pool.run(job(bomb[runtime])));
  console.log(`\n${runtime}`);
  console.log(`  cold start (2 processes in parallel)  ${ms(cold)}`);
  console.log(`  warm small run  p50 ${ms(quantile(times, 0.5))}  p99 ${ms(quantile(times, 0.99))}  (${warmRuns} runs)`);
  console.log(`  runs/s at 2 concurrent                ${((total / concurrentMs) * 1000).toFixed(1)}`);
  console.log(`  infinite loop (limit 1000 ms)         ${loopResult[0]!.outcome} after ${ms(loopMs)}`);
  console.log(`  allocation bomb (cap 128 MB)          ${bombResult[0]!.outcome} after ${ms(bombMs)}`);
  return pool;
}

/** SQL: one PGlite process; each run makes a scratch schema, fills it, runs the query and drops it. */
async function benchSql(warmRuns: number) {
  const pool = new SandboxPool({ runtime: 'sql', size: 1 });
  const data = `CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, total numeric(10, 2) NOT NULL);
INSERT INTO orders VALUES ${Array.from({ length: 50 }, (_, i) => `(${i + 1}, 'c${i % 7}', ${(i * 3.5).toFixed(2)})`).join(', ')};`;
  const sqlJob = (query: string): SandboxJob => ({ entry: 'query', code: query, tests: [{ args: JSON.stringify([data]) }], ...LIMITS });
  const [, cold] = await timed(() => pool.run(sqlJob('SELECT 1')));
  const small = 'SELECT customer, sum(total) FROM orders GROUP BY customer ORDER BY customer';
  const times: number[] = [];
  for (let i = 0; i < warmRuns; i++) times.push((await timed(() => pool.run(sqlJob(small))))[1]);
  // A query that never ends on its own (a recursive CTE counting forever) and one that builds a huge result.
  const [loopResult, loopMs] = await timed(() =>
    pool.run(sqlJob('WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n')),
  );
  // The killed process is replaced first (PGlite takes seconds to start): the figure is the bomb's alone.
  await pool.run(sqlJob('SELECT 1'));
  const [bombResult, bombMs] = await timed(() => pool.run(sqlJob("SELECT repeat('x', 1000000) FROM generate_series(1, 100000)")));
  console.log('\nsql');
  console.log(`  cold start (first run starts PGlite)  ${ms(cold)}`);
  console.log(`  warm small run  p50 ${ms(quantile(times, 0.5))}  p99 ${ms(quantile(times, 0.99))}  (${warmRuns} runs)`);
  console.log(`  endless recursive query (limit 1000 ms) ${loopResult[0]!.outcome} after ${ms(loopMs)}`);
  console.log(`  huge result (cap 128 MB, limit 1000 ms)${bombResult[0]!.outcome} after ${ms(bombMs)}`);
  await pool.close();
}

const js = await benchRuntime('javascript', 200);
const py = await benchRuntime('python', 40);
await benchSql(40);

// Health latency while bombs are being killed, one after another, in both runtimes.
const app = Fastify();
app.get('/healthz', async () => ({ status: 'ok' }));
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/healthz`;
let bombing = true;
const bombs = (async () => {
  let killed = 0;
  while (bombing) {
    await Promise.all([js.run(job(bomb.javascript)), py.run(job(bomb.python))]);
    killed += 2;
  }
  return killed;
})();
const latencies: number[] = [];
const until = performance.now() + 8000;
while (performance.now() < until) {
  latencies.push((await timed(() => fetch(url).then((r) => r.text())))[1]);
  await new Promise((r) => setTimeout(r, 5));
}
bombing = false;
const killed = await bombs;
console.log(`\n/healthz while bombs are killed (${killed} bombs, ${latencies.length} requests)`);
console.log(`  p50 ${ms(quantile(latencies, 0.5))}  p99 ${ms(quantile(latencies, 0.99))}  max ${ms(Math.max(...latencies))}`);
await app.close();
await Promise.all([js.close(), py.close()]);
