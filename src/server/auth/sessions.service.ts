import { and, eq, gt, isNull } from 'drizzle-orm';
import type { AccountSession } from '../../contract/account.js';
import { deviceName } from '../../core/accounts/device-name.js';
import { notFound } from '../../core/errors.js';
import type { Database } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Actor } from './actor.js';
import { refreshTokens, sessions } from './auth.table.js';
import { revokeOne, revokeUserSessions, type Keep } from './revocation.js';

export type SessionsService = ReturnType<typeof createSessionsService>;

/** The sessions page: a user's live browser sessions and API token families, and ending them. */
export function createSessionsService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  return {
    async list(actor: Actor, current: Keep): Promise<AccountSession[]> {
      const now = clock.now();
      const browser = await db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, actor.userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      // A family is live while its newest token is neither spent, revoked nor expired.
      const tokens = await db
        .select()
        .from(refreshTokens)
        .where(and(eq(refreshTokens.userId, actor.userId), isNull(refreshTokens.revokedAt)));
      const families = new Map<string, { first: (typeof tokens)[number]; last: (typeof tokens)[number] }>();
      for (const t of tokens) {
        const f = families.get(t.familyId);
        if (!f) families.set(t.familyId, { first: t, last: t });
        else {
          if (t.createdAt < f.first.createdAt) f.first = t;
          if (t.createdAt >= f.last.createdAt) f.last = t;
        }
      }
      const items: AccountSession[] = browser.map((s) => ({
        id: s.id,
        kind: 'browser',
        device: deviceName(s.userAgent),
        ip: s.ip,
        createdAt: s.createdAt.toISOString(),
        lastSeenAt: (s.lastSeenAt ?? s.createdAt).toISOString(),
        current: s.id === current.sessionId,
      }));
      for (const [familyId, { first, last }] of families) {
        if (last.usedAt || last.expiresAt <= now) continue;
        items.push({
          id: familyId,
          kind: 'api',
          device: deviceName(last.userAgent),
          ip: last.ip,
          createdAt: first.createdAt.toISOString(),
          lastSeenAt: last.createdAt.toISOString(),
          current: familyId === current.familyId,
        });
      }
      return items.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
    },

    /** 404 for a session that is not the caller's (or already ended), as for one that does not exist. */
    async revoke(actor: Actor, id: string, ip: string): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        if (!(await revokeOne(tx, actor.userId, id, now))) throw notFound('Session');
        await writeAudit(tx, { actorId: actor.userId, action: 'user.session_revoke', targetType: 'session', targetId: id, ip, at: now });
      });
    },

    async revokeOthers(actor: Actor, current: Keep, ip: string): Promise<number> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        const ended = await revokeUserSessions(tx, actor.userId, now, current);
        await writeAudit(tx, {
          actorId: actor.userId,
          action: 'user.sessions_revoke_others',
          targetType: 'user',
          targetId: actor.userId,
          ip,
          at: now,
          after: { ended },
        });
        return ended;
      });
    },
  };
}
