import { asc } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import type { AssignmentList, InvitationList, MemberList } from '../../contract/orgs.js';
import { auditLog } from '../audit/audit.table.js';
import { mails } from '../mail/mail.table.js';
import { notifications } from '../notifications/notifications.table.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { createTwoOrgWorld, deniedCallers, describeIsolationMatrix, type Probe, type TwoOrgWorld } from '../testing/isolation-matrix.js';
import { coachAssignments, invitations, memberships, organizations, teams } from './orgs.table.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface World extends TwoOrgWorld {
  teamId: string;
  /** Pending, sent by a's admin. */
  invitationId: string;
  /** Pending, sent by the assigned coach. */
  coachInvitationId: string;
  teamOfB: string;
}

async function setup(): Promise<World> {
  const w = await createTwoOrgWorld(t);
  const post = async (path: string, payload: object, as = w.a.admin) => {
    const res = await as.request({ method: 'POST', url: `/api/v1/orgs/${w.a.orgId}${path}`, payload });
    if (res.statusCode !== 201) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
    return res.json() as { id: string };
  };
  const team = await post('/teams', { name: 'Platform' });
  const inv = await post('/invitations', { email: 'pending-coach@example.com', role: 'coach' });
  const coachInv = await post('/invitations', { email: 'pending-candidate@example.com', role: 'candidate' }, w.assignedCoach);
  const teamOfB = (await w.b.admin.request({ method: 'POST', url: `/api/v1/orgs/${w.b.orgId}/teams`, payload: { name: 'B team' } })).json()
    .id as string;
  return { ...w, teamId: team.id, invitationId: inv.id, coachInvitationId: coachInv.id, teamOfB };
}

async function snapshot() {
  const db = t.database.db;
  return Promise.all([
    db.select().from(organizations).orderBy(asc(organizations.id)),
    db.select().from(teams).orderBy(asc(teams.id)),
    db.select().from(memberships).orderBy(asc(memberships.id)),
    db.select().from(coachAssignments).orderBy(asc(coachAssignments.id)),
    db.select().from(invitations).orderBy(asc(invitations.id)),
    db.select().from(auditLog).orderBy(asc(auditLog.id)),
    db.select().from(mails).orderBy(asc(mails.id)),
    db.select().from(notifications).orderBy(asc(notifications.id)),
  ]);
}

const org = (w: World, path = '') => `/api/v1/orgs/${w.a.orgId}${path}`;
const orgB = (w: World, path = '') => `/api/v1/orgs/${w.b.orgId}${path}`;
/** Outsiders 404, org members without the role 403, anonymous 401. */
const adminOnly = { otherAdmin: 404, coach: 403, candidate: 403, anonymous: 401 };

function notListed(ids: (w: World) => string[], pick: (body: never) => string[]) {
  return (body: unknown, w: World) => {
    const leaked = pick(body as never).filter((id) => ids(w).includes(id));
    if (leaked.length > 0) throw new Error(`leaked ${leaked.join(', ')}`);
  };
}

/**
 * Ordered for the owner's pass: reads first, then changes that later rows do not depend on,
 * then deletions.
 */
const probes: Probe<World>[] = [
  // Organization
  { name: 'org', method: 'GET', url: (w) => org(w), expect: { otherAdmin: 404, anonymous: 401 }, owner: 200 },
  { name: 'org rename', method: 'PATCH', url: (w) => org(w), payload: () => ({ name: 'Hijacked' }), expect: adminOnly, owner: 200 },
  // Teams
  { name: 'teams', method: 'GET', url: (w) => org(w, '/teams'), expect: { otherAdmin: 404, candidate: 403, anonymous: 401 }, owner: 200 },
  {
    name: 'team create',
    method: 'POST',
    url: (w) => org(w, '/teams'),
    payload: () => ({ name: 'Intruders' }),
    expect: adminOnly,
    owner: 201,
  },
  {
    name: 'team rename',
    method: 'PATCH',
    url: (w) => org(w, `/teams/${w.teamId}`),
    payload: () => ({ name: 'Renamed' }),
    expect: adminOnly,
    owner: 200,
  },
  {
    name: "a's team through b",
    method: 'PATCH',
    url: (w) => orgB(w, `/teams/${w.teamId}`),
    payload: () => ({ name: 'Mine now' }),
    expect: { otherAdmin: 404 },
  },
  { name: "a's team deleted through b", method: 'DELETE', url: (w) => orgB(w, `/teams/${w.teamId}`), expect: { otherAdmin: 404 } },
  // Members
  {
    name: 'members',
    method: 'GET',
    url: (w) => org(w, '/members?limit=100'),
    expect: { otherAdmin: 404, coach: 200, candidate: 403, anonymous: 401 },
    inspect: notListed(
      (w) => [w.candidate.user.id],
      (b: MemberList) => b.items.map((m) => m.userId),
    ),
    owner: 200,
  },
  {
    name: 'members searched by name',
    method: 'GET',
    url: (w) => org(w, `/members?q=${encodeURIComponent(w.candidate.user.name)}`),
    expect: { coach: 200 },
    inspect: (b) => {
      if ((b as MemberList).total !== 0) throw new Error('the search found an unassigned candidate');
    },
  },
  {
    name: 'member promoted to admin',
    method: 'PATCH',
    url: (w) => org(w, `/members/${w.candidate.user.id}`),
    payload: () => ({ role: 'admin' }),
    expect: adminOnly,
  },
  {
    name: 'admin demoted',
    method: 'PATCH',
    url: (w) => org(w, `/members/${w.a.admin.user.id}`),
    payload: () => ({ role: 'candidate' }),
    expect: adminOnly,
    owner: 409,
  },
  {
    name: 'member moved to a team',
    method: 'PATCH',
    url: (w) => org(w, `/members/${w.candidate.user.id}`),
    payload: (w) => ({ teamId: w.teamId }),
    expect: adminOnly,
    owner: 200,
  },
  {
    name: "member moved into b's team",
    method: 'PATCH',
    url: (w) => org(w, `/members/${w.candidate.user.id}`),
    payload: (w) => ({ teamId: w.teamOfB }),
    expect: {},
    owner: 404,
  },
  {
    name: "a's member through b",
    method: 'PATCH',
    url: (w) => orgB(w, `/members/${w.candidate.user.id}`),
    payload: () => ({ role: 'coach' }),
    expect: { otherAdmin: 404 },
  },
  {
    name: "a's member removed through b",
    method: 'DELETE',
    url: (w) => orgB(w, `/members/${w.candidate.user.id}`),
    expect: { otherAdmin: 404 },
  },
  // Invitations
  {
    name: 'invitations',
    method: 'GET',
    url: (w) => org(w, '/invitations?limit=100'),
    expect: { otherAdmin: 404, coach: 200, candidate: 403, anonymous: 401 },
    inspect: notListed(
      (w) => [w.invitationId, w.coachInvitationId],
      (b: InvitationList) => b.items.map((i) => i.id),
    ),
    owner: 200,
  },
  {
    name: 'invitation of a coach',
    method: 'POST',
    url: (w) => org(w, '/invitations'),
    payload: () => ({ email: 'intruder@example.com', role: 'coach' }),
    expect: adminOnly,
    owner: 201,
  },
  {
    name: 'invitation of a candidate',
    method: 'POST',
    url: (w) => org(w, '/invitations'),
    payload: () => ({ email: 'friend@example.com', role: 'candidate' }),
    expect: { otherAdmin: 404, candidate: 403, anonymous: 401 },
  },
  {
    name: 'invitation withdrawn',
    method: 'DELETE',
    url: (w) => org(w, `/invitations/${w.invitationId}`),
    expect: { otherAdmin: 404, coach: 404, candidate: 403, anonymous: 401 },
    owner: 204,
  },
  {
    name: "coach's invitation withdrawn",
    method: 'DELETE',
    url: (w) => org(w, `/invitations/${w.coachInvitationId}`),
    expect: { otherAdmin: 404, coach: 404, candidate: 403, anonymous: 401 },
  },
  {
    name: "a's invitation through b",
    method: 'DELETE',
    url: (w) => orgB(w, `/invitations/${w.coachInvitationId}`),
    expect: { otherAdmin: 404 },
  },
  // Assignments
  {
    name: 'assignments',
    method: 'GET',
    url: (w) => org(w, '/assignments'),
    expect: { otherAdmin: 404, coach: 200, candidate: 403, anonymous: 401 },
    inspect: notListed(
      (w) => [w.candidate.user.id],
      (b: AssignmentList) => b.items.map((a) => a.candidate.id),
    ),
    owner: 200,
  },
  {
    name: "another coach's assignments",
    method: 'GET',
    url: (w) => org(w, `/assignments?coachId=${w.assignedCoach.user.id}`),
    expect: { coach: 403 },
  },
  {
    name: 'assignment of the unassigned coach',
    method: 'POST',
    url: (w) => org(w, '/assignments'),
    payload: (w) => ({ coachId: w.otherCoach.user.id, candidateId: w.candidate.user.id }),
    expect: adminOnly,
    owner: 201,
  },
  {
    name: "assignment in b of a's people",
    method: 'POST',
    url: (w) => orgB(w, '/assignments'),
    payload: (w) => ({ coachId: w.assignedCoach.user.id, candidateId: w.candidate.user.id }),
    expect: { otherAdmin: 404 },
  },
  {
    name: 'assignment ended by path',
    method: 'DELETE',
    url: (w) => org(w, `/assignments/${w.assignedCoach.user.id}/${w.candidate.user.id}`),
    expect: adminOnly,
    owner: 204,
  },
  {
    name: 'assignment ended by body',
    method: 'DELETE',
    url: (w) => org(w, '/assignments'),
    payload: (w) => ({ coachId: w.otherCoach.user.id, candidateId: w.candidate.user.id }),
    expect: adminOnly,
    owner: 204,
  },
  // Audit log
  { name: 'audit log', method: 'GET', url: (w) => `/api/v1/audit-log?orgId=${w.a.orgId}`, expect: adminOnly, owner: 200 },
  {
    name: 'audit log of every organization',
    method: 'GET',
    url: () => '/api/v1/audit-log',
    expect: { otherAdmin: 400, coach: 400, candidate: 400, anonymous: 401 },
  },
  // Deletions last.
  { name: 'member removed', method: 'DELETE', url: (w) => org(w, `/members/${w.candidate.user.id}`), expect: adminOnly, owner: 204 },
  { name: 'team deleted', method: 'DELETE', url: (w) => org(w, `/teams/${w.teamId}`), expect: adminOnly, owner: 204 },
];

describeIsolationMatrix<World>('tenant isolation of organizations, teams, members, invitations, assignments and the audit log', {
  setup,
  callers: (w) => deniedCallers(t, w),
  owner: (w) => w.a.admin.request,
  snapshot,
  probes,
});
