import { and, asc, count, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type {
  Assignment,
  AssignmentBody,
  AssignmentList,
  Member,
  MemberList,
  MemberQuery,
  OrgRole,
  UpdateMemberBody,
} from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Database, DbOrTx } from '../../db/client.js';
import { writeAudit } from '../audit/audit.service.js';
import { users } from '../auth/auth.table.js';
import type { Actor } from '../auth/actor.js';
import { usersByIds } from '../auth/user-directory.js';
import type { Clock } from '../clock.js';
import { newId } from '../ids.js';
import type { OrgAccess } from './org-access.js';
import type { ActionMeta } from './orgs.service.js';
import { coachAssignments, memberships, organizations, teams } from './orgs.table.js';
import { queryAll } from '../../db/query-all.js';

type MembershipRow = typeof memberships.$inferSelect;
const STAFF: readonly OrgRole[] = ['admin', 'coach'];

export type MembersService = ReturnType<typeof createMembersService>;

/** Who belongs to an organization, in which role and team, and which coach looks after whom. */
export function createMembersService(deps: { db: Database; clock: Clock; orgAccess: OrgAccess }) {
  const { db, clock, orgAccess } = deps;

  /** Admins (and the platform admin) see every member; a coach sees the staff and their own candidates. */
  async function seesEveryone(actor: Actor, orgId: string, tx: DbOrTx = db): Promise<boolean> {
    const role = await orgAccess.requireRole(actor, orgId, ['admin', 'coach'], tx);
    return role === 'admin' || actor.platformRole === 'superadmin';
  }

  /**
   * Serializes changes to who is an admin: two admins demoting each other at the same moment
   * must not leave the organization with none. NO KEY UPDATE leaves inserts that only check
   * the foreign key to the organization unblocked.
   */
  async function lockOrg(tx: DbOrTx, orgId: string): Promise<void> {
    const [org] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, orgId)).for('no key update');
    if (!org) throw notFound('Organization');
  }

  async function membershipOf(tx: DbOrTx, orgId: string, userId: string, what = 'Member'): Promise<MembershipRow> {
    const [row] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
      .for('update');
    if (!row) throw notFound(what);
    return row;
  }

  async function assertNotLastAdmin(tx: DbOrTx, orgId: string, m: MembershipRow, doing: string): Promise<void> {
    if (m.role !== 'admin') return;
    const [c] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')));
    if (Number(c?.n ?? 0) <= 1)
      throw new AppError('invalid_state', `The organization's last admin cannot be ${doing}. Make someone else an admin first.`);
  }

  async function assertTeamInOrg(tx: DbOrTx, orgId: string, teamId: string): Promise<void> {
    const [row] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.orgId, orgId), eq(teams.id, teamId)));
    if (!row) throw notFound('Team');
  }

  /** Assignment rows that stop making sense once a member's role changes or they leave. */
  async function dropAssignments(tx: DbOrTx, orgId: string, userId: string, as: 'coach' | 'candidate' | 'both'): Promise<number> {
    const who =
      as === 'coach'
        ? eq(coachAssignments.coachId, userId)
        : as === 'candidate'
          ? eq(coachAssignments.candidateId, userId)
          : or(eq(coachAssignments.coachId, userId), eq(coachAssignments.candidateId, userId));
    const gone = await tx
      .delete(coachAssignments)
      .where(and(eq(coachAssignments.orgId, orgId), who))
      .returning({ id: coachAssignments.id });
    return gone.length;
  }

  async function toMembers(tx: DbOrTx, orgId: string, rows: { m: MembershipRow; name: string; email: string }[]): Promise<Member[]> {
    const ids = rows.map((r) => r.m.userId);
    const [coachesOf, candidateCounts] = ids.length
      ? await queryAll(tx, [
          () =>
            tx
              .select({ candidateId: coachAssignments.candidateId, coachId: coachAssignments.coachId })
              .from(coachAssignments)
              .where(and(eq(coachAssignments.orgId, orgId), inArray(coachAssignments.candidateId, ids)))
              .orderBy(asc(coachAssignments.createdAt)),
          () =>
            tx
              .select({ coachId: coachAssignments.coachId, n: count() })
              .from(coachAssignments)
              .where(and(eq(coachAssignments.orgId, orgId), inArray(coachAssignments.coachId, ids)))
              .groupBy(coachAssignments.coachId),
        ])
      : [[], []];
    const counts = new Map(candidateCounts.map((c) => [c.coachId, Number(c.n)]));
    return rows.map(({ m, name, email }) => ({
      userId: m.userId,
      name,
      email,
      role: m.role,
      teamId: m.teamId,
      joinedAt: m.createdAt.toISOString(),
      coachIds: m.role === 'candidate' ? coachesOf.filter((a) => a.candidateId === m.userId).map((a) => a.coachId) : [],
      candidateCount: m.role === 'candidate' ? 0 : (counts.get(m.userId) ?? 0),
    }));
  }

  async function memberView(tx: DbOrTx, orgId: string, userId: string): Promise<Member> {
    const [row] = await tx
      .select({ m: memberships, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    if (!row) throw notFound('Member');
    return (await toMembers(tx, orgId, [row]))[0]!;
  }

  async function toAssignments(tx: DbOrTx, rows: (typeof coachAssignments.$inferSelect)[]): Promise<Assignment[]> {
    const people = await usersByIds(
      tx,
      rows.flatMap((r) => [r.coachId, r.candidateId]),
    );
    const person = (id: string) => ({ id, name: people.get(id)?.name ?? '' });
    return rows.map((r) => ({
      orgId: r.orgId,
      coach: person(r.coachId),
      candidate: person(r.candidateId),
      createdAt: r.createdAt.toISOString(),
    }));
  }

  return {
    async list(actor: Actor, orgId: string, query: MemberQuery): Promise<MemberList> {
      const everyone = await seesEveryone(actor, orgId);
      const where: (SQL | undefined)[] = [eq(memberships.orgId, orgId)];
      if (query.role) where.push(eq(memberships.role, query.role));
      if (query.teamId) where.push(eq(memberships.teamId, query.teamId));
      if (query.q) {
        const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        where.push(or(ilike(users.name, pattern), ilike(users.email, pattern)));
      }
      if (!everyone) {
        const coached = db
          .select({ one: sql`1` })
          .from(coachAssignments)
          .where(
            and(
              eq(coachAssignments.orgId, orgId),
              eq(coachAssignments.coachId, actor.userId),
              eq(coachAssignments.candidateId, memberships.userId),
            ),
          );
        where.push(or(inArray(memberships.role, STAFF), exists(coached)));
      }
      // Names and emails are searched and sorted in SQL, so this one list reads the users table directly.
      const condition = and(...where);
      const [rows, [total]] = await Promise.all([
        db
          .select({ m: memberships, name: users.name, email: users.email })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(condition)
          .orderBy(asc(sql`lower(${users.name})`), asc(memberships.userId))
          .limit(query.limit)
          .offset((query.page - 1) * query.limit),
        db.select({ n: count() }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(condition),
      ]);
      const n = Number(total?.n ?? 0);
      return { items: await toMembers(db, orgId, rows), total: n, page: query.page, limit: query.limit, pages: Math.ceil(n / query.limit) };
    },

    /** Role and team changes (admins only). The last admin keeps the role. */
    async update(actor: Actor, orgId: string, userId: string, body: UpdateMemberBody, meta: ActionMeta): Promise<Member> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        // Lock first: an admin demoted by a transaction we waited for must fail the role check.
        await lockOrg(tx, orgId);
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const m = await membershipOf(tx, orgId, userId);
        const audit = { orgId, actorId: actor.userId, targetType: 'membership', targetId: userId, ip: meta.ip, at: now };
        if (body.teamId) await assertTeamInOrg(tx, orgId, body.teamId);
        if (body.role !== undefined && body.role !== m.role) {
          if (body.role !== 'admin') await assertNotLastAdmin(tx, orgId, m, 'demoted');
          await tx.update(memberships).set({ role: body.role }).where(eq(memberships.id, m.id));
          // A candidate made staff is no longer coached here; staff made a candidate coaches no one.
          const removedAssignments =
            body.role === 'candidate'
              ? await dropAssignments(tx, orgId, userId, 'coach')
              : m.role === 'candidate'
                ? await dropAssignments(tx, orgId, userId, 'candidate')
                : 0;
          await writeAudit(tx, {
            ...audit,
            action: 'member.role_change',
            before: { role: m.role },
            after: { role: body.role, removedAssignments },
          });
        }
        if (body.teamId !== undefined && body.teamId !== m.teamId) {
          await tx.update(memberships).set({ teamId: body.teamId }).where(eq(memberships.id, m.id));
          await writeAudit(tx, { ...audit, action: 'member.team_change', before: { teamId: m.teamId }, after: { teamId: body.teamId } });
        }
        return memberView(tx, orgId, userId);
      });
    },

    /** Takes the person out of the organization with their coach assignments there. */
    async remove(actor: Actor, orgId: string, userId: string, meta: ActionMeta): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        // Lock first: an admin demoted by a transaction we waited for must fail the role check.
        await lockOrg(tx, orgId);
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const m = await membershipOf(tx, orgId, userId);
        await assertNotLastAdmin(tx, orgId, m, 'removed');
        const removedAssignments = await dropAssignments(tx, orgId, userId, 'both');
        await tx.delete(memberships).where(eq(memberships.id, m.id));
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'member.remove',
          targetType: 'membership',
          targetId: userId,
          before: { role: m.role, teamId: m.teamId },
          after: { removedAssignments },
          ip: meta.ip,
          at: now,
        });
      });
    },

    /** Admins see every assignment; a coach sees their own. */
    async listAssignments(
      actor: Actor,
      orgId: string,
      query: { coachId?: string | undefined; candidateId?: string | undefined },
    ): Promise<AssignmentList> {
      const everyone = await seesEveryone(actor, orgId);
      if (!everyone && query.coachId && query.coachId !== actor.userId)
        throw new AppError('forbidden', 'Coaches see only their own assignments.');
      const coachId = everyone ? query.coachId : actor.userId;
      const rows = await db
        .select()
        .from(coachAssignments)
        .where(
          and(
            eq(coachAssignments.orgId, orgId),
            coachId ? eq(coachAssignments.coachId, coachId) : undefined,
            query.candidateId ? eq(coachAssignments.candidateId, query.candidateId) : undefined,
          ),
        )
        .orderBy(asc(coachAssignments.createdAt), asc(coachAssignments.id));
      return { items: await toAssignments(db, rows) };
    },

    async assign(actor: Actor, orgId: string, body: AssignmentBody, meta: ActionMeta): Promise<Assignment> {
      const now = clock.now();
      return db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        // Shared locks: a role change of either person waits until the assignment is in.
        const [coach] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, body.coachId)))
          .for('share');
        if (!coach) throw notFound('Coach');
        if (!STAFF.includes(coach.role)) throw new AppError('bad_request', 'The coach must be a coach or an admin of the organization.');
        const [candidate] = await tx
          .select()
          .from(memberships)
          .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, body.candidateId)))
          .for('share');
        if (!candidate) throw notFound('Candidate');
        if (candidate.role !== 'candidate') throw new AppError('bad_request', 'Only candidates are assigned to coaches.');
        const [row] = await tx
          .insert(coachAssignments)
          .values({ id: newId(), orgId, coachId: body.coachId, candidateId: body.candidateId, createdBy: actor.userId, createdAt: now })
          .onConflictDoNothing()
          .returning();
        if (!row) throw new AppError('conflict', 'This coach is already assigned to this candidate.');
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'assignment.create',
          targetType: 'assignment',
          targetId: row.id,
          after: { coachId: body.coachId, candidateId: body.candidateId },
          ip: meta.ip,
          at: now,
        });
        return (await toAssignments(tx, [row]))[0]!;
      });
    },

    async unassign(actor: Actor, orgId: string, body: AssignmentBody, meta: ActionMeta): Promise<void> {
      const now = clock.now();
      await db.transaction(async (tx) => {
        await orgAccess.requireRole(actor, orgId, ['admin'], tx);
        const [row] = await tx
          .delete(coachAssignments)
          .where(
            and(
              eq(coachAssignments.orgId, orgId),
              eq(coachAssignments.coachId, body.coachId),
              eq(coachAssignments.candidateId, body.candidateId),
            ),
          )
          .returning();
        if (!row) throw notFound('Assignment');
        await writeAudit(tx, {
          orgId,
          actorId: actor.userId,
          action: 'assignment.delete',
          targetType: 'assignment',
          targetId: row.id,
          before: { coachId: row.coachId, candidateId: row.candidateId },
          ip: meta.ip,
          at: now,
        });
      });
    },
  };
}
