import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview, Report } from '../../contract/interviews.js';
import type { QuestionAttempts } from '../../contract/interviews-attempts.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule, startNow, startPractice } from '../testing/interview-fixture.js';
import { pdfText } from '../testing/pdf-text.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

// Retrying a practice question: the earlier answers stay as attempts, the candidate picks the one
// that counts, and the report says how many attempts there were.

let t: TestApp;
let alice: Browser;
let bob: Browser;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
  org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
});
afterAll(async () => {
  await t?.close();
});

const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;
const attemptsUrl = (id: string, q: string) => url(id, `/questions/${q}/attempts`);
const chooseUrl = (id: string, q: string) => url(id, `/questions/${q}/counting-attempt`);

const WEAK = 'I would add an index.';
const STRONG =
  'An index is a separate sorted structure, usually a B-tree, that lets the database find rows without scanning the whole table. ' +
  'It speeds up reads on the indexed columns, but it costs disk space and slows every insert, update and delete that must maintain it, ' +
  'so I index the columns that filters and joins use most and check the query plan before and after.';

async function answer(b: Browser, id: string, questionId: string, text: string) {
  const res = await b.request({ method: 'POST', url: url(id, '/answers'), payload: { questionId, text } });
  expect(res.statusCode, res.body).toBe(201);
  t.clock.advance(60_000);
  return res.json() as { id: string; finalScore: number };
}

async function attempts(b: Browser, id: string, q: string): Promise<QuestionAttempts> {
  const res = await b.request({ method: 'GET', url: attemptsUrl(id, q) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('retrying a practice question', () => {
  let iv: Interview;
  let q1 = '';
  let weak: { id: string; finalScore: number };
  let strong: { id: string; finalScore: number };

  beforeAll(async () => {
    // Questions are drawn at random: find the one on database indexes (which the two answers address),
    // save it and another, and practise those two, the index question first.
    let found: Interview | undefined;
    for (let i = 0; i < 12 && !found; i++) {
      const drawn = await startPractice(alice, 20);
      if (drawn.questions.some((q) => /database index/i.test(q.text))) found = drawn;
    }
    expect(found, 'no practice asked about database indexes').toBeTruthy();
    const indexQuestion = found!.questions.find((q) => /database index/i.test(q.text))!;
    const another = found!.questions.find((q) => q.id !== indexQuestion.id)!;
    const saved: string[] = [];
    for (const q of [indexQuestion, another]) {
      const res = await alice.request({
        method: 'POST',
        url: '/api/v1/saved-questions',
        payload: { interviewId: found!.id, questionId: q.id },
      });
      expect(res.statusCode, res.body).toBe(201);
      saved.push(res.json().id);
    }
    const created = await alice.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 2, savedQuestionIds: saved },
    });
    expect(created.statusCode, created.body).toBe(201);
    iv = created.json();
    q1 = iv.questions[0]!.id;
    expect(iv.questions[0]!.text).toBe(indexQuestion.text);
    strong = await answer(alice, iv.id, q1, STRONG);
    weak = await answer(alice, iv.id, q1, WEAK);
  });

  it('keeps every attempt in order, the newest counting', async () => {
    const list = await attempts(alice, iv.id, q1);
    expect(list.attempts.map((a) => [a.number, a.id, a.counts])).toEqual([
      [1, strong.id, false],
      [2, weak.id, true],
    ]);
    expect(list.attempts[0]!.text).toBe(STRONG);
    expect(list.attempts[0]!.score).toBeGreaterThan(list.attempts[1]!.score!);
    const got: Interview = (await alice.request({ method: 'GET', url: url(iv.id) })).json();
    expect(got.answers.filter((a) => a.questionId === q1).map((a) => a.id)).toEqual([weak.id]);
  });

  it('lets another user see nothing and choose nothing (404), and changes nothing', async () => {
    expectProblem(await bob.request({ method: 'GET', url: attemptsUrl(iv.id, q1) }), 404);
    expectProblem(await bob.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: strong.id } }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: attemptsUrl(iv.id, q1) }), 401);
    expect((await attempts(alice, iv.id, q1)).attempts.map((a) => a.counts)).toEqual([false, true]);
  });

  it('refuses bad input (400) and unknown attempts or questions (404), changing nothing', async () => {
    expectProblem(await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: 'first' } }), 400);
    expectProblem(await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: {} }), 400);
    expectProblem(await alice.request({ method: 'PUT', url: chooseUrl(iv.id, 'not-a-uuid'), payload: { answerId: strong.id } }), 400);
    // An answer of another question is not an attempt at this one.
    const q2 = iv.questions[1]!.id;
    const other = await answer(alice, iv.id, q2, STRONG);
    expectProblem(await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: other.id } }), 404);
    expectProblem(await alice.request({ method: 'GET', url: attemptsUrl(iv.id, '00000000-0000-4000-8000-000000000000') }), 404);
    expect((await attempts(alice, iv.id, q1)).attempts.map((a) => a.counts)).toEqual([false, true]);
    expect((await attempts(alice, iv.id, q2)).attempts.map((a) => a.counts)).toEqual([true]);
  });

  it('lets the candidate choose an earlier attempt; its score is then the question score and the report counts the attempts', async () => {
    const res = await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: strong.id } });
    expect(res.statusCode, res.body).toBe(200);
    const list: QuestionAttempts = res.json();
    expect(list.attempts.map((a) => a.counts)).toEqual([true, false]);
    // Choosing the one that already counts is a no-op, not an error.
    expect((await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: strong.id } })).statusCode).toBe(200);

    const got: Interview = (await alice.request({ method: 'GET', url: url(iv.id) })).json();
    expect(got.answers.find((a) => a.questionId === q1)?.id).toBe(strong.id);

    const report: Report = (await alice.request({ method: 'GET', url: url(iv.id, '/report') })).json();
    const row = report.questions.find((q) => q.questionId === q1)!;
    expect(row).toMatchObject({ attempts: 2, countingAttempt: 1, answer: STRONG, score: strong.finalScore });
    expect(report.questions.find((q) => q.questionId !== q1)).toMatchObject({ attempts: 1, countingAttempt: 1 });

    const done = await alice.request({ method: 'POST', url: url(iv.id, '/complete') });
    expect(done.statusCode, done.body).toBe(200);
    const overall = (done.json() as Interview).overallScore!;
    // Both questions count their strong answer: the weak retry did not pull the overall down.
    expect(overall).toBe(Math.round((strong.finalScore + report.questions.find((q) => q.questionId !== q1)!.score!) / 2));
  });

  it('says in the PDF report which attempt counted', async () => {
    const res = await alice.request({ method: 'GET', url: url(iv.id, '/report.pdf') });
    expect(res.statusCode).toBe(200);
    const text = await pdfText(res.rawPayload);
    expect(text).toContain('attempt 1 of 2 counts');
    expect(text.match(/attempt \d of \d counts/g)).toHaveLength(1);
  });

  it('no longer changes once the practice is finished (409)', async () => {
    expectProblem(await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q1), payload: { answerId: weak.id } }), 409);
    expect((await attempts(alice, iv.id, q1)).attempts.map((a) => a.counts)).toEqual([true, false]);
  });

  it('shows the report with no attempts for an unanswered question', async () => {
    const other = await startPractice(alice);
    const report: Report = (await alice.request({ method: 'GET', url: url(other.id, '/report') })).json();
    expect(report.questions[0]).toMatchObject({ attempts: 0, countingAttempt: null });
  });
});

describe('attempts in an assigned interview', () => {
  it('are listed, but the candidate cannot choose among them, and scores stay hidden until released', async () => {
    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    const iv = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1, release: 'on_finalize' });
    const started = await startNow(candidate, iv.id);
    const q = started.questions[0]!.id;
    const first = await answer(candidate, iv.id, q, STRONG);
    await answer(candidate, iv.id, q, WEAK);
    const list = await attempts(candidate, iv.id, q);
    expect(list.attempts.map((a) => a.score)).toEqual([null, null]);
    expectProblem(await candidate.request({ method: 'PUT', url: chooseUrl(iv.id, q), payload: { answerId: first.id } }), 409);
    expectProblem(await coach.request({ method: 'PUT', url: chooseUrl(iv.id, q), payload: { answerId: first.id } }), 403);
    const staff = await attempts(coach, iv.id, q);
    expect(staff.attempts.every((a) => typeof a.score === 'number')).toBe(true);
    expect(staff.attempts.map((a) => a.counts)).toEqual([false, true]);
  });
});
