import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { pendingJob } from '../testing/recorded.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { answers, interviews } from './interviews.table.js';

// A paced practice: think and answer time per question (the browser's timers, stored so every
// device shows the same), and an overall duration the server enforces like an assigned deadline.

let t: TestApp;
let alice: Browser;
let bob: Browser;

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t?.close();
});

const MINUTE = 60_000;
const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;
const base = { kind: 'practice', type: 'behavioral', role: 'Backend Engineer', level: 'mid', questionCount: 2 } as const;
const ANSWER =
  'At my last job I led the migration of our billing service to a queue. I split the work into stages, agreed a rollback plan with the team, and we shipped without downtime; invoices went out two days faster.';

async function create(b: Browser, extra: Record<string, unknown>) {
  return b.request({ method: 'POST', url: '/api/v1/interviews', payload: { ...base, ...extra } });
}

describe('practice pace', () => {
  it('keeps think and answer time on the interview, for the timers', async () => {
    const res = await create(alice, { thinkSeconds: 30, answerSeconds: 120 });
    expect(res.statusCode, res.body).toBe(201);
    const iv: Interview = res.json();
    expect(iv).toMatchObject({ thinkSeconds: 30, answerSeconds: 120, deadlineAt: null, durationMinutes: null });
    const again: Interview = (await alice.request({ method: 'GET', url: url(iv.id) })).json();
    expect(again).toMatchObject({ thinkSeconds: 30, answerSeconds: 120 });
    expect(await pendingJob(t, 'deadline', iv.id)).toBeUndefined();
  });

  it('refuses limits outside the allowed range and creates nothing', async () => {
    const before = (await t.database.db.select().from(interviews).where(eq(interviews.role, 'Out of range'))).length;
    for (const bad of [
      { thinkSeconds: 2 },
      { answerSeconds: 5 },
      { answerSeconds: 99_999 },
      { durationMinutes: 0 },
      { durationMinutes: 1.5 },
    ]) {
      expectProblem(await create(alice, { ...bad, role: 'Out of range' }), 400);
    }
    expect((await t.database.db.select().from(interviews).where(eq(interviews.role, 'Out of range'))).length).toBe(before);
  });

  it('an overall duration sets a server deadline: answers after it are refused, and the job completes the practice', async () => {
    const res = await create(alice, { durationMinutes: 10 });
    expect(res.statusCode, res.body).toBe(201);
    const iv: Interview = res.json();
    const now = t.clock.now();
    expect(iv.deadlineAt).toBe(new Date(now.getTime() + 10 * MINUTE).toISOString());
    expect((await pendingJob(t, 'deadline', iv.id))!.runAt.toISOString()).toBe(iv.deadlineAt);

    const [q1, q2] = iv.questions;
    const first = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q1!.id, text: ANSWER } });
    expect(first.statusCode, first.body).toBe(201);
    // Practice shows the grade at once, timed or not.
    expect(first.json().evaluation).not.toBeNull();

    t.clock.advance(10 * MINUTE);
    expectProblem(
      await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q2!.id, text: ANSWER } }),
      409,
      'deadline_passed',
    );
    expect((await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id))).length).toBe(1);

    await t.runJobs();
    const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, iv.id));
    expect(row).toMatchObject({ status: 'completed' });
    const [stored] = await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id));
    // The unanswered question counts as 0.
    expect(row!.overallScore).toBe(Math.round(stored!.score / 2));
  });

  it('finishing a timed practice early cancels its deadline job', async () => {
    const iv: Interview = (await create(alice, { durationMinutes: 30 })).json();
    expect(await pendingJob(t, 'deadline', iv.id)).toBeDefined();
    const done = await alice.request({ method: 'POST', url: url(iv.id, '/complete') });
    expect(done.statusCode, done.body).toBe(200);
    expect(await pendingJob(t, 'deadline', iv.id)).toBeUndefined();
  });

  it('another user cannot answer a timed practice', async () => {
    const iv: Interview = (await create(alice, { durationMinutes: 30 })).json();
    expectProblem(
      await bob.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: iv.questions[0]!.id, text: ANSWER } }),
      404,
    );
  });
});
