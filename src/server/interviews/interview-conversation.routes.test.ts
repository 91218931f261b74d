import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Interview, NextStep, Report } from '../../contract/interviews.js';
import { combineQuestionScore } from '../../core/interviewer/question-score.js';
import { schedule, startNow } from '../testing/interview-fixture.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { interviews } from './interviews.table.js';

// The conversation: GET /next and follow-ups answered through the answers route, worded locally.

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
const practice = { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 2 } as const;
const VAGUE = 'I would look into it carefully, think about the options and then pick whatever works best for the team at the time.';

export async function startPractice(b: Browser, extra: object = {}): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: { ...practice, ...extra } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
async function next(b: Browser, id: string): Promise<NextStep> {
  const res = await b.request({ method: 'GET', url: url(id, '/next') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function reply(b: Browser, id: string, questionId: string, text: string): Promise<Answer> {
  const res = await b.request({ method: 'POST', url: url(id, '/answers'), payload: { questionId, text } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the fixed list (no follow-ups)', () => {
  it('asks the questions in order and then ends', async () => {
    const iv = await startPractice(alice);
    expect(iv.followUps).toBe(0);
    const [q1, q2] = iv.questions;
    expect(await next(alice, iv.id)).toMatchObject({ kind: 'question', id: q1!.id, text: q1!.text, order: 1, answeredCount: 0 });
    await reply(alice, iv.id, q1!.id, VAGUE);
    expect(await next(alice, iv.id)).toMatchObject({ kind: 'question', id: q2!.id, order: 2, answeredCount: 1 });
    await reply(alice, iv.id, q2!.id, VAGUE);
    expect(await next(alice, iv.id)).toEqual({
      kind: 'end',
      id: null,
      text: null,
      questionId: null,
      order: null,
      answeredCount: 2,
      questionCount: 2,
    });
  });
});

describe('a conversational practice', () => {
  let iv: Interview;
  let followUp: NextStep;
  let first: Answer;
  let second: Answer;

  beforeAll(async () => {
    iv = await startPractice(alice, { followUps: 1 });
    first = await reply(alice, iv.id, iv.questions[0]!.id, VAGUE);
    followUp = await next(alice, iv.id);
  });

  it('follows a weak answer up with a question about what it missed, in natural words', () => {
    expect(iv.followUps).toBe(1);
    expect(followUp).toMatchObject({ kind: 'follow_up', questionId: iv.questions[0]!.id, order: 1, followUpOrder: 1 });
    expect(['probe_key_point', 'ask_example', 'dig_claim']).toContain(followUp.followUpKind);
    expect(followUp.id).not.toBe(iv.questions[0]!.id);
    expect(followUp.text).toMatch(/^[A-Z].{20,}\?$/);
  });

  it('asks the same follow-up again until it is answered, and shows it on the interview without its key points', async () => {
    expect((await next(alice, iv.id)).id).toBe(followUp.id);
    const read = (await (await alice.request({ method: 'GET', url: url(iv.id) })).json()) as Interview;
    expect(read.followUpQuestions).toEqual([
      { id: followUp.id, parentQuestionId: iv.questions[0]!.id, order: 1, kind: followUp.followUpKind, text: followUp.text },
    ]);
    expect(read.questionCount).toBe(2);
    expect(read.answeredCount).toBe(1);
  });

  it('grades the follow-up through the answers route and then moves to the next question', async () => {
    second = await reply(
      alice,
      iv.id,
      followUp.id!,
      'I would start by reading the query plan with EXPLAIN ANALYZE, then add a composite index that matches the filter, and measure again before and after.',
    );
    expect(second.evaluation?.score).toEqual(expect.any(Number));
    expect(second.questionId).toBe(followUp.id);
    const after = await next(alice, iv.id);
    expect(after).toMatchObject({ kind: 'question', id: iv.questions[1]!.id, answeredCount: 1 });
    const read = (await (await alice.request({ method: 'GET', url: url(iv.id) })).json()) as Interview;
    expect(read.followUpQuestions![0]!.keyPoints!.length).toBeGreaterThan(0);
    expect(read.answeredCount).toBe(1);
  });

  it("combines the answer and its follow-up in the question's score, the report and the overall", async () => {
    const res = await alice.request({ method: 'GET', url: url(iv.id, '/report') });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    const q1 = report.questions[0]!;
    expect(q1.followUps).toEqual([
      expect.objectContaining({ id: followUp.id, text: followUp.text, answer: expect.stringContaining('EXPLAIN'), order: 1 }),
    ]);
    const combined = combineQuestionScore(first.evaluation!.score, [second.evaluation!.score]);
    expect(q1.score).toBe(combined);
    expect(report.questions[1]!.score).toBeNull();
    // The second question is unanswered and counts 0.
    expect(report.overallScore).toBe(Math.round(combined / 2));
    const done = await alice.request({ method: 'POST', url: url(iv.id, '/complete') });
    expect(done.json().overallScore).toBe(Math.round(combined / 2));
  });

  it('ends once the interview is completed', async () => {
    expect((await next(alice, iv.id)).kind).toBe('end');
  });
});

describe('two follow-ups', () => {
  it('asks a second, different follow-up after the first is answered, and no third', async () => {
    const iv = await startPractice(alice, { followUps: 2, questionCount: 1 });
    await reply(alice, iv.id, iv.questions[0]!.id, VAGUE);
    const f1 = await next(alice, iv.id);
    expect(f1.kind).toBe('follow_up');
    await reply(alice, iv.id, f1.id!, VAGUE);
    const f2 = await next(alice, iv.id);
    expect(f2).toMatchObject({ kind: 'follow_up', followUpOrder: 2 });
    expect(f2.text).not.toBe(f1.text);
    await reply(alice, iv.id, f2.id!, VAGUE);
    expect((await next(alice, iv.id)).kind).toBe('end');
  });
});

describe('who may ask what comes next', () => {
  it('refuses followUps outside 0–2 and creates nothing', async () => {
    const countMine = async () =>
      (await t.database.db.select({ n: count() }).from(interviews).where(eq(interviews.candidateId, bob.user.id)))[0]!.n;
    const before = await countMine();
    for (const followUps of [3, -1, 1.5, 'one']) {
      const res = await bob.request({ method: 'POST', url: '/api/v1/interviews', payload: { ...practice, followUps } });
      const problem = expectProblem(res, 400, 'validation_failed');
      expect(JSON.stringify(problem.errors)).toContain('body.followUps');
    }
    expect(await countMine()).toBe(before);
  });

  it('is the candidate’s alone: another user gets 404, anonymous 401, staff 403', async () => {
    const iv = await startPractice(alice, { followUps: 1 });
    expectProblem(await bob.request({ method: 'GET', url: url(iv.id, '/next') }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: url(iv.id, '/next') }), 401);
    expectProblem(await bob.request({ method: 'GET', url: url('0190d000-0000-7000-8000-000000000000', '/next') }), 404);

    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    const assigned = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1 });
    expectProblem(await candidate.request({ method: 'GET', url: url(assigned.id, '/next') }), 409, 'invalid_state');
    await startNow(candidate, assigned.id);
    expectProblem(await coach.request({ method: 'GET', url: url(assigned.id, '/next') }), 403);
    expect(await next(candidate, assigned.id)).toMatchObject({ kind: 'question', id: expect.any(String) });
  });

  it('refuses an answer to another interview’s follow-up', async () => {
    const iv = await startPractice(alice, { followUps: 1, questionCount: 1 });
    await reply(alice, iv.id, iv.questions[0]!.id, VAGUE);
    const f = await next(alice, iv.id);
    const other = await startPractice(alice, { questionCount: 1 });
    expectProblem(await alice.request({ method: 'POST', url: url(other.id, '/answers'), payload: { questionId: f.id, text: VAGUE } }), 404);
    expectProblem(await bob.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: f.id, text: VAGUE } }), 404);
  });
});
