import { and, eq, isNull, ne, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { publishEvent } from '../notifications/notify.js';
import { refreshTokens, sessions } from './auth.table.js';
import { forgetUserCredentialsHere } from './credential-cache.js';

/** Tells every instance to close the sockets opened with these sessions or families (on commit). */
async function closeSockets(tx: DbOrTx, userId: string, sessionIds: string[], familyIds: string[]) {
  if (sessionIds.length === 0 && familyIds.length === 0) return;
  // This process stops trusting them now; other instances when the event below arrives.
  forgetUserCredentialsHere(userId);
  await publishEvent(tx, { type: 'signed_out', userId, sessionIds, familyIds: [...new Set(familyIds)], all: false });
}

/**
 * What a request is allowed changed for this user (platform role, two-factor duties): every
 * instance drops what it remembers of their sign-ins, so the next request reads them afresh.
 */
export async function announceAccountChange(tx: DbOrTx, userId: string): Promise<void> {
  forgetUserCredentialsHere(userId);
  await publishEvent(tx, { type: 'account_changed', userId });
}

/** The session or token family to spare: the one making the request. */
export interface Keep {
  sessionId?: string | null;
  familyId?: string | null;
}

/**
 * Ends a user's browser sessions and API refresh-token families inside the caller's
 * transaction, except the one given in `keep`. Access tokens die with their family (the auth
 * plugin checks it on each request). Returns how many sessions and families ended.
 */
export async function revokeUserSessions(tx: DbOrTx, userId: string, now: Date, keep: Keep = {}): Promise<number> {
  const sessionWhere: SQL[] = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
  if (keep.sessionId) sessionWhere.push(ne(sessions.id, keep.sessionId));
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(...sessionWhere))
    .returning({ id: sessions.id });
  const familyWhere: SQL[] = [eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)];
  if (keep.familyId) familyWhere.push(ne(refreshTokens.familyId, keep.familyId));
  const families = await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(...familyWhere))
    .returning({ familyId: refreshTokens.familyId });
  await closeSockets(
    tx,
    userId,
    ended.map((e) => e.id),
    families.map((f) => f.familyId),
  );
  return ended.length + new Set(families.map((f) => f.familyId)).size;
}

/** Ends one browser session or one API token family of the user; false when neither is theirs. */
export async function revokeOne(tx: DbOrTx, userId: string, id: string, now: Date): Promise<boolean> {
  const ended = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  if (ended.length > 0) {
    await closeSockets(tx, userId, [id], []);
    return true;
  }
  const family = await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, id), eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  if (family.length > 0) await closeSockets(tx, userId, [], [id]);
  return family.length > 0;
}

export async function revokeFamily(tx: DbOrTx, familyId: string, now: Date): Promise<void> {
  const rows = await tx
    .update(refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ userId: refreshTokens.userId });
  if (rows[0]) await closeSockets(tx, rows[0].userId, [], [familyId]);
}

/** Ends one browser session (sign-out) and closes its sockets. */
export async function revokeSession(tx: DbOrTx, sessionId: string, now: Date): Promise<void> {
  const rows = await tx
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
    .returning({ userId: sessions.userId });
  if (rows[0]) await closeSockets(tx, rows[0].userId, [sessionId], []);
}
