import { and, count, isNotNull, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { jobs } from './jobs.table.js';

/** Jobs not yet finished, and jobs that failed for good, across all instances (for metrics). */
export async function jobQueueStats(db: DbOrTx): Promise<{ pending: number; failed: number }> {
  const [[pending], [failed]] = await Promise.all([
    db
      .select({ n: count() })
      .from(jobs)
      .where(and(isNull(jobs.completedAt), isNull(jobs.failedAt))),
    db.select({ n: count() }).from(jobs).where(isNotNull(jobs.failedAt)),
  ]);
  return { pending: pending?.n ?? 0, failed: failed?.n ?? 0 };
}
