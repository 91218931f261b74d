import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobDescription, JobDescriptionList } from '../../contract/job-descriptions.js';
import { auditLog } from '../audit/audit.table.js';
import { createOrgAccess } from '../orgs/org-access.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { readJobDescription } from './read-job-description.js';
import { createJobDescriptionsService } from './job-descriptions.service.js';
import { jobDescriptionShares, jobDescriptions } from './job-descriptions.table.js';

let t: TestApp;
let acme: OrgFixture;
let globex: OrgFixture;
let outsider: Browser;

const JOB_TEXT = `Senior Backend Engineer

We build payment infrastructure for online merchants.

Requirements:
- 5+ years of professional experience building backend services
- Strong Go and PostgreSQL
- Experience with Kubernetes and Docker

Nice to have:
- Apache Kafka
- Terraform`;

beforeAll(async () => {
  t = await createTestApp();
  acme = await createOrgFixture(t, {
    coaches: 2,
    candidates: 2,
    assign: [
      [0, 0],
      [1, 1],
    ],
  });
  globex = await createOrgFixture(t, { name: 'Globex', coaches: 1, candidates: 1 });
  outsider = await registerUser(t.app, { name: 'Outsider' });
});
afterAll(async () => {
  await t?.close();
});

const coach = () => acme.coaches[0]!;
const candidate = () => acme.candidates[0]!;

async function create(b: Browser, orgId: string, body: object = {}): Promise<JobDescription> {
  const res = await b.request({
    method: 'POST',
    url: `/api/v1/orgs/${orgId}/job-descriptions`,
    payload: { title: 'Senior Backend Engineer', level: 'senior', text: JOB_TEXT, ...body },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function rowCount(): Promise<number> {
  return (await t.database.db.select().from(jobDescriptions)).length;
}

async function auditActions(targetId: string): Promise<string[]> {
  const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(auditLog.createdAt, auditLog.id);
  return rows.map((r) => r.action);
}

describe('creating a job description', () => {
  it('extracts required and nice-to-have skills and the years from the text when not given', async () => {
    const jd = await create(coach(), acme.orgId);
    expect(jd).toMatchObject({
      orgId: acme.orgId,
      title: 'Senior Backend Engineer',
      level: 'senior',
      requiredYears: 5,
      sharedWith: [],
      questionSet: [],
    });
    expect(jd.requiredSkills).toEqual(expect.arrayContaining(['Go', 'PostgreSQL', 'Kubernetes', 'Docker']));
    expect(jd.niceToHaveSkills).toEqual(expect.arrayContaining(['Apache Kafka', 'Terraform']));
    expect(jd.requiredSkills).not.toContain('Terraform');
    expect(jd.createdBy).toEqual({ id: coach().user.id, name: coach().user.name });
    expect(await auditActions(jd.id)).toEqual(['job_description.create']);
  });

  it('keeps given skill lists, spelled as the taxonomy spells them, without duplicates across lists', async () => {
    const jd = await create(acme.admin, acme.orgId, {
      requiredSkills: ['golang', 'postgres', 'Go', 'TigerBeetle'],
      niceToHaveSkills: ['k8s', 'Golang'],
      questionSet: [{ type: 'technical', text: 'How would you make a payment API idempotent?', keyPoints: ['idempotency keys'] }],
    });
    expect(jd.requiredSkills).toEqual(['Go', 'PostgreSQL', 'TigerBeetle']);
    expect(jd.niceToHaveSkills).toEqual(['Kubernetes']);
    expect(jd.questionSet).toHaveLength(1);
  });

  it('refuses candidates (403), other organizations (404), anonymous callers (401) and bad bodies (400), creating nothing', async () => {
    const before = await rowCount();
    const body = { title: 'X', level: 'mid', text: JOB_TEXT };
    expectProblem(
      await candidate().request({ method: 'POST', url: `/api/v1/orgs/${acme.orgId}/job-descriptions`, payload: body }),
      403,
      'forbidden',
    );
    expectProblem(
      await globex.admin.request({ method: 'POST', url: `/api/v1/orgs/${acme.orgId}/job-descriptions`, payload: body }),
      404,
      'not_found',
    );
    expectProblem(
      await outsider.request({ method: 'POST', url: `/api/v1/orgs/${acme.orgId}/job-descriptions`, payload: body }),
      404,
      'not_found',
    );
    expectProblem(
      await t.app.inject({ method: 'POST', url: `/api/v1/orgs/${acme.orgId}/job-descriptions`, payload: body }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await coach().request({
        method: 'POST',
        url: `/api/v1/orgs/${acme.orgId}/job-descriptions`,
        payload: { ...body, text: 'too short' },
      }),
      400,
      'validation_failed',
    );
    expect(await rowCount()).toBe(before);
  });
});

describe('reading job descriptions', () => {
  let jd: JobDescription;
  beforeAll(async () => {
    jd = await create(coach(), acme.orgId, { title: 'Platform Engineer' });
  });

  it('lists an organization for its staff, filtered by title, and refuses candidates and outsiders', async () => {
    const res = await acme.coaches[1]!.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions?q=platform` });
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json() as JobDescriptionList;
    expect(list.items.map((i) => i.id)).toEqual([jd.id]);
    expect(list).toMatchObject({ total: 1, page: 1, pages: 1 });
    expectProblem(await candidate().request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions` }), 403);
    expectProblem(await globex.coaches[0]!.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions` }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions` }), 401);
  });

  it('paginates newest first', async () => {
    const res = await acme.admin.request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions?limit=1&page=1` });
    const list = res.json() as JobDescriptionList;
    expect(list.items).toHaveLength(1);
    expect(list.pages).toBe(list.total);
    expect(list.items[0]!.id).toBe(jd.id);
  });

  it('hides an unshared job description from candidates and other tenants (404)', async () => {
    expectProblem(await candidate().request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await globex.admin.request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await outsider.request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 401);
    const mine = (await candidate().request({ method: 'GET', url: '/api/v1/job-descriptions' })).json() as JobDescriptionList;
    expect(mine.items.map((i) => i.id)).not.toContain(jd.id);
    const theirs = (await globex.admin.request({ method: 'GET', url: '/api/v1/job-descriptions' })).json() as JobDescriptionList;
    expect(theirs.items.every((i) => i.orgId === globex.orgId)).toBe(true);
    const none = (await outsider.request({ method: 'GET', url: '/api/v1/job-descriptions' })).json() as JobDescriptionList;
    expect(none).toEqual({ items: [], total: 0, page: 1, limit: 20, pages: 0 });
  });
});

describe('sharing with candidates', () => {
  let jd: JobDescription;
  beforeAll(async () => {
    jd = await create(coach(), acme.orgId, { title: 'Shared role' });
  });

  it('refuses to share with anyone but candidates of the organization, sharing nothing', async () => {
    for (const ids of [[globex.candidates[0]!.user.id], [acme.coaches[1]!.user.id], [candidate().user.id, outsider.user.id]]) {
      const res = await coach().request({
        method: 'POST',
        url: `/api/v1/job-descriptions/${jd.id}/shares`,
        payload: { candidateIds: ids },
      });
      const problem = expectProblem(res, 422, 'unprocessable');
      expect(problem.errors).toBeDefined();
    }
    expect(await t.database.db.select().from(jobDescriptionShares).where(eq(jobDescriptionShares.jobDescriptionId, jd.id))).toEqual([]);
  });

  it('refuses candidates, other tenants and anonymous callers', async () => {
    const payload = { candidateIds: [candidate().user.id] };
    expectProblem(await candidate().request({ method: 'POST', url: `/api/v1/job-descriptions/${jd.id}/shares`, payload }), 403);
    expectProblem(await globex.admin.request({ method: 'POST', url: `/api/v1/job-descriptions/${jd.id}/shares`, payload }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url: `/api/v1/job-descriptions/${jd.id}/shares`, payload }), 401);
    expect(await t.database.db.select().from(jobDescriptionShares).where(eq(jobDescriptionShares.jobDescriptionId, jd.id))).toEqual([]);
  });

  it('shares (idempotently) so the candidate can read it, without seeing who else has it', async () => {
    const payload = { candidateIds: [candidate().user.id, acme.candidates[1]!.user.id] };
    const res = await coach().request({ method: 'POST', url: `/api/v1/job-descriptions/${jd.id}/shares`, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect([...(res.json() as JobDescription).sharedWith].sort()).toEqual([...payload.candidateIds].sort());
    const again = await coach().request({
      method: 'POST',
      url: `/api/v1/job-descriptions/${jd.id}/shares`,
      payload: { candidateIds: [candidate().user.id] },
    });
    expect((again.json() as JobDescription).sharedWith).toHaveLength(2);

    const seen = await candidate().request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` });
    expect(seen.statusCode, seen.body).toBe(200);
    expect((seen.json() as JobDescription).sharedWith).toEqual([]);
    const list = (await candidate().request({ method: 'GET', url: '/api/v1/job-descriptions' })).json() as JobDescriptionList;
    expect(list.items.map((i) => i.id)).toEqual([jd.id]);
    expect(list.items[0]!.sharedWith).toEqual([]);
    // A candidate who may read it still may not change it.
    expectProblem(
      await candidate().request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { title: 'Mine now' } }),
      403,
    );
    expectProblem(await candidate().request({ method: 'DELETE', url: `/api/v1/job-descriptions/${jd.id}` }), 403);
    expect((await t.database.db.select().from(jobDescriptions).where(eq(jobDescriptions.id, jd.id)))[0]).toMatchObject({
      title: 'Shared role',
      deletedAt: null,
    });
    expect(await auditActions(jd.id)).toEqual(['job_description.create', 'job_description.share']);
  });

  it('stops sharing: the candidate loses access; an unknown share is 404', async () => {
    const url = `/api/v1/job-descriptions/${jd.id}/shares/${candidate().user.id}`;
    expectProblem(await globex.admin.request({ method: 'DELETE', url }), 404);
    expectProblem(await candidate().request({ method: 'DELETE', url }), 403);
    const res = await acme.coaches[1]!.request({ method: 'DELETE', url });
    expect(res.statusCode, res.body).toBe(204);
    expectProblem(await candidate().request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await coach().request({ method: 'DELETE', url }), 404);
    expect(await auditActions(jd.id)).toEqual(['job_description.create', 'job_description.share', 'job_description.unshare']);
  });
});

describe('editing and deleting', () => {
  it('re-extracts years and untouched skill lists when the text changes, and keeps hand-edited ones', async () => {
    const jd = await create(coach(), acme.orgId);
    const handEdited = await coach().request({
      method: 'PATCH',
      url: `/api/v1/job-descriptions/${jd.id}`,
      payload: { niceToHaveSkills: ['GraphQL'] },
    });
    expect((handEdited.json() as JobDescription).niceToHaveSkills).toEqual(['GraphQL']);
    const text = 'Backend engineer with 3+ years of experience in Python and Django. Must know Redis.';
    const res = await acme.admin.request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { text, level: 'mid' } });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json() as JobDescription;
    expect(after).toMatchObject({ text, level: 'mid', requiredYears: 3, niceToHaveSkills: ['GraphQL'] });
    expect(after.requiredSkills).toEqual(expect.arrayContaining(['Python', 'Django', 'Redis']));
    expect(after.requiredSkills).not.toContain('Kubernetes');
    expect(await auditActions(jd.id)).toEqual(['job_description.create', 'job_description.update', 'job_description.update']);
  });

  it('refuses other tenants and empty or invalid patches, changing nothing', async () => {
    const jd = await create(coach(), acme.orgId, { title: 'Unchanged' });
    expectProblem(
      await globex.admin.request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { title: 'Hijacked' } }),
      404,
    );
    expectProblem(
      await outsider.request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { title: 'Hijacked' } }),
      404,
    );
    expectProblem(await coach().request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: {} }), 400);
    expectProblem(await t.app.inject({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { title: 'Hijacked' } }), 401);
    const [row] = await t.database.db.select().from(jobDescriptions).where(eq(jobDescriptions.id, jd.id));
    expect(row!.title).toBe('Unchanged');
    expect(await auditActions(jd.id)).toEqual(['job_description.create']);
  });

  it('soft-deletes: gone from reads and lists, the row kept; only staff of the organization may', async () => {
    const jd = await create(coach(), acme.orgId, { title: 'To delete' });
    expectProblem(await globex.admin.request({ method: 'DELETE', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await t.app.inject({ method: 'DELETE', url: `/api/v1/job-descriptions/${jd.id}` }), 401);
    expect((await acme.admin.request({ method: 'DELETE', url: `/api/v1/job-descriptions/${jd.id}` })).statusCode).toBe(204);
    expectProblem(await coach().request({ method: 'GET', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    expectProblem(await coach().request({ method: 'PATCH', url: `/api/v1/job-descriptions/${jd.id}`, payload: { title: 'Back' } }), 404);
    expectProblem(await coach().request({ method: 'DELETE', url: `/api/v1/job-descriptions/${jd.id}` }), 404);
    const list = (
      await coach().request({ method: 'GET', url: `/api/v1/orgs/${acme.orgId}/job-descriptions?limit=100` })
    ).json() as JobDescriptionList;
    expect(list.items.map((i) => i.id)).not.toContain(jd.id);
    const [row] = await t.database.db.select().from(jobDescriptions).where(eq(jobDescriptions.id, jd.id));
    expect(row!.deletedAt).not.toBeNull();
    expect(await auditActions(jd.id)).toEqual(['job_description.create', 'job_description.delete']);
  });
});

describe('previewing extracted skills', () => {
  it('returns what the server would extract, for signed-in users only', async () => {
    const res = await coach().request({ method: 'POST', url: '/api/v1/job-descriptions/extract-skills', payload: { text: JOB_TEXT } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requiredYears: 5, niceToHaveSkills: expect.arrayContaining(['Terraform']) });
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/job-descriptions/extract-skills', payload: { text: JOB_TEXT } }), 401);
    expectProblem(await coach().request({ method: 'POST', url: '/api/v1/job-descriptions/extract-skills', payload: { text: '' } }), 400);
  });
});

describe('forTailoring (for the interviews feature)', () => {
  it('serves staff of the organization and the candidate it is shared with; 404 for anyone else', async () => {
    const service = createJobDescriptionsService({
      db: t.database.db,
      clock: t.clock,
      orgAccess: createOrgAccess(t.database.db),
      skills: await loadSkillsTaxonomy(),
      reader: { extractJob: async (text) => readJobDescription(text, await loadSkillsTaxonomy()) },
    });
    const jd = await create(coach(), acme.orgId, { title: 'Tailor me' });
    const actor = (b: Browser) => ({ userId: b.user.id, platformRole: 'user' as const });
    const got = await service.forTailoring(actor(coach()), jd.id, candidate().user.id);
    expect(got).toMatchObject({ id: jd.id, orgId: acme.orgId, title: 'Tailor me', level: 'senior', requiredYears: 5 });
    expect(got.requiredSkills).toContain('Kubernetes');
    // Not yet shared: the candidate cannot use it.
    await expect(service.forTailoring(actor(candidate()), jd.id, candidate().user.id)).rejects.toMatchObject({ code: 'not_found' });
    await coach().request({
      method: 'POST',
      url: `/api/v1/job-descriptions/${jd.id}/shares`,
      payload: { candidateIds: [candidate().user.id] },
    });
    await expect(service.forTailoring(actor(candidate()), jd.id, candidate().user.id)).resolves.toMatchObject({ id: jd.id });
    // … but not for someone else, and never across tenants.
    await expect(service.forTailoring(actor(candidate()), jd.id, acme.candidates[1]!.user.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(service.forTailoring(actor(acme.candidates[1]!), jd.id, acme.candidates[1]!.user.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.forTailoring(actor(globex.coaches[0]!), jd.id, globex.candidates[0]!.user.id)).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(service.forTailoring(actor(coach()), jd.id, globex.candidates[0]!.user.id)).rejects.toMatchObject({ code: 'not_found' });
    const share = await t.database.db
      .select()
      .from(jobDescriptionShares)
      .where(and(eq(jobDescriptionShares.jobDescriptionId, jd.id)));
    expect(share).toHaveLength(1);
  });
});
