import { eq } from 'drizzle-orm';
import { DEFAULT_PREFERENCES, type Preferences, type Profile, type ProfileBody } from '../../contract/account-profile.js';
import { AppError } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import type { Actor } from './actor.js';
import { users } from './auth.table.js';
import type { Clock } from '../clock.js';
import { newStorageKey, type FileStorage } from '../files/file-storage.js';
import { toAvatar } from './avatar-image.js';
import { profiles } from './profiles.table.js';

export type ProfilesService = ReturnType<typeof createProfilesService>;

type ProfileRow = typeof profiles.$inferSelect;

/** The profile fields a user edits, in the profiles table (name lives on users). */
const PROFILE_FIELDS = ['phone', 'location', 'linkedinUrl', 'githubUrl', 'websiteUrl', 'bio'] as const;

export function createProfilesService(deps: { db: Database; clock: Clock; storage: FileStorage }) {
  const { db, clock, storage } = deps;

  async function read(userId: string, tx: DbOrTx = db): Promise<Profile> {
    const [row] = await tx
      .select({ name: users.name, email: users.email, deactivatedAt: users.deactivatedAt, profile: profiles })
      .from(users)
      .leftJoin(profiles, eq(profiles.userId, users.id))
      .where(eq(users.id, userId));
    if (!row || row.deactivatedAt) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
    const p: ProfileRow | null = row.profile;
    return {
      name: row.name,
      email: row.email,
      phone: p?.phone ?? null,
      location: p?.location ?? null,
      linkedinUrl: p?.linkedinUrl ?? null,
      githubUrl: p?.githubUrl ?? null,
      websiteUrl: p?.websiteUrl ?? null,
      bio: p?.bio ?? null,
      // The version in the address lets the browser cache each avatar for good.
      avatarUrl: p?.avatarKey ? `/api/v1/me/avatar?v=${p.updatedAt.getTime()}` : null,
      preferences: { ...DEFAULT_PREFERENCES, ...(p?.preferences ?? {}) },
      updatedAt: p?.updatedAt.toISOString() ?? null,
    };
  }

  /** Creates the row on first use, so every user has one only once they say something. */
  async function upsert(tx: DbOrTx, userId: string, values: Partial<Omit<ProfileRow, 'userId'>>) {
    const now = clock.now();
    await tx
      .insert(profiles)
      .values({ userId, ...values, updatedAt: now })
      .onConflictDoUpdate({ target: profiles.userId, set: { ...values, updatedAt: now } });
  }

  return {
    get: (actor: Actor) => read(actor.userId),

    async update(actor: Actor, body: ProfileBody): Promise<Profile> {
      return db.transaction(async (tx) => {
        if (body.name !== undefined) {
          await tx.update(users).set({ name: body.name, updatedAt: clock.now() }).where(eq(users.id, actor.userId));
        }
        const values = Object.fromEntries(PROFILE_FIELDS.filter((f) => body[f] !== undefined).map((f) => [f, body[f]]));
        await upsert(tx, actor.userId, values);
        return read(actor.userId, tx);
      });
    },

    async setPreferences(actor: Actor, preferences: Preferences): Promise<Profile> {
      await upsert(db, actor.userId, { preferences });
      return read(actor.userId);
    },

    /** Checks and resizes the image first; the old file goes once the new one is in place. */
    async setAvatar(actor: Actor, bytes: Buffer): Promise<Profile> {
      const image = await toAvatar(bytes);
      const key = newStorageKey('avatars');
      await storage.put(key, image);
      const [old] = await db.select({ avatarKey: profiles.avatarKey }).from(profiles).where(eq(profiles.userId, actor.userId));
      await upsert(db, actor.userId, { avatarKey: key });
      if (old?.avatarKey) await storage.delete(old.avatarKey).catch(() => undefined);
      return read(actor.userId);
    },

    async removeAvatar(actor: Actor): Promise<Profile> {
      const [old] = await db.select({ avatarKey: profiles.avatarKey }).from(profiles).where(eq(profiles.userId, actor.userId));
      if (old?.avatarKey) {
        await upsert(db, actor.userId, { avatarKey: null });
        await storage.delete(old.avatarKey).catch(() => undefined);
      }
      return read(actor.userId);
    },

    async avatar(actor: Actor) {
      const [row] = await db.select({ avatarKey: profiles.avatarKey }).from(profiles).where(eq(profiles.userId, actor.userId));
      if (!row?.avatarKey) throw new AppError('not_found', 'You have no avatar.');
      return storage.get(row.avatarKey);
    },
  };
}
