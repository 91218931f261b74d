import { and, count, desc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import type { AdminUser, AdminUserList, AdminUserQuery, AdminRoleBody } from '../../contract/admin-users.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Clock } from '../clock.js';
import type { Actor } from './actor.js';
import { users } from './auth.table.js';
import type { RequestMeta } from './auth.service.js';
import { announceAccountChange, revokeUserSessions } from './revocation.js';
import { removeTwoFactor } from './two-factor.service.js';
import { twoFactor } from './two-factor.table.js';

export type UserAdministrationService = ReturnType<typeof createUserAdministrationService>;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The platform admin's user management. Every change is audited in its own transaction, and a
 * deactivation ends the person's sessions, API tokens and open sockets at once.
 */
export function createUserAdministrationService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps;

  function requirePlatformAdmin(actor: Actor) {
    if (actor.platformRole !== 'superadmin') throw new AppError('forbidden', 'Only platform admins manage users.');
  }

  const columns = {
    id: users.id,
    email: users.email,
    name: users.name,
    platformRole: users.platformRole,
    emailVerifiedAt: users.emailVerifiedAt,
    twoFactorAt: twoFactor.enabledAt,
    deactivatedAt: users.deactivatedAt,
    lastSignInAt: users.lastSignInAt,
    createdAt: users.createdAt,
  };
  type Row = { [K in keyof typeof columns]: (typeof columns)[K]['_']['data'] | null } & {
    id: string;
    email: string;
    name: string;
    createdAt: Date;
    platformRole: 'user' | 'superadmin';
  };
  const toAdminUser = (r: Row): AdminUser => ({
    id: r.id,
    email: r.email,
    name: r.name,
    platformRole: r.platformRole,
    emailVerified: r.emailVerifiedAt !== null,
    twoFactor: r.twoFactorAt !== null,
    deactivatedAt: r.deactivatedAt?.toISOString() ?? null,
    lastSignInAt: r.lastSignInAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  });

  async function one(tx: DbOrTx, userId: string): Promise<AdminUser> {
    const [row] = await tx.select(columns).from(users).leftJoin(twoFactor, eq(twoFactor.userId, users.id)).where(eq(users.id, userId));
    if (!row) throw notFound('User');
    return toAdminUser(row as Row);
  }

  /** Locks the target row; an admin may not act on their own account here (no self-lockout). */
  async function lockTarget(tx: DbOrTx, actor: Actor, userId: string) {
    const [row] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!row) throw notFound('User');
    if (row.id === actor.userId) throw new AppError('forbidden', 'You cannot change your own account here. Ask another platform admin.');
    return row;
  }

  return {
    async list(actor: Actor, query: AdminUserQuery): Promise<AdminUserList> {
      requirePlatformAdmin(actor);
      const where: SQL[] = [];
      if (query.q) where.push(or(ilike(users.email, likePattern(query.q)), ilike(users.name, likePattern(query.q)))!);
      if (query.status === 'active') where.push(isNull(users.deactivatedAt));
      if (query.status === 'deactivated') where.push(isNotNull(users.deactivatedAt));
      if (query.role) where.push(eq(users.platformRole, query.role));
      const condition = where.length ? and(...where) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select(columns)
          .from(users)
          .leftJoin(twoFactor, eq(twoFactor.userId, users.id))
          .where(condition)
          .orderBy(desc(users.createdAt), users.id)
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(users).where(condition),
      ]);
      const n = total?.n ?? 0;
      return {
        items: rows.map((r) => toAdminUser(r as Row)),
        total: n,
        page: query.page,
        limit: query.limit,
        pages: Math.ceil(n / query.limit),
      };
    },

    async deactivate(actor: Actor, userId: string, meta: RequestMeta): Promise<AdminUser> {
      requirePlatformAdmin(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await lockTarget(tx, actor, userId);
        if (!row.deactivatedAt) {
          await tx.update(users).set({ deactivatedAt: now, updatedAt: now }).where(eq(users.id, userId));
          // Access checks read the user row, but sockets and refresh families are ended here too.
          await revokeUserSessions(tx, userId, now);
          await writeAudit(tx, {
            actorId: actor.userId,
            action: 'user.deactivate',
            targetType: 'user',
            targetId: userId,
            ip: meta.ip,
            at: now,
          });
        }
        return one(tx, userId);
      });
    },

    async reactivate(actor: Actor, userId: string, meta: RequestMeta): Promise<AdminUser> {
      requirePlatformAdmin(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await lockTarget(tx, actor, userId);
        if (row.deactivatedAt) {
          await tx.update(users).set({ deactivatedAt: null, updatedAt: now }).where(eq(users.id, userId));
          await writeAudit(tx, {
            actorId: actor.userId,
            action: 'user.reactivate',
            targetType: 'user',
            targetId: userId,
            ip: meta.ip,
            at: now,
          });
        }
        return one(tx, userId);
      });
    },

    async setRole(actor: Actor, userId: string, body: AdminRoleBody, meta: RequestMeta): Promise<AdminUser> {
      requirePlatformAdmin(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const row = await lockTarget(tx, actor, userId);
        if (row.platformRole !== body.platformRole) {
          await tx.update(users).set({ platformRole: body.platformRole, updatedAt: now }).where(eq(users.id, userId));
          await announceAccountChange(tx, userId);
          await writeAudit(tx, {
            actorId: actor.userId,
            action: 'user.platform_role',
            targetType: 'user',
            targetId: userId,
            before: { platformRole: row.platformRole },
            after: { platformRole: body.platformRole },
            ip: meta.ip,
            at: now,
          });
        }
        return one(tx, userId);
      });
    },

    /** For someone who lost their phone and recovery codes; they sign in with the password alone again. */
    async resetTwoFactor(actor: Actor, userId: string, meta: RequestMeta): Promise<AdminUser> {
      requirePlatformAdmin(actor);
      const now = clock.now();
      return db.transaction(async (tx) => {
        await lockTarget(tx, actor, userId);
        if (await removeTwoFactor(tx, userId)) {
          await writeAudit(tx, {
            actorId: actor.userId,
            action: 'user.two_factor_reset',
            targetType: 'user',
            targetId: userId,
            ip: meta.ip,
            at: now,
          });
        }
        return one(tx, userId);
      });
    },
  };
}
