import { hostname } from 'node:os';
import { safeErrorMessage } from '../../db/query-errors.js';
import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Clock } from '../clock.js';
import type { JobRegistry } from './job-registry.js';
import { jobs } from './jobs.table.js';

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Counts this run: a claim is an attempt, so a job that crashes its worker every time still ends. */
  attempts: number;
  maxAttempts: number;
  /** Identifies this claim; finishing only counts while the row still carries it. */
  lockedBy: string;
}

export interface JobRunner {
  /** Runs every job due at the clock's now, batch after batch, until none is left; returns how many ran. */
  runDue(): Promise<number>;
  /** Polls for due jobs every pollMs until stop(). */
  start(): void;
  /** Stops polling and waits (boundedly) for the jobs under way. */
  stop(): Promise<void>;
}

export const DEFAULT_LEASE_MS = 60_000;
const FIRST_RETRY_MS = 10_000;
const MAX_RETRY_MS = 60 * 60_000;
const MAX_ERROR_LENGTH = 2000;
/** A handler that enqueues more due work each time could keep runDue busy forever. */
const MAX_ROUNDS = 1000;

/** 10 s after the first failure, doubling, at most an hour. */
export function retryDelayMs(attempt: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempt - 1), MAX_RETRY_MS);
}

/**
 * Takes up to `limit` due jobs in one short transaction. SKIP LOCKED lets several instances
 * claim at once without waiting on, or taking, each other's rows; the lease written here is
 * what keeps the row theirs after the transaction ends.
 */
export async function claimDueJobs(
  db: Database,
  opts: { now: Date; limit: number; leaseMs: number; lockedBy: string },
): Promise<ClaimedJob[]> {
  const { now, limit, leaseMs, lockedBy } = opts;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          isNull(jobs.completedAt),
          isNull(jobs.failedAt),
          lte(jobs.runAt, now),
          or(isNull(jobs.lockedUntil), lte(jobs.lockedUntil, now)),
        ),
      )
      .orderBy(asc(jobs.runAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    if (due.length === 0) return [];
    const rows = await tx
      .update(jobs)
      .set({ lockedUntil: new Date(now.getTime() + leaseMs), lockedBy, attempts: sql`${jobs.attempts} + 1` })
      .where(
        inArray(
          jobs.id,
          due.map((d) => d.id),
        ),
      )
      .returning();
    return rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, attempts: r.attempts, maxAttempts: r.maxAttempts, lockedBy }));
  });
}

/** Only while the row is still this claim's and unfinished: a moved or cancelled job is left alone. */
function stillOurs(job: ClaimedJob) {
  return and(eq(jobs.id, job.id), eq(jobs.lockedBy, job.lockedBy), isNull(jobs.completedAt), isNull(jobs.failedAt));
}

async function markDone(db: DbOrTx, job: ClaimedJob, now: Date) {
  await db.update(jobs).set({ completedAt: now, lockedUntil: null }).where(stillOurs(job));
}

async function markFailedAttempt(db: DbOrTx, job: ClaimedJob, now: Date, message: string): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  await db
    .update(jobs)
    .set({
      lastError: message.slice(0, MAX_ERROR_LENGTH),
      lockedUntil: null,
      lockedBy: null,
      ...(final ? { failedAt: now } : { runAt: new Date(now.getTime() + retryDelayMs(job.attempts)) }),
    })
    .where(stillOurs(job));
  return final ? 'failed' : 'retry';
}

export function createJobRunner(deps: {
  db: Database;
  registry: JobRegistry;
  clock: Clock;
  log: FastifyBaseLogger;
  pollMs: number;
  batchSize?: number;
  leaseMs?: number;
}): JobRunner {
  const { db, registry, clock, log, pollMs } = deps;
  const batchSize = deps.batchSize ?? 10;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;
  const worker = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  let claims = 0;
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  let stopping = false;
  const running = new Set<Promise<unknown>>();

  async function runOne(job: ClaimedJob): Promise<void> {
    const handler = registry.get(job.kind);
    try {
      // An unknown kind counts as a failed attempt rather than an instant failure: during a
      // rolling deploy an instance that knows the kind may take the retry.
      if (!handler) throw new Error(`no handler is registered for job kind "${job.kind}"`);
      await handler(job.payload, { jobId: job.id, now: clock.now(), attempt: job.attempts, maxAttempts: job.maxAttempts });
      await markDone(db, job, clock.now());
    } catch (err) {
      // Stored on the job and logged: a failed statement's parameters must not travel with it.
      const message = safeErrorMessage(err);
      const outcome = await markFailedAttempt(db, job, clock.now(), message).catch((dbErr: unknown) => {
        log.error({ err: dbErr, jobId: job.id }, 'could not record a job failure; its lease will run out and it will be retried');
        return 'retry' as const;
      });
      if (outcome === 'failed') {
        log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, error: message }, 'job failed for good after its last attempt');
      } else {
        log.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: message }, 'job failed; it will be retried');
      }
    }
  }

  /** Long handlers keep their lease alive, so no other instance takes the job meanwhile. */
  function renewLeases(batch: ClaimedJob[]): NodeJS.Timeout {
    const renew = setInterval(
      () => {
        for (const job of batch) {
          void db
            .update(jobs)
            .set({ lockedUntil: new Date(clock.now().getTime() + leaseMs) })
            .where(stillOurs(job))
            .catch(() => {});
        }
      },
      Math.max(1000, Math.floor(leaseMs / 3)),
    );
    renew.unref();
    return renew;
  }

  async function runBatch(batch: ClaimedJob[]): Promise<void> {
    const renew = renewLeases(batch);
    try {
      await Promise.all(batch.map(runOne));
    } finally {
      clearInterval(renew);
    }
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (let round = 0; round < MAX_ROUNDS && !stopping; round++) {
      claims += 1;
      const batch = await claimDueJobs(db, { now: clock.now(), limit: batchSize, leaseMs, lockedBy: `${worker}:${claims}` });
      if (batch.length === 0) return total;
      await runBatch(batch);
      total += batch.length;
    }
    return total;
  }

  /** Tracked from the claim on, so stop() also waits for a claim whose jobs have not started yet. */
  function runDue(): Promise<number> {
    const work = drain();
    running.add(work);
    const untrack = () => running.delete(work);
    work.then(untrack, untrack);
    return work;
  }

  async function poll(): Promise<void> {
    timer = null;
    polling = true;
    try {
      await runDue();
    } catch (err) {
      log.error({ err }, 'could not claim due jobs');
    } finally {
      polling = false;
      if (!stopping) {
        timer = setTimeout(() => void poll(), pollMs);
        timer.unref();
      }
    }
  }

  return {
    runDue,
    start() {
      if (timer || polling) return;
      stopping = false;
      timer = setTimeout(() => void poll(), 0);
      timer.unref();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (running.size === 0) return;
      // The shutdown deadline is near; a job cut off here is retried once its lease runs out.
      let giveUp: NodeJS.Timeout | undefined;
      const deadline = new Promise<'late'>((resolve) => {
        giveUp = setTimeout(() => resolve('late'), 10_000);
        giveUp.unref();
      });
      const outcome = await Promise.race([Promise.allSettled([...running]), deadline]);
      clearTimeout(giveUp);
      if (outcome === 'late') log.warn({ jobs: running.size }, 'stopped waiting for running jobs; they will be retried');
    },
  };
}
