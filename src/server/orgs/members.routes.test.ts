import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assignment, Member, MemberList, Team } from '../../contract/orgs.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { auditOfOrg } from '../testing/recorded.js';
import { coachAssignments, memberships } from './orgs.table.js';

let t: TestApp;
let acme: OrgFixture;
let globex: OrgFixture;
let root: Browser;

const url = (path = '') => `/api/v1/orgs/${acme.orgId}${path}`;
const coach = (i: number) => acme.coaches[i]!;
const cand = (i: number) => acme.candidates[i]!;

beforeAll(async () => {
  t = await createTestApp();
  // coach 1 coaches candidates 1 and 2; coach 2 coaches candidate 3; candidate 4 has no coach.
  acme = await createOrgFixture(t, {
    name: 'Acme',
    coaches: 2,
    candidates: 4,
    assign: [
      [0, 0],
      [0, 1],
      [1, 2],
    ],
  });
  globex = await createOrgFixture(t, { name: 'Globex', coaches: 1, candidates: 1 });
  root = await signInPlatformAdmin(t);
});
afterAll(async () => {
  await t?.close();
});

async function listMembers(b: Browser, query = ''): Promise<MemberList> {
  const res = await b.request({ method: 'GET', url: url(`/members${query}`) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const membershipOf = async (orgId: string, userId: string) =>
  (
    await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)))
  )[0];
const assignmentsIn = async (orgId: string) =>
  (await t.database.db.select().from(coachAssignments).where(eq(coachAssignments.orgId, orgId)))
    .map((a) => `${a.coachId}>${a.candidateId}`)
    .sort();

describe('listing members', () => {
  it('shows an admin everyone, with coaches of each candidate and candidate counts of each coach', async () => {
    const list = await listMembers(acme.admin, '?limit=100');
    expect(list.total).toBe(7);
    const byId = new Map(list.items.map((m) => [m.userId, m]));
    expect(byId.get(cand(0).user.id)).toMatchObject({
      role: 'candidate',
      coachIds: [coach(0).user.id],
      candidateCount: 0,
      name: 'Candidate 1',
    });
    expect(byId.get(cand(3).user.id)!.coachIds).toEqual([]);
    expect(byId.get(coach(0).user.id)).toMatchObject({ role: 'coach', candidateCount: 2, coachIds: [] });
    expect(byId.get(acme.admin.user.id)).toMatchObject({ role: 'admin', email: acme.admin.user.email });
    expect(list.items.map((m) => m.name)).toEqual(
      [...list.items.map((m) => m.name)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
  });

  it('pages through members', async () => {
    const first = await listMembers(acme.admin, '?limit=3&page=1');
    const third = await listMembers(acme.admin, '?limit=3&page=3');
    expect(first).toMatchObject({ total: 7, page: 1, limit: 3, pages: 3 });
    expect(first.items).toHaveLength(3);
    expect(third.items).toHaveLength(1);
    const all = await listMembers(acme.admin, '?limit=100');
    expect([...first.items, ...(await listMembers(acme.admin, '?limit=3&page=2')).items, ...third.items].map((m) => m.userId)).toEqual(
      all.items.map((m) => m.userId),
    );
  });

  it('filters by role, by team and by a search on name or email', async () => {
    expect((await listMembers(acme.admin, '?role=coach')).items.map((m) => m.userId).sort()).toEqual(
      [coach(0).user.id, coach(1).user.id].sort(),
    );
    expect((await listMembers(acme.admin, '?q=candidate%203')).items.map((m) => m.userId)).toEqual([cand(2).user.id]);
    const emailPart = cand(1).user.email.split('@')[0]!.toUpperCase();
    expect((await listMembers(acme.admin, `?q=${encodeURIComponent(emailPart)}`)).items.map((m) => m.userId)).toEqual([cand(1).user.id]);
    // % and _ are literal characters, not wildcards.
    expect((await listMembers(acme.admin, '?q=%25')).total).toBe(0);
    const team = (await acme.admin.request({ method: 'POST', url: url('/teams'), payload: { name: 'Night shift' } })).json() as Team;
    await acme.admin.request({ method: 'PATCH', url: url(`/members/${cand(3).user.id}`), payload: { teamId: team.id } });
    expect((await listMembers(acme.admin, `?teamId=${team.id}`)).items.map((m) => m.userId)).toEqual([cand(3).user.id]);
  });

  it('shows a coach the staff and only their own candidates', async () => {
    const list = await listMembers(coach(1), '?limit=100');
    expect(list.items.map((m) => m.userId).sort()).toEqual(
      [acme.admin.user.id, coach(0).user.id, coach(1).user.id, cand(2).user.id].sort(),
    );
    expect(list.total).toBe(4);
    expect((await listMembers(coach(1), '?role=candidate')).items.map((m) => m.userId)).toEqual([cand(2).user.id]);
    expect((await listMembers(coach(1), '?q=Candidate%201')).total).toBe(0);
  });

  it('refuses candidates (403), other organizations’ admins (404) and anonymous callers (401)', async () => {
    expectProblem(await cand(0).request({ method: 'GET', url: url('/members') }), 403, 'forbidden');
    expectProblem(await globex.admin.request({ method: 'GET', url: url('/members') }), 404, 'not_found');
    expectProblem(await t.app.inject({ method: 'GET', url: url('/members') }), 401);
  });

  it('shows the platform admin everyone', async () => {
    expect((await listMembers(root)).total).toBe(7);
  });
});

describe('changing a member', () => {
  it('promotes a candidate to coach, audited, and ends the assignments where they were coached', async () => {
    const target = cand(1).user.id;
    const res = await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: { role: 'coach' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ userId: target, role: 'coach', coachIds: [], candidateCount: 0 });
    expect((await membershipOf(acme.orgId, target))!.role).toBe('coach');
    expect(await assignmentsIn(acme.orgId)).not.toContain(`${coach(0).user.id}>${target}`);
    const audit = (await auditOfOrg(t, acme.orgId)).filter((a) => a.action === 'member.role_change');
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: acme.admin.user.id,
        targetType: 'membership',
        targetId: target,
        before: { role: 'candidate' },
        after: { role: 'coach', removedAssignments: 1 },
      }),
    ]);
  });

  it('never demotes or removes the last admin, and changes nothing trying', async () => {
    const self = acme.admin.user.id;
    const before = await auditOfOrg(t, acme.orgId);
    expectProblem(
      await acme.admin.request({ method: 'PATCH', url: url(`/members/${self}`), payload: { role: 'coach' } }),
      409,
      'invalid_state',
    );
    expectProblem(await acme.admin.request({ method: 'DELETE', url: url(`/members/${self}`) }), 409, 'invalid_state');
    expect((await membershipOf(acme.orgId, self))!.role).toBe('admin');
    expect(await auditOfOrg(t, acme.orgId)).toHaveLength(before.length);
  });

  it('with two admins, lets one step down; when both demote each other at once, one admin is left', async () => {
    const second = coach(1);
    await acme.admin.request({ method: 'PATCH', url: url(`/members/${second.user.id}`), payload: { role: 'admin' } });
    // coach 2 was promoted to admin and keeps coaching candidate 3 (admins may coach).
    expect(await assignmentsIn(acme.orgId)).toContain(`${second.user.id}>${cand(2).user.id}`);
    const [a, b] = await Promise.all([
      acme.admin.request({ method: 'PATCH', url: url(`/members/${second.user.id}`), payload: { role: 'coach' } }),
      second.request({ method: 'PATCH', url: url(`/members/${acme.admin.user.id}`), payload: { role: 'coach' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 403]);
    const admins = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, acme.orgId), eq(memberships.role, 'admin')));
    expect(admins).toHaveLength(1);
    // Put the fixture back: acme.admin is the admin, coach 2 a coach.
    const winner = admins[0]!.userId === acme.admin.user.id ? acme.admin : second;
    if (winner === second) {
      await second.request({ method: 'PATCH', url: url(`/members/${acme.admin.user.id}`), payload: { role: 'admin' } });
      await acme.admin.request({ method: 'PATCH', url: url(`/members/${second.user.id}`), payload: { role: 'coach' } });
    }
    expect((await membershipOf(acme.orgId, second.user.id))!.role).toBe('coach');
  });

  it('moves a member between teams and out of any team; a team of another organization is not found', async () => {
    const team = (await acme.admin.request({ method: 'POST', url: url('/teams'), payload: { name: 'Day shift' } })).json() as Team;
    const target = cand(0).user.id;
    const moved = await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: { teamId: team.id } });
    expect((moved.json() as Member).teamId).toBe(team.id);
    const theirs = (
      await globex.admin.request({ method: 'POST', url: `/api/v1/orgs/${globex.orgId}/teams`, payload: { name: 'Theirs' } })
    ).json() as Team;
    expectProblem(
      await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: { teamId: theirs.id } }),
      404,
      'not_found',
    );
    expect((await membershipOf(acme.orgId, target))!.teamId).toBe(team.id);
    const out = await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: { teamId: null } });
    expect((out.json() as Member).teamId).toBeNull();
    const changes = (await auditOfOrg(t, acme.orgId)).filter((a) => a.action === 'member.team_change' && a.targetId === target);
    expect(changes.map((c) => [c.before, c.after])).toEqual([
      [{ teamId: null }, { teamId: team.id }],
      [{ teamId: team.id }, { teamId: null }],
    ]);
  });

  it('refuses an empty change, a bad role, an unknown member, and non-admins', async () => {
    const target = cand(0).user.id;
    expectProblem(await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: {} }), 400, 'validation_failed');
    expectProblem(
      await acme.admin.request({ method: 'PATCH', url: url(`/members/${target}`), payload: { role: 'owner' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await acme.admin.request({ method: 'PATCH', url: url(`/members/${globex.admin.user.id}`), payload: { role: 'coach' } }),
      404,
    );
    expectProblem(await coach(0).request({ method: 'PATCH', url: url(`/members/${target}`), payload: { role: 'admin' } }), 403);
    expectProblem(await cand(0).request({ method: 'PATCH', url: url(`/members/${target}`), payload: { role: 'admin' } }), 403);
    expect((await membershipOf(acme.orgId, target))!.role).toBe('candidate');
  });
});

describe('removing a member', () => {
  it('removes the membership and the person’s coach assignments here, audited', async () => {
    const extra = await registerUser(t.app, { name: 'Leaving Coach' });
    await t.database.db
      .insert(memberships)
      .values({ id: crypto.randomUUID(), orgId: acme.orgId, userId: extra.user.id, role: 'coach', teamId: null, createdAt: t.clock.now() });
    const made = await acme.admin.request({
      method: 'POST',
      url: url('/assignments'),
      payload: { coachId: extra.user.id, candidateId: cand(3).user.id },
    });
    expect(made.statusCode, made.body).toBe(201);
    const res = await acme.admin.request({ method: 'DELETE', url: url(`/members/${extra.user.id}`) });
    expect(res.statusCode).toBe(204);
    expect(await membershipOf(acme.orgId, extra.user.id)).toBeUndefined();
    expect((await assignmentsIn(acme.orgId)).some((a) => a.startsWith(extra.user.id))).toBe(false);
    expect((await auditOfOrg(t, acme.orgId)).find((a) => a.action === 'member.remove')).toMatchObject({
      targetId: extra.user.id,
      before: { role: 'coach', teamId: null },
      after: { removedAssignments: 1 },
    });
    expectProblem(await acme.admin.request({ method: 'DELETE', url: url(`/members/${extra.user.id}`) }), 404);
  });

  it('refuses coaches and candidates', async () => {
    expectProblem(await coach(0).request({ method: 'DELETE', url: url(`/members/${cand(0).user.id}`) }), 403);
    expectProblem(await cand(0).request({ method: 'DELETE', url: url(`/members/${cand(0).user.id}`) }), 403);
    expect(await membershipOf(acme.orgId, cand(0).user.id)).toBeDefined();
  });
});

describe('coach assignments', () => {
  it('assigns a coach (or an admin) to a candidate, audited; a duplicate is a 409', async () => {
    const res = await acme.admin.request({
      method: 'POST',
      url: url('/assignments'),
      payload: { coachId: coach(1).user.id, candidateId: cand(0).user.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      orgId: acme.orgId,
      coach: { id: coach(1).user.id, name: 'Coach 2' },
      candidate: { id: cand(0).user.id, name: 'Candidate 1' },
    });
    expectProblem(
      await acme.admin.request({
        method: 'POST',
        url: url('/assignments'),
        payload: { coachId: coach(1).user.id, candidateId: cand(0).user.id },
      }),
      409,
      'conflict',
    );
    const byAdmin = await acme.admin.request({
      method: 'POST',
      url: url('/assignments'),
      payload: { coachId: acme.admin.user.id, candidateId: cand(3).user.id },
    });
    expect(byAdmin.statusCode).toBe(201);
    const created = (await auditOfOrg(t, acme.orgId)).filter(
      (a) => a.action === 'assignment.create' && a.after.candidateId === cand(0).user.id,
    );
    expect(created).toEqual([
      expect.objectContaining({ actorId: acme.admin.user.id, after: { coachId: coach(1).user.id, candidateId: cand(0).user.id } }),
    ]);
  });

  it('refuses pairs whose roles do not fit (400) or who are not members here (404), creating nothing', async () => {
    const before = await assignmentsIn(acme.orgId);
    const post = (coachId: string, candidateId: string) =>
      acme.admin.request({ method: 'POST', url: url('/assignments'), payload: { coachId, candidateId } });
    expectProblem(await post(cand(2).user.id, cand(3).user.id), 400, 'bad_request');
    expectProblem(await post(coach(0).user.id, coach(1).user.id), 400, 'bad_request');
    expectProblem(await post(globex.coaches[0]!.user.id, cand(3).user.id), 404);
    expectProblem(await post(coach(0).user.id, globex.candidates[0]!.user.id), 404);
    expect(await assignmentsIn(acme.orgId)).toEqual(before);
  });

  it('lists every assignment for an admin, filtered by coach or candidate; a coach sees their own', async () => {
    const all = (await acme.admin.request({ method: 'GET', url: url('/assignments') })).json().items as Assignment[];
    expect(all.map((a) => `${a.coach.id}>${a.candidate.id}`).sort()).toEqual(await assignmentsIn(acme.orgId));
    const ofCand = (await acme.admin.request({ method: 'GET', url: url(`/assignments?candidateId=${cand(0).user.id}`) })).json()
      .items as Assignment[];
    expect(ofCand.map((a) => a.coach.id).sort()).toEqual([coach(0).user.id, coach(1).user.id].sort());
    const own = (await coach(1).request({ method: 'GET', url: url('/assignments') })).json().items as Assignment[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((a) => a.coach.id === coach(1).user.id)).toBe(true);
    expectProblem(await coach(1).request({ method: 'GET', url: url(`/assignments?coachId=${coach(0).user.id}`) }), 403);
    expectProblem(await cand(0).request({ method: 'GET', url: url('/assignments') }), 403);
    expectProblem(await globex.admin.request({ method: 'GET', url: url('/assignments') }), 404);
  });

  it('ends an assignment by path or by body, audited; a missing one is a 404', async () => {
    const byPath = await acme.admin.request({ method: 'DELETE', url: url(`/assignments/${coach(1).user.id}/${cand(0).user.id}`) });
    expect(byPath.statusCode).toBe(204);
    const byBody = await acme.admin.request({
      method: 'DELETE',
      url: url('/assignments'),
      payload: { coachId: acme.admin.user.id, candidateId: cand(3).user.id },
    });
    expect(byBody.statusCode).toBe(204);
    const left = await assignmentsIn(acme.orgId);
    expect(left).not.toContain(`${coach(1).user.id}>${cand(0).user.id}`);
    expect(left).not.toContain(`${acme.admin.user.id}>${cand(3).user.id}`);
    const deleted = (await auditOfOrg(t, acme.orgId)).filter((a) => a.action === 'assignment.delete');
    expect(deleted.map((d) => d.before)).toEqual([
      { coachId: coach(1).user.id, candidateId: cand(0).user.id },
      { coachId: acme.admin.user.id, candidateId: cand(3).user.id },
    ]);
    expectProblem(await acme.admin.request({ method: 'DELETE', url: url(`/assignments/${coach(1).user.id}/${cand(0).user.id}`) }), 404);
    expectProblem(await coach(0).request({ method: 'DELETE', url: url(`/assignments/${coach(0).user.id}/${cand(0).user.id}`) }), 403);
    expect(await assignmentsIn(acme.orgId)).toContain(`${coach(0).user.id}>${cand(0).user.id}`);
  });
});
