import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Org, Team } from '../../contract/orgs.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { auditOfOrg } from '../testing/recorded.js';
import { memberships, organizations, teams } from './orgs.table.js';

let t: TestApp;
let ada: Browser;
let bob: Browser;
let root: Browser;
let acme: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  ada = await registerUser(t.app, { name: 'Ada' });
  bob = await registerUser(t.app, { name: 'Bob' });
  root = await signInPlatformAdmin(t);
  acme = await createOrgFixture(t, { name: 'Acme', coaches: 1, candidates: 1 });
});
afterAll(async () => {
  await t?.close();
});

async function createOrg(b: Browser, name: string): Promise<Org> {
  const res = await b.request({ method: 'POST', url: '/api/v1/orgs', payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function createTeam(b: Browser, orgId: string, name: string): Promise<Team> {
  const res = await b.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/teams`, payload: { name } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const orgCount = async () => (await t.database.db.select().from(organizations)).length;

describe('creating and listing organizations', () => {
  it('makes the creator its admin and audits org.create', async () => {
    const org = await createOrg(ada, '  Ada Labs ');
    expect(org).toMatchObject({ name: 'Ada Labs', myRole: 'admin', memberCount: 1 });
    const [m] = await t.database.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(m).toMatchObject({ userId: ada.user.id, role: 'admin', teamId: null });
    const audit = await auditOfOrg(t, org.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'org.create',
      actorId: ada.user.id,
      targetType: 'organization',
      targetId: org.id,
      after: { name: 'Ada Labs' },
    });
  });

  it('lists only the caller’s organizations with their role and member count', async () => {
    const mine = (await ada.request({ method: 'GET', url: '/api/v1/orgs' })).json().items as Org[];
    expect(mine.map((o) => o.name)).toEqual(['Ada Labs']);
    expect((await bob.request({ method: 'GET', url: '/api/v1/orgs' })).json().items).toEqual([]);
    const coachView = (await acme.coaches[0]!.request({ method: 'GET', url: '/api/v1/orgs' })).json().items as Org[];
    expect(coachView).toEqual([expect.objectContaining({ id: acme.orgId, name: 'Acme', myRole: 'coach', memberCount: 3 })]);
  });

  it('lets only the platform admin list every organization', async () => {
    const all = (await root.request({ method: 'GET', url: '/api/v1/orgs?all=true' })).json().items as Org[];
    expect(all.map((o) => o.name)).toEqual(expect.arrayContaining(['Acme', 'Ada Labs']));
    expect(all.every((o) => o.myRole === null)).toBe(true);
    expect((await root.request({ method: 'GET', url: '/api/v1/orgs' })).json().items).toEqual([]);
    expectProblem(await ada.request({ method: 'GET', url: '/api/v1/orgs?all=true' }), 403, 'forbidden');
  });

  it.each([
    ['an empty name', { name: '   ' }],
    ['a missing name', {}],
    ['a name too long', { name: 'x'.repeat(121) }],
  ])('refuses %s with a 400 and creates nothing', async (_, payload) => {
    const before = await orgCount();
    expectProblem(await ada.request({ method: 'POST', url: '/api/v1/orgs', payload }), 400, 'validation_failed');
    expect(await orgCount()).toBe(before);
  });

  it('requires sign-in', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload: { name: 'X' } }), 401);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/orgs' }), 401);
  });

  it('refuses a cookie write without the CSRF header', async () => {
    const before = await orgCount();
    expectProblem(
      await t.app.inject({ method: 'POST', url: '/api/v1/orgs', payload: { name: 'X' }, headers: { cookie: ada.cookie } }),
      403,
      'csrf_failed',
    );
    expect(await orgCount()).toBe(before);
  });
});

describe('reading and renaming one organization', () => {
  it('shows it to every member, and to the platform admin', async () => {
    for (const b of [acme.admin, acme.coaches[0]!, acme.candidates[0]!]) {
      const res = await b.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: acme.orgId, name: 'Acme', memberCount: 3 });
    }
    expect((await root.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}` })).json()).toMatchObject({ myRole: null });
  });

  it('answers 404 to outsiders and for unknown ids, the same way', async () => {
    const outsider = expectProblem(await bob.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}` }), 404, 'not_found');
    const unknown = expectProblem(
      await bob.request({ method: 'GET', url: '/api/v1/orgs/0190a4b8-0000-7000-8000-000000000000' }),
      404,
      'not_found',
    );
    expect(outsider.detail).toBe(unknown.detail);
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/orgs/0190a4b8-0000-7000-8000-000000000000' }), 404);
    expectProblem(await bob.request({ method: 'GET', url: '/api/v1/orgs/not-a-uuid' }), 400, 'validation_failed');
  });

  it('lets the admin rename it, audited with before and after', async () => {
    const res = await acme.admin.request({ method: 'PATCH', url: `/api/v1/orgs/${acme.orgId}`, payload: { name: 'Acme Hiring' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Acme Hiring', myRole: 'admin' });
    const rename = (await auditOfOrg(t, acme.orgId)).find((a) => a.action === 'org.rename');
    expect(rename).toMatchObject({ actorId: acme.admin.user.id, before: { name: 'Acme' }, after: { name: 'Acme Hiring' } });
  });

  it('refuses coaches and candidates (403) and outsiders (404), changing nothing', async () => {
    for (const b of [acme.coaches[0]!, acme.candidates[0]!]) {
      expectProblem(await b.request({ method: 'PATCH', url: `/api/v1/orgs/${acme.orgId}`, payload: { name: 'Mine' } }), 403, 'forbidden');
    }
    expectProblem(await bob.request({ method: 'PATCH', url: `/api/v1/orgs/${acme.orgId}`, payload: { name: 'Mine' } }), 404);
    const [row] = await t.database.db.select().from(organizations).where(eq(organizations.id, acme.orgId));
    expect(row!.name).toBe('Acme Hiring');
  });
});

describe('teams', () => {
  let org: Org;
  let other: Org;
  beforeAll(async () => {
    org = await createOrg(ada, 'Teams Inc');
    other = await createOrg(bob, 'Other Inc');
  });

  it('creates teams, refusing a duplicate name in the same organization whatever its case', async () => {
    const sales = await createTeam(ada, org.id, 'Sales');
    expect(sales).toMatchObject({ orgId: org.id, name: 'Sales', memberCount: 0 });
    expectProblem(await ada.request({ method: 'POST', url: `/api/v1/orgs/${org.id}/teams`, payload: { name: 'SALES' } }), 409, 'conflict');
    // Another organization may use the same name.
    await createTeam(bob, other.id, 'Sales');
    const rows = await t.database.db.select().from(teams).where(eq(teams.orgId, org.id));
    expect(rows.map((r) => r.name)).toEqual(['Sales']);
    expect((await auditOfOrg(t, org.id)).filter((a) => a.action === 'team.create')).toHaveLength(1);
  });

  it('lists teams by name with their member counts', async () => {
    const eng = await createTeam(ada, org.id, 'engineering');
    const [row] = await t.database.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    await t.database.db.update(memberships).set({ teamId: eng.id }).where(eq(memberships.id, row!.id));
    const list = (await ada.request({ method: 'GET', url: `/api/v1/orgs/${org.id}/teams` })).json().items as Team[];
    expect(list.map((x) => [x.name, x.memberCount])).toEqual([
      ['engineering', 1],
      ['Sales', 0],
    ]);
  });

  it('renames a team; a clash with another team is a 409', async () => {
    const list = (await ada.request({ method: 'GET', url: `/api/v1/orgs/${org.id}/teams` })).json().items as Team[];
    const eng = list.find((x) => x.name === 'engineering')!;
    const res = await ada.request({ method: 'PATCH', url: `/api/v1/orgs/${org.id}/teams/${eng.id}`, payload: { name: 'Engineering' } });
    expect(res.json()).toMatchObject({ id: eng.id, name: 'Engineering', memberCount: 1 });
    expectProblem(
      await ada.request({ method: 'PATCH', url: `/api/v1/orgs/${org.id}/teams/${eng.id}`, payload: { name: 'sales' } }),
      409,
      'conflict',
    );
    const [row] = await t.database.db.select().from(teams).where(eq(teams.id, eng.id));
    expect(row!.name).toBe('Engineering');
    expect((await auditOfOrg(t, org.id)).find((a) => a.action === 'team.rename')).toMatchObject({
      before: { name: 'engineering' },
      after: { name: 'Engineering' },
    });
  });

  it('deletes a team and leaves its members in the organization without a team', async () => {
    const list = (await ada.request({ method: 'GET', url: `/api/v1/orgs/${org.id}/teams` })).json().items as Team[];
    const eng = list.find((x) => x.name === 'Engineering')!;
    const res = await ada.request({ method: 'DELETE', url: `/api/v1/orgs/${org.id}/teams/${eng.id}` });
    expect(res.statusCode).toBe(204);
    const members = await t.database.db.select().from(memberships).where(eq(memberships.orgId, org.id));
    expect(members).toHaveLength(1);
    expect(members[0]!.teamId).toBeNull();
    expect((await auditOfOrg(t, org.id)).find((a) => a.action === 'team.delete')).toMatchObject({
      targetId: eng.id,
      before: { name: 'Engineering', memberCount: 1 },
    });
    expectProblem(await ada.request({ method: 'DELETE', url: `/api/v1/orgs/${org.id}/teams/${eng.id}` }), 404);
  });

  it('does not reach another organization’s team through this organization', async () => {
    const theirs = ((await bob.request({ method: 'GET', url: `/api/v1/orgs/${other.id}/teams` })).json().items as Team[])[0]!;
    expectProblem(
      await ada.request({ method: 'PATCH', url: `/api/v1/orgs/${org.id}/teams/${theirs.id}`, payload: { name: 'Gotcha' } }),
      404,
    );
    expectProblem(await ada.request({ method: 'DELETE', url: `/api/v1/orgs/${org.id}/teams/${theirs.id}` }), 404);
    const [row] = await t.database.db.select().from(teams).where(eq(teams.id, theirs.id));
    expect(row!.name).toBe('Sales');
  });

  it('lets coaches read teams but not change them; candidates get 403', async () => {
    expect((await acme.coaches[0]!.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/teams` })).statusCode).toBe(200);
    expectProblem(
      await acme.coaches[0]!.request({ method: 'POST', url: `/api/v1/orgs/${acme.orgId}/teams`, payload: { name: 'Coaches' } }),
      403,
    );
    expectProblem(await acme.candidates[0]!.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/teams` }), 403);
    expect(await t.database.db.select().from(teams).where(eq(teams.orgId, acme.orgId))).toEqual([]);
  });
});
