import type { Actor } from './actor.js';

/**
 * Who a session cookie or an access token's family belongs to, remembered for a few seconds so
 * an authenticated request costs no database round trip (the lookup was 2 of the ~7 queries of
 * a read). Revocation still ends access at once:
 *  - revocation.ts forgets the user's entries in this process as it revokes (before commit;
 *    a request that refills an entry meanwhile is forgotten again by the next point);
 *  - the `signed_out` / `account_changed` events every instance receives on commit (LISTEN/NOTIFY)
 *    forget them on every instance;
 *  - after the listener reconnects (events may have been missed) everything is forgotten;
 *  - entries live at most `ttlMs` (AUTH_CACHE_MS), which bounds a change made behind the
 *    application's back (an UPDATE by hand).
 * An event forgets every entry of the user, not only the named sessions: re-reading is cheap,
 * a stale entry is not.
 */
export interface CachedCredential {
  actor: Actor;
  /** Session expiry (cookie sessions); access tokens carry their own. */
  expiresAt: Date | null;
  /** When "last seen" was last written (cookie sessions), so the write stays once a minute. */
  lastSeenAt: Date | null;
  sessionId: string | null;
}

interface Entry extends CachedCredential {
  storedAt: number;
}

export interface CredentialCache {
  get(key: string): CachedCredential | undefined;
  set(key: string, value: CachedCredential): void;
  forgetUser(userId: string): void;
  clear(): void;
  close(): void;
}

const MAX_ENTRIES = 50_000;
/** Every cache of this process (one per app; tests run several), for local forgetting. */
const live = new Set<CredentialCache>();

/** Forgets a user's credentials in every app of this process (called as they are revoked). */
export function forgetUserCredentialsHere(userId: string): void {
  for (const cache of live) cache.forgetUser(userId);
}

export function createCredentialCache(ttlMs: number, now: () => number = () => performance.now()): CredentialCache {
  const entries = new Map<string, Entry>();
  const keysByUser = new Map<string, Set<string>>();

  function drop(key: string) {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    const keys = keysByUser.get(entry.actor.userId);
    keys?.delete(key);
    if (keys?.size === 0) keysByUser.delete(entry.actor.userId);
  }

  const cache: CredentialCache = {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (now() - entry.storedAt > ttlMs) {
        drop(key);
        return undefined;
      }
      return entry;
    },
    set(key, value) {
      if (ttlMs <= 0) return;
      drop(key);
      // A crude bound: far more entries than live sessions means something is off; start over.
      if (entries.size >= MAX_ENTRIES) cache.clear();
      entries.set(key, { ...value, storedAt: now() });
      let keys = keysByUser.get(value.actor.userId);
      if (!keys) keysByUser.set(value.actor.userId, (keys = new Set()));
      keys.add(key);
    },
    forgetUser(userId) {
      for (const key of [...(keysByUser.get(userId) ?? [])]) drop(key);
    },
    clear() {
      entries.clear();
      keysByUser.clear();
    },
    close() {
      cache.clear();
      live.delete(cache);
    },
  };
  live.add(cache);
  return cache;
}
