import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProblems } from '../../../content/coding/index.js';
import type { RunResult, SubmissionResult } from '../../contract/coding.js';
import type { Interview, InterviewQuestion } from '../../contract/interviews.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let alice: Browser;
let bob: Browser;

beforeAll(async () => {
  t = await createTestApp({ CODE_RUNS_PER_MINUTE: '12', SANDBOX_PYTHON_PROCESSES: '1' });
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t?.close();
});

const codingPractice = { kind: 'practice', type: 'coding', role: 'Software engineer', level: 'mid', questionCount: 2 } as const;

async function startCoding(b: Browser): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: codingPractice });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const problemOf = (q: InterviewQuestion) => codingProblems.find((p) => p.slug === q.coding!.slug)!;
const run = (b: Browser, iv: Interview, q: InterviewQuestion, language: string, code: string) =>
  b.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/questions/${q.id}/run`, payload: { language, code } });
const submit = (b: Browser, iv: Interview, payload: object) =>
  b.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/answers`, payload });

/** A function with the problem's entry name whose body is given. */
const jsWith = (q: InterviewQuestion, body: string) => `function ${problemOf(q).entry.javascript}(...args) {\n${body}\n}`;

describe('coding questions in a practice interview', () => {
  let iv: Interview;
  let q: InterviewQuestion;
  beforeAll(async () => {
    iv = await startCoding(alice);
    q = iv.questions[0]!;
  });

  it('plans coding problems with languages, starter code and public examples, and nothing hidden', () => {
    expect(iv.type).toBe('coding');
    expect(iv.questions).toHaveLength(2);
    const slugs = iv.questions.map((x) => x.coding?.slug);
    expect(new Set(slugs).size).toBe(2);
    expect(q.coding).toMatchObject({ languages: ['javascript', 'typescript', 'python'] });
    expect(q.coding!.starterCode.python).toContain(`def ${problemOf(q).entry.python}(`);
    expect(q.coding!.examples.length).toBeGreaterThan(0);
    expect(q.coding!.hiddenTestCount).toBeGreaterThanOrEqual(6);
    const body = JSON.stringify(iv);
    expect(body).not.toContain('Large input');
    // Heap problems hand out a MinHeap in their starter code, so the check looks at the solution's own lines.
    const starter = JSON.stringify(q.coding!.starterCode);
    const ownLines = problemOf(q)
      .solutions.javascript!.split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 24 && !starter.includes(JSON.stringify(l).slice(1, -1)));
    expect(ownLines.length).toBeGreaterThan(0);
    for (const line of ownLines) expect(body).not.toContain(JSON.stringify(line).slice(1, -1));
  });

  it('runs a correct solution on the public examples', async () => {
    const res = await run(alice, iv, q, 'javascript', problemOf(q).solutions.javascript!);
    expect(res.statusCode, res.body).toBe(200);
    const result: RunResult = res.json();
    expect(result.passed).toBe(result.total);
    expect(result.results[0]).toMatchObject({ verdict: 'passed', hidden: false });
    expect(result.results[0]!.input).toBeTruthy();
  });

  it('shows a wrong answer with expected, actual and a diff', async () => {
    const res = await run(alice, iv, q, 'javascript', jsWith(q, '  return "not it";'));
    const result: RunResult = res.json();
    expect(result.passed).toBe(0);
    expect(result.results[0]).toMatchObject({ verdict: 'wrong_answer', actual: '"not it"' });
    expect(result.results[0]!.diff!.some((d) => d.kind === 'actual')).toBe(true);
  });

  it.each([
    ['time_limit', '  while (true) {}'],
    ['memory_limit', '  return new Float64Array(2 ** 27).length;'],
    ['output_limit', '  for (;;) console.log("again and again and again");'],
  ])('gives %s for code that exceeds it', async (verdict, body) => {
    const res = await run(alice, iv, q, 'javascript', jsWith(q, body));
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as RunResult).results[0]!.verdict).toBe(verdict);
  });

  it('gives a runtime error with the line, in TypeScript too', async () => {
    const code = `function ${problemOf(q).entry.javascript}(...args: unknown[]): number {\n  const nothing: { deep?: { value: number } } = {};\n  return nothing.deep!.value;\n}`;
    const res = await run(alice, iv, q, 'typescript', code);
    const first = (res.json() as RunResult).results[0]!;
    expect(first.verdict).toBe('runtime_error');
    expect(first.error).toMatchObject({ line: 3 });
    expect(first.error!.message).toMatch(/TypeError/);
  });

  it('keeps answering other requests while code runs into its limit', async () => {
    let finished = false;
    const running = run(alice, iv, q, 'javascript', jsWith(q, '  for (;;) {}')).then((r) => {
      finished = true;
      return r;
    });
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(finished).toBe(false);
    expect((await running).json().results[0].verdict).toBe('time_limit');
  });

  it('refuses bad input with a 400 and an unknown question with a 404', async () => {
    expectProblem(await run(alice, iv, q, 'cobol', 'x'), 400);
    expectProblem(await run(alice, iv, q, 'javascript', '   '), 400);
    const other = await alice.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/questions/0190f5c0-0000-7000-8000-000000000000/run`,
      payload: { language: 'javascript', code: 'x' },
    });
    expectProblem(other, 404);
  });

  it("hides another user's interview: 404 on run and on submit", async () => {
    expectProblem(await run(bob, iv, q, 'javascript', problemOf(q).solutions.javascript!), 404);
    expectProblem(await submit(bob, iv, { questionId: q.id, language: 'javascript', code: problemOf(q).solutions.javascript! }), 404);
  });

  it('grades a submission on every test: hidden ones only as counts, the complexity read from the large inputs', async () => {
    const res = await submit(alice, iv, {
      questionId: q.id,
      language: 'javascript',
      code: problemOf(q).solutions.javascript!,
      explanation: `I keep what I have seen in a hash map so each element is handled once: ${problemOf(q).expectedComplexity} time and O(n) extra space. Empty and single-element inputs are handled by the loop bounds.`,
    });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json();
    const coding: SubmissionResult = answer.coding;
    expect(coding.passed).toBe(coding.total);
    expect(coding.hidden.total).toBeGreaterThan(0);
    expect(coding.hidden.verdicts).toEqual({ passed: coding.hidden.total });
    expect(coding.results.every((r) => !r.hidden)).toBe(true);
    expect(coding.explanationScore).not.toBeNull();
    expect(coding.codeScore).toBeGreaterThanOrEqual(80);
    expect(answer.evaluation.score).toBe(coding.score);
    expect(answer.evaluation.engine).toBe('coding');
  });

  it('grades a wrong submission low and names the failing verdicts', async () => {
    const second = iv.questions[1]!;
    const res = await submit(alice, iv, { questionId: second.id, language: 'javascript', code: jsWith(second, '  return null;') });
    expect(res.statusCode, res.body).toBe(201);
    const answer = res.json();
    expect(answer.coding.passed).toBe(0);
    expect(answer.evaluation.score).toBeLessThan(20);
    expect(answer.evaluation.improvements.join(' ')).toMatch(/wrong answer/);
  });

  it('runs and grades Python', async () => {
    const second = iv.questions[1]!;
    const res = await submit(alice, iv, { questionId: second.id, language: 'python', code: problemOf(second).solutions.python! });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().coding.passed).toBe(res.json().coding.total);
  }, 90_000);

  it('refuses code for a finished interview', async () => {
    const done = await alice.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` });
    expect(done.statusCode, done.body).toBe(200);
    expectProblem(await run(alice, iv, q, 'javascript', problemOf(q).solutions.javascript!), 409, 'interview_completed');
    expectProblem(await submit(alice, iv, { questionId: q.id, language: 'javascript', code: 'x' }), 409, 'interview_completed');
  });
});

describe('limits on running code', () => {
  it('answers 429 past the runs allowed per user per minute, and again after a minute', async () => {
    const carol = await registerUser(t.app, { name: 'Carol' });
    const iv = await startCoding(carol);
    const q = iv.questions[0]!;
    const code = problemOf(q).solutions.javascript!;
    for (let i = 0; i < 12; i++) expect((await run(carol, iv, q, 'javascript', code)).statusCode).toBe(200);
    expectProblem(await run(carol, iv, q, 'javascript', code), 429, 'too_many_requests');
    t.clock.advance(61_000);
    expect((await run(carol, iv, q, 'javascript', code)).statusCode).toBe(200);
  });

  it('refuses code on a question that is not a coding question', async () => {
    const dave = await registerUser(t.app, { name: 'Dave' });
    const res = await dave.request({
      method: 'POST',
      url: '/api/v1/interviews',
      payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 1 },
    });
    const iv: Interview = res.json();
    expectProblem(await run(dave, iv, iv.questions[0]!, 'javascript', 'function f() {}'), 400);
  });
});

describe('coding problems that fit the job', () => {
  const plan = async (extra: object) => {
    const res = await bob.request({ method: 'POST', url: '/api/v1/interviews', payload: { ...codingPractice, ...extra } });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as Interview).questions.map((q) => problemOf(q));
  };

  it('a job that asks for SQL and a programming language gets one SQL problem, after the programming one', async () => {
    const problems = await plan({
      role: 'Backend developer',
      jobDescription: 'You will build Python services on PostgreSQL and write the SQL behind our monthly reports.',
    });
    expect(problems.map((p) => p.topics.includes('sql'))).toEqual([false, true]);
  });

  it('a data analyst who is asked for no programming language gets SQL problems only', async () => {
    const [only] = await plan({ role: 'Data Analyst', questionCount: 1, jobDescription: 'Dashboards and SQL reporting for finance.' });
    expect(only!.topics).toContain('sql');
    const three = await plan({ role: 'Data Analyst', questionCount: 3, jobDescription: 'Dashboards and SQL reporting for finance.' });
    expect(three.map((p) => p.topics.includes('sql'))).toEqual([true, true, true]);
  });

  it('a software role with no SQL in it gets no SQL problem', async () => {
    for (const seedRole of ['Software engineer', 'Frontend Engineer', 'Backend Engineer']) {
      const problems = await plan({ role: seedRole, questionCount: 3 });
      expect(
        problems.some((p) => p.topics.includes('sql')),
        seedRole,
      ).toBe(false);
    }
  });

  it('puts a problem of the job’s own work first when the bank has one', async () => {
    // One problem in five interviews: by chance alone a graph problem would come first in about one in eight.
    for (let i = 0; i < 5; i++) {
      const [first] = await plan({
        role: 'Backend Engineer',
        questionCount: 1,
        jobDescription: 'You will own route planning over our delivery network: shortest paths across a graph of depots.',
      });
      expect(first!.topics).toContain('graphs');
    }
  });
});
