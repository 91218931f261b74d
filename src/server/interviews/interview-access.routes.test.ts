import { eq } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview, InterviewList } from '../../contract/interviews.js';
import { auditLog } from '../audit/audit.table.js';
import { newId } from '../ids.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { browserFrom, createTestApp, expectProblem, STRONG_PASSWORD, type Browser, type TestApp } from '../testing/test-app.js';
import { schedule } from '../testing/interview-fixture.js';
import { answerDrafts, answers, interviewQuestions, interviews } from './interviews.table.js';

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;
let superadmin: Browser;
let iv: Interview;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgFixture(t, { coaches: 2, candidates: 2 });
  other = await createOrgFixture(t, { name: 'Rival Recruiting' });
  await t.app.services.auth.createPlatformAdmin({ email: 'root@example.com', password: STRONG_PASSWORD, name: 'Root' });
  superadmin = browserFrom(
    t.app,
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'root@example.com', password: STRONG_PASSWORD } }),
  );
  // Open now, so every action below would succeed for the right person.
  iv = await schedule(t, org.coaches[0]!, org.candidates[0]!.user.id, { startIn: 0, count: 2 });
});
afterAll(async () => {
  await t?.close();
});

/** Every interview endpoint, with a body that would be valid for the right caller. */
function endpoints(id: string, questionId: string): (InjectOptions & { staff?: boolean; candidate?: boolean })[] {
  const base = `/api/v1/interviews/${id}`;
  return [
    { method: 'GET', url: base },
    { method: 'GET', url: `${base}/report` },
    { method: 'PATCH', url: base, payload: { durationMinutes: 90 }, staff: true },
    {
      method: 'PUT',
      url: `${base}/questions`,
      payload: { questions: [{ type: 'technical', text: 'A replacement question that is long enough.' }] },
      staff: true,
    },
    { method: 'POST', url: `${base}/cancel`, payload: { reason: 'no' }, staff: true },
    { method: 'POST', url: `${base}/answers/${newId()}/override`, payload: { score: 100, note: 'generous' }, staff: true },
    { method: 'POST', url: `${base}/finalize`, staff: true },
    { method: 'POST', url: `${base}/start`, candidate: true },
    { method: 'PUT', url: `${base}/drafts/${questionId}`, payload: { text: 'draft' }, candidate: true },
    { method: 'POST', url: `${base}/answers`, payload: { questionId, text: 'An answer from someone else.' }, candidate: true },
    { method: 'POST', url: `${base}/complete`, candidate: true },
  ];
}

async function snapshot(id: string) {
  const db = t.database.db;
  const [row, questions, given, drafts, audit] = await Promise.all([
    db.select().from(interviews).where(eq(interviews.id, id)),
    db.select().from(interviewQuestions).where(eq(interviewQuestions.interviewId, id)),
    db.select().from(answers).where(eq(answers.interviewId, id)),
    db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, id)),
    db.select().from(auditLog).where(eq(auditLog.targetId, id)),
  ]);
  return { row, questions, given, drafts, audit: audit.length };
}

describe('an assigned interview, seen from outside', () => {
  it('is a 404 on every endpoint for another org’s admin and coach, an unassigned coach and another candidate; 401 anonymous; nothing changes', async () => {
    const before = await snapshot(iv.id);
    const outsiders: [string, Browser][] = [
      ['another org’s admin', other.admin],
      ['another org’s coach', other.coaches[0]!],
      ['an unassigned coach of the same org', org.coaches[1]!],
      ['another candidate of the same org', org.candidates[1]!],
    ];
    for (const endpoint of endpoints(iv.id, iv.questions[0]!.id)) {
      const { staff: _s, candidate: _c, ...request } = endpoint;
      for (const [who, b] of outsiders) {
        const res = await b.request(request);
        expect(res.statusCode, `${who}: ${request.method} ${request.url} → ${res.body}`).toBe(404);
        expectProblem(res, 404, 'not_found');
      }
      expectProblem(await t.app.inject(request), 401);
    }
    expect(await snapshot(iv.id)).toEqual(before);
  });

  it('is a 403 for an action of the other side: the candidate cannot run it, the staff cannot take it', async () => {
    const before = await snapshot(iv.id);
    for (const endpoint of endpoints(iv.id, iv.questions[0]!.id)) {
      const { staff, candidate, ...request } = endpoint;
      if (staff) expectProblem(await org.candidates[0]!.request(request), 403, 'forbidden');
      if (candidate) {
        for (const b of [org.coaches[0]!, org.admin, superadmin]) expectProblem(await b.request(request), 403, 'forbidden');
      }
    }
    expect(await snapshot(iv.id)).toEqual(before);
  });

  it('is seen in full by its coach, the org admin and the platform admin, and without answers’ keys by the candidate', async () => {
    for (const b of [org.coaches[0]!, org.admin, superadmin]) {
      const res = await b.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` });
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json() as Interview).questions[0]!.keyPoints).toBeDefined();
    }
    const seen: Interview = (await org.candidates[0]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).json();
    expect(seen.questions).toEqual([]);
  });

  it('stays visible to a coach newly assigned to the candidate, and the scheduler keeps it', async () => {
    const { coachAssignments } = await import('../orgs/orgs.table.js');
    await t.database.db.insert(coachAssignments).values({
      id: newId(),
      orgId: org.orgId,
      coachId: org.coaches[1]!.user.id,
      candidateId: org.candidates[0]!.user.id,
      createdBy: org.admin.user.id,
      createdAt: t.clock.now(),
    });
    expect((await org.coaches[1]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).statusCode).toBe(200);
    await t.database.db.delete(coachAssignments).where(eq(coachAssignments.coachId, org.coaches[1]!.user.id));
    expect((await org.coaches[1]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).statusCode).toBe(404);
    // The scheduling coach keeps access even without the assignment row.
    await t.database.db.delete(coachAssignments).where(eq(coachAssignments.coachId, org.coaches[0]!.user.id));
    expect((await org.coaches[0]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).statusCode).toBe(200);
  });
});

describe('practice interviews', () => {
  it('remain the candidate’s own: their coach and org admin get 404, the platform admin may read but not answer', async () => {
    const candidate = org.candidates[1]!;
    const res = await candidate.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'behavioral', role: 'Support lead', level: 'mid', questionCount: 1 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const practice: Interview = res.json();
    expect(practice).toMatchObject({ kind: 'practice', orgId: null, coach: null, resultsVisible: true });
    const before = await snapshot(practice.id);
    for (const b of [org.coaches[1]!, org.admin, other.admin]) {
      for (const endpoint of endpoints(practice.id, practice.questions[0]!.id)) {
        const { staff: _s, candidate: _c, ...request } = endpoint;
        expectProblem(await b.request(request), 404);
      }
    }
    expect((await superadmin.request({ method: 'GET', url: `/api/v1/interviews/${practice.id}` })).statusCode).toBe(200);
    expectProblem(
      await superadmin.request({
        method: 'POST',
        url: `/api/v1/interviews/${practice.id}/answers`,
        payload: { questionId: practice.questions[0]!.id, text: 'Not mine to answer.' },
      }),
      403,
    );
    // Assigned-only actions on a practice interview: not a state they can be in.
    expectProblem(await superadmin.request({ method: 'POST', url: `/api/v1/interviews/${practice.id}/finalize` }), 409, 'invalid_state');
    expectProblem(await candidate.request({ method: 'POST', url: `/api/v1/interviews/${practice.id}/start` }), 409, 'invalid_state');
    const coachList: InterviewList = (await org.admin.request({ method: 'GET', url: '/api/v1/interviews?scope=coach&limit=100' })).json();
    expect(coachList.items.map((i) => i.id)).not.toContain(practice.id);
    expect(await snapshot(practice.id)).toEqual(before);
  });
});
