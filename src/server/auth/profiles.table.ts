import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Preferences } from '../../contract/account-profile.js';
import { users } from './auth.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** What a person tells about themselves, and their preferences, kept on the server for every device. */
export const profiles = pgTable('profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  phone: text('phone'),
  location: text('location'),
  linkedinUrl: text('linkedin_url'),
  githubUrl: text('github_url'),
  websiteUrl: text('website_url'),
  bio: text('bio'),
  /** Storage key of the resized avatar (WebP); the upload itself is not kept. */
  avatarKey: text('avatar_key'),
  preferences: jsonb('preferences').$type<Preferences>(),
  updatedAt: ts('updated_at').notNull(),
});
