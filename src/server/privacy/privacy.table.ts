import { bigint, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../auth/auth.table.js';
import { organizations } from '../orgs/orgs.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Consents as given and withdrawn: a withdrawal stamps the row; giving again adds a new one. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['terms', 'privacy', 'recording', 'proctoring'] }).notNull(),
    version: text('version').notNull(),
    /** What the consent is for when it is not the whole account: the proctored interview's id. */
    scope: text('scope'),
    givenAt: ts('given_at').notNull(),
    withdrawnAt: ts('withdrawn_at'),
  },
  (t) => [index('consents_user_idx').on(t.userId, t.kind)],
);

/** Requested data exports; the ZIP sits in the file storage until it expires. */
export const dataExports = pgTable(
  'data_exports',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['pending', 'ready', 'failed', 'expired'] }).notNull(),
    storageKey: text('storage_key'),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    requestedAt: ts('requested_at').notNull(),
    readyAt: ts('ready_at'),
    expiresAt: ts('expires_at'),
  },
  (t) => [index('data_exports_user_idx').on(t.userId)],
);

/** A pending account deletion: the erasure job runs at due_at unless the row is gone (cancelled). */
export const erasureRequests = pgTable('erasure_requests', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  requestedAt: ts('requested_at').notNull(),
  dueAt: ts('due_at').notNull(),
});

/** An organization's retention periods for interviews and resumes (no row, or null: kept until deleted). */
export const orgDataRetention = pgTable('org_data_retention', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organizations.id, { onDelete: 'cascade' }),
  interviewDays: integer('interview_days'),
  resumeDays: integer('resume_days'),
  updatedAt: ts('updated_at').notNull(),
});
