import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { VoiceAnalysis } from '../../core/delivery/voice-analysis.js';
import { users } from '../auth/auth.table.js';
import { organizations } from '../orgs/orgs.table.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Recorded answers (audio or video). A row exists from the moment a resumable upload is created,
 * so quotas count uploads under way; it becomes `ready` once every byte has arrived, the type has
 * been read from the bytes, and the file sits in the file storage.
 */
export const media = pgTable(
  'media',
  {
    /** Also the last segment of the upload's Location URL. */
    id: uuid('id').primaryKey(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The organization whose quota it counts against (an assigned interview's), if any. */
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'set null' }),
    status: text('status', { enum: ['uploading', 'ready'] }).notNull(),
    /** Upload-Length as declared; the final size once ready. */
    size: bigint('size', { mode: 'number' }).notNull(),
    /** Read from the bytes when the upload finishes, never from the client's word. */
    mimeType: text('mime_type'),
    storageKey: text('storage_key'),
    sha256: text('sha256'),
    /** Length of the recording as the recorder measured it (WebM files are fixed up to carry it). */
    durationMs: integer('duration_ms'),
    /** The voice measured in the recording when its upload finished (pauses, pitch, level); null when it could not be. */
    voice: jsonb('voice').$type<VoiceAnalysis>(),
    createdAt: ts('created_at').notNull(),
    completedAt: ts('completed_at'),
  },
  (t) => [index('media_owner_idx').on(t.ownerId), index('media_org_idx').on(t.orgId)],
);

export type MediaRow = typeof media.$inferSelect;
