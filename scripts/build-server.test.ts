/**
 * The precompiled worker threads and child process (scripts/build-server.mjs): each bundle runs
 * in a plain Node process with no TypeScript loader, and does its real work there: the grading
 * thread grades an answer with grammar notes, the voice thread measures a recording, and the
 * reading process reads a job description's skills. Built into a folder of its own under dist/,
 * so the bundle a running server uses is left alone.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { buildServer, WORKER_ENTRIES } from './build-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);
let outDir: string;

/** Runs `script` (an ES module's text) in a fresh `node` with no loader hooks; returns its stdout as JSON. */
async function inPlainNode(script: string): Promise<unknown> {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 180_000,
  });
  return JSON.parse(stdout);
}

describe('worker and child-process bundles', () => {
  beforeAll(async () => {
    // Inside the checkout, so the bundles' npm imports resolve from its node_modules. A fresh
    // clone has no dist/ yet.
    mkdirSync(path.join(root, 'dist'), { recursive: true });
    outDir = mkdtempSync(path.join(root, 'dist', 'build-test-'));
    await buildServer({ outDir });
  }, 120_000);
  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it('leaves no esbuild service running after a build (npm start serves from the building process)', async () => {
    const script = pathToFileURL(path.join(root, 'scripts/build-server.mjs')).href;
    const children = (await inPlainNode(`
      import { readdirSync, readFileSync } from 'node:fs';
      const { buildServer } = await import(${JSON.stringify(script)});
      await buildServer({ outDir: ${JSON.stringify(path.join(outDir, 'again'))} });
      const alive = readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d)).flatMap((d) => {
        try {
          const stat = readFileSync('/proc/' + d + '/stat', 'utf8').split(') ')[1].split(' ');
          return Number(stat[1]) === process.pid && stat[0] !== 'Z' ? [readFileSync('/proc/' + d + '/cmdline', 'utf8')] : [];
        } catch { return []; }
      });
      console.log(JSON.stringify(alive));
    `)) as string[];
    expect(children.filter((c) => c.includes('esbuild'))).toEqual([]);
  }, 120_000);

  it('builds one bundle per worker entry beside the server', () => {
    expect(Object.keys(WORKER_ENTRIES).sort()).toEqual(['evaluator-thread', 'reading-child', 'voice-thread']);
  });

  it('grades an answer, with grammar notes, on a thread started from the bundle', async () => {
    const entry = pathToFileURL(path.join(outDir, 'evaluator-thread.mjs')).href;
    const result = (await inPlainNode(`
      import { Piscina } from 'piscina';
      const pool = new Piscina({ filename: ${JSON.stringify(entry)}, minThreads: 1, maxThreads: 1, workerData: { options: {} } });
      const described = await pool.run(null, { name: 'warm' });
      const evaluation = await pool.run({ question: 'How would you speed up a slow query?', type: 'technical',
        answer: 'I would add an index on the column in the where clause. Their is a cost: each index slow down inserts.' }, { name: 'evaluate' });
      await pool.destroy();
      console.log(JSON.stringify({ described, score: evaluation.score, grammar: evaluation.grammar.length }));
    `)) as { described: { name: string }; score: number; grammar: number };
    expect(result.described.name).toBe('local');
    expect(result.score).toBeGreaterThan(0);
    expect(result.grammar).toBeGreaterThan(0);
  }, 180_000);

  it('measures a recording on a voice thread started from the bundle', async () => {
    const entry = pathToFileURL(path.join(outDir, 'voice-thread.mjs')).href;
    const file = path.join(root, 'test/fixtures/voice/chromium-160-wpm.webm');
    const analysis = (await inPlainNode(`
      import { Piscina } from 'piscina';
      const pool = new Piscina({ filename: ${JSON.stringify(entry)}, maxThreads: 1 });
      const analysis = await pool.run({ file: ${JSON.stringify(file)}, mimeType: 'audio/webm' });
      await pool.destroy();
      console.log(JSON.stringify(analysis));
    `)) as { speakingSeconds: number } | null;
    // The fixture is 23 s of speech.
    expect(analysis?.speakingSeconds).toBeGreaterThan(10);
  }, 180_000);

  it('reads a job description in a reading process forked from the bundle', async () => {
    const entry = path.join(outDir, 'reading-child.mjs');
    const reply = (await inPlainNode(`
      import { fork } from 'node:child_process';
      const child = fork(${JSON.stringify(entry)}, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      const reply = await new Promise((resolve) => child.on('message', (m) => {
        if (m.ready) child.send({ id: 1, kind: 'job', text: 'We need 3+ years of TypeScript, PostgreSQL and Docker.', timeoutMs: 60000 });
        else resolve(m);
      }));
      child.kill();
      console.log(JSON.stringify(reply));
    `)) as { id: number; ok: boolean; extracted: { skills: { name: string }[] } };
    expect(reply.ok).toBe(true);
    expect(JSON.stringify(reply.extracted)).toMatch(/PostgreSQL/);
  }, 180_000);
});
