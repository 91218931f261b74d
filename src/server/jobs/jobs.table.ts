import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Durable background work (mail, reminders, deadlines). Workers claim due rows with
 * FOR UPDATE SKIP LOCKED, so several instances never run the same job at once, and a crash
 * leaves the row to be claimed again once its lease ends.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: ts('run_at').notNull(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    /** A claimed job is leased until then; after it, another worker may take it. */
    lockedUntil: ts('locked_until'),
    lockedBy: text('locked_by'),
    lastError: text('last_error'),
    /** At most one unfinished job per key (e.g. one deadline per interview). */
    dedupeKey: text('dedupe_key'),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
    failedAt: ts('failed_at'),
  },
  (t) => [
    index('jobs_due_idx')
      .on(t.runAt)
      .where(sql`completed_at is null and failed_at is null`),
    uniqueIndex('jobs_pending_dedupe_key')
      .on(t.dedupeKey)
      .where(sql`completed_at is null and failed_at is null`),
  ],
);
