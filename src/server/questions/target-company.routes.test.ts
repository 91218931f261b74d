import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { interviews } from '../interviews/interviews.table.js';

/** Questions that fit through the API: the role profile and the target company on practice creation. */
let t: TestApp;
let alice: Browser;

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
});
afterAll(async () => {
  await t?.close();
});

async function start(body: object): Promise<Interview> {
  const res = await alice.request({ method: 'POST', url: '/api/v1/interviews', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('practice questions that fit the role and the target company', () => {
  it('frames behavioural questions with the values of the named company', async () => {
    const iv = await start({
      kind: 'practice',
      type: 'behavioral',
      role: 'Account Executive',
      level: 'mid',
      questionCount: 4,
      targetCompany: 'Salesforce',
    });
    expect(iv.questions).toHaveLength(4);
    expect(iv.questions.filter((q) => q.text.startsWith('Salesforce asks its people to')).length).toBeGreaterThanOrEqual(2);
  });

  it('asks a nurse nursing questions in a technical practice, and a florist generic ones', async () => {
    const nurse = await start({ kind: 'practice', type: 'technical', role: 'Registered Nurse', level: 'mid', questionCount: 3 });
    expect(nurse.questions.every((q) => q.type === 'technical')).toBe(true);
    expect(nurse.questions.some((q) => /patient/i.test(q.text))).toBe(true);
    const florist = await start({ kind: 'practice', type: 'technical', role: 'Florist', level: 'mid', questionCount: 3 });
    expect(florist.questions).toHaveLength(3);
    expect(florist.questions.every((q) => q.type === 'behavioral' || q.type === 'communication')).toBe(true);
  });

  it('refuses a target company longer than 80 characters and creates nothing', async () => {
    const before = (await t.database.db.select().from(interviews)).length;
    const problem = expectProblem(
      await alice.request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { kind: 'practice', type: 'behavioral', role: 'Engineer', level: 'mid', questionCount: 1, targetCompany: 'x'.repeat(81) },
      }),
      400,
      'validation_failed',
    );
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain('body.targetCompany');
    expect((await t.database.db.select().from(interviews)).length).toBe(before);
  });
});
