/**
 * Start-up benchmark: how soon a fresh `panelist serve` answers /readyz, how soon its evaluator
 * has loaded in the background, and how long the first graded answer after that takes — the
 * wait of the first candidate after a deploy. A real server process (production settings,
 * PGlite in a temporary DATA_DIR), timed from spawn. Prints the server's RSS at each step and
 * the CPU it used until /readyz (all threads; unlike wall time, not stretched by a crowded machine).
 *   npm run bench:first-answer [-- --early --runs 3 --json --root ../other-checkout]
 * --restart measures the second start on the same DATA_DIR (a restart, no database to create).
 * --early posts the first answer as soon as /readyz says ready, without waiting for the
 * background load (the worst case for a candidate who is already waiting).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiCaller, processUsage, signUpCandidate, startBenchServer, waitForReady } from './bench-api.js';

const { values } = parseArgs({
  options: {
    early: { type: 'boolean', default: false },
    // Measure a restart: the DATA_DIR already holds a database (no initdb), as after a deploy.
    restart: { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    json: { type: 'boolean', default: false },
    // Another checkout to measure (e.g. main, for a before/after under the same machine load).
    root: { type: 'string' },
  },
});
const root = values.root ? path.resolve(values.root) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Run {
  readyMs: number;
  evaluatorReadyMs: number | null;
  firstAnswerMs: number;
  secondAnswerMs: number;
  rssAtReadyMiB: number;
  rssAfterLoadMiB: number;
  rssAfterAnswerMiB: number;
  firstAnswerGrammarNotes: number;
  /** CPU the server used (all threads) until /readyz answered: what crowding does not change. */
  cpuAtReadyMs: number;
  /** The 1-minute load average when the run ended: how crowded the machine was. */
  load1: number;
}

async function runOnce(dataDir: string): Promise<Run> {
  const server = await startBenchServer({ dataDir, root, stdout: 'ignore', env: { AI_PROVIDER: 'local' } });
  const address = server.address;
  try {
    const readyz = async (): Promise<{ status: string; evaluator?: string } | null> =>
      fetch(`${address}/readyz`).then(
        async (r) => (r.ok ? ((await r.json()) as { status: string; evaluator?: string }) : null),
        () => null,
      );
    // Minutes, not seconds: a first start (initdb) on a crowded two-core machine has taken over 2.
    const deadline = Date.now() + 240_000;
    const readyMs = await waitForReady(server, 240_000);
    const atReady = processUsage(server.pid);
    const rssAtReadyMiB = atReady.rssMiB;
    const cpuAtReadyMs = atReady.cpuMs;

    const call = apiCaller(address);
    const accessToken = await signUpCandidate(call, 'first');
    const interview = await call(
      'POST',
      '/api/v1/interviews',
      { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 2 },
      accessToken,
    );

    // A server without the evaluator field (before background loading existed) is ready when /readyz is.
    let evaluatorReadyMs: number | null = null;
    if (!values.early) {
      for (;;) {
        if (Date.now() > deadline) throw new Error('the evaluator did not finish loading');
        const state = await readyz();
        if (state && (state.evaluator === undefined || state.evaluator === 'ready')) break;
        await sleep(20);
      }
      evaluatorReadyMs = performance.now() - server.spawnedAt;
    }
    const rssAfterLoadMiB = processUsage(server.pid).rssMiB;

    const answer =
      'I would add an index on the column used in the WHERE clause, check the query plan with EXPLAIN to see that the index is used, and keep in mind that every extra index slows down inserts and updates a little.';
    const t0 = performance.now();
    const first = await call(
      'POST',
      `/api/v1/interviews/${interview.id}/answers`,
      { questionId: interview.questions[0].id, text: answer },
      accessToken,
    );
    const firstAnswerMs = performance.now() - t0;
    const t1 = performance.now();
    await call(
      'POST',
      `/api/v1/interviews/${interview.id}/answers`,
      { questionId: interview.questions[1].id, text: `${answer} Then I measure again.` },
      accessToken,
    );
    const secondAnswerMs = performance.now() - t1;
    return {
      readyMs: Math.round(readyMs),
      evaluatorReadyMs: evaluatorReadyMs === null ? null : Math.round(evaluatorReadyMs),
      firstAnswerMs: Math.round(firstAnswerMs),
      secondAnswerMs: Math.round(secondAnswerMs),
      rssAtReadyMiB,
      rssAfterLoadMiB,
      rssAfterAnswerMiB: processUsage(server.pid).rssMiB,
      cpuAtReadyMs,
      load1: Math.round(loadavg()[0]! * 10) / 10,
      firstAnswerGrammarNotes: (first.evaluation?.grammar ?? first.answer?.evaluation?.grammar ?? []).length,
    };
  } finally {
    await server.stop();
  }
}

const runs: Run[] = [];
for (let i = 0; i < Math.max(1, Number(values.runs)); i++) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'panelist-first-answer-'));
  try {
    if (values.restart) await runOnce(dataDir);
    runs.push(await runOnce(dataDir));
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (values.json) {
  process.stdout.write(`${JSON.stringify({ early: values.early, runs }, null, 2)}\n`);
} else {
  for (const r of runs) {
    process.stdout.write(
      `ready (/readyz) ${r.readyMs} ms, ${(r.cpuAtReadyMs / 1000).toFixed(2)} s CPU; evaluator loaded ${r.evaluatorReadyMs ?? '-'} ms; ` +
        `first answer ${r.firstAnswerMs} ms${values.early ? ' (posted at readiness)' : ''}, second ${r.secondAnswerMs} ms; ` +
        `RSS ${r.rssAtReadyMiB} MiB at ready, ${r.rssAfterLoadMiB} MiB loaded, ${r.rssAfterAnswerMiB} MiB after the answers; ` +
        `grammar notes on the first answer: ${r.firstAnswerGrammarNotes}; load average ${r.load1}\n`,
    );
  }
}
