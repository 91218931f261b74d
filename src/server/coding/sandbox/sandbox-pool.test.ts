import { afterAll, describe, expect, it } from 'vitest';
import { type SandboxJob, SandboxPool } from './sandbox-pool.js';

const job: SandboxJob = {
  entry: 'solve',
  code: 'function solve(a) { return a.length; }',
  tests: [{ args: '[[3,1,2]]' }],
  timeLimitMs: 1000,
  memoryLimitBytes: 128 * 1024 * 1024,
  outputLimitBytes: 64 * 1024,
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sandbox processes that sit idle', () => {
  const exiting = new SandboxPool({ runtime: 'javascript', size: 1, idleExitMs: 300 });
  const staying = new SandboxPool({ runtime: 'javascript', size: 1 });
  afterAll(() => Promise.all([exiting.close(), staying.close()]));

  it('exit after idleExitMs, and the next run starts a fresh process and answers', async () => {
    expect((await exiting.run(job))[0]).toMatchObject({ outcome: 'ok', result: '3' });
    expect(exiting.running()).toBe(1);
    const deadline = Date.now() + 10_000;
    while (exiting.running() > 0 && Date.now() < deadline) await sleep(50);
    expect(exiting.running()).toBe(0);
    expect((await exiting.run(job))[0]).toMatchObject({ outcome: 'ok', result: '3' });
    expect(exiting.running()).toBe(1);
  }, 60_000);

  it('stay when the pool sets no idleExitMs (warm pools)', async () => {
    expect((await staying.run(job))[0]).toMatchObject({ outcome: 'ok', result: '3' });
    await sleep(1000);
    expect(staying.running()).toBe(1);
  }, 60_000);

  it('do not exit while runs keep coming within idleExitMs', async () => {
    const spawned: string[] = [];
    const counting = new SandboxPool({
      runtime: 'javascript',
      size: 1,
      idleExitMs: 1500,
      onEvent: (e) => {
        if (e.kind === 'spawn') spawned.push(e.kind);
      },
    });
    try {
      for (let i = 0; i < 4; i++) {
        expect((await counting.run(job))[0]!.outcome).toBe('ok');
        await sleep(500);
      }
      expect(spawned).toHaveLength(1);
    } finally {
      await counting.close();
    }
  }, 60_000);
});
