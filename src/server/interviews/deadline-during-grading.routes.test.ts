import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalEvaluator } from '../ai/local-evaluator.js';
import { gatedEvaluator } from '../testing/gated-evaluator.js';
import { MINUTE, schedule, startNow } from '../testing/interview-fixture.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type TestApp } from '../testing/test-app.js';
import { answers } from './interviews.table.js';

let t: TestApp;
let acme: OrgFixture;
let grading: ReturnType<typeof gatedEvaluator>;
beforeAll(async () => {
  grading = gatedEvaluator(await createLocalEvaluator());
  t = await createTestApp({}, { evaluator: grading.evaluator });
  acme = await createOrgFixture(t, { coaches: 1, candidates: 1 });
});
afterAll(async () => {
  await t?.close();
});

describe('the deadline passes while an answer is being graded', () => {
  it('refuses the answer with 409 deadline_passed once grading ends, and stores nothing', async () => {
    const candidate = acme.candidates[0]!;
    const iv = await schedule(t, acme.coaches[0]!, candidate.user.id, { startIn: MINUTE, duration: 30, count: 1 });
    t.clock.advance(2 * MINUTE);
    const started = await startNow(candidate, iv.id);
    const questionId = started.questions[0]!.id;

    const pending = candidate.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId, text: 'A deadlock is a cycle of threads, each waiting for a lock another one holds.' },
    });
    await grading.started();
    // Grading is under way; the 30-minute deadline passes before it ends.
    t.clock.advance(31 * MINUTE);
    grading.finish();
    const res = await pending;

    expectProblem(res, 409, 'deadline_passed');
    expect(await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id))).toHaveLength(0);
  });
});
