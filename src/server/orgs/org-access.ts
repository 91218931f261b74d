import { and, eq, inArray, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { OrgRole } from '../../contract/orgs.js';
import { AppError, notFound } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import { coachAssignments, memberships, organizations } from './orgs.table.js';
import { queryAll } from '../../db/query-all.js';

/**
 * Who may do what inside organizations. Every feature that touches org data (interviews,
 * resumes, job descriptions) asks here instead of reading the membership tables itself.
 */
export type OrgAccess = ReturnType<typeof createOrgAccess>;

const raw = (alias: string, column: { name: string }) => sql.raw(`${alias}."${column.name}"`);

/** The user's role in the organization (null when not a member), as a value inside another statement. */
export function roleInSql(userId: SQL | Placeholder, orgId: SQL): SQL<OrgRole | null> {
  return sql`(select ${raw('m', memberships.role)} from ${memberships} m where ${raw('m', memberships.orgId)} = ${orgId} and ${raw('m', memberships.userId)} = ${userId})`;
}

/** Whether the user coaches the candidate in the organization, as a value inside another statement. */
export function coachesSql(coachId: SQL | Placeholder, candidateId: SQL, orgId: SQL): SQL<boolean> {
  return sql`exists (select 1 from ${coachAssignments} c where ${raw('c', coachAssignments.orgId)} = ${orgId} and ${raw('c', coachAssignments.candidateId)} = ${candidateId} and ${raw('c', coachAssignments.coachId)} = ${coachId})`;
}

export function createOrgAccess(db: DbOrTx) {
  async function roleIn(userId: string, orgId: string, tx: DbOrTx = db): Promise<OrgRole | null> {
    const [m] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
    return m?.role ?? null;
  }

  return {
    roleIn,

    /**
     * The caller's role, when it is one of `roles`. Not a member: 404, so an organization's
     * existence is not revealed. A member with another role: 403. The platform admin passes
     * with role null.
     */
    async requireRole(actor: Actor, orgId: string, roles: readonly OrgRole[], tx: DbOrTx = db): Promise<OrgRole | null> {
      const role = await roleIn(actor.userId, orgId, tx);
      if (role && roles.includes(role)) return role;
      if (actor.platformRole === 'superadmin') return role;
      if (!role) throw notFound('Organization');
      throw new AppError('forbidden', `This needs the ${roles.join(' or ')} role in the organization.`);
    },

    /** Whether an organization where the user is a coach or an admin requires two-factor sign-in. */
    async twoFactorDemandedOf(userId: string, tx: DbOrTx = db): Promise<boolean> {
      const rows = await tx
        .select({ id: organizations.id })
        .from(memberships)
        .innerJoin(organizations, eq(organizations.id, memberships.orgId))
        .where(and(eq(memberships.userId, userId), inArray(memberships.role, ['coach', 'admin']), eq(organizations.requireTwoFactor, true)))
        .limit(1);
      return rows.length > 0;
    },

    /** The organization's two-factor requirement, its row locked against a concurrent change. */
    async lockTwoFactorRequirement(orgId: string, tx: DbOrTx): Promise<boolean> {
      const [org] = await tx
        .select({ requireTwoFactor: organizations.requireTwoFactor })
        .from(organizations)
        .where(eq(organizations.id, orgId))
        .for('no key update');
      if (!org) throw notFound('Organization');
      return org.requireTwoFactor;
    },

    /** Sets the requirement; returns the members it applies to (coaches and admins). */
    async setTwoFactorRequirement(orgId: string, requireTwoFactor: boolean, tx: DbOrTx): Promise<string[]> {
      await tx.update(organizations).set({ requireTwoFactor }).where(eq(organizations.id, orgId));
      const staff = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), inArray(memberships.role, ['coach', 'admin'])));
      return staff.map((m) => m.userId);
    },

    /** How many days the organization keeps recorded answers; null when there is no such organization. */
    async recordingRetentionDays(orgId: string, tx: DbOrTx = db): Promise<number | null> {
      const [org] = await tx.select({ days: organizations.recordingRetentionDays }).from(organizations).where(eq(organizations.id, orgId));
      return org?.days ?? null;
    },

    /** Every organization's retention period, for the sweep that deletes what is past it. */
    async recordingRetentionPeriods(tx: DbOrTx = db): Promise<{ orgId: string; days: number }[]> {
      return tx.select({ orgId: organizations.id, days: organizations.recordingRetentionDays }).from(organizations);
    },

    /** Sets the retention period, the row locked; returns the period it replaced. */
    async setRecordingRetentionDays(orgId: string, days: number, tx: DbOrTx): Promise<number> {
      const [before] = await tx
        .select({ days: organizations.recordingRetentionDays })
        .from(organizations)
        .where(eq(organizations.id, orgId))
        .for('no key update');
      if (!before) throw notFound('Organization');
      await tx.update(organizations).set({ recordingRetentionDays: days }).where(eq(organizations.id, orgId));
      return before.days;
    },

    /** Organizations the user belongs to, with their role. */
    async membershipsOf(userId: string, tx: DbOrTx = db): Promise<{ orgId: string; role: OrgRole }[]> {
      return tx.select({ orgId: memberships.orgId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
    },

    /**
     * Organizations in which the caller may act for this candidate (schedule, review, read
     * resumes): where the candidate is a candidate member and the caller is an admin there or
     * one of the candidate's assigned coaches. The platform admin: every such organization.
     */
    async orgsWhereCoaching(actor: Actor, candidateId: string, tx: DbOrTx = db): Promise<string[]> {
      const candidateOrgs = await tx
        .select({ orgId: memberships.orgId })
        .from(memberships)
        .where(and(eq(memberships.userId, candidateId), eq(memberships.role, 'candidate')));
      const orgIds = candidateOrgs.map((r) => r.orgId);
      if (orgIds.length === 0) return [];
      if (actor.platformRole === 'superadmin') return orgIds;
      const [adminOf, assigned] = await queryAll(tx, [
        () =>
          tx
            .select({ orgId: memberships.orgId })
            .from(memberships)
            .where(and(eq(memberships.userId, actor.userId), eq(memberships.role, 'admin'), inArray(memberships.orgId, orgIds))),
        () =>
          tx
            .select({ orgId: coachAssignments.orgId, role: memberships.role })
            .from(coachAssignments)
            .innerJoin(memberships, and(eq(memberships.orgId, coachAssignments.orgId), eq(memberships.userId, coachAssignments.coachId)))
            .where(
              and(
                eq(coachAssignments.coachId, actor.userId),
                eq(coachAssignments.candidateId, candidateId),
                inArray(coachAssignments.orgId, orgIds),
              ),
            ),
      ]);
      // A coach demoted to candidate keeps no power through old assignment rows.
      const coaching = assigned.filter((a) => a.role === 'coach' || a.role === 'admin').map((a) => a.orgId);
      return [...new Set([...adminOf.map((r) => r.orgId), ...coaching])];
    },

    /** Whether the caller may act for the candidate in this organization (see orgsWhereCoaching). */
    async canCoach(actor: Actor, candidateId: string, orgId: string, tx: DbOrTx = db): Promise<boolean> {
      return (await this.orgsWhereCoaching(actor, candidateId, tx)).includes(orgId);
    },

    /** The candidate's assigned coaches in the organization (who to tell when they finish). */
    async coachIdsOf(candidateId: string, orgId: string, tx: DbOrTx = db): Promise<string[]> {
      const rows = await tx
        .select({ coachId: coachAssignments.coachId })
        .from(coachAssignments)
        .where(and(eq(coachAssignments.orgId, orgId), eq(coachAssignments.candidateId, candidateId)));
      return rows.map((r) => r.coachId);
    },

    async adminIdsOf(orgId: string, tx: DbOrTx = db): Promise<string[]> {
      const rows = await tx
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'admin')));
      return rows.map((r) => r.userId);
    },

    /**
     * Everyone the user acts for as staff (same rule as orgsWhereCoaching, seen from the coach):
     * every candidate member of the organizations they administer, and their assigned candidates
     * where they are still coach or admin. `staffOrgIds`: organizations where they are coach or admin.
     */
    async coachingScope(
      userId: string,
      tx: DbOrTx = db,
    ): Promise<{ adminOrgIds: string[]; staffOrgIds: string[]; candidates: { orgId: string; candidateId: string }[] }> {
      const mine = await tx
        .select({ orgId: memberships.orgId, role: memberships.role })
        .from(memberships)
        .where(eq(memberships.userId, userId));
      const adminOrgIds = mine.filter((m) => m.role === 'admin').map((m) => m.orgId);
      const staffOrgIds = mine.filter((m) => m.role === 'admin' || m.role === 'coach').map((m) => m.orgId);
      if (staffOrgIds.length === 0) return { adminOrgIds, staffOrgIds, candidates: [] };
      const candidateMember = alias(memberships, 'candidate_member');
      const [ofAdminOrgs, assigned] = await queryAll(tx, [
        () =>
          adminOrgIds.length === 0
            ? Promise.resolve([])
            : tx
                .select({ orgId: memberships.orgId, candidateId: memberships.userId })
                .from(memberships)
                .where(and(inArray(memberships.orgId, adminOrgIds), eq(memberships.role, 'candidate'))),
        () =>
          tx
            .select({ orgId: coachAssignments.orgId, candidateId: coachAssignments.candidateId })
            .from(coachAssignments)
            .innerJoin(
              candidateMember,
              and(
                eq(candidateMember.orgId, coachAssignments.orgId),
                eq(candidateMember.userId, coachAssignments.candidateId),
                eq(candidateMember.role, 'candidate'),
              ),
            )
            .where(and(eq(coachAssignments.coachId, userId), inArray(coachAssignments.orgId, staffOrgIds))),
      ]);
      const seen = new Set<string>();
      const candidates = [...ofAdminOrgs, ...assigned].filter((c) => {
        const key = `${c.orgId}:${c.candidateId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return { adminOrgIds, staffOrgIds, candidates };
    },

    /** Organization names by id, for lists that show where something belongs. */
    async orgNames(orgIds: readonly string[], tx: DbOrTx = db): Promise<Map<string, string>> {
      const unique = [...new Set(orgIds)];
      if (unique.length === 0) return new Map();
      const rows = await tx
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, unique));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
