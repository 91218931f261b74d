/**
 * CPU cost of one read, measured in-process and one request at a time, so it means something
 * on a busy machine where throughput figures swing: GET interview and GET report against a
 * /healthz baseline, on PGlite or on PostgreSQL (DATABASE_URL). The throughput ceiling of a
 * core is about 1000 / (ms per request).
 *   npm run bench:read-cost [-- --requests 400]
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { createTestApp, registerUser } from '../src/server/testing/test-app.js';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '400' } } });
const requests = Number(values.requests);
const t = await createTestApp({ EVALUATOR_THREADS: '0' });
const candidate = await registerUser(t.app);
const made = await candidate.request({
  method: 'POST',
  url: '/api/v1/interviews',
  payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 5 },
});
const interview = made.json() as { id: string; questions: { id: string }[] };
for (const q of interview.questions) {
  await candidate.request({
    method: 'POST',
    url: `/api/v1/interviews/${interview.id}/answers`,
    payload: {
      questionId: q.id,
      text: 'I would add an index on the filtered column, check the plan with EXPLAIN, and measure again before and after.',
    },
  });
}

/** Statements the database has run for this test database (PostgreSQL only; stats flush within a second). */
async function statements(): Promise<number> {
  if (t.database.kind !== 'postgres') return 0;
  await new Promise((r) => setTimeout(r, 1500));
  const result = (await t.database.db.execute(
    sql`select (xact_commit + xact_rollback)::int as n from pg_stat_database where datname = current_database()`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

async function measure(url: string) {
  for (let i = 0; i < 30; i++) await candidate.request({ method: 'GET', url });
  const before = await statements();
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (let i = 0; i < requests; i++) {
    const res = await candidate.request({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode}`);
  }
  const used = process.cpuUsage(cpu);
  const wallMs = (performance.now() - started) / requests;
  // Less the statistics query itself.
  const queries = t.database.kind === 'postgres' ? ((await statements()) - before - 1) / requests : NaN;
  return { wallMs, cpuMs: (used.user + used.system) / 1000 / requests, queries };
}

const rows = {
  '/healthz': await measure('/healthz'),
  'GET interview': await measure(`/api/v1/interviews/${interview.id}`),
  'GET report': await measure(`/api/v1/interviews/${interview.id}/report`),
};
console.log(`${t.database.kind}, ${requests} sequential requests each, in-process (inject)`);
for (const [name, r] of Object.entries(rows))
  console.log(
    `${name.padEnd(14)} wall ${r.wallMs.toFixed(2)} ms   CPU of this process ${r.cpuMs.toFixed(2)} ms   database statements ${r.queries.toFixed(1)} per request`,
  );
await t.close();
