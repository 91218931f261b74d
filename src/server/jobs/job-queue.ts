import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import { jobs } from './jobs.table.js';

export interface NewJob {
  kind: string;
  payload: Record<string, unknown>;
  runAt: Date;
  /**
   * At most one unfinished job per key. Enqueuing again with the same key moves the pending
   * job to the new time and payload (a rescheduled interview moves its reminder).
   */
  dedupeKey?: string;
  maxAttempts?: number;
}

/** Call inside the transaction of the change that needs the job: both commit or neither. */
export async function enqueueJob(tx: DbOrTx, job: NewJob, now: Date): Promise<void> {
  await jobInsert(tx, job, now);
}

/**
 * The statement enqueueJob runs, unsent: a caller may send it as a CTE of its own write (one round
 * trip instead of two, e.g. an answer and the job that grades it after a crash).
 */
export function jobInsert(tx: DbOrTx, job: NewJob, now: Date) {
  const row = {
    id: newId(),
    kind: job.kind,
    payload: job.payload,
    runAt: job.runAt,
    maxAttempts: job.maxAttempts ?? 8,
    dedupeKey: job.dedupeKey ?? null,
    createdAt: now,
  };
  if (!job.dedupeKey) return tx.insert(jobs).values(row);
  return tx
    .insert(jobs)
    .values(row)
    .onConflictDoUpdate({
      target: jobs.dedupeKey,
      targetWhere: sql`completed_at is null and failed_at is null`,
      // Dropping the lease means a run already under way cannot mark the moved job done.
      set: { runAt: job.runAt, payload: job.payload, attempts: 0, lastError: null, lockedUntil: null, lockedBy: null },
    });
}

/** Drops an unfinished job (e.g. the reminder of a cancelled interview). */
export async function cancelJob(tx: DbOrTx, dedupeKey: string, now: Date): Promise<void> {
  await jobCancel(tx, dedupeKey, now);
}

/** The statement cancelJob runs, unsent, optionally only `when` a condition holds (to be sent as a CTE of another write). */
export function jobCancel(tx: DbOrTx, dedupeKey: string, now: Date, when: SQL = sql`true`) {
  return tx
    .update(jobs)
    .set({ completedAt: now, lastError: 'cancelled' })
    .where(sql`${jobs.dedupeKey} = ${dedupeKey} and ${jobs.completedAt} is null and ${jobs.failedAt} is null and ${when}`);
}
