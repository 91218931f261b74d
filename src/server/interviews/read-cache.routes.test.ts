import { gunzipSync } from 'node:zlib';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../contract/auth.js';
import type { Interview, Report } from '../../contract/interviews.js';
import { newId } from '../ids.js';
import { coachAssignments } from '../orgs/orgs.table.js';
import { users } from '../auth/auth.table.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { schedule, startNow } from '../testing/interview-fixture.js';

/**
 * GET interview and GET report are answered from a cache of serialised bodies
 * (interview-read-cache.ts). What a user must never see: a body older than the last write, from
 * whichever instance; a body that belongs to someone else.
 */
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
const practice = { kind: 'practice', type: 'behavioral', role: 'Backend engineer', level: 'mid', questionCount: 2 } as const;
const ANSWER =
  'In my last team two services disagreed on a contract. I set up a meeting, we wrote the contract down together, added a test on both sides, and the incidents stopped; I learned to write agreements down early.';

async function startPractice(b: Browser): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: practice });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function read<T = Interview>(b: Browser, path: string): Promise<T> {
  const res = await b.request({ method: 'GET', url: path });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function answer(b: Browser, iv: Interview, i: number, text = ANSWER) {
  const res = await b.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: iv.questions[i]!.id, text } });
  expect([201, 202], res.body).toContain(res.statusCode);
  return res.json() as { id: string };
}

describe('a write is seen by the next read', () => {
  it('answers, a stored evaluation, a second attempt and completion show at once on the page and the report', async () => {
    const candidate = await registerUser(t.app);
    const iv = await startPractice(candidate);
    expect((await read(candidate, url(iv.id))).answers).toEqual([]);
    await read<Report>(candidate, url(iv.id, '/report'));

    const first = await answer(candidate, iv, 0);
    const page = await read(candidate, url(iv.id));
    expect(page.answers.map((a) => a.id)).toEqual([first.id]);
    const report = await read<Report>(candidate, url(iv.id, '/report'));
    expect(report.questions[0]!.answer).toBe(ANSWER);

    const again = await answer(candidate, iv, 0, `${ANSWER} Next time I would ask for the contract in writing first.`);
    expect((await read(candidate, url(iv.id))).answers.map((a) => a.id)).toEqual([again.id]);
    expect((await read<Report>(candidate, url(iv.id, '/report'))).questions[0]!.attempts).toBe(2);

    expect((await candidate.request({ method: 'POST', url: url(iv.id, '/complete') })).statusCode).toBe(200);
    expect(await read(candidate, url(iv.id))).toMatchObject({ status: 'completed' });
    expect((await read<Report>(candidate, url(iv.id, '/report'))).overallScore).not.toBeNull();
  });

  it('a draft, a coach’s override and a renamed person show on the next read', async () => {
    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    const scheduled = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 2, release: 'on_finalize' });
    const iv = await startNow(candidate, scheduled.id);
    expect((await read(candidate, url(iv.id))).drafts).toEqual([]);
    const saved = await candidate.request({
      method: 'PUT',
      url: url(iv.id, `/drafts/${iv.questions[1]!.id}`),
      payload: { text: 'half a thought' },
    });
    expect(saved.statusCode, saved.body).toBeLessThan(300);
    expect((await read(candidate, url(iv.id))).drafts).toEqual([expect.objectContaining({ text: 'half a thought' })]);

    const given = await answer(candidate, iv, 0);
    expect((await candidate.request({ method: 'POST', url: url(iv.id, '/complete') })).statusCode).toBe(200);
    expect((await read(coach, url(iv.id))).answers[0]!.override).toBeNull();
    const overridden = await coach.request({
      method: 'POST',
      url: url(iv.id, `/answers/${given.id}/override`),
      payload: { score: 91, note: 'Clear story.' },
    });
    expect(overridden.statusCode, overridden.body).toBe(200);
    expect((await read(coach, url(iv.id))).answers[0]).toMatchObject({ finalScore: 91, override: { score: 91 } });
    expect((await read<Report>(coach, url(iv.id, '/report'))).questions[0]!.score).toBe(91);

    // Written behind the app's back, as another process would: only the database knows.
    await t.database.db.update(users).set({ name: 'Renamed Coach' }).where(eq(users.id, coach.user.id));
    expect((await read(coach, url(iv.id))).coach?.name).toBe('Renamed Coach');
  });
});

describe('a cached body reaches no one the uncached read refuses', () => {
  it('another candidate, another organization’s staff and an unassigned coach get 404; a held report stays 403', async () => {
    // Candidate 2 is coached by coach 2; coach 1 is in the organization but not theirs.
    const coach = org.coaches[1]!;
    const candidate = org.candidates[1]!;
    const scheduled = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 2, release: 'on_finalize' });
    const iv = await startNow(candidate, scheduled.id);
    await answer(candidate, iv, 0);
    // Filled for both kinds of viewer.
    await read(candidate, url(iv.id));
    await read(coach, url(iv.id));
    await read<Report>(coach, url(iv.id, '/report'));

    expectProblem(await candidate.request({ method: 'GET', url: url(iv.id, '/report') }), 403);
    for (const outsider of [org.candidates[0]!, org.coaches[0]!, other.admin, other.coaches[0]!, await registerUser(t.app)]) {
      expectProblem(await outsider.request({ method: 'GET', url: url(iv.id) }), 404);
      expectProblem(await outsider.request({ method: 'GET', url: url(iv.id, '/report') }), 404);
    }
    expectProblem(await t.app.inject({ method: 'GET', url: url(iv.id) }), 401);
    // The candidate never gets the staff body (key points, reference answers, scores held back).
    const seen = await read(candidate, url(iv.id));
    expect(seen.resultsVisible).toBe(false);
    expect(seen.questions[0]).not.toHaveProperty('referenceAnswer');
    expect(seen.answers[0]!.evaluation).toBeNull();
  });

  it('a coach whose assignment ends loses the cached page at once', async () => {
    const coach = org.coaches[1]!;
    const candidate = org.candidates[0]!;
    const iv = await schedule(t, org.coaches[0]!, candidate.user.id, { startIn: 0, count: 1 });
    const assignment = newId();
    await t.database.db.insert(coachAssignments).values({
      id: assignment,
      orgId: org.orgId,
      coachId: coach.user.id,
      candidateId: candidate.user.id,
      createdBy: org.admin.user.id,
      createdAt: new Date(),
    });
    await read(coach, url(iv.id));
    await t.database.db.delete(coachAssignments).where(eq(coachAssignments.id, assignment));
    expectProblem(await coach.request({ method: 'GET', url: url(iv.id) }), 404);
  });
});

describe('HTTP caching and compression of reads', () => {
  it('answers 304 to a matching If-None-Match, and 200 with a new ETag after a write', async () => {
    const candidate = await registerUser(t.app);
    const iv = await startPractice(candidate);
    const first = await candidate.request({ method: 'GET', url: url(iv.id) });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    const unchanged = await candidate.request({ method: 'GET', url: url(iv.id), headers: { 'if-none-match': etag } });
    expect(unchanged.statusCode).toBe(304);
    expect(unchanged.body).toBe('');
    await answer(candidate, iv, 0);
    const changed = await candidate.request({ method: 'GET', url: url(iv.id), headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect((changed.json() as Interview).answers).toHaveLength(1);
    // Still private: no shared or browser cache keeps it.
    expect(changed.headers['cache-control']).toBe('no-store');
  });

  it('sends gzip to a client that takes it, the same JSON with this request’s serverNow', async () => {
    const candidate = await registerUser(t.app);
    const iv = await startPractice(candidate);
    await answer(candidate, iv, 0);
    const plain = await candidate.request({ method: 'GET', url: url(iv.id) });
    for (let i = 0; i < 2; i++) {
      const zipped = await candidate.request({ method: 'GET', url: url(iv.id), headers: { 'accept-encoding': 'gzip, deflate, br' } });
      expect(zipped.statusCode).toBe(200);
      expect(zipped.headers['content-encoding']).toBe('gzip');
      const body = JSON.parse(gunzipSync(zipped.rawPayload).toString()) as Interview;
      const { serverNow, ...rest } = body;
      const { serverNow: plainNow, ...plainRest } = plain.json() as Interview;
      expect(rest).toEqual(plainRest);
      expect(Date.parse(serverNow!)).toBeGreaterThanOrEqual(Date.parse(plainNow!));
    }
    const report = await candidate.request({ method: 'GET', url: url(iv.id, '/report'), headers: { 'accept-encoding': 'gzip' } });
    expect(report.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(report.rawPayload).toString())).toEqual(
      (await candidate.request({ method: 'GET', url: url(iv.id, '/report') })).json(),
    );
  });
});

describe.runIf(process.env.DATABASE_URL)('across instances on one PostgreSQL database', () => {
  it('an answer and a completion made through another instance are seen by this one’s next read', async () => {
    const peer = await t.startPeer();
    const candidate = await registerUser(t.app);
    const iv = await startPractice(candidate);
    const viaPeer = (method: 'GET' | 'POST', path: string, payload?: object) =>
      peer.app.inject({ method, url: path, payload, headers: { cookie: candidate.cookie, [CSRF_HEADER]: candidate.csrfToken } });
    expect((await read(candidate, url(iv.id))).answers).toEqual([]);
    await read<Report>(candidate, url(iv.id, '/report'));
    const answered = await viaPeer('POST', url(iv.id, '/answers'), { questionId: iv.questions[0]!.id, text: ANSWER });
    expect([201, 202]).toContain(answered.statusCode);
    expect((await read(candidate, url(iv.id))).answers.map((a) => a.text)).toEqual([ANSWER]);
    expect((await read<Report>(candidate, url(iv.id, '/report'))).questions[0]!.answer).toBe(ANSWER);
    expect((await viaPeer('POST', url(iv.id, '/complete'))).statusCode).toBe(200);
    expect(await read(candidate, url(iv.id))).toMatchObject({ status: 'completed' });
  });
});
