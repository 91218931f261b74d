import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { MemberAccount, MemberAccountList, MemberAccountQuery, OrgRole } from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { users } from '../auth/auth.table.js';
import { announceAccountChange } from '../auth/revocation.js';
import { removeTwoFactor } from '../auth/two-factor.service.js';
import { accountFacts } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { OrgAccess } from './org-access.js';
import type { ActionMeta } from './orgs.service.js';
import { membershipSuspensions, memberships, organizations } from './orgs.table.js';
import { queryAll } from '../../db/query-all.js';

export type MemberAdministrationService = ReturnType<typeof createMemberAdministrationService>;

interface Row {
  user_id: string;
  role: OrgRole;
  joined_at: string | Date;
  deactivated_at: string | Date | null;
  name: string;
  email: string;
}
const iso = (v: string | Date) => new Date(v).toISOString();

/**
 * An org admin manages the members of their organization as the platform admin manages users:
 * find them, switch a membership off and on, reset a member's two-factor, see last sign-in.
 * Switching off moves the membership row aside (membership_suspensions), so every access check,
 * which reads memberships, refuses the person at once. Every action is audited with the org.
 */
export function createMemberAdministrationService(deps: { db: Database; clock: Clock; orgAccess: OrgAccess }) {
  const { db, clock, orgAccess } = deps;

  /** Admins only: a coach gets 403, someone outside the organization 404. */
  const requireAdmin = (actor: Actor, orgId: string, tx: DbOrTx = db) => orgAccess.requireRole(actor, orgId, ['admin'], tx);

  async function lockOrg(tx: DbOrTx, orgId: string) {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('no key update');
    if (!org) throw notFound('Organization');
  }

  function notSelf(actor: Actor, userId: string) {
    if (actor.userId === userId) throw new AppError('forbidden', 'You cannot change your own membership here. Ask another admin.');
  }

  async function page(orgId: string, query: MemberAccountQuery, onlyUser?: string): Promise<{ rows: Row[]; total: number }> {
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const members = sql`(
      select ${memberships.userId} as user_id, ${memberships.role} as role, ${memberships.createdAt} as joined_at, null::timestamptz as deactivated_at
        from ${memberships} where ${memberships.orgId} = ${orgId}
      union all
      select ${membershipSuspensions.userId}, ${membershipSuspensions.role}, ${membershipSuspensions.memberSince}, ${membershipSuspensions.suspendedAt}
        from ${membershipSuspensions} where ${membershipSuspensions.orgId} = ${orgId}
    )`;
    const where = sql.join(
      [
        sql`true`,
        pattern ? sql`(u.name ilike ${pattern} or u.email ilike ${pattern})` : undefined,
        query.status === 'active' ? sql`m.deactivated_at is null` : undefined,
        query.status === 'deactivated' ? sql`m.deactivated_at is not null` : undefined,
        onlyUser ? sql`m.user_id = ${onlyUser}` : undefined,
      ].filter((p): p is ReturnType<typeof sql> => p !== undefined),
      sql` and `,
    );
    // Names and emails are searched and sorted in SQL, so this list joins the users table directly.
    const from = sql`${members} m join ${users} u on u.id = m.user_id where ${where}`;
    const [rows, total] = await Promise.all([
      db.execute(
        sql`select m.user_id, m.role, m.joined_at, m.deactivated_at, u.name, u.email from ${from}
            order by lower(u.name), m.user_id limit ${query.limit} offset ${(query.page - 1) * query.limit}`,
      ),
      db.execute(sql`select count(*)::int as n from ${from}`),
    ]);
    return {
      rows: (rows as unknown as { rows: Row[] }).rows,
      total: Number((total as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0),
    };
  }

  async function toAccounts(tx: DbOrTx, rows: Row[]): Promise<MemberAccount[]> {
    const facts = await accountFacts(
      tx,
      rows.map((r) => r.user_id),
    );
    return rows.map((r) => {
      const f = facts.get(r.user_id);
      return {
        userId: r.user_id,
        name: r.name,
        email: r.email,
        role: r.role,
        status: r.deactivated_at ? 'deactivated' : 'active',
        joinedAt: iso(r.joined_at),
        deactivatedAt: r.deactivated_at ? iso(r.deactivated_at) : null,
        lastSignInAt: f?.lastSignInAt?.toISOString() ?? null,
        twoFactor: f?.twoFactor ?? false,
        emailVerified: f?.emailVerified ?? false,
      };
    });
  }

  async function one(orgId: string, userId: string): Promise<MemberAccount> {
    const { rows } = await page(orgId, { page: 1, limit: 1 }, userId);
    if (!rows[0]) throw notFound('Member');
    return (await toAccounts(db, rows))[0]!;
  }

  return {
    async list(actor: Actor, orgId: string, query: MemberAccountQuery): Promise<MemberAccountList> {
      await requireAdmin(actor, orgId);
      const { rows, total } = await page(orgId, query);
      return { items: await toAccounts(db, rows), total, page: query.page, limit: query.limit, pages: Math.ceil(total / query.limit) };
    },

    /** Ends the person's access to this organization (not their account); the last admin stays. */
    async deactivate(actor: Actor, orgId: string, userId: string, meta: ActionMeta): Promise<MemberAccount> {
      await requireAdmin(actor, orgId);
      notSelf(actor, userId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await lockOrg(tx, orgId);
        const [m] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
          .for('update');
        if (!m) {
          const [suspended] = await tx
            .select({ userId: membershipSuspensions.userId })
            .from(membershipSuspensions)
            .where(and(eq(membershipSuspensions.orgId, orgId), eq(membershipSuspensions.userId, userId)));
          if (suspended) return; // already off
          throw notFound('Member');
        }
        if (m.role === 'admin') {
          const [others] = await tx
            .select({ n: count() })
            .from(memberships)
            .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin'), ne(memberships.userId, userId)));
          if (!Number(others?.n ?? 0)) throw new AppError('invalid_state', "The organization's last admin cannot be deactivated.");
        }
        await tx.insert(membershipSuspensions).values({
          orgId,
          userId,
          role: m.role,
          teamId: m.teamId,
          memberSince: m.createdAt,
          suspendedAt: now,
          suspendedBy: actor.userId,
        });
        await tx.delete(memberships).where(eq(memberships.id, m.id));
        // Whether two-factor is required of them may change with the membership.
        await announceAccountChange(tx, userId);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'member.deactivate',
          targetType: 'user',
          targetId: userId,
          before: { role: m.role },
          ip: meta.ip,
          at: now,
        });
      });
      return one(orgId, userId);
    },

    /** Gives a deactivated membership back, with its role, team and coach assignments. */
    async reactivate(actor: Actor, orgId: string, userId: string, meta: ActionMeta): Promise<MemberAccount> {
      await requireAdmin(actor, orgId);
      notSelf(actor, userId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        await lockOrg(tx, orgId);
        const [s] = await tx
          .delete(membershipSuspensions)
          .where(and(eq(membershipSuspensions.orgId, orgId), eq(membershipSuspensions.userId, userId)))
          .returning();
        // Already on (or invited back meanwhile): nothing to give back.
        if (await orgAccess.roleIn(userId, orgId, tx)) return;
        if (!s) throw notFound('Member');
        await tx.insert(memberships).values({ id: newId(), orgId, userId, role: s.role, teamId: s.teamId, createdAt: s.memberSince });
        await announceAccountChange(tx, userId);
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'member.reactivate',
          targetType: 'user',
          targetId: userId,
          after: { role: s.role },
          ip: meta.ip,
          at: now,
        });
      });
      return one(orgId, userId);
    },

    /**
     * Turns off two-factor for a member who lost their device and recovery codes. Only when every
     * organization the person belongs to is one this admin runs, and never for a platform admin:
     * an admin of one organization must not weaken an account another organization relies on.
     */
    async resetTwoFactor(actor: Actor, orgId: string, userId: string, meta: ActionMeta): Promise<MemberAccount> {
      await requireAdmin(actor, orgId);
      notSelf(actor, userId);
      const now = clock.now();
      await db.transaction(async (tx) => {
        const theirs = await orgAccess.membershipsOf(userId, tx);
        const suspendedHere = await tx
          .select({ orgId: membershipSuspensions.orgId })
          .from(membershipSuspensions)
          .where(and(eq(membershipSuspensions.orgId, orgId), eq(membershipSuspensions.userId, userId)));
        if (!theirs.some((m) => m.orgId === orgId) && suspendedHere.length === 0) throw notFound('Member');
        const facts = (await accountFacts(tx, [userId])).get(userId);
        const elsewhere = theirs.filter((m) => m.orgId !== orgId);
        const runsAll = (
          await queryAll(
            tx,
            elsewhere.map((m) => () => orgAccess.roleIn(actor.userId, m.orgId, tx)),
          )
        ).every((r) => r === 'admin');
        if (actor.platformRole !== 'superadmin' && (facts?.platformAdmin || !runsAll)) {
          throw new AppError(
            'forbidden',
            'This person also belongs to an organization you do not run (or is a platform admin): ask a platform admin to reset their two-factor.',
          );
        }
        if (await removeTwoFactor(tx, userId)) {
          await writeAudit(tx, {
            orgId,
            actorId: actor.userId,
            action: 'member.two_factor_reset',
            targetType: 'user',
            targetId: userId,
            ip: meta.ip,
            at: now,
          });
        }
      });
      return one(orgId, userId);
    },
  };
}
