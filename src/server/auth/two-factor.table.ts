import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A user's TOTP authenticator (RFC 6238). The shared secret must be readable to check codes,
 * so it is stored encrypted with a key derived from SECRET_KEY, not hashed. A row without
 * `enabled_at` is an enrolment waiting for its first code.
 */
export const twoFactor = pgTable('two_factor', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secretCipher: text('secret_cipher').notNull(),
  createdAt: ts('created_at').notNull(),
  enabledAt: ts('enabled_at'),
  /** The last 30-second step a code was accepted for: a code is good once, not for its whole window. */
  lastUsedStep: integer('last_used_step'),
});

/** One-time recovery codes, shown once at enrolment and kept only as keyed hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: ts('created_at').notNull(),
    usedAt: ts('used_at'),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);
