import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview, Report } from '../../contract/interviews.js';
import { loadQuestionBank } from '../questions/question-bank.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { interviewQuestions, interviews } from './interviews.table.js';

let t: TestApp;
let alice: Browser;
let bob: Browser;
let bankTexts: Set<string>;

beforeAll(async () => {
  t = await createTestApp();
  bankTexts = new Set((await loadQuestionBank()).map((q) => q.text));
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(async () => {
  await t?.close();
});

const JOB = `Senior Backend Engineer at a freight marketplace

What you will do
Build and run the services that match loads to carriers.

Requirements
- Several years of Go in production
- PostgreSQL and Apache Kafka
- Clear stakeholder management

Nice to have
- Terraform`;

const RESUME = `Priya Natarajan
Backend Engineer

Experience
Backend Engineer, Larkspur Freight — Leeds (2020 – present)
- Led the Dispatch Board project in Go and PostgreSQL, cutting booking time by a third.
- Built Skylark, an event ingestion service on Kafka.
Junior Developer at Hollow Pine Software (2018 – 2020)
- Maintained billing scripts in Python.

Skills
Go, PostgreSQL, Kafka, Python, Docker`;

// Tailored questions may name the candidate's projects, employers or listed skills.
const RESUME_NAMES = ['Dispatch Board', 'Skylark', 'Larkspur Freight', 'Hollow Pine Software', 'Python', 'Docker'];
const JOB_SKILLS = ['Go', 'PostgreSQL', 'Kafka', 'Apache Kafka', 'stakeholder management'];

const practice = {
  kind: 'practice',
  type: 'technical',
  role: 'Senior Backend Engineer',
  level: 'senior',
  questionCount: 6,
  jobDescription: JOB,
  resumeText: RESUME,
} as const;

async function start(b: Browser, body: object = practice): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: '/api/v1/interviews', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function questionRows(interviewId: string) {
  return t.database.db
    .select()
    .from(interviewQuestions)
    .where(eq(interviewQuestions.interviewId, interviewId))
    .orderBy(interviewQuestions.order);
}

const answer = (b: Browser, interviewId: string, payload: object) =>
  b.request({ method: 'POST', url: `/api/v1/interviews/${interviewId}/answers`, payload });

const mentions = (text: string, names: string[]) => names.some((n) => new RegExp(`\\b${n}\\b`, 'i').test(text));
/** Tailored questions are the ones whose text is not a bank question's text word for word. */
const isTailored = (q: { text: string }) => !bankTexts.has(q.text);

describe('a practice interview tailored to a job description and a resume', () => {
  it('mixes bank questions with tailored, skill-targeted questions that name the candidate’s work and the job’s skills', async () => {
    const iv = await start(alice);
    expect(iv.questions).toHaveLength(6);
    expect(iv.questions.every((q) => q.type === 'technical' && Array.isArray(q.targetSkills))).toBe(true);
    expect(new Set(iv.questions.map((q) => q.text)).size).toBe(6);

    const rows = await questionRows(iv.id);
    const tailored = iv.questions.filter(isTailored);
    expect(tailored.length).toBeGreaterThanOrEqual(1);
    expect(tailored.length).toBeLessThanOrEqual(2);
    for (const q of tailored) {
      expect(mentions(q.text, [...RESUME_NAMES, ...JOB_SKILLS]), q.text).toBe(true);
      expect(q.targetSkills.length).toBeGreaterThan(0);
      const row = rows.find((r) => r.id === q.id)!;
      expect(row.keyPoints.length).toBeGreaterThanOrEqual(3);
      expect(row.targetSkills).toEqual(q.targetSkills);
    }
    // The job's required skills steer the whole interview, not only the tailored questions.
    const targeted = new Set(iv.questions.flatMap((q) => q.targetSkills));
    expect(['go', 'postgresql', 'kafka', 'sql', 'databases', 'messaging', 'concurrency'].some((id) => targeted.has(id))).toBe(true);
  });

  it('asks behavioral questions about the projects and employers on the resume, and scores their answers', async () => {
    const iv = await start(alice, { ...practice, type: 'behavioral', questionCount: 6 });
    const rows = await questionRows(iv.id);
    const templated = rows.filter((r) => r.bankQuestionId === null);
    expect(templated.length).toBeGreaterThanOrEqual(1);
    const q = templated[0]!;
    expect(mentions(q.text, RESUME_NAMES)).toBe(true);
    expect(q.referenceAnswer).toBeNull();
    expect(q.keyPoints.length).toBeGreaterThanOrEqual(3);

    // A real answer that walks through the story must clearly beat a non-answer. (Restating the
    // key points' own wording with filler is an echo, and the grader holds echoes down.)
    const strong = [
      'On Dispatch Board at Larkspur Freight, our tool for assigning trucks to loads, I was the lead backend engineer.',
      'The hardest decision was whether to rewrite the booking engine or keep patching it before peak season: a rewrite promised speed, but we had eight weeks and little data on the edge cases.',
      'We compared patching the slowest queries, rewriting only the allocation step, and a full rewrite, and weighed the risk of each against what dispatchers would gain.',
      'I wrote a one-page proposal, took it to the operations lead and our CTO, and we chose the partial rewrite behind a feature flag.',
      'It went live in week six: booking time dropped by a third and double-booking tickets fell from about forty a month to five.',
      'Looking back, I would involve the dispatchers earlier, because two of their workflows only surfaced in the last week.',
    ].join(' ');
    const good = await answer(alice, iv.id, { questionId: q.id, text: strong, durationSeconds: 120 });
    expect(good.statusCode, good.body).toBe(201);
    const poor = await answer(alice, iv.id, { questionId: rows.find((r) => r.id !== q.id)!.id, text: "I don't know." });
    expect(poor.statusCode).toBe(201);
    // A templated question has key points and no written reference: it is graded by the
    // key-points-only model, so a specific, on-topic story scores as a strong answer should.
    expect(good.json().evaluation.score).toBeGreaterThanOrEqual(60);
    expect(good.json().evaluation.score).toBeGreaterThan(poor.json().evaluation.score + 40);
    expect(good.json().evaluation.coveredKeyPoints).toEqual(q.keyPoints);

    const report: Report = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` })).json();
    expect(report.skillCoverage?.length).toBeGreaterThan(0);
    for (const skill of q.targetSkills) {
      const entry = report.skillCoverage!.find((s) => s.skill === skill);
      expect(entry, skill).toBeDefined();
      expect(entry!.questions).toBeGreaterThanOrEqual(1);
      expect(entry!.name.length).toBeGreaterThan(0);
      expect(entry!.averageScore).toBeGreaterThanOrEqual(0);
      expect(entry!.averageScore).toBeLessThanOrEqual(100);
    }
  });

  it('keeps a mixed interview balanced across types while tailoring part of it', async () => {
    const iv = await start(alice, { ...practice, type: 'mixed', questionCount: 10 });
    const counts = new Map<string, number>();
    // A mixed interview of four or more questions includes one coding problem; the rest spread evenly.
    for (const q of iv.questions) if (!q.coding) counts.set(q.type, (counts.get(q.type) ?? 0) + 1);
    expect(iv.questions.filter((q) => q.coding)).toHaveLength(1);
    expect([...counts.values()].sort()).toEqual([1, 2, 2, 2, 2]);
    const rows = await questionRows(iv.id);
    // A coding problem comes from the coding bank, not from the question bank or the tailored writer.
    const tailored = rows.filter((r) => isTailored(r) && !r.bankQuestionId?.startsWith('coding:'));
    expect(tailored.length).toBeGreaterThanOrEqual(1);
    expect(tailored.length).toBeLessThanOrEqual(4);
    for (const r of tailored) expect(mentions(r.text, [...RESUME_NAMES, ...JOB_SKILLS]), r.text).toBe(true);
    expect(rows.every((r) => r.keyPoints.length >= 2)).toBe(true);
  });

  it('does not store the resume text', async () => {
    const iv = await start(alice, { ...practice, questionCount: 2 });
    const fetched = await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` });
    expect(fetched.body).not.toContain('Hollow Pine Software (2018');
    const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, iv.id));
    expect(JSON.stringify(row)).not.toContain('Priya Natarajan');
  });

  it('works without a resume or job description, with plain bank questions', async () => {
    const iv = await start(alice, { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount: 3 });
    const rows = await questionRows(iv.id);
    expect(rows.every((r) => r.bankQuestionId !== null && r.referenceAnswer !== null && !isTailored(r))).toBe(true);
  });

  it('refuses a resume over 30,000 characters with a 400 naming the field', async () => {
    const problem = expectProblem(
      await alice.request({ method: 'POST', url: '/api/v1/interviews', payload: { ...practice, resumeText: 'x'.repeat(30_001) } }),
      400,
      'validation_failed',
    );
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain('body.resumeText');
  });

  it('shows a tailored interview and its skill report only to its owner', async () => {
    const iv = await start(alice, { ...practice, questionCount: 2 });
    expectProblem(await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}` }), 404, 'not_found');
    expectProblem(await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` }), 404);
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/interviews', payload: practice }), 401);
  });
});
