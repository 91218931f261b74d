import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Interview } from '../../contract/interviews.js';
import type { AnswerEvaluator } from '../../core/evaluation/types.js';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import { jobs } from '../jobs/jobs.table.js';
import { MINUTE, schedule, startNow, startPractice } from '../testing/interview-fixture.js';
import { connectLive, type LiveClient } from '../testing/live-client.js';
import { createOrgFixture } from '../testing/org-fixture.js';
import { createTestApp, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { RECOVERY_DELAY_MS } from './answer-grading.js';
import { answers, interviews } from './interviews.table.js';

/**
 * ANSWER_WAIT_MS=0: every answer is acknowledged before its grade, which then arrives over the
 * WebSocket and on the next GET. The evaluator here is the local one behind a gate the test
 * opens, or one that never answers (a process that died while grading).
 */
let t: TestApp;
let ana: Browser;
let bob: Browser;
let base: string;
const sockets: LiveClient[] = [];

let gate: { open: () => void; promise: Promise<void> } | null = null;
let hangNext = false;
function closeGate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  gate = { open, promise };
  return () => {
    gate = null;
    open();
  };
}

beforeAll(async () => {
  const inner = await createLocalEvaluator();
  const evaluator: AnswerEvaluator = {
    name: inner.name,
    version: inner.version,
    async evaluate(input) {
      if (hangNext) {
        hangNext = false;
        return new Promise(() => {});
      }
      if (gate) await gate.promise;
      return inner.evaluate(input);
    },
  };
  t = await createTestApp({ ANSWER_WAIT_MS: '0' }, { evaluator });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/ws`;
  ana = await registerUser(t.app, { name: 'Ana' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  for (const s of sockets) s.ws.terminate();
  await t?.close();
});

async function live(b: Browser): Promise<LiveClient> {
  const c = await connectLive(base, { cookie: b.cookie });
  sockets.push(c);
  expect((await c.next()).type).toBe('hello');
  return c;
}

const TEXT =
  'An index is a sorted structure over one or more columns, usually a B-tree, that lets the database find rows without scanning the ' +
  'whole table. It speeds up reads and costs extra work on every insert and update, so I add one for the filters and joins a query really uses.';

async function get(b: Browser, id: string): Promise<Interview> {
  const res = await b.request({ method: 'GET', url: `/api/v1/interviews/${id}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const answerOf = (iv: Interview, questionId: string) => iv.answers.find((a) => a.questionId === questionId)!;

describe('an answer acknowledged before its grade', () => {
  it('is stored at once (202, evaluation pending), then graded, pushed to its candidate only, and shown on the next GET', async () => {
    const iv = await startPractice(ana);
    const questionId = iv.questions[0]!.id;
    const anaLive = await live(ana);
    const bobLive = await live(bob);
    const release = closeGate();

    const res = await ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload: { questionId, text: TEXT } });
    expect(res.statusCode, res.body).toBe(202);
    const acknowledged: Answer = res.json();
    expect(acknowledged).toMatchObject({ questionId, text: TEXT, evaluation: null, evaluationStatus: 'pending', finalScore: null });
    // Stored before it was graded: a reload shows it, still pending.
    expect(answerOf(await get(ana, iv.id), questionId)).toMatchObject({
      id: acknowledged.id,
      evaluationStatus: 'pending',
      evaluation: null,
    });

    release();
    expect(await anaLive.next(20_000)).toEqual({ type: 'answer_graded', interviewId: iv.id, answerId: acknowledged.id, questionId });
    const graded = answerOf(await get(ana, iv.id), questionId);
    expect(graded.evaluationStatus).toBe('done');
    expect(graded.evaluation?.score).toBeGreaterThan(0);
    expect(graded.finalScore).toBe(graded.evaluation?.score);
    // Another user's socket hears nothing of it, and cannot read the interview.
    await bobLive.nothingPending();
    expect((await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` })).statusCode).toBe(404);
    // The recovery job was dropped with the grade stored: nothing grades it twice.
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `answer-grade:${acknowledged.id}`));
    expect(job).toMatchObject({ completedAt: expect.any(Date), lastError: 'cancelled' });
  });

  it('completion waits for the pending grade, so the overall score counts it', async () => {
    const iv = await startPractice(ana);
    const questionId = iv.questions[0]!.id;
    const release = closeGate();
    const res = await ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload: { questionId, text: TEXT } });
    expect(res.statusCode).toBe(202);

    const completing = ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` });
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const done = await completing;
    expect(done.statusCode, done.body).toBe(200);
    const completed: Interview = done.json();
    const answer = answerOf(completed, questionId);
    expect(answer.evaluationStatus).toBe('done');
    // Two questions, one answered: the overall score is half of its grade, not 0.
    expect(completed.overallScore).toBe(Math.round(answer.evaluation!.score / 2));
    expect(completed.overallScore).toBeGreaterThan(0);
  });

  it('after the process grading it is gone (a crash), the job queue grades it: nothing acknowledged is lost', async () => {
    const iv = await startPractice(ana);
    const questionId = iv.questions[1]!.id;
    const anaLive = await live(ana);
    hangNext = true;
    const res = await ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload: { questionId, text: TEXT } });
    expect(res.statusCode).toBe(202);
    const { id } = res.json<Answer>();
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `answer-grade:${id}`));
    expect(job).toMatchObject({ kind: 'answer-grade', completedAt: null });

    // Not before its time: a live grading normally finishes first.
    await t.runJobs();
    expect(answerOf(await get(ana, iv.id), questionId).evaluationStatus).toBe('pending');

    t.clock.advance(RECOVERY_DELAY_MS);
    await t.runJobs();
    expect(await anaLive.next(20_000)).toEqual({ type: 'answer_graded', interviewId: iv.id, answerId: id, questionId });
    const [row] = await t.database.db.select().from(answers).where(eq(answers.id, id));
    expect(row!.engine).not.toBe('pending');
    expect(answerOf(await get(ana, iv.id), questionId)).toMatchObject({ id, evaluationStatus: 'done', finalScore: row!.score });
  });

  it('when an assigned interview’s time runs out, the deadline waits for the pending grade and counts it', async () => {
    const org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
    const candidate = org.candidates[0]!;
    const iv = await schedule(t, org.coaches[0]!, candidate.user.id, { startIn: MINUTE, duration: 30, count: 2 });
    t.clock.advance(2 * MINUTE);
    const started = await startNow(candidate, iv.id);
    const release = closeGate();
    const res = await candidate.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: started.questions[0]!.id, text: TEXT },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ evaluation: null, evaluationStatus: 'pending' });

    t.clock.advance(31 * MINUTE);
    const jobsRun = t.runJobs();
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await jobsRun;
    const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, iv.id));
    const [answer] = await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id));
    expect(row!.status).toBe('completed');
    expect(answer!.engine).not.toBe('pending');
    expect(answer!.score).toBeGreaterThan(0);
    expect(row!.overallScore).toBe(Math.round(answer!.score / 2));
  });
});
