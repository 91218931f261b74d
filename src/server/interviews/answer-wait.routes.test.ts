import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import { holdableEvaluator } from '../testing/gated-evaluator.js';
import { startPractice } from '../testing/interview-fixture.js';
import { createTestApp, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

/**
 * ANSWER_WAIT_SLOTS=1 (the default): the answer route waits for the grade only while its answer is
 * the one in hand. The evaluator is the local one, which the test can hold.
 */
let t: TestApp;
let ana: Browser;
let grader: ReturnType<typeof holdableEvaluator>;

beforeAll(async () => {
  grader = holdableEvaluator(await createLocalEvaluator());
  t = await createTestApp({ ANSWER_WAIT_MS: '600000', ANSWER_WAIT_SLOTS: '1' }, { evaluator: grader.evaluator });
  ana = await registerUser(t.app, { name: 'Ana' });
});
afterAll(async () => {
  await t?.close();
});

const TEXT =
  'An index is a sorted structure over one or more columns, usually a B-tree, that lets the database find rows without scanning the ' +
  'whole table. It speeds up reads and costs extra work on every insert and update.';

const answer = (iv: Interview, index: number) =>
  ana.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload: { questionId: iv.questions[index]!.id, text: TEXT } });

describe('how long an answer waits for its grade', () => {
  it('alone on the server, the reply carries the grade (201)', async () => {
    const iv = await startPractice(ana);
    const res = await answer(iv, 0);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ evaluationStatus: 'done', evaluation: { score: expect.any(Number) } });
  });

  it('while another answer is in hand, it is acknowledged at once (202 pending) and the first still gets its grade', async () => {
    const iv = await startPractice(ana);
    const release = grader.hold();
    const reached = grader.reached();
    const first = answer(iv, 0);
    await reached;

    // The first answer waits at the grader; the second does not wait behind it.
    const second = await answer(iv, 1);
    expect(second.statusCode, second.body).toBe(202);
    expect(second.json()).toMatchObject({ evaluationStatus: 'pending', evaluation: null });

    release();
    const firstRes = await first;
    expect(firstRes.statusCode, firstRes.body).toBe(201);
    expect(firstRes.json()).toMatchObject({ evaluationStatus: 'done' });

    // Alone again: the next answer waits for its grade once more.
    const third = await answer(iv, 0);
    expect(third.statusCode, third.body).toBe(201);
  });
});
