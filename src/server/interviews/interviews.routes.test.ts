import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import {
  browserFrom,
  createTestApp,
  expectProblem,
  registerUser,
  STRONG_PASSWORD,
  type Browser,
  type TestApp,
} from '../testing/test-app.js';
import { answers, interviews, interviewQuestions } from './interviews.table.js';

let t: TestApp;
let alice: Browser;
let bob: Browser;
let admin: Browser;

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
  await t.app.services.auth.createPlatformAdmin({ email: 'admin@example.com', password: STRONG_PASSWORD, name: 'Admin' });
  admin = browserFrom(
    t.app,
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@example.com', password: STRONG_PASSWORD } }),
  );
});
afterAll(async () => {
  await t?.close();
});

const practice = { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 3 } as const;

async function start(b: Browser, body: object = practice): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function questionRow(id: string) {
  const [row] = await t.database.db.select().from(interviewQuestions).where(eq(interviewQuestions.id, id));
  return row!;
}

const answer = (b: Browser, interviewId: string, payload: object) =>
  b.request({ method: 'POST', url: `/api/v1/interviews/${interviewId}/answers`, payload });

describe('starting a practice interview', () => {
  it('creates the interview with ordered questions of the requested type', async () => {
    const iv = await start(alice);
    expect(iv).toMatchObject({
      kind: 'practice',
      type: 'technical',
      level: 'mid',
      status: 'in_progress',
      questionCount: 3,
      answeredCount: 0,
    });
    expect(iv.questions.map((q) => q.order)).toEqual([1, 2, 3]);
    expect(iv.questions.every((q) => q.type === 'technical' && q.text.length > 10)).toBe(true);
    expect(new Set(iv.questions.map((q) => q.text)).size).toBe(3);
  });

  it('mixes question types for a mixed interview', async () => {
    const iv = await start(alice, { ...practice, type: 'mixed', questionCount: 5 });
    expect(new Set(iv.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
  });

  it('avoids questions the candidate saw in recent interviews', async () => {
    const first = await start(bob, { ...practice, type: 'behavioral', questionCount: 3 });
    const second = await start(bob, { ...practice, type: 'behavioral', questionCount: 3 });
    const overlap = second.questions.filter((q) => first.questions.some((p) => p.text === q.text));
    expect(overlap).toEqual([]);
  });

  it.each([
    ['an unknown type', { ...practice, type: 'astrology' }, 'body.type'],
    ['zero questions', { ...practice, questionCount: 0 }, 'body.questionCount'],
    ['too many questions', { ...practice, questionCount: 50 }, 'body.questionCount'],
    ['a bad level', { ...practice, level: 'wizard' }, 'body.level'],
    ['no role', { ...practice, role: '   ' }, 'body.role'],
  ])('refuses %s with a 400 naming the field and creates nothing', async (_, body, field) => {
    const before = (await t.database.db.select().from(interviews)).length;
    const problem = expectProblem(
      await alice.request({ method: 'POST', url: '/api/v1/interviews', payload: body }),
      400,
      'validation_failed',
    );
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(field);
    expect((await t.database.db.select().from(interviews)).length).toBe(before);
  });

  it('requires sign-in', async () => {
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/interviews', payload: practice }), 401);
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/interviews' }), 401);
  });
});

describe('listing and reading', () => {
  it('lists only the caller’s interviews, newest first, paginated', async () => {
    const carol = await registerUser(t.app, { name: 'Carol' });
    const a = await start(carol);
    t.clock.advance(1000);
    const b = await start(carol, { ...practice, type: 'aptitude', questionCount: 1 });
    const page1 = (await carol.request({ method: 'GET', url: '/api/v1/interviews?limit=1' })).json();
    expect(page1).toMatchObject({ total: 2, page: 1, limit: 1, pages: 2 });
    expect(page1.items[0].id).toBe(b.id);
    const page2 = (await carol.request({ method: 'GET', url: '/api/v1/interviews?limit=1&page=2' })).json();
    expect(page2.items[0].id).toBe(a.id);
    expectProblem(await carol.request({ method: 'GET', url: '/api/v1/interviews?limit=1000' }), 400);
  });

  it('hides another user’s interview behind a 404, but shows it to a platform admin', async () => {
    const iv = await start(alice);
    expectProblem(await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` }), 404, 'not_found');
    expectProblem(await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` }), 404);
    expectProblem(await answer(bob, iv.id, { questionId: iv.questions[0]!.id, text: 'Sneaky answer from Bob.' }), 404);
    expectProblem(await bob.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` }), 404);
    expect((await admin.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).statusCode).toBe(200);
    expect((await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id))).length).toBe(0);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expectProblem(await alice.request({ method: 'GET', url: '/api/v1/interviews/01890000-0000-7000-8000-000000000000' }), 404);
    expectProblem(await alice.request({ method: 'GET', url: '/api/v1/interviews/not-a-uuid' }), 400);
  });
});

describe('answering', () => {
  it('stores the answer with a full evaluation, and a strong answer outscores a non-answer', async () => {
    const iv = await start(alice, { ...practice, questionCount: 2 });
    const [q1, q2] = iv.questions;
    const reference = (await questionRow(q1!.id)).referenceAnswer!;
    const good = await answer(alice, iv.id, { questionId: q1!.id, text: reference, durationSeconds: 95 });
    expect(good.statusCode, good.body).toBe(201);
    const g = good.json();
    expect(g).toMatchObject({ interviewId: iv.id, questionId: q1!.id, text: reference });
    expect(g.evaluation).toMatchObject({ engine: 'local', engineVersion: expect.any(String) });
    for (const d of ['relevance', 'correctness', 'completeness', 'clarity', 'structure']) {
      expect(g.evaluation.dimensions[d]).toBeGreaterThanOrEqual(0);
      expect(g.evaluation.dimensions[d]).toBeLessThanOrEqual(100);
    }
    const poor = (await answer(alice, iv.id, { questionId: q2!.id, text: "I don't know." })).json();
    expect(g.evaluation.score).toBeGreaterThan(poor.evaluation.score + 30);
    expect(poor.evaluation.improvements.length).toBeGreaterThan(0);
  });

  it('replaces an answer when the question is answered again, keeping the history', async () => {
    const iv = await start(alice, { ...practice, questionCount: 1 });
    const q = iv.questions[0]!;
    await answer(alice, iv.id, { questionId: q.id, text: 'First attempt at an answer with a few words.' });
    const second = (await answer(alice, iv.id, { questionId: q.id, text: 'Second, better attempt at the answer.' })).json();
    const current = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).json();
    expect(current.answers).toHaveLength(1);
    expect(current.answers[0].id).toBe(second.id);
    expect(current.answeredCount).toBe(1);
    const listed = (await alice.request({ method: 'GET', url: '/api/v1/interviews?limit=100' })).json();
    expect(listed.items.find((i: { id: string }) => i.id === iv.id)).toMatchObject({ answeredCount: 1 });
    const history = await t.database.db.select().from(answers).where(eq(answers.questionId, q.id));
    expect(history).toHaveLength(2);
    expect(history.filter((h) => h.supersededAt === null)).toHaveLength(1);
  });

  it('refuses empty answers, foreign questions and malformed bodies without storing anything', async () => {
    const iv = await start(alice, { ...practice, questionCount: 1 });
    const other = await start(alice, { ...practice, questionCount: 1 });
    const q = iv.questions[0]!;
    expectProblem(await answer(alice, iv.id, { questionId: q.id, text: '' }), 400, 'validation_failed');
    expectProblem(await answer(alice, iv.id, { questionId: q.id, text: '   \n ' }), 400, 'validation_failed');
    expectProblem(await answer(alice, iv.id, { questionId: q.id, text: 'x'.repeat(20_001) }), 400);
    expectProblem(await answer(alice, iv.id, { questionId: 'nope', text: 'An answer.' }), 400);
    expectProblem(await answer(alice, iv.id, { questionId: other.questions[0]!.id, text: 'An answer to the wrong interview.' }), 404);
    expectProblem(await answer(alice, iv.id, { text: 'No question id.' }), 400);
    expect((await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id))).length).toBe(0);
  });
});

describe('completing and the report', () => {
  it('completes with an overall score, then refuses further answers and a second completion', async () => {
    const iv = await start(alice, { ...practice, questionCount: 2 });
    const q1 = iv.questions[0]!;
    const ref = (await questionRow(q1.id)).referenceAnswer!;
    const a1 = (await answer(alice, iv.id, { questionId: q1.id, text: ref })).json();
    const done = await alice.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: t.clock.now().toISOString() });
    // The unanswered question counts as zero.
    expect(done.json().overallScore).toBe(Math.round(a1.evaluation.score / 2));

    expectProblem(await answer(alice, iv.id, { questionId: iv.questions[1]!.id, text: 'Too late to answer.' }), 409, 'interview_completed');
    expectProblem(await alice.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` }), 409);

    const report = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` })).json();
    expect(report.overallScore).toBe(done.json().overallScore);
    // ...and as zero in every dimension too: one story with the overall score and the End-interview dialog.
    for (const d of ['relevance', 'correctness', 'completeness', 'clarity', 'structure'] as const)
      expect(report.dimensions[d]).toBe(Math.round(a1.evaluation.dimensions[d] / 2));
    expect(report.questions).toHaveLength(2);
    expect(report.questions[0]).toMatchObject({ questionId: q1.id, answer: ref, evaluation: { score: a1.evaluation.score } });
    expect(report.questions[1]).toMatchObject({ answer: null, evaluation: null });
    expect(report.improvements.join(' ')).toMatch(/1 question was left unanswered/);
  });

  it('gives an empty report for an interview with no answers yet', async () => {
    const iv = await start(alice, { ...practice, questionCount: 1 });
    const report = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` })).json();
    expect(report).toMatchObject({ overallScore: null, dimensions: null, strengths: [] });
  });
});
