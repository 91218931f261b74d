import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, AuditLogList } from '../../contract/orgs.js';
import { signInPlatformAdmin } from '../testing/platform-admin.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let acme: OrgFixture;
let globex: OrgFixture;
let root: Browser;
const start = '2026-03-02T09:00:00.000Z';

beforeAll(async () => {
  t = await createTestApp();
  acme = await createOrgFixture(t, { name: 'Acme', coaches: 1, candidates: 2, assign: [[0, 0]] });
  globex = await createOrgFixture(t, { name: 'Globex', coaches: 1, candidates: 1 });
  root = await signInPlatformAdmin(t);
  const a = (method: 'POST' | 'PATCH' | 'DELETE', path: string, payload?: object) =>
    acme.admin.request({ method, url: `/api/v1/orgs/${acme.orgId}${path}`, ...(payload ? { payload } : {}) });
  // One action an hour, so the time filters have something to cut.
  await a('PATCH', '', { name: 'Acme Hiring' });
  t.clock.advance(3600_000);
  await a('POST', '/teams', { name: 'Sales' });
  t.clock.advance(3600_000);
  await a('POST', '/invitations', { email: 'new@example.com', role: 'coach' });
  t.clock.advance(3600_000);
  await a('POST', '/assignments', { coachId: acme.coaches[0]!.user.id, candidateId: acme.candidates[1]!.user.id });
  t.clock.advance(3600_000);
  await a('PATCH', `/members/${acme.coaches[0]!.user.id}`, { role: 'admin' });
  await globex.admin.request({ method: 'PATCH', url: `/api/v1/orgs/${globex.orgId}`, payload: { name: 'Globex Corp' } });
});
afterAll(async () => {
  await t?.close();
});

async function read(b: Browser, query: string): Promise<AuditLogList> {
  const res = await b.request({ method: 'GET', url: `/api/v1/audit-log?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('an org admin reading the audit log', () => {
  it('sees their organization’s entries, newest first, with actor names and before/after', async () => {
    const log = await read(acme.admin, `orgId=${acme.orgId}`);
    expect(log.items.map((e) => e.action)).toEqual([
      'member.role_change',
      'assignment.create',
      'invitation.create',
      'team.create',
      'org.rename',
    ]);
    expect(log.items.every((e) => e.orgId === acme.orgId)).toBe(true);
    expect(log.items[0]).toMatchObject({
      actor: { id: acme.admin.user.id, name: 'Org Admin' },
      targetType: 'membership',
      targetId: acme.coaches[0]!.user.id,
      before: { role: 'coach' },
      after: { role: 'admin', removedAssignments: 0 },
      ip: '127.0.0.1',
    });
    expect(log.items[4]).toMatchObject({ before: { name: 'Acme' }, after: { name: 'Acme Hiring' }, createdAt: start });
  });

  it('filters by action (exact or area prefix), actor and time, and pages', async () => {
    expect((await read(acme.admin, `orgId=${acme.orgId}&action=team.create`)).items.map((e) => e.action)).toEqual(['team.create']);
    expect((await read(acme.admin, `orgId=${acme.orgId}&action=invitation`)).items.map((e) => e.action)).toEqual(['invitation.create']);
    expect((await read(acme.admin, `orgId=${acme.orgId}&action=invit`)).total).toBe(0);
    expect((await read(acme.admin, `orgId=${acme.orgId}&actorId=${acme.coaches[0]!.user.id}`)).total).toBe(0);
    expect((await read(acme.admin, `orgId=${acme.orgId}&actorId=${acme.admin.user.id}`)).total).toBe(5);
    const window = await read(acme.admin, `orgId=${acme.orgId}&from=2026-03-02T10:00:00Z&to=2026-03-02T12:00:00%2B00:00`);
    expect(window.items.map((e) => e.action)).toEqual(['assignment.create', 'invitation.create', 'team.create']);
    const page = await read(acme.admin, `orgId=${acme.orgId}&limit=2&page=2`);
    expect(page).toMatchObject({ total: 5, page: 2, limit: 2, pages: 3 });
    expect(page.items.map((e) => e.action)).toEqual(['invitation.create', 'team.create']);
  });

  it('must name the organization (400) and cannot read another one (404)', async () => {
    const problem = expectProblem(await acme.admin.request({ method: 'GET', url: '/api/v1/audit-log' }), 400, 'validation_failed');
    expect((problem.errors as { path: string }[])[0]!.path).toBe('querystring.orgId');
    expectProblem(await acme.admin.request({ method: 'GET', url: `/api/v1/audit-log?orgId=${globex.orgId}` }), 404, 'not_found');
  });
});

describe('who else may read it', () => {
  it('refuses coaches and candidates of the organization (403) and anonymous callers (401)', async () => {
    expectProblem(await globex.coaches[0]!.request({ method: 'GET', url: `/api/v1/audit-log?orgId=${globex.orgId}` }), 403, 'forbidden');
    expectProblem(await acme.candidates[0]!.request({ method: 'GET', url: `/api/v1/audit-log?orgId=${acme.orgId}` }), 403, 'forbidden');
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/audit-log?orgId=${acme.orgId}` }), 401);
  });

  it('shows the platform admin every entry, across organizations and platform-wide ones', async () => {
    const all = await read(root, 'limit=100');
    const orgIds = new Set(all.items.map((e: AuditEntry) => e.orgId));
    expect(orgIds).toEqual(new Set([acme.orgId, globex.orgId, null]));
    expect(all.items.find((e) => e.action === 'platform_admin.create')).toMatchObject({ actor: null, orgId: null });
    expect((await read(root, `orgId=${globex.orgId}`)).items.map((e) => e.action)).toEqual(['org.rename']);
  });

  it('rejects malformed filters with a 400', async () => {
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/audit-log?from=yesterday' }), 400, 'validation_failed');
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/audit-log?orgId=nope' }), 400, 'validation_failed');
  });
});
