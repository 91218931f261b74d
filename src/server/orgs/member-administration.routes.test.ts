import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/audit.table.js';
import { twoFactor } from '../auth/two-factor.table.js';
import { newId } from '../ids.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type Browser, type TestApp } from '../testing/test-app.js';
import { memberships } from './orgs.table.js';

let t: TestApp;
let a: OrgFixture;
let b: OrgFixture;
beforeAll(async () => {
  t = await createTestApp();
  a = await createOrgFixture(t, { name: 'Org A', coaches: 1, candidates: 3 });
  b = await createOrgFixture(t, { name: 'Org B', coaches: 0, candidates: 1 });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const list = (who: Browser, orgId: string, query = '') =>
  who.request({ method: 'GET', url: `/api/v1/orgs/${orgId}/member-accounts${query}` });
const act = (who: Browser, orgId: string, userId: string, what: string) =>
  who.request({ method: 'POST', url: `/api/v1/orgs/${orgId}/members/${userId}/${what}` });
const audited = async (action: string, targetId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

describe("org admins manage their members' access", () => {
  it('lists members with last sign-in, two-factor and verified email, by name or email, in pages', async () => {
    const all = (await list(a.admin, a.orgId)).json();
    expect(all.total).toBe(5);
    const candidate = all.items.find((m: { userId: string }) => m.userId === a.candidates[0]!.user.id);
    expect(candidate).toMatchObject({ role: 'candidate', status: 'active', twoFactor: false, emailVerified: false, deactivatedAt: null });
    // registerUser signed them in.
    expect(candidate.lastSignInAt).toBeTruthy();
    const found = (await list(a.admin, a.orgId, `?q=${encodeURIComponent(a.coaches[0]!.user.email.toUpperCase())}`)).json();
    expect(found.items.map((m: { userId: string }) => m.userId)).toEqual([a.coaches[0]!.user.id]);
    const paged = (await list(a.admin, a.orgId, '?limit=2&page=3')).json();
    expect(paged).toMatchObject({ total: 5, pages: 3, page: 3 });
    expect(paged.items).toHaveLength(1);
  });

  it('deactivates a membership: access to the organization ends at once; reactivation gives it back; both audited', async () => {
    const who = a.candidates[1]!;
    expect((await who.request({ method: 'GET', url: `/api/v1/orgs/${a.orgId}` })).statusCode).toBe(200);
    const off = await act(a.admin, a.orgId, who.user.id, 'deactivate');
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ status: 'deactivated', role: 'candidate' });
    expectProblem(await who.request({ method: 'GET', url: `/api/v1/orgs/${a.orgId}` }), 404);
    // The account itself still works.
    expect((await who.request({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(200);
    expect((await list(a.admin, a.orgId, '?status=deactivated')).json().items.map((m: { userId: string }) => m.userId)).toEqual([
      who.user.id,
    ]);
    // Twice is harmless.
    expect((await act(a.admin, a.orgId, who.user.id, 'deactivate')).json().status).toBe('deactivated');

    const on = await act(a.admin, a.orgId, who.user.id, 'reactivate');
    expect(on.json()).toMatchObject({ status: 'active', role: 'candidate', deactivatedAt: null });
    expect((await who.request({ method: 'GET', url: `/api/v1/orgs/${a.orgId}` })).statusCode).toBe(200);
    const [off1] = await audited('member.deactivate', who.user.id);
    expect(off1).toMatchObject({ orgId: a.orgId, actorId: a.admin.user.id });
    expect(await audited('member.reactivate', who.user.id)).toHaveLength(1);
  });

  it("resets a member's two-factor, audited; not for someone who also belongs to an organization the admin does not run", async () => {
    const who = a.candidates[2]!;
    const enrol = (userId: string) =>
      t.database.db.insert(twoFactor).values({ userId, secretCipher: 'unused', createdAt: new Date(), enabledAt: new Date() });
    await enrol(who.user.id);
    expect((await list(a.admin, a.orgId, `?q=${encodeURIComponent(who.user.email)}`)).json().items[0].twoFactor).toBe(true);
    const reset = await act(a.admin, a.orgId, who.user.id, 'two-factor/reset');
    expect(reset.json()).toMatchObject({ twoFactor: false });
    expect(await audited('member.two_factor_reset', who.user.id)).toHaveLength(1);

    // Candidate 0 joins org B too: org A's admin may no longer weaken the account.
    const shared = a.candidates[0]!;
    await t.database.db
      .insert(memberships)
      .values({ id: newId(), orgId: b.orgId, userId: shared.user.id, role: 'candidate', createdAt: new Date() });
    await enrol(shared.user.id);
    expectProblem(await act(a.admin, a.orgId, shared.user.id, 'two-factor/reset'), 403, 'forbidden');
    const [still] = await t.database.db.select().from(twoFactor).where(eq(twoFactor.userId, shared.user.id));
    expect(still?.enabledAt).toBeTruthy();
  });

  it('refuses other organizations, coaches, candidates and oneself, changing nothing', async () => {
    const target = b.candidates[0]!.user.id;
    expectProblem(await list(a.admin, b.orgId), 404);
    expectProblem(await act(a.admin, b.orgId, target, 'deactivate'), 404);
    expectProblem(await act(a.admin, b.orgId, target, 'two-factor/reset'), 404);
    // An org B member named under org A is not found either.
    expectProblem(await act(a.admin, a.orgId, target, 'deactivate'), 404);
    expectProblem(await list(a.coaches[0]!, a.orgId), 403, 'forbidden');
    expectProblem(await act(a.coaches[0]!, a.orgId, a.candidates[0]!.user.id, 'deactivate'), 403, 'forbidden');
    expectProblem(await act(a.candidates[0]!, a.orgId, a.candidates[1]!.user.id, 'deactivate'), 403, 'forbidden');
    expectProblem(await act(a.admin, a.orgId, a.admin.user.id, 'deactivate'), 403, 'forbidden');
    expect((await list(b.admin, b.orgId, '?status=deactivated')).json().total).toBe(0);
    expect((await b.candidates[0]!.request({ method: 'GET', url: `/api/v1/orgs/${b.orgId}` })).statusCode).toBe(200);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${a.orgId}/member-accounts` }), 401);
  });
});
