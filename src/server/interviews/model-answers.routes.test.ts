import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule, startNow } from '../testing/interview-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

// Learning from an interview: after answering, the candidate sees what a strong answer says.

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
const ANSWER =
  'An index is a separate sorted structure, usually a B-tree, that lets the database find rows without scanning the table; it speeds up reads but costs space and slows every write that must update it.';

async function get(b: Browser, id: string): Promise<Interview> {
  const res = await b.request({ method: 'GET', url: url(id) });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('model answer and key points of a practice question', () => {
  let iv: Interview;

  beforeAll(async () => {
    const res = await alice.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    iv = res.json();
  });

  it('are absent before the question is answered', () => {
    for (const q of iv.questions) {
      expect(q).not.toHaveProperty('modelAnswer');
      expect(q).not.toHaveProperty('keyPoints');
    }
  });

  it('appear on the answered question only, once answered', async () => {
    const [first, second] = iv.questions;
    const res = await alice.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: first!.id, text: ANSWER } });
    expect(res.statusCode, res.body).toBe(201);
    const after = await get(alice, iv.id);
    const q1 = after.questions.find((q) => q.id === first!.id)!;
    const q2 = after.questions.find((q) => q.id === second!.id)!;
    expect(typeof q1.modelAnswer).toBe('string');
    expect(q1.modelAnswer!.length).toBeGreaterThan(40);
    expect(q1.keyPoints!.length).toBeGreaterThan(0);
    expect(q2).not.toHaveProperty('modelAnswer');
    expect(q2).not.toHaveProperty('keyPoints');
  });

  it('are not readable by another user, anonymously, or through the list', async () => {
    expectProblem(await bob.request({ method: 'GET', url: url(iv.id) }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: url(iv.id) }), 401);
    const list = await alice.request({ method: 'GET', url: '/api/v1/interviews' });
    expect(list.body).not.toContain('modelAnswer');
  });
});

describe('model answer of an assigned interview', () => {
  it('stays hidden from the candidate until results are released, and is shown after', async () => {
    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    const iv = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1, release: 'on_finalize' });
    const started = await startNow(candidate, iv.id);
    const q = started.questions[0]!;
    const res = await candidate.request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q.id, text: ANSWER } });
    expect(res.statusCode, res.body).toBe(201);
    const unreleased = await get(candidate, iv.id);
    expect(unreleased.questions[0]).not.toHaveProperty('modelAnswer');
    expect(unreleased.questions[0]).not.toHaveProperty('keyPoints');

    expect((await candidate.request({ method: 'POST', url: url(iv.id, '/complete') })).statusCode).toBe(200);
    // The wrong role cannot release them: the candidate may not finalize.
    expectProblem(await candidate.request({ method: 'POST', url: url(iv.id, '/finalize') }), 403);
    expect((await get(candidate, iv.id)).questions[0]).not.toHaveProperty('modelAnswer');

    const fin = await coach.request({ method: 'POST', url: url(iv.id, '/finalize') });
    expect(fin.statusCode, fin.body).toBe(200);
    const released = await get(candidate, iv.id);
    expect(released.questions[0]!.modelAnswer).toBeTruthy();
    expect(released.questions[0]!.keyPoints!.length).toBeGreaterThan(0);
  });
});
