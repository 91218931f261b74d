import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * The mail outbox. A row is written in the same transaction as the event it tells of; a job
 * delivers it (SMTP) or, without SMTP, marks it stored for the dev mail page.
 */
export const mails = pgTable(
  'mails',
  {
    id: uuid('id').primaryKey(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    ics: text('ics'),
    kind: text('kind').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'stored', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    messageId: text('message_id'),
    createdAt: ts('created_at').notNull(),
    sentAt: ts('sent_at'),
  },
  (t) => [index('mails_created_idx').on(t.createdAt)],
);
