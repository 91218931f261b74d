import { eq } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { loginThrottle } from './auth.table.js';

/**
 * Failed logins slow down per account and per IP. After `limit` failures in the window the key
 * is locked for a time that doubles with each further failure (30 s … 15 min). Kept in the
 * database so every instance of a scaled-out deployment sees the same counts.
 */
export const throttlePolicy = {
  windowMs: 15 * 60_000,
  account: { limit: 5 },
  ip: { limit: 30 },
  baseLockMs: 30_000,
  maxLockMs: 15 * 60_000,
};

export async function assertNotThrottled(db: Database, keys: string[], now: Date): Promise<void> {
  for (const key of keys) {
    const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
    if (row?.lockedUntil && row.lockedUntil > now) {
      const retryAfterSeconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
      throw new AppError('too_many_requests', `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`, {
        retryAfterSeconds,
      });
    }
  }
}

/** Seconds until a key's lock ends, or 0 when it is not locked. */
export async function lockedFor(db: Database, key: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export async function recordLoginFailure(db: Database, key: string, limit: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
    const fresh = !row || now.getTime() - row.windowStart.getTime() > throttlePolicy.windowMs;
    const failures = fresh ? 1 : row.failures + 1;
    const windowStart = fresh ? now : row.windowStart;
    const over = failures - limit;
    const lockedUntil =
      over >= 0 ? new Date(now.getTime() + Math.min(throttlePolicy.baseLockMs * 2 ** over, throttlePolicy.maxLockMs)) : null;
    if (row) await tx.update(loginThrottle).set({ failures, windowStart, lockedUntil }).where(eq(loginThrottle.key, key));
    else await tx.insert(loginThrottle).values({ key, failures, windowStart, lockedUntil }).onConflictDoNothing();
  });
}

export async function clearLoginFailures(db: Database, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}
