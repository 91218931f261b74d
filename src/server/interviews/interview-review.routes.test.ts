import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Interview, InterviewList } from '../../contract/interviews.js';
import type { CoachedCandidateList } from '../../contract/orgs.js';
import { newId } from '../ids.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type Browser, type TestApp } from '../testing/test-app.js';
import { HOUR, schedule, startNow } from '../testing/interview-fixture.js';
import { auditOfTarget, interviewRow, notificationsOf } from '../testing/recorded.js';
import { answers, interviews } from './interviews.table.js';

let t: TestApp;
let org: OrgFixture;
let other: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgFixture(t, { coaches: 2, candidates: 2 });
  other = await createOrgFixture(t, { name: 'Elsewhere Ltd' });
});
afterAll(async () => {
  await t?.close();
});

const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;
const get = async (b: Browser, id: string): Promise<Interview> => {
  const res = await b.request({ method: 'GET', url: url(id) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const STRONG =
  'Make the operation idempotent: the client sends an idempotency key, the server stores the key with the first result in the same transaction, and a retry with the same key returns the stored result instead of acting twice.';

describe('reviewing with results released on finalize', () => {
  let iv: Interview;
  let answered: Answer;
  let engineScore: number;
  const coach = () => org.coaches[0]!;
  const candidate = () => org.candidates[0]!;

  beforeAll(async () => {
    iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, count: 2, release: 'on_finalize' });
    const started = await startNow(candidate(), iv.id);
    const res = await candidate().request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: started.questions[0]!.id, text: STRONG },
    });
    expect(res.statusCode, res.body).toBe(201);
    answered = res.json();
    const [stored] = await t.database.db.select().from(answers).where(eq(answers.id, answered.id));
    engineScore = stored!.score;
    expect((await candidate().request({ method: 'POST', url: url(iv.id, '/complete') })).statusCode).toBe(200);
  });

  it('hides scores and the report from the candidate until the coach finalizes', async () => {
    const seen = await get(candidate(), iv.id);
    expect(seen).toMatchObject({ status: 'completed', overallScore: null, resultsVisible: false });
    expect(seen.answers).toEqual([
      expect.objectContaining({ id: answered.id, text: STRONG, evaluation: null, override: null, finalScore: null }),
    ]);
    const problem = expectProblem(await candidate().request({ method: 'GET', url: url(iv.id, '/report') }), 403, 'forbidden');
    expect(problem.detail).toMatch(/not released the results/);
    const listed: InterviewList = (await candidate().request({ method: 'GET', url: '/api/v1/interviews?limit=100' })).json();
    expect(listed.items.find((i) => i.id === iv.id)).toMatchObject({ overallScore: null, resultsVisible: false });
  });

  it('shows the coach and the org admin every evaluation and what a good answer covers', async () => {
    for (const staff of [coach(), org.admin]) {
      const seen = await get(staff, iv.id);
      expect(seen).toMatchObject({ overallScore: Math.round(engineScore / 2), resultsVisible: true });
      expect(seen.answers[0]).toMatchObject({ evaluation: { score: engineScore }, finalScore: engineScore, override: null });
      expect(seen.questions.every((q) => Array.isArray(q.keyPoints))).toBe(true);
      expect(seen.drafts).toBeUndefined();
    }
    expect((await coach().request({ method: 'GET', url: url(iv.id, '/report') })).statusCode).toBe(200);
  });

  it('refuses overrides from the candidate, outsiders and with bad bodies, changing nothing', async () => {
    const payload = { score: 90, note: 'Covers the key points well.' };
    const path = url(iv.id, `/answers/${answered.id}/override`);
    expectProblem(await candidate().request({ method: 'POST', url: path, payload }), 403);
    expectProblem(await org.coaches[1]!.request({ method: 'POST', url: path, payload }), 404);
    expectProblem(await other.admin.request({ method: 'POST', url: path, payload }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url: path, payload }), 401);
    expectProblem(await coach().request({ method: 'POST', url: path, payload: { score: 101, note: 'x' } }), 400);
    expectProblem(await coach().request({ method: 'POST', url: path, payload: { score: 50 } }), 400);
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, `/answers/${newId()}/override`), payload }), 404);
    const [stored] = await t.database.db.select().from(answers).where(eq(answers.id, answered.id));
    expect(stored).toMatchObject({ overrideScore: null, overrideNote: null });
    expect(await auditOfTarget(t, answered.id, 'answer.override')).toHaveLength(0);
  });

  it('overrides a score with a note, keeping the evaluation, recomputing the overall score, audited', async () => {
    const res = await coach().request({
      method: 'POST',
      url: url(iv.id, `/answers/${answered.id}/override`),
      payload: { score: 90, note: 'Covers the key points well.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: answered.id,
      evaluation: { score: engineScore },
      finalScore: 90,
      override: {
        score: 90,
        note: 'Covers the key points well.',
        by: { id: coach().user.id, name: 'Coach 1' },
        at: t.clock.now().toISOString(),
      },
    });
    // Two questions, one answered (90 after the override), one unanswered (0).
    expect((await interviewRow(t, iv.id)).overallScore).toBe(45);
    const [audit] = await auditOfTarget(t, answered.id, 'answer.override');
    expect(audit).toMatchObject({ orgId: org.orgId, actorId: coach().user.id, targetType: 'answer' });
    expect(JSON.parse(audit!.before!)).toMatchObject({
      engineScore,
      overrideScore: null,
      finalScore: engineScore,
      overallScore: Math.round(engineScore / 2),
    });
    expect(JSON.parse(audit!.after!)).toMatchObject({ engineScore, overrideScore: 90, finalScore: 90, overallScore: 45 });
  });

  it('finalizes, tells the candidate, and then shows them everything; scores no longer change', async () => {
    expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/finalize') }), 403);
    expectProblem(await other.admin.request({ method: 'POST', url: url(iv.id, '/finalize') }), 404);
    const res = await coach().request({ method: 'POST', url: url(iv.id, '/finalize') });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reviewed', finalizedAt: t.clock.now().toISOString() });
    expect(await interviewRow(t, iv.id)).toMatchObject({ finalizedBy: coach().user.id });
    const [notice] = await notificationsOf(t, candidate().user.id, 'results_ready', iv.id);
    expect(notice!.body).toContain('45/100');
    expect(await auditOfTarget(t, iv.id, 'interview.finalize')).toHaveLength(1);

    const seen = await get(candidate(), iv.id);
    expect(seen).toMatchObject({ status: 'reviewed', overallScore: 45, resultsVisible: true });
    expect(seen.answers[0]).toMatchObject({
      evaluation: { score: engineScore },
      finalScore: 90,
      override: { score: 90, note: 'Covers the key points well.' },
    });
    // Once released, the answered question teaches (model answer and key points); the unanswered one stays bare.
    const answeredIds = new Set(seen.answers.map((a) => a.questionId));
    expect(seen.questions.every((q) => (q.keyPoints !== undefined) === answeredIds.has(q.id))).toBe(true);
    const report = await candidate().request({ method: 'GET', url: url(iv.id, '/report') });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ overallScore: 45 });

    expectProblem(
      await coach().request({
        method: 'POST',
        url: url(iv.id, `/answers/${answered.id}/override`),
        payload: { score: 10, note: 'Changed my mind.' },
      }),
      409,
      'invalid_state',
    );
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, '/finalize') }), 409, 'invalid_state');
    expect((await interviewRow(t, iv.id)).overallScore).toBe(45);
  });
});

describe('results released immediately', () => {
  it('shows the candidate each evaluation as they answer and the report once done; no override or finalize before completion', async () => {
    const coach = org.coaches[1]!;
    const candidate = org.candidates[1]!;
    const iv = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1, release: 'immediately' });
    const started = await startNow(candidate, iv.id);
    const res = await candidate.request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: started.questions[0]!.id, text: STRONG },
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer: Answer = res.json();
    expect(answer.evaluation).not.toBeNull();
    expect(answer.finalScore).toBe(answer.evaluation!.score);

    expectProblem(
      await coach.request({ method: 'POST', url: url(iv.id, `/answers/${answer.id}/override`), payload: { score: 80, note: 'Early.' } }),
      409,
      'invalid_state',
    );
    expectProblem(await coach.request({ method: 'POST', url: url(iv.id, '/finalize') }), 409, 'invalid_state');

    await candidate.request({ method: 'POST', url: url(iv.id, '/complete') });
    const seen = await get(candidate, iv.id);
    expect(seen).toMatchObject({ status: 'completed', resultsVisible: true, overallScore: answer.evaluation!.score });
    expect((await candidate.request({ method: 'GET', url: url(iv.id, '/report') })).statusCode).toBe(200);
  });
});

describe('coach views', () => {
  it('lists the interviews each caller may review', async () => {
    const [c0, c1] = org.candidates;
    const byAdmin = await schedule(t, org.admin, c0!.user.id, { startIn: 2 * HOUR });
    const forC1 = await schedule(t, org.coaches[1]!, c1!.user.id, { startIn: 2 * HOUR });
    const ids = async (b: Browser, query = '') => {
      const res = await b.request({ method: 'GET', url: `/api/v1/interviews?scope=coach&limit=100${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as InterviewList).items.map((i) => i.id);
    };
    // Coach 1 coaches candidate 1 only: sees the admin's interview for them, not coach 2's candidate.
    const coach1 = await ids(org.coaches[0]!);
    expect(coach1).toContain(byAdmin.id);
    expect(coach1).not.toContain(forC1.id);
    expect(await ids(org.coaches[1]!)).toContain(forC1.id);
    const admin = await ids(org.admin);
    expect(admin).toEqual(expect.arrayContaining([byAdmin.id, forC1.id]));
    expect(await ids(org.admin, `&candidateId=${c1!.user.id}`)).not.toContain(byAdmin.id);
    const scheduled = await ids(org.admin, '&status=scheduled');
    expect(scheduled).toEqual(expect.arrayContaining([byAdmin.id, forC1.id]));
    expect(await ids(org.admin, '&status=reviewed')).not.toContain(byAdmin.id);
    expect(await ids(other.admin)).toEqual([]);
    expect(await ids(c0!)).toEqual([]);
    // Scheduled interviews are the candidate's in their own list, and never practice ones of others.
    expect(await ids(org.admin, '&kind=practice')).toEqual([]);
    expectProblem(await org.admin.request({ method: 'GET', url: '/api/v1/interviews?scope=coach&status=bogus' }), 400, 'validation_failed');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/interviews?scope=coach' }), 401);
  });

  it('lists the candidates the caller coaches with upcoming, to-review and last score', async () => {
    const team = await createOrgFixture(t, { name: 'Counting Co', coaches: 1, candidates: 2, assign: [[0, 0]] });
    const coach = team.coaches[0]!;
    const [kim, lee] = team.candidates;
    await schedule(t, coach, kim!.user.id, { startIn: HOUR });
    const done = await schedule(t, coach, kim!.user.id, { startIn: 0 });
    await startNow(kim!, done.id);
    await kim!.request({ method: 'POST', url: url(done.id, '/complete') });
    await t.database.db.update(interviews).set({ overallScore: 64 }).where(eq(interviews.id, done.id));
    const dropped = await schedule(t, coach, kim!.user.id, { startIn: HOUR });
    await coach.request({ method: 'POST', url: url(dropped.id, '/cancel'), payload: {} });

    const mine: CoachedCandidateList = (await coach.request({ method: 'GET', url: '/api/v1/coach/candidates' })).json();
    expect(mine.items).toEqual([
      {
        userId: kim!.user.id,
        name: kim!.user.name,
        email: kim!.user.email,
        orgId: team.orgId,
        orgName: 'Counting Co',
        upcoming: 1,
        toReview: 1,
        lastScore: 64,
      },
    ]);
    const admin: CoachedCandidateList = (await team.admin.request({ method: 'GET', url: '/api/v1/coach/candidates' })).json();
    expect(admin.items.map((i) => i.userId).sort()).toEqual([kim!.user.id, lee!.user.id].sort());
    expect(admin.items.find((i) => i.userId === lee!.user.id)).toMatchObject({ upcoming: 0, toReview: 0, lastScore: null });
    expect((await kim!.request({ method: 'GET', url: '/api/v1/coach/candidates' })).json()).toEqual({ items: [] });
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/coach/candidates' }), 401);
  });
});
