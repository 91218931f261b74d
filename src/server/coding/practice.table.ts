import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';

/** DSA practice: every attempt a user submits on a bank problem outside an interview. */
export const codingAttempts = pgTable(
  'coding_attempts',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The bank problem's slug (problems live in content/, not in the database). */
    problemSlug: text('problem_slug').notNull(),
    language: text('language').notNull(),
    passed: integer('passed').notNull(),
    total: integer('total').notNull(),
    solved: boolean('solved').notNull(),
    durationSeconds: integer('duration_seconds'),
    code: text('code').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('coding_attempts_user_problem_idx').on(t.userId, t.problemSlug)],
);
export type CodingAttemptRow = typeof codingAttempts.$inferSelect;
