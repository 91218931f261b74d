import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import type { SavedQuestion } from '../../contract/interviews-saved.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule, startNow } from '../testing/interview-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { savedQuestions } from './saved-questions.table.js';

// Saved questions: bookmark from a session or report, list, remove, practise the list.

let t: TestApp;
let alice: Browser;
let bob: Browser;
let org: OrgFixture;
let iv: Interview;

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
  org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
  const res = await alice.request({
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { kind: 'practice', type: 'technical', role: 'Backend Engineer', level: 'mid', questionCount: 3 },
  });
  expect(res.statusCode, res.body).toBe(201);
  iv = res.json();
});
afterAll(async () => {
  await t?.close();
});

const save = (b: Browser, interviewId: string, questionId: string) =>
  b.request({ method: 'POST', url: '/api/v1/saved-questions', payload: { interviewId, questionId } });
const list = async (b: Browser): Promise<SavedQuestion[]> =>
  (await b.request({ method: 'GET', url: '/api/v1/saved-questions' })).json().items;
const rowsOf = async (b: Browser) => t.database.db.select().from(savedQuestions).where(eq(savedQuestions.userId, b.user.id));

describe('saved questions', () => {
  it('saves a question once: saving again returns the same bookmark', async () => {
    const [q1] = iv.questions;
    const first = await save(alice, iv.id, q1!.id);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ text: q1!.text, type: q1!.type, interviewId: iv.id, questionId: q1!.id });
    const again = await save(alice, iv.id, q1!.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect((await list(alice)).map((s) => s.text)).toEqual([q1!.text]);
  });

  it('refuses questions of an interview the caller may not see, and a question of another interview', async () => {
    const before = (await rowsOf(bob)).length;
    expectProblem(await save(bob, iv.id, iv.questions[0]!.id), 404);
    const other: Interview = (
      await bob.request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { kind: 'practice', type: 'behavioral', role: 'Nurse', level: 'junior', questionCount: 1 },
      })
    ).json();
    // Bob's interview with Alice's question id: not a question of that interview.
    expectProblem(await save(bob, other.id, iv.questions[1]!.id), 404);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/saved-questions',
        payload: { interviewId: iv.id, questionId: iv.questions[0]!.id },
      }),
      401,
    );
    expect((await rowsOf(bob)).length).toBe(before);
  });

  it('keeps lists apart, and only the owner removes a bookmark', async () => {
    expect(await list(bob)).toEqual([]);
    const [mine] = await list(alice);
    expectProblem(await bob.request({ method: 'DELETE', url: `/api/v1/saved-questions/${mine!.id}` }), 404);
    expect(await list(alice)).toHaveLength(1);
    const gone = await alice.request({ method: 'DELETE', url: `/api/v1/saved-questions/${mine!.id}` });
    expect(gone.statusCode).toBe(204);
    expect(await list(alice)).toEqual([]);
    expectProblem(await alice.request({ method: 'DELETE', url: `/api/v1/saved-questions/${mine!.id}` }), 404);
  });

  it('practises saved questions: the interview asks them in the order given, graded against their key points', async () => {
    const [q1, , q3] = iv.questions;
    const a = (await save(alice, iv.id, q3!.id)).json() as SavedQuestion;
    const b = (await save(alice, iv.id, q1!.id)).json() as SavedQuestion;
    const res = await alice.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'mixed', role: 'Saved questions', level: 'mid', questionCount: 2, savedQuestionIds: [a.id, b.id] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const practice: Interview = res.json();
    expect(practice.questions.map((q) => q.text)).toEqual([q3!.text, q1!.text]);
    expect(practice.questionCount).toBe(2);
    const answered = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${practice.id}/answers`,
      payload: {
        questionId: practice.questions[0]!.id,
        text: 'A reasonable answer that talks about the trade-offs, the data and how to measure the change.',
      },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    // The copy kept the reference answer: the model answer shows once answered.
    const after: Interview = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${practice.id}` })).json();
    expect(after.questions[0]!.keyPoints?.length).toBeGreaterThan(0);
  });

  it("refuses to practise someone else's saved question, and creates nothing", async () => {
    const [mine] = await list(alice);
    const res = await bob.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'mixed', role: 'Stolen bookmarks', level: 'mid', questionCount: 1, savedQuestionIds: [mine!.id] },
    });
    expectProblem(res, 404);
    const listed = (await bob.request({ method: 'GET', url: '/api/v1/interviews' })).json();
    expect(listed.items.some((i: Interview) => i.role === 'Stolen bookmarks')).toBe(false);
  });

  it('a question of an assigned interview is saved only once results are released, and only by the candidate', async () => {
    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    const assigned = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1, release: 'on_finalize' });
    const started = await startNow(candidate, assigned.id);
    const qid = started.questions[0]!.id;
    expectProblem(await save(candidate, assigned.id, qid), 409, 'invalid_state');
    expectProblem(await save(coach, assigned.id, qid), 403);
    expect(await list(candidate)).toEqual([]);
  });
});
