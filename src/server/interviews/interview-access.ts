import { and, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { notFound } from '../../core/errors.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../auth/actor.js';
import type { OrgAccess } from '../orgs/org-access.js';
import { interviews, type InterviewRow } from './interviews.table.js';

/**
 * How the caller relates to one interview. `candidate`: the person taking it. `staff`: the
 * people who run it (the coach who scheduled it, the candidate's coaches in that organization,
 * the organization's admins) and the platform admin.
 */
export type InterviewViewer = 'candidate' | 'staff';

/** What viewerFrom needs to know of an interview. */
export type AccessFacts = Pick<InterviewRow, 'candidateId' | 'kind' | 'orgId' | 'coachId'>;

/**
 * The rule of viewerOf, over facts read however the caller likes: one query per fact
 * (viewerOf), or all in the one statement that validates a cached read (interview-read-cache.ts).
 */
export async function viewerFrom(
  actor: Actor,
  row: AccessFacts,
  facts: { role(): Promise<string | null> | string | null; coachesCandidate(): Promise<boolean> | boolean },
): Promise<InterviewViewer | null> {
  if (row.candidateId === actor.userId) return 'candidate';
  if (actor.platformRole === 'superadmin') return 'staff';
  if (row.kind !== 'assigned' || !row.orgId) return null;
  const role = await facts.role();
  if (role === 'admin') return 'staff';
  if (role !== 'coach') return null;
  if (row.coachId === actor.userId) return 'staff';
  return (await facts.coachesCandidate()) ? 'staff' : null;
}

/**
 * Who sees what, in one place:
 * - the candidate sees their own interviews (questions only once started; scores when released);
 * - a practice interview is the candidate's alone (and the platform admin's, for support);
 * - an assigned interview is also seen, in full, by its staff;
 * - anyone else gets the same 404 as for an unknown id, so ids cannot be probed.
 */
export function createInterviewAccess(orgAccess: OrgAccess) {
  async function viewerOf(actor: Actor, row: InterviewRow, tx?: DbOrTx): Promise<InterviewViewer | null> {
    // viewerFrom asks these only for an assigned interview, which has an organization.
    const orgId = row.orgId!;
    return viewerFrom(actor, row, {
      role: () => orgAccess.roleIn(actor.userId, orgId, tx),
      coachesCandidate: async () => (await orgAccess.coachIdsOf(row.candidateId, orgId, tx)).includes(actor.userId),
    });
  }

  return {
    viewerOf,

    async requireViewer(actor: Actor, row: InterviewRow | undefined, tx?: DbOrTx): Promise<{ row: InterviewRow; viewer: InterviewViewer }> {
      const viewer = row ? await viewerOf(actor, row, tx) : null;
      if (!row || !viewer) throw notFound('Interview');
      return { row, viewer };
    },

    /**
     * The interviews the caller may review, as a condition on the interviews table: the same
     * rule as viewerOf, for many rows at once. Undefined means all (the platform admin).
     */
    async reviewableCondition(actor: Actor): Promise<SQL | undefined> {
      const assigned = eq(interviews.kind, 'assigned');
      if (actor.platformRole === 'superadmin') return assigned;
      const scope = await orgAccess.coachingScope(actor.userId);
      const admin = new Set(scope.adminOrgIds);
      const byOrg = new Map<string, string[]>();
      for (const c of scope.candidates) {
        if (admin.has(c.orgId)) continue;
        byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c.candidateId]);
      }
      const parts: SQL[] = [];
      if (scope.adminOrgIds.length > 0) parts.push(inArray(interviews.orgId, scope.adminOrgIds));
      if (scope.staffOrgIds.length > 0)
        parts.push(and(eq(interviews.coachId, actor.userId), inArray(interviews.orgId, scope.staffOrgIds))!);
      for (const [orgId, candidateIds] of byOrg)
        parts.push(and(eq(interviews.orgId, orgId), inArray(interviews.candidateId, candidateIds))!);
      if (parts.length === 0) return sql`false`;
      return and(assigned, or(...parts));
    },
  };
}

export type InterviewAccess = ReturnType<typeof createInterviewAccess>;

/**
 * Whether the viewer may see scores and feedback. Staff always; the candidate of an assigned
 * interview only when results are released at once or once the coach has finalized.
 */
export function resultsVisible(viewer: InterviewViewer, row: Pick<InterviewRow, 'kind' | 'releaseResults' | 'finalizedAt'>): boolean {
  if (viewer === 'staff' || row.kind === 'practice') return true;
  return row.releaseResults === 'immediately' || row.finalizedAt !== null;
}

/** Before the candidate starts, the questions stay hidden from them. */
export function questionsVisible(viewer: InterviewViewer, row: InterviewRow): boolean {
  return viewer === 'staff' || row.startedAt !== null || row.kind === 'practice';
}
