import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { interviews } from './interviews.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A read-only link to one report. Only the token's SHA-256 is stored: a leaked database does not
 * open reports, and the owner sees the URL once, when it is made.
 */
export const reportShareLinks = pgTable(
  'report_share_links',
  {
    id: uuid('id').primaryKey(),
    interviewId: uuid('interview_id')
      .notNull()
      .references(() => interviews.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    includeAnswers: boolean('include_answers').notNull(),
    includeFeedback: boolean('include_feedback').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    revokedAt: ts('revoked_at'),
  },
  (t) => [uniqueIndex('report_share_links_token_key').on(t.tokenHash), index('report_share_links_interview_idx').on(t.interviewId)],
);

export type ShareLinkRow = typeof reportShareLinks.$inferSelect;
