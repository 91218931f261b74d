import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * An account at an OpenID Connect provider linked to a Panelist user: the provider's `sub` is the
 * identity (an email can change there), one Panelist user per provider account.
 */
export const userIdentities = pgTable(
  'user_identities',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The provider's id in OIDC_PROVIDERS (e.g. `google`). */
    provider: text('provider').notNull(),
    subject: text('subject').notNull(),
    /** The email the provider gave when the identity was linked (for the account page). */
    email: text('email'),
    createdAt: ts('created_at').notNull(),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [uniqueIndex('user_identities_provider_subject_key').on(t.provider, t.subject), index('user_identities_user_idx').on(t.userId)],
);

/**
 * A sign-in started at a provider and not finished yet: the state (hashed), the nonce the ID
 * token must carry and the PKCE verifier. Single use, ten minutes; the browser holds the state in
 * a cookie, so a callback made in another browser is refused.
 */
export const oidcLogins = pgTable('oidc_logins', {
  stateHash: text('state_hash').primaryKey(),
  provider: text('provider').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  returnTo: text('return_to').notNull(),
  /**
   * Set when a signed-in person links a provider to their account: the identity that comes back
   * is bound to this user (who must still be the one signed in), and no new session is made.
   */
  linkUserId: uuid('link_user_id').references(() => users.id, { onDelete: 'cascade' }),
  createdAt: ts('created_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
});
