import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProblems } from '../../../content/coding/index.js';
import type { PracticeAttemptResult, PracticeProblem, PracticeProgress } from '../../contract/coding-practice.js';
import type { CodingProblemView, RunResult } from '../../contract/coding.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { streakOf } from './practice.service.js';

let t: TestApp;
let alice: Browser;
let bob: Browser;
const slug = 'rotate-the-shelf';
const problem = codingProblems.find((p) => p.slug === slug)!;

beforeAll(async () => {
  t = await createTestApp({ CODE_RUNS_PER_MINUTE: '12', SANDBOX_PYTHON_PROCESSES: '1' });
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t?.close();
});

const list = async (b: Browser, query = '') => {
  const res = await b.request({ method: 'GET', url: `/api/v1/coding/problems${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: PracticeProblem[]; total: number };
};
const attempt = (b: Browser, payload: object, s = slug) =>
  b.request({ method: 'POST', url: `/api/v1/coding/problems/${s}/attempts`, payload });
const progress = async (b: Browser) => (await b.request({ method: 'GET', url: '/api/v1/coding/progress' })).json() as PracticeProgress;

describe('DSA practice', () => {
  it('lists the bank by topic and difficulty, with nothing solved at first', async () => {
    const all = await list(alice);
    expect(all.total).toBe(codingProblems.length);
    const graphs = await list(alice, '?topic=graphs&difficulty=medium');
    expect(graphs.items.length).toBeGreaterThan(0);
    expect(graphs.items.every((p) => p.topics.includes('graphs') && p.difficulty === 'medium' && !p.solved)).toBe(true);
    const sql = await list(alice, '?topic=sql');
    expect(sql.items.every((p) => p.languages.join() === 'sql')).toBe(true);
  });

  it('records a failed and then a solved attempt, and shows them only to their author', async () => {
    const wrong = await attempt(alice, { language: 'javascript', code: 'function rotateShelf(items, k) { return items; }' });
    expect(wrong.statusCode, wrong.body).toBe(201);
    expect((wrong.json() as PracticeAttemptResult).attempt).toMatchObject({ solved: false, slug });

    const right = await attempt(alice, { language: 'python', code: problem.solutions.python, durationSeconds: 90 });
    expect(right.statusCode, right.body).toBe(201);
    const body = right.json() as PracticeAttemptResult;
    expect(body.attempt).toMatchObject({ solved: true, language: 'python', durationSeconds: 90 });
    expect(body.result.passed).toBe(body.result.total);

    expect((await list(alice, '?topic=arrays')).items.find((p) => p.slug === slug)).toMatchObject({ solved: true, attempts: 2 });
    expect(await progress(alice)).toMatchObject({ solved: 1, attempted: 1, streakDays: 1 });

    // Bob sees his own (empty) progress, never Alice's attempts or code.
    expect((await list(bob, '?topic=arrays')).items.find((p) => p.slug === slug)).toMatchObject({ solved: false, attempts: 0 });
    expect(await progress(bob)).toMatchObject({ solved: 0, attempted: 0, streakDays: 0 });
    const bobsHistory = await bob.request({ method: 'GET', url: `/api/v1/coding/problems/${slug}/attempts` });
    expect(bobsHistory.json().items).toEqual([]);
    const alicesHistory = await alice.request({ method: 'GET', url: `/api/v1/coding/problems/${slug}/attempts` });
    expect(alicesHistory.json().items).toHaveLength(2);
  });

  it('refuses unknown problems, languages a problem does not offer and empty code, storing nothing', async () => {
    expectProblem(await attempt(alice, { language: 'javascript', code: 'x' }, 'no-such-problem'), 404);
    expectProblem(await attempt(alice, { language: 'sql', code: 'SELECT 1' }), 400);
    expectProblem(await attempt(alice, { language: 'javascript', code: '   ' }), 400);
    expect(await progress(alice)).toMatchObject({ attempted: 1 });
  });

  it('asks for a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/coding/progress' });
    expect(res.statusCode).toBe(401);
  });

  it('runs the public examples of a SQL problem against a fresh database', async () => {
    const sqlProblem = codingProblems.find((p) => p.slug === 'customers-who-never-ordered')!;
    const res = await alice.request({
      method: 'POST',
      url: `/api/v1/coding/problems/${sqlProblem.slug}/run`,
      payload: { language: 'sql', code: sqlProblem.solutions.sql },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passed: 2, total: 2 });

    // A wrong query: the example shows the data it ran on (the schema is in the statement) and the rows, a row per line.
    const wrong = await alice.request({
      method: 'POST',
      url: `/api/v1/coding/problems/${sqlProblem.slug}/run`,
      payload: { language: 'sql', code: 'SELECT name FROM customers' },
    });
    const [first] = (wrong.json() as RunResult).results;
    expect(first).toMatchObject({ verdict: 'wrong_answer', expected: 'Bo\nCy', actual: 'Ada\nBo\nCy' });
    expect(first!.input).toMatch(/^INSERT INTO customers/);
    expect(first!.input).not.toContain('CREATE TABLE');
    expect(first!.diff).toContainEqual({ kind: 'actual', text: 'Ada' });

    const view = await alice.request({ method: 'GET', url: `/api/v1/coding/problems/${sqlProblem.slug}` });
    const { statement, examples } = view.json() as CodingProblemView;
    expect(statement).toContain('CREATE TABLE customers');
    expect(examples[1]).toMatchObject({ output: '(no rows)' });
    expect(examples[0]!.input).not.toContain('CREATE TABLE');
  }, 180_000);
});

describe('practice streaks', () => {
  it('counts days in a row ending today or yesterday', () => {
    expect(streakOf(new Set([10, 9, 8, 6]), 10)).toBe(3);
    expect(streakOf(new Set([9, 8]), 10)).toBe(2);
    expect(streakOf(new Set([8]), 10)).toBe(0);
    expect(streakOf(new Set(), 10)).toBe(0);
  });
});
