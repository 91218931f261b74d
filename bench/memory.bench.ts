/**
 * Memory benchmark: a real `panelist serve` (production settings, its own process) taken through
 * every engine one after the other, with its resident memory printed after each step:
 * ready (/readyz) → grading models loaded in the background → an answer graded → a resume read
 * (a text PDF, then a scanned one: OCR) → code run in JavaScript, Python and SQL → a voice
 * recording measured → a job description added.
 * Per step: the server process's RSS (main thread, worker threads and WebAssembly memory), the
 * RSS of its child processes (resume reading, code sandboxes), the main thread's V8 heap and
 * external memory (from /metrics), and the server's CPU seconds so far. CPU time is not distorted
 * by other processes on a crowded machine; wall time is, so it is printed with the load average.
 * Runs on PGlite in a temporary DATA_DIR (measured on a restart, after a first start created the
 * database), or on PostgreSQL when DATABASE_URL is set (a scratch
 * database is created and dropped).
 *   npm run bench:memory [-- --json]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:memory
 * Extra server settings can be passed through the environment (e.g. EVALUATOR_THREADS=2).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiCaller, processUsage, signUpCandidate, startBenchServer, waitForReady } from './bench-api.js';
import { scratchDatabase } from '../src/server/testing/scale-out-cluster.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtures = path.join(root, 'test/fixtures');

const database = process.env.DATABASE_URL ? await scratchDatabase(process.env.DATABASE_URL) : null;
const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-memory-'));
// On PGlite, the database is created by a first start and the figures are taken on the restart:
// creating it (initdb) happens once per installation and leaves garbage a restart does not have.
if (!database) {
  const first = await startBenchServer({ dataDir, stdout: 'ignore', env: { SANDBOX_WARM: 'false' } });
  await waitForReady(first).finally(() => first.stop());
}
// A crowded machine stretches a PDF's reading past the 10 s default; memory is what is measured here.
const server = await startBenchServer({
  dataDir,
  databaseUrl: database?.url ?? '',
  stdout: 'ignore',
  env: { RESUME_READ_TIMEOUT_MS: '120000' },
});

/** The process ids below `pid` (children and their children), from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of parents.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** The main thread's heap and external memory, from the server's own Prometheus metrics. */
async function mainThreadMemory(): Promise<{ heapMiB: number; externalMiB: number }> {
  const res = await fetch(`${server.address}/metrics`);
  if (!res.ok) throw new Error(`GET /metrics: ${res.status} ${await res.text()}`);
  const text = await res.text();
  const metric = (name: string) => Number(new RegExp(`^panelist_${name}(?:\\{[^}]*\\})? (\\S+)`, 'm').exec(text)?.[1] ?? 0) / 2 ** 20;
  return { heapMiB: Math.round(metric('nodejs_heap_size_used_bytes')), externalMiB: Math.round(metric('nodejs_external_memory_bytes')) };
}

interface Step {
  step: string;
  serverMiB: number;
  childrenMiB: number;
  children: number;
  heapMiB: number;
  externalMiB: number;
  cpuSeconds: number;
  wallSeconds: number;
  load1: number;
}
const steps: Step[] = [];
const startedAt = performance.now();
async function record(step: string) {
  const own = processUsage(server.pid);
  const kids = descendants(server.pid).map((pid) => processUsage(pid));
  steps.push({
    step,
    serverMiB: own.rssMiB,
    childrenMiB: kids.reduce((sum, k) => sum + k.rssMiB, 0),
    children: kids.filter((k) => k.rssMiB > 0).length,
    ...(await mainThreadMemory()),
    cpuSeconds: own.cpuMs / 1000,
    wallSeconds: Math.round((performance.now() - startedAt) / 100) / 10,
    load1: Math.round(loadavg()[0]! * 10) / 10,
  });
  if (!values.json) {
    const s = steps.at(-1)!;
    process.stdout.write(
      `${s.step.padEnd(34)} server ${String(s.serverMiB).padStart(5)} MiB   children ${String(s.childrenMiB).padStart(5)} MiB (${s.children})   ` +
        `main heap ${String(s.heapMiB).padStart(4)} / external ${String(s.externalMiB).padStart(4)} MiB   CPU ${s.cpuSeconds.toFixed(1).padStart(5)} s   at ${s.wallSeconds} s (load ${s.load1})\n`,
    );
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  await waitForReady(server);
  await record('ready (/readyz)');

  const call = apiCaller(server.address);
  for (;;) {
    const state = (await fetch(`${server.address}/readyz`).then((r) => r.json())) as { evaluator?: string };
    if (state.evaluator === 'ready') break;
    if (state.evaluator === 'failed') throw new Error('the evaluator failed to load');
    await sleep(100);
  }
  // Sandboxes warm beside the models; give them a moment to finish starting.
  await sleep(2000);
  await record('models loaded, sandboxes warm');

  const token = await signUpCandidate(call, 'memory');
  const interview = await call(
    'POST',
    '/api/v1/interviews',
    { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 2 },
    token,
  );
  await call(
    'POST',
    `/api/v1/interviews/${interview.id}/answers`,
    {
      questionId: interview.questions[0].id,
      text: 'I would add an index on the column in the WHERE clause, check with EXPLAIN that it is used, and remember that each index slows inserts a little.',
    },
    token,
  );
  await record('an answer graded');

  const uploadResume = async (file: string) => {
    const boundary = 'memory-bench-boundary';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file}"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      readFileSync(path.join(fixtures, 'resumes', file)),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${server.address}/api/v1/resumes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    if (res.status !== 201) throw new Error(`resume upload: ${res.status} ${await res.text()}`);
  };
  await uploadResume('pdf-software-engineer.pdf');
  await record('a resume read (PDF)');
  await uploadResume('pdf-scanned.pdf');
  await record('a scanned resume read (OCR)');

  const run = (slug: string, language: string, code: string) =>
    call('POST', `/api/v1/coding/problems/${slug}/run`, { language, code }, token);
  await run(
    'pair-with-target-sum',
    'javascript',
    'function pairWithTargetSum(nums, target) { const seen = new Map(); for (let i = 0; i < nums.length; i++) { if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i]; seen.set(nums[i], i); } }',
  );
  await record('code run: JavaScript');
  await run(
    'pair-with-target-sum',
    'python',
    'def pair_with_target_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n',
  );
  await record('code run: Python');
  await run(
    'customers-who-never-ordered',
    'sql',
    'SELECT c.name FROM customers c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id)',
  );
  await record('code run: SQL');

  // A recording through the resumable upload; the server measures the voice when it completes.
  const webm = readFileSync(path.join(fixtures, 'voice/chromium-160-wpm.webm'));
  const tus = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${server.address}/api/v1/uploads`, {
    method: 'POST',
    headers: {
      ...tus,
      'upload-length': String(webm.length),
      'upload-metadata': `filetype ${Buffer.from('audio/webm').toString('base64')},durationMs ${Buffer.from('23000').toString('base64')}`,
    },
  });
  if (created.status !== 201) throw new Error(`upload: ${created.status} ${await created.text()}`);
  const patched = await fetch(new URL(created.headers.get('location')!, server.address), {
    method: 'PATCH',
    headers: { ...tus, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: webm,
  });
  if (patched.status !== 204) throw new Error(`upload: ${patched.status} ${await patched.text()}`);
  await record('a voice recording measured');

  const { id: orgId } = await call('POST', '/api/v1/orgs', { name: 'Memory Hiring' }, token);
  await call(
    'POST',
    `/api/v1/orgs/${orgId}/job-descriptions`,
    {
      title: 'Backend engineer',
      level: 'mid',
      text: 'We are looking for a backend engineer with 3+ years of TypeScript and Node.js, PostgreSQL, Docker and Kubernetes. Experience with Kafka, Redis and AWS is a plus. You will design REST APIs, write tests and review code.',
    },
    token,
  );
  await record('a job description added');

  if (values.json)
    process.stdout.write(`${JSON.stringify({ database: database ? 'postgres' : 'pglite', steps, loadAverage: loadavg() }, null, 2)}\n`);
  else {
    const peak = Math.max(...steps.map((s) => s.serverMiB));
    const peakAll = Math.max(...steps.map((s) => s.serverMiB + s.childrenMiB));
    process.stdout.write(
      `${database ? 'PostgreSQL' : 'PGlite (embedded)'}: peak ${peak} MiB in the server process, ${peakAll} MiB with its child processes; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
  }
} finally {
  await server.stop();
  await database?.drop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
}
