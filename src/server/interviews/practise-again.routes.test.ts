import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule } from '../testing/interview-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { interviews } from './interviews.table.js';

// "Practise again": the same setup, and on request the same questions.

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

const setup = {
  kind: 'practice',
  type: 'behavioral',
  role: 'Support Engineer',
  level: 'senior',
  questionCount: 3,
  followUps: 1,
  targetCompany: 'Amazon',
  answerSeconds: 120,
} as const;

async function create(b: Browser, payload: Record<string, unknown>) {
  return b.request({ method: 'POST', url: '/api/v1/interviews', payload });
}

async function countFor(role: string) {
  return (await t.database.db.select().from(interviews).where(eq(interviews.role, role))).length;
}

describe('practise again', () => {
  let first: Interview;
  beforeAll(async () => {
    const res = await create(alice, setup);
    expect(res.statusCode, res.body).toBe(201);
    first = res.json();
  });

  it('keeps the target company and pace so the form can be filled again', () => {
    expect(first).toMatchObject({ targetCompany: 'Amazon', answerSeconds: 120, followUps: 1 });
  });

  it('asks the same questions in the same order when repeatOf names an earlier practice', async () => {
    const res = await create(alice, { ...setup, repeatOf: first.id });
    expect(res.statusCode, res.body).toBe(201);
    const again: Interview = res.json();
    expect(again.id).not.toBe(first.id);
    expect(again.questions.map((q) => q.text)).toEqual(first.questions.map((q) => q.text));
    expect(again.questions.map((q) => q.id)).not.toEqual(first.questions.map((q) => q.id));
    expect(again.answers).toEqual([]);
  });

  it('without repeatOf, picks fresh questions', async () => {
    const fresh: Interview = (await create(alice, setup)).json();
    expect(fresh.questions.map((q) => q.text)).not.toEqual(first.questions.map((q) => q.text));
  });

  it("refuses another user's practice with the same 404 as an unknown id, and creates nothing", async () => {
    const role = 'Not yours to repeat';
    expectProblem(await create(bob, { ...setup, role, repeatOf: first.id }), 404);
    expectProblem(await create(bob, { ...setup, role, repeatOf: '00000000-0000-4000-8000-000000000001' }), 404);
    expect(await countFor(role)).toBe(0);
  });

  it('refuses an assigned interview, even the candidate’s own', async () => {
    const candidate = org.candidates[0]!;
    const assigned = await schedule(t, org.coaches[0]!, candidate.user.id, { startIn: 0, count: 1 });
    const role = 'Repeat of an assigned one';
    expectProblem(await create(candidate, { ...setup, role, repeatOf: assigned.id }), 404);
    expect(await countFor(role)).toBe(0);
  });
});
