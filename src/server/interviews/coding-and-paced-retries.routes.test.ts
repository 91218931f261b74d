import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProblems } from '../../../content/coding/index.js';
import type { Interview, InterviewQuestion, Report } from '../../contract/interviews.js';
import type { QuestionAttempts } from '../../contract/interviews-attempts.js';
import { pdfText } from '../testing/pdf-text.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

// Coding questions and questions of a paced (timed) practice are retried like any other: every
// attempt is kept, the candidate chooses the one that counts, and the report says how many there were.

let t: TestApp;
let alice: Browser;
let bob: Browser;

beforeAll(async () => {
  t = await createTestApp({ SANDBOX_PYTHON_PROCESSES: '1' });
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t?.close();
});

const MINUTE = 60_000;
const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;
const attemptsUrl = (id: string, q: string) => url(id, `/questions/${q}/attempts`);
const chooseUrl = (id: string, q: string) => url(id, `/questions/${q}/counting-attempt`);

async function create(b: Browser, payload: Record<string, unknown>): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: { kind: 'practice', level: 'mid', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function attempts(b: Browser, id: string, q: string): Promise<QuestionAttempts> {
  const res = await b.request({ method: 'GET', url: attemptsUrl(id, q) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const problemOf = (q: InterviewQuestion) => codingProblems.find((p) => p.slug === q.coding!.slug)!;

describe('retrying a coding question', () => {
  let iv: Interview;
  let q: InterviewQuestion;
  let wrong: { id: string; finalScore: number };
  let right: { id: string; finalScore: number };

  const submit = (b: Browser, code: string) =>
    b.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q.id, language: 'javascript', code } });

  beforeAll(async () => {
    iv = await create(alice, { type: 'coding', role: 'Software engineer', questionCount: 2 });
    q = iv.questions[0]!;
    const first = await submit(alice, `function ${problemOf(q).entry.javascript}(...args) {\n  return null;\n}`);
    expect(first.statusCode, first.body).toBe(201);
    wrong = first.json();
    t.clock.advance(MINUTE);
    const second = await submit(alice, problemOf(q).solutions.javascript!);
    expect(second.statusCode, second.body).toBe(201);
    right = second.json();
  }, 120_000);

  it('keeps both submissions as attempts, the newest (passing) one counting', async () => {
    expect(right.finalScore).toBeGreaterThan(wrong.finalScore);
    const list = await attempts(alice, iv.id, q.id);
    expect(list.attempts.map((a) => [a.number, a.id, a.counts])).toEqual([
      [1, wrong.id, false],
      [2, right.id, true],
    ]);
    expect(list.attempts[1]!.text).toContain(problemOf(q).entry.javascript);
  });

  it('lets the candidate choose the first attempt, and the report and the PDF say which of the two counts', async () => {
    const res = await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q.id), payload: { answerId: wrong.id } });
    expect(res.statusCode, res.body).toBe(200);
    const report: Report = (await alice.request({ method: 'GET', url: url(iv.id, '/report') })).json();
    expect(report.questions.find((r) => r.questionId === q.id)).toMatchObject({ attempts: 2, countingAttempt: 1, score: wrong.finalScore });
    // Choose the passing one back: that is what the finished practice scores.
    expect((await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q.id), payload: { answerId: right.id } })).statusCode).toBe(200);
    const done = await alice.request({ method: 'POST', url: url(iv.id, '/complete') });
    expect(done.statusCode, done.body).toBe(200);
    // The second question was not answered and counts as 0.
    expect((done.json() as Interview).overallScore).toBe(Math.round(right.finalScore / 2));
    const pdf = await alice.request({ method: 'GET', url: url(iv.id, '/report.pdf') });
    expect(await pdfText(pdf.rawPayload)).toContain('attempt 2 of 2 counts');
  });

  it('refuses a retry once the practice is finished (409) and keeps the attempts as they were', async () => {
    expectProblem(await submit(alice, problemOf(q).solutions.javascript!), 409, 'interview_completed');
    expect((await attempts(alice, iv.id, q.id)).attempts.map((a) => a.counts)).toEqual([false, true]);
  });

  it('lets nobody else submit, list or choose (404), and changes nothing', async () => {
    const open = await create(alice, { type: 'coding', role: 'Software engineer', questionCount: 2 });
    const oq = open.questions[0]!;
    const first = await alice.request({
      method: 'POST',
      url: url(open.id, '/answers'),
      payload: { questionId: oq.id, language: 'javascript', code: problemOf(oq).solutions.javascript! },
    });
    expect(first.statusCode, first.body).toBe(201);
    expectProblem(
      await bob.request({
        method: 'POST',
        url: url(open.id, '/answers'),
        payload: { questionId: oq.id, language: 'javascript', code: problemOf(oq).solutions.javascript! },
      }),
      404,
    );
    expectProblem(await bob.request({ method: 'GET', url: attemptsUrl(open.id, oq.id) }), 404);
    expectProblem(await bob.request({ method: 'PUT', url: chooseUrl(open.id, oq.id), payload: { answerId: first.json().id } }), 404);
    expect((await attempts(alice, open.id, oq.id)).attempts).toHaveLength(1);
  });
});

describe('a conversational coding practice', () => {
  it('asks no follow-up after a solution: next is the next problem, then the end', async () => {
    const iv = await create(alice, { type: 'coding', role: 'Software engineer', questionCount: 2, followUps: 2 });
    expect(iv.followUps).toBe(2);
    const [q1, q2] = iv.questions;
    const weak = await alice.request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: {
        questionId: q1!.id,
        language: 'javascript',
        code: `function ${problemOf(q1!).entry.javascript}(...args) {\n  return null;\n}`,
      },
    });
    expect(weak.statusCode, weak.body).toBe(201);
    const next = await alice.request({ method: 'GET', url: url(iv.id, '/next') });
    expect(next.statusCode, next.body).toBe(200);
    expect(next.json()).toMatchObject({ kind: 'question', id: q2!.id });
    const second = await alice.request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: q2!.id, language: 'javascript', code: problemOf(q2!).solutions.javascript! },
    });
    expect(second.statusCode, second.body).toBe(201);
    expect((await alice.request({ method: 'GET', url: url(iv.id, '/next') })).json()).toMatchObject({ kind: 'end' });
    const got: Interview = (await alice.request({ method: 'GET', url: url(iv.id) })).json();
    expect(got.answers.map((a) => a.questionId).sort()).toEqual([q1!.id, q2!.id].sort());
  });
});

describe('retrying a question of a paced practice', () => {
  const ANSWER =
    'At my last job I led the migration of our billing service to a queue. I split the work into stages, agreed a rollback plan with the team, and we shipped without downtime.';
  const BETTER = `${ANSWER} The result: invoices went out two days faster, and I wrote down what I would do differently: involve support earlier.`;

  it('keeps every attempt of a timed question and counts the chosen one', async () => {
    const iv = await create(alice, {
      type: 'behavioral',
      role: 'Backend Engineer',
      questionCount: 2,
      thinkSeconds: 30,
      answerSeconds: 120,
    });
    const q = iv.questions[0]!.id;
    const first = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q, text: ANSWER } });
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(3 * MINUTE);
    // The browser's per-question clocks start again for the retry; the server takes it like any answer.
    const second = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q, text: BETTER } });
    expect(second.statusCode, second.body).toBe(201);
    const list = await attempts(alice, iv.id, q);
    expect(list.attempts.map((a) => [a.id, a.counts])).toEqual([
      [first.json().id, false],
      [second.json().id, true],
    ]);
    expect((await alice.request({ method: 'PUT', url: chooseUrl(iv.id, q), payload: { answerId: first.json().id } })).statusCode).toBe(200);
    const report: Report = (await alice.request({ method: 'GET', url: url(iv.id, '/report') })).json();
    expect(report.questions[0]).toMatchObject({ attempts: 2, countingAttempt: 1, answer: ANSWER });
  });

  it('refuses a retry after the overall time is up (409) and keeps the attempts', async () => {
    const iv = await create(alice, {
      type: 'behavioral',
      role: 'Backend Engineer',
      questionCount: 2,
      durationMinutes: 5,
      answerSeconds: 60,
    });
    const q = iv.questions[0]!.id;
    const first = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q, text: ANSWER } });
    expect(first.statusCode, first.body).toBe(201);
    t.clock.advance(2 * MINUTE);
    const retry = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q, text: BETTER } });
    expect(retry.statusCode, retry.body).toBe(201);
    t.clock.advance(3 * MINUTE);
    expectProblem(
      await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q, text: ANSWER } }),
      409,
      'deadline_passed',
    );
    expect((await attempts(alice, iv.id, q)).attempts.map((a) => a.counts)).toEqual([false, true]);
  });
});
