import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { cancelJob, enqueueJob, type NewJob } from './job-queue.js';
import { JobRegistry, type JobContext, type JobHandler } from './job-registry.js';
import { claimDueJobs, createJobRunner, retryDelayMs } from './job-runner.js';
import { jobs } from './jobs.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.database.db.delete(jobs);
});

function recordingLog() {
  const entries: { level: string; obj: unknown; msg: unknown }[] = [];
  const log = {
    level: 'info',
    child: () => log,
    ...Object.fromEntries(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => [
        level,
        (obj: unknown, msg?: unknown) => entries.push({ level, obj, msg }),
      ]),
    ),
  };
  return { log: log as unknown as FastifyBaseLogger, entries };
}

function runnerWith(handlers: Record<string, JobHandler>, db: Database = t.database.db, batchSize = 10) {
  const registry = new JobRegistry();
  for (const [kind, handler] of Object.entries(handlers)) registry.register(kind, handler);
  const { log, entries } = recordingLog();
  return { runner: createJobRunner({ db, registry, clock: t.clock, log, pollMs: 20, batchSize }), entries };
}

async function enqueue(job: Partial<NewJob> & { kind: string }) {
  await t.database.db.transaction((tx) => enqueueJob(tx, { payload: {}, runAt: t.clock.now(), ...job }, t.clock.now()));
}

async function allJobs() {
  return t.database.db.select().from(jobs).orderBy(jobs.createdAt, jobs.id);
}

describe('the job runner', () => {
  it('runs a due job once and leaves a future one until its time', async () => {
    const seen: unknown[] = [];
    const { runner } = runnerWith({ greet: async (payload) => void seen.push(payload.name) });
    await enqueue({ kind: 'greet', payload: { name: 'now' } });
    await enqueue({ kind: 'greet', payload: { name: 'later' }, runAt: new Date(t.clock.now().getTime() + 60_000) });
    expect(await runner.runDue()).toBe(1);
    expect(await runner.runDue()).toBe(0);
    expect(seen).toEqual(['now']);
    t.clock.advance(60_000);
    expect(await runner.runDue()).toBe(1);
    expect(seen).toEqual(['now', 'later']);
    const rows = await allJobs();
    expect(rows.every((r) => r.completedAt !== null && r.lockedUntil === null && r.attempts === 1)).toBe(true);
  });

  it('retries a failing job with exponential backoff, then completes it', async () => {
    const attempts: number[] = [];
    const { runner, entries } = runnerWith({
      flaky: async (_payload, ctx: JobContext) => {
        attempts.push(ctx.attempt);
        if (ctx.attempt < 3) throw new Error(`SMTP said no (${ctx.attempt})`);
      },
    });
    await enqueue({ kind: 'flaky' });
    expect(await runner.runDue()).toBe(1);
    let [row] = await allJobs();
    expect(row).toMatchObject({ attempts: 1, lastError: 'SMTP said no (1)', completedAt: null, failedAt: null, lockedBy: null });
    expect(row!.runAt.getTime() - t.clock.now().getTime()).toBe(10_000);

    t.clock.advance(9_999);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    [row] = await allJobs();
    expect(row!.runAt.getTime() - t.clock.now().getTime()).toBe(20_000);

    t.clock.advance(20_000);
    expect(await runner.runDue()).toBe(1);
    [row] = await allJobs();
    expect(row!.completedAt).not.toBeNull();
    expect(attempts).toEqual([1, 2, 3]);
    expect(entries.filter((e) => e.level === 'warn')).toHaveLength(2);
    expect(entries.filter((e) => e.level === 'error')).toHaveLength(0);
  });

  it('caps the backoff at an hour', () => {
    expect([1, 2, 3, 8, 9, 20].map(retryDelayMs)).toEqual([10_000, 20_000, 40_000, 1_280_000, 2_560_000, 3_600_000]);
  });

  it('fails a job for good after its last attempt and logs an error', async () => {
    let runs = 0;
    const { runner, entries } = runnerWith({
      doomed: async () => {
        runs += 1;
        throw new Error('always broken');
      },
    });
    await enqueue({ kind: 'doomed', maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await runner.runDue();
      t.clock.advance(60 * 60_000);
    }
    expect(runs).toBe(3);
    const [row] = await allJobs();
    expect(row).toMatchObject({ attempts: 3, lastError: 'always broken', completedAt: null });
    expect(row!.failedAt).not.toBeNull();
    const errors = entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.obj).toMatchObject({ kind: 'doomed', attempts: 3 });
  });

  it('treats an unknown kind as a failed attempt with a clear error', async () => {
    const { runner } = runnerWith({});
    await enqueue({ kind: 'no-such-kind', maxAttempts: 1 });
    expect(await runner.runDue()).toBe(1);
    const [row] = await allJobs();
    expect(row!.lastError).toBe('no handler is registered for job kind "no-such-kind"');
    expect(row!.failedAt).not.toBeNull();
  });

  it('runs a job again once the lease of a worker that crashed mid-job has run out', async () => {
    const attempts: number[] = [];
    const { runner } = runnerWith({ work: async (_p, ctx) => void attempts.push(ctx.attempt) });
    await enqueue({ kind: 'work' });
    // A worker claims the job and dies before finishing it.
    const claimed = await claimDueJobs(t.database.db, { now: t.clock.now(), limit: 10, leaseMs: 60_000, lockedBy: 'crashed-worker:1' });
    expect(claimed).toHaveLength(1);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(59_999);
    expect(await runner.runDue()).toBe(0);
    t.clock.advance(1);
    expect(await runner.runDue()).toBe(1);
    // The crashed claim counted as an attempt, so a job that kills its worker every time still ends.
    expect(attempts).toEqual([2]);
    const [row] = await allJobs();
    expect(row!.completedAt).not.toBeNull();
  });

  it('ignores the late outcome of a run whose lease ran out and was taken over', async () => {
    await enqueue({ kind: 'work' });
    let entered!: () => void;
    const started = new Promise<void>((r) => (entered = r));
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = runnerWith({
      work: async () => {
        entered();
        await gate;
        throw new Error('gave up after the lease ended');
      },
    }).runner;
    const fast = runnerWith({ work: async () => {} }).runner;
    const slowRun = slow.runDue();
    await started;
    t.clock.advance(61_000);
    expect(await fast.runDue()).toBe(1);
    release();
    expect(await slowRun).toBe(1);
    const [row] = await allJobs();
    expect(row).toMatchObject({ failedAt: null, lastError: null, attempts: 2 });
    expect(row!.completedAt).not.toBeNull();
  });
});

describe('enqueueJob with a dedupeKey', () => {
  it('keeps one pending job per key: enqueuing again moves it and replaces its payload', async () => {
    const seen: unknown[] = [];
    const { runner } = runnerWith({ remind: async (p) => void seen.push(p.at) });
    const in1h = new Date(t.clock.now().getTime() + 3_600_000);
    const in2h = new Date(t.clock.now().getTime() + 7_200_000);
    await enqueue({ kind: 'remind', payload: { at: '1h' }, runAt: in1h, dedupeKey: 'reminder:iv1' });
    await enqueue({ kind: 'remind', payload: { at: '2h' }, runAt: in2h, dedupeKey: 'reminder:iv1' });
    await enqueue({ kind: 'remind', payload: { at: 'other' }, runAt: in1h, dedupeKey: 'reminder:iv2' });
    expect(await allJobs()).toHaveLength(2);
    t.clock.set(in1h);
    await runner.runDue();
    expect(seen).toEqual(['other']);
    t.clock.set(in2h);
    await runner.runDue();
    expect(seen).toEqual(['other', '2h']);
    // Once done, the key is free for a new job.
    await enqueue({ kind: 'remind', payload: { at: 'again' }, dedupeKey: 'reminder:iv1' });
    await runner.runDue();
    expect(seen).toEqual(['other', '2h', 'again']);
    expect(await allJobs()).toHaveLength(3);
  });

  it('a job moved while it runs is not marked done: it runs again at its new time', async () => {
    const seen: unknown[] = [];
    const later = new Date(t.clock.now().getTime() + 600_000);
    const { runner } = runnerWith({
      remind: async (p) => {
        seen.push(p.v);
        // The interview is rescheduled while its reminder is being sent.
        if (p.v === 1) await enqueue({ kind: 'remind', payload: { v: 2 }, runAt: later, dedupeKey: 'reminder:moved' });
      },
    });
    await enqueue({ kind: 'remind', payload: { v: 1 }, dedupeKey: 'reminder:moved' });
    await runner.runDue();
    const [row] = await allJobs();
    expect(row).toMatchObject({ completedAt: null, payload: { v: 2 }, attempts: 0 });
    t.clock.set(later);
    await runner.runDue();
    expect(seen).toEqual([1, 2]);
  });

  it('cancelJob drops the pending job', async () => {
    let runs = 0;
    const { runner } = runnerWith({ remind: async () => void (runs += 1) });
    await enqueue({ kind: 'remind', dedupeKey: 'reminder:cancelled' });
    await t.database.db.transaction((tx) => cancelJob(tx, 'reminder:cancelled', t.clock.now()));
    expect(await runner.runDue()).toBe(0);
    expect(runs).toBe(0);
    const [row] = await allJobs();
    expect(row!.lastError).toBe('cancelled');
  });

  it('enqueues nothing when the transaction rolls back', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await enqueueJob(tx, { kind: 'remind', payload: {}, runAt: t.clock.now() }, t.clock.now());
        tx.rollback();
      })
      .catch(() => {});
    expect(await allJobs()).toHaveLength(0);
  });
});

describe('polling', () => {
  it('start() picks up due jobs by itself; stop() waits for the job under way', async () => {
    let finished = false;
    const { runner } = runnerWith({
      slow: async () => {
        await new Promise((r) => setTimeout(r, 150));
        finished = true;
      },
    });
    await enqueue({ kind: 'slow' });
    runner.start();
    const deadline = Date.now() + 5000;
    while (!(await allJobs())[0]!.lockedBy && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    await runner.stop();
    expect(finished).toBe(true);
    const [row] = await allJobs();
    expect(row!.completedAt).not.toBeNull();
  });

  it('the app runs due jobs through the TestApp', async () => {
    // send-mail is registered by the mail feature; without SMTP the mail is stored.
    expect(await t.runJobs()).toBe(0);
  });
});

describe.runIf(process.env.DATABASE_URL)('two instances on one PostgreSQL database', () => {
  it('never run the same job twice', async () => {
    const peer = await t.startPeer();
    const counts = new Map<string, number>();
    const byRunner = [0, 0];
    const handler =
      (i: number): JobHandler =>
      async (_p, ctx) => {
        counts.set(ctx.jobId, (counts.get(ctx.jobId) ?? 0) + 1);
        byRunner[i]! += 1;
        await new Promise((r) => setTimeout(r, 5));
      };
    const a = runnerWith({ count: handler(0) }, t.database.db, 5).runner;
    const b = runnerWith({ count: handler(1) }, peer.database.db, 5).runner;
    await t.database.db.transaction(async (tx) => {
      for (let i = 0; i < 50; i++) await enqueueJob(tx, { kind: 'count', payload: { i }, runAt: t.clock.now() }, t.clock.now());
    });
    const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
    expect(ranA + ranB).toBe(50);
    expect(counts.size).toBe(50);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    expect(byRunner[0]).toBeGreaterThan(0);
    expect(byRunner[1]).toBeGreaterThan(0);
    const done = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(jobs)
      .where(eq(jobs.kind, 'count'));
    expect(done[0]!.n).toBe(50);
  });
});
