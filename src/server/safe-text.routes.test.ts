import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answers } from './interviews/interviews.table.js';
import { organizations as orgs } from './orgs/orgs.table.js';
import { users } from './auth/auth.table.js';
import { createTestApp, expectProblem, registerUser, STRONG_PASSWORD, type Browser, type TestApp } from './testing/test-app.js';

let t: TestApp;
let alice: Browser;
beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app);
});
afterAll(async () => {
  await t?.close();
});

const NUL = 'before\u0000after';
const LONE_HIGH = 'broken \uD83D pair';
const LONE_LOW = 'broken \uDE00 pair';

function fieldsOf(res: { json(): unknown }): string[] {
  return ((res.json() as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
}

describe('text no one can store is refused with a 400 naming the field', () => {
  it.each([
    ['a NUL', NUL],
    ['a lone high surrogate', LONE_HIGH],
    ['a lone low surrogate', LONE_LOW],
  ])('an answer holding %s is refused before grading, and nothing is stored', async (_, text) => {
    const start = await alice.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 1 },
    });
    expect(start.statusCode, start.body).toBe(201);
    const iv = start.json() as { id: string; questions: { id: string }[] };
    const before = (await t.database.db.select().from(answers)).length;
    const res = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/answers`,
      payload: { questionId: iv.questions[0]!.id, text: `A queue decouples producers from consumers, ${text}.` },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(fieldsOf(res)).toEqual(['body.text']);
    expect((await t.database.db.select().from(answers)).length).toBe(before);
  });

  it('a name with a NUL on registration, and no account is created', async () => {
    const before = (await t.database.db.select().from(users)).length;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: 'nul@example.com', password: STRONG_PASSWORD, name: NUL },
    });
    expectProblem(res, 400, 'validation_failed');
    expect(fieldsOf(res)).toEqual(['body.name']);
    expect((await t.database.db.select().from(users)).length).toBe(before);
  });

  it('an organization name with an unpaired surrogate, and no organization is created', async () => {
    const before = (await t.database.db.select().from(orgs)).length;
    const res = await alice.request({ method: 'POST', url: '/api/v1/orgs', payload: { name: LONE_HIGH } });
    expectProblem(res, 400, 'validation_failed');
    expect(fieldsOf(res)).toEqual(['body.name']);
    expect((await t.database.db.select().from(orgs)).length).toBe(before);
  });

  it('a NUL in a query string', async () => {
    const res = await alice.request({ method: 'GET', url: '/api/v1/interviews?status=%00' });
    expectProblem(res, 400, 'validation_failed');
    expect(fieldsOf(res)).toEqual(['querystring.status']);
  });

  it('keeps accepting real pairs: emoji and other scripts are stored as sent', async () => {
    const res = await alice.request({ method: 'POST', url: '/api/v1/orgs', payload: { name: 'Équipe 🚀 数据 команда' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: 'Équipe 🚀 数据 команда' });
  });
});
