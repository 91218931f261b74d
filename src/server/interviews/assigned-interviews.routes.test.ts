import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codingProblems } from '../../../content/coding/index.js';
import type { Interview, InterviewList } from '../../contract/interviews.js';
import { buildApp } from '../app.js';
import { memberships } from '../orgs/orgs.table.js';
import { loadQuestionBank } from '../questions/question-bank.js';
import { loadSkillsTaxonomy } from '../skills/skills-taxonomy.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type TestApp } from '../testing/test-app.js';
import { HOUR, MINUTE, schedule, scheduleBody, startNow } from '../testing/interview-fixture.js';
import { auditOfTarget, interviewRow, mailsTo, notificationsOf, pendingJob } from '../testing/recorded.js';
import { newId } from '../ids.js';
import { answerDrafts, answers, interviewQuestions, interviews } from './interviews.table.js';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgFixture(t, { coaches: 2, candidates: 2 });
});
afterAll(async () => {
  await t?.close();
});

const coach = () => org.coaches[0]!;
const candidate = () => org.candidates[0]!;
const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;

describe('scheduling', () => {
  it('plans the questions, tells the candidate with a calendar invite, queues reminder and window close, and audits', async () => {
    const body = scheduleBody(t, candidate().user.id, { startIn: 2 * HOUR, length: 3 * HOUR, duration: 45, count: 3 });
    const res = await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    const iv: Interview = res.json();
    expect(iv).toMatchObject({
      kind: 'assigned',
      status: 'scheduled',
      orgId: org.orgId,
      candidate: { id: candidate().user.id, name: 'Candidate 1' },
      coach: { id: coach().user.id, name: 'Coach 1' },
      windowStart: body.windowStart,
      windowEnd: body.windowEnd,
      durationMinutes: 45,
      releaseResults: 'on_finalize',
      questionCount: 3,
      startedAt: null,
      deadlineAt: null,
      resultsVisible: true,
    });
    // The coach sees what a good answer covers.
    expect(iv.questions).toHaveLength(3);
    expect(iv.questions.every((q) => q.type === 'technical' && Array.isArray(q.keyPoints) && q.keyPoints.length > 0)).toBe(true);

    const [notice] = await notificationsOf(t, candidate().user.id, 'interview_scheduled', iv.id);
    expect(notice).toMatchObject({ link: `/interviews/${iv.id}` });
    const [mail] = (await mailsTo(t, candidate().user.email, 'interview_scheduled')).filter((m) => m.ics?.includes(iv.id));
    expect(mail!.ics).toMatch(/METHOD:REQUEST/);
    expect(mail!.ics).toMatch(/SEQUENCE:0/);
    expect(mail!.text).toContain(`/interviews/${iv.id}`);

    const reminder = await pendingJob(t, 'reminder', iv.id);
    expect(reminder!.runAt.toISOString()).toBe(new Date(Date.parse(body.windowStart) - 15 * MINUTE).toISOString());
    const close = await pendingJob(t, 'windowClose', iv.id);
    expect(close!.runAt.toISOString()).toBe(body.windowEnd);

    const [audit] = await auditOfTarget(t, iv.id, 'interview.schedule');
    expect(audit).toMatchObject({ orgId: org.orgId, actorId: coach().user.id });
    expect(JSON.parse(audit!.after!)).toMatchObject({ candidateId: candidate().user.id, durationMinutes: 45 });
  });

  it.each([
    ['a window that has ended', { startIn: -3 * HOUR, length: HOUR }, 'body.windowEnd'],
    ['a start well in the past', { startIn: -HOUR, length: 3 * HOUR }, 'body.windowStart'],
    ['an end before the start', { startIn: HOUR, length: -MINUTE }, 'body.windowEnd'],
  ])('refuses %s with a 400 naming the field and creates nothing', async (_, o, field) => {
    const before = (await t.database.db.select().from(interviews)).length;
    const problem = expectProblem(
      await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id, o) }),
      400,
      'validation_failed',
    );
    expect((problem.errors as { path: string }[]).map((e) => e.path)).toContain(field);
    expect((await t.database.db.select().from(interviews)).length).toBe(before);
  });

  it('refuses a zero duration and a missing candidate', async () => {
    expectProblem(
      await coach().request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { ...scheduleBody(t, candidate().user.id), durationMinutes: 0 },
      }),
      400,
    );
    const { candidateId: _, ...noCandidate } = scheduleBody(t, candidate().user.id);
    expectProblem(await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: noCandidate }), 400);
  });

  it('answers 404 for a candidate the caller does not coach, and 401 without sign-in', async () => {
    const other = await createOrgFixture(t, { name: 'Other Org' });
    const before = (await t.database.db.select().from(interviews)).length;
    // Another organization's candidate, an unassigned coach, a candidate, a made-up id.
    expectProblem(
      await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, other.candidates[0]!.user.id) }),
      404,
    );
    expectProblem(
      await org.coaches[1]!.request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id) }),
      404,
    );
    expectProblem(
      await org.candidates[1]!.request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id) }),
      404,
    );
    expectProblem(await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, newId()) }), 404);
    // Naming an organization where the caller does not coach the candidate.
    expectProblem(
      await coach().request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: scheduleBody(t, candidate().user.id, { orgId: other.orgId }),
      }),
      404,
    );
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id) }), 401);
    expect((await t.database.db.select().from(interviews)).length).toBe(before);
  });

  it('asks which organization when the caller coaches the candidate in several', async () => {
    const second = await createOrgFixture(t, { name: 'Second Org' });
    // The first org's admin also runs the second org, where candidate 1 is a member too.
    const now = t.clock.now();
    await t.database.db.insert(memberships).values([
      { id: newId(), orgId: second.orgId, userId: org.admin.user.id, role: 'admin', teamId: null, createdAt: now },
      { id: newId(), orgId: second.orgId, userId: candidate().user.id, role: 'candidate', teamId: null, createdAt: now },
    ]);
    const problem = expectProblem(
      await org.admin.request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id) }),
      400,
      'bad_request',
    );
    expect((problem.details as { orgIds: string[] }).orgIds.sort()).toEqual([org.orgId, second.orgId].sort());
    const iv = await schedule(t, org.admin, candidate().user.id, { orgId: second.orgId });
    expect(iv.orgId).toBe(second.orgId);
    // The second org's coach does not coach candidate 1 (no assignment there).
    expectProblem(
      await second.coaches[0]!.request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id) }),
      404,
    );
  });
});

describe('tailoring from stored material', () => {
  it('asks the job description’s own questions first and keeps the job description on the interview', async () => {
    const curated = 'How would you size the partitions of our shipment events topic?';
    const created = await org.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${org.orgId}/job-descriptions`,
      payload: {
        title: 'Platform engineer',
        level: 'mid',
        text: 'We run event pipelines for freight customers and care about reliable delivery.',
        requiredSkills: ['Apache Kafka', 'PostgreSQL'],
        questionSet: [
          { type: 'technical', text: curated, keyPoints: ['throughput per partition', 'ordering by key'] },
          { type: 'behavioral', text: 'Tell us about a time you changed a team’s on-call practice.' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const jd = created.json() as { id: string };
    const iv = await schedule(t, coach(), candidate().user.id, { count: 3, extra: { jobDescriptionId: jd.id } });
    expect(iv.jobDescriptionId).toBe(jd.id);
    expect(iv.jobDescription).toContain('event pipelines');
    expect(iv.questions).toHaveLength(3);
    expect(iv.questions[0]).toMatchObject({ text: curated, keyPoints: ['throughput per partition', 'ordering by key'] });
    // A technical interview leaves the job's behavioral question out.
    expect(iv.questions.some((q) => q.type === 'behavioral')).toBe(false);
    expect((await interviewRow(t, iv.id)).jobDescriptionId).toBe(jd.id);

    // The candidate may practise for it once it is shared with them, and not before.
    const practice = {
      kind: 'practice',
      type: 'technical',
      role: 'Platform engineer',
      level: 'mid',
      questionCount: 2,
      jobDescriptionId: jd.id,
    };
    expectProblem(await candidate().request({ method: 'POST', url: '/api/v1/interviews', payload: practice }), 404);
    const shared = await org.admin.request({
      method: 'POST',
      url: `/api/v1/job-descriptions/${jd.id}/shares`,
      payload: { candidateIds: [candidate().user.id] },
    });
    expect(shared.statusCode, shared.body).toBeLessThan(300);
    const res = await candidate().request({ method: 'POST', url: '/api/v1/interviews', payload: practice });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'practice', jobDescriptionId: jd.id, questions: [{ text: curated }, {}] });
  });

  it('asks the job’s own coding problem first in a coding interview, and refuses one the bank does not have', async () => {
    const jobs = `/api/v1/orgs/${org.orgId}/job-descriptions`;
    const base = { title: 'Logistics engineer', level: 'mid', text: 'Routing software for a parcel network, in TypeScript.' };
    const unknown = await org.admin.request({
      method: 'POST',
      url: jobs,
      payload: { ...base, questionSet: [{ type: 'technical', text: 'Not a real problem', codingProblem: 'no-such-problem' }] },
    });
    expectProblem(unknown, 400, 'validation_failed');
    expect(JSON.stringify(unknown.json())).toContain('questionSet.0.codingProblem');

    const created = await org.admin.request({
      method: 'POST',
      url: jobs,
      payload: {
        ...base,
        questionSet: [
          { type: 'technical', text: 'Whatever the editor sent', codingProblem: 'rotate-the-shelf' },
          { type: 'behavioral', text: 'Tell us about a delivery you rescued at the last minute.' },
        ],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const jd = created.json() as { id: string; questionSet: Array<{ text: string; codingProblem?: string }> };
    expect(jd.questionSet[0]).toMatchObject({ text: 'Rotate the shelf', codingProblem: 'rotate-the-shelf' });

    const coding = await schedule(t, coach(), candidate().user.id, { count: 2, type: 'coding', extra: { jobDescriptionId: jd.id } });
    expect(coding.questions.map((q) => q.coding?.slug)[0]).toBe('rotate-the-shelf');
    expect(coding.questions[1]!.coding?.slug).not.toBe('rotate-the-shelf');
    // A behavioral interview for the same job does not ask the coding problem.
    const behavioral = await schedule(t, coach(), candidate().user.id, {
      count: 2,
      type: 'behavioral',
      extra: { jobDescriptionId: jd.id },
    });
    expect(behavioral.questions.some((q) => q.coding)).toBe(false);
    expect(behavioral.questions[0]!.text).toContain('delivery you rescued');
  });

  it('answers 404 for a job description of another organization or an unknown resume, creating nothing', async () => {
    const elsewhere = await createOrgFixture(t, { name: 'Elsewhere' });
    const foreign = await elsewhere.admin.request({
      method: 'POST',
      url: `/api/v1/orgs/${elsewhere.orgId}/job-descriptions`,
      payload: { title: 'Data engineer', level: 'senior', text: 'Batch and streaming pipelines for a bank, in Python and Spark.' },
    });
    expect(foreign.statusCode, foreign.body).toBe(201);
    const before = (await t.database.db.select().from(interviews)).length;
    for (const extra of [
      { jobDescriptionId: (foreign.json() as { id: string }).id },
      { jobDescriptionId: newId() },
      { resumeId: newId() },
    ]) {
      expectProblem(
        await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidate().user.id, { extra }) }),
        404,
        'not_found',
      );
    }
    expect((await t.database.db.select().from(interviews)).length).toBe(before);
  });
});

describe('before the window opens', () => {
  it('lists the upcoming interview for the candidate without revealing its questions', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 3 * HOUR });
    const list: InterviewList = (
      await candidate().request({ method: 'GET', url: '/api/v1/interviews?scope=mine&status=scheduled,in_progress&limit=100' })
    ).json();
    const item = list.items.find((i) => i.id === iv.id);
    expect(item).toMatchObject({
      status: 'scheduled',
      coach: { name: 'Coach 1' },
      windowStart: iv.windowStart,
      windowEnd: iv.windowEnd,
      questionCount: 2,
    });
    expect(list.items.every((i) => i.status === 'scheduled' || i.status === 'in_progress')).toBe(true);

    const seen: Interview = (await candidate().request({ method: 'GET', url: url(iv.id) })).json();
    expect(seen.questions).toEqual([]);
    expect(seen.questionCount).toBe(2);
    expect(seen.serverNow).toBe(t.clock.now().toISOString());
    expect(JSON.stringify(seen)).not.toContain(iv.questions[0]!.text);
  });

  it('refuses to start and says when it opens', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: HOUR });
    const problem = expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/start') }), 409, 'not_yet_open');
    expect(problem.details).toEqual({ opensAt: iv.windowStart });
    expect((await interviewRow(t, iv.id)).status).toBe('scheduled');
  });

  it('lets the coach reorder, edit, add and remove questions', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { count: 3 });
    const [q1, q2, q3] = iv.questions;
    const res = await coach().request({
      method: 'PUT',
      url: url(iv.id, '/questions'),
      payload: {
        questions: [
          { id: q3!.id, type: q3!.type, text: q3!.text },
          {
            id: q1!.id,
            type: 'technical',
            text: 'How would you make this endpoint idempotent under retries?',
            keyPoints: ['idempotency key'],
          },
          {
            type: 'behavioral',
            text: 'Tell me about a production incident you led the response to.',
            keyPoints: ['timeline', 'follow-up'],
            referenceAnswer: 'A calm, structured account.',
          },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited: Interview = res.json();
    expect(edited.questionCount).toBe(3);
    expect(edited.questions.map((q) => q.order)).toEqual([1, 2, 3]);
    expect(edited.questions[0]).toMatchObject({ id: q3!.id, text: q3!.text, keyPoints: q3!.keyPoints });
    expect(edited.questions[1]).toMatchObject({
      id: q1!.id,
      text: 'How would you make this endpoint idempotent under retries?',
      keyPoints: ['idempotency key'],
    });
    expect(edited.questions[2]).toMatchObject({
      type: 'behavioral',
      keyPoints: ['timeline', 'follow-up'],
      referenceAnswer: 'A calm, structured account.',
    });
    expect(edited.questions.some((q) => q.id === q2!.id)).toBe(false);
    expect((await t.database.db.select().from(interviewQuestions).where(eq(interviewQuestions.interviewId, iv.id))).length).toBe(3);
    expect(await auditOfTarget(t, iv.id, 'interview.questions')).toHaveLength(1);
  });

  it('lets the coach add a coding problem from the bank, which the candidate then gets with its editor', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { count: 2, startIn: 10 * MINUTE });
    const problem = codingProblems.find((p) => p.slug === 'rotate-the-shelf')!;
    const res = await coach().request({
      method: 'PUT',
      url: url(iv.id, '/questions'),
      payload: {
        questions: [
          { id: iv.questions[0]!.id, type: iv.questions[0]!.type, text: iv.questions[0]!.text },
          // Whatever text comes with a pick, the problem's own title and key points are stored.
          { type: 'technical', text: 'Any words the editor sent along', codingProblem: problem.slug },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const edited: Interview = res.json();
    expect(edited.questions[1]).toMatchObject({ text: problem.title, coding: { slug: problem.slug } });
    expect(edited.questions[1]!.keyPoints).toContain(`Time complexity ${problem.expectedComplexity}`);

    t.clock.advance(11 * MINUTE);
    const started = await startNow(candidate(), iv.id);
    const asked = started.questions.find((q) => q.coding?.slug === problem.slug)!;
    expect(asked.coding).toMatchObject({ languages: ['javascript', 'typescript', 'python'] });
    const submitted = await candidate().request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: asked.id, language: 'javascript', code: problem.solutions.javascript },
    });
    expect([201, 202], submitted.body).toContain(submitted.statusCode);
  });

  it('refuses a coding problem the bank does not have, and changes nothing', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { count: 2, startIn: 10 * MINUTE });
    const res = await coach().request({
      method: 'PUT',
      url: url(iv.id, '/questions'),
      payload: { questions: [{ type: 'technical', text: 'A problem that is not there', codingProblem: 'no-such-problem' }] },
    });
    expectProblem(res, 400, 'validation_failed');
    const stored = await t.database.db.select().from(interviewQuestions).where(eq(interviewQuestions.interviewId, iv.id));
    expect(stored.map((q) => q.id).sort()).toEqual(iv.questions.map((q) => q.id).sort());
  });

  it('refuses question edits with an unknown id, by the candidate, and once the window has opened', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 30 * MINUTE });
    const list = (ids: (string | undefined)[]) => ({
      questions: ids.map((id) => ({ id, type: 'technical', text: 'A question that is long enough to ask.' })),
    });
    expectProblem(await coach().request({ method: 'PUT', url: url(iv.id, '/questions'), payload: list([newId()]) }), 404);
    expectProblem(
      await coach().request({ method: 'PUT', url: url(iv.id, '/questions'), payload: list([iv.questions[0]!.id, iv.questions[0]!.id]) }),
      400,
    );
    expectProblem(await coach().request({ method: 'PUT', url: url(iv.id, '/questions'), payload: { questions: [] } }), 400);
    expectProblem(await candidate().request({ method: 'PUT', url: url(iv.id, '/questions'), payload: list([undefined]) }), 403);
    t.clock.advance(31 * MINUTE);
    expectProblem(
      await coach().request({ method: 'PUT', url: url(iv.id, '/questions'), payload: list([undefined]) }),
      409,
      'invalid_state',
    );
    const stored = await t.database.db.select().from(interviewQuestions).where(eq(interviewQuestions.interviewId, iv.id));
    expect(stored.map((q) => q.id).sort()).toEqual(iv.questions.map((q) => q.id).sort());
  });
});

describe('starting', () => {
  it('starts inside the window with a server deadline, shows the questions but not what a good answer covers', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 10 * MINUTE, length: 2 * HOUR, duration: 40 });
    t.clock.advance(20 * MINUTE);
    const started = await startNow(candidate(), iv.id);
    const now = t.clock.now();
    expect(started).toMatchObject({
      status: 'in_progress',
      startedAt: now.toISOString(),
      deadlineAt: new Date(now.getTime() + 40 * MINUTE).toISOString(),
      serverNow: now.toISOString(),
      drafts: [],
    });
    expect(started.questions.map((q) => q.id)).toEqual(iv.questions.map((q) => q.id));
    expect(started.questions.every((q) => q.keyPoints === undefined && q.referenceAnswer === undefined)).toBe(true);
    expect((await pendingJob(t, 'deadline', iv.id))!.runAt.toISOString()).toBe(started.deadlineAt);
    expect(await pendingJob(t, 'reminder', iv.id)).toBeUndefined();
    expect(await pendingJob(t, 'windowClose', iv.id)).toBeUndefined();
    // Starting again (a reload) changes nothing.
    const again = await startNow(candidate(), iv.id);
    expect(again.deadlineAt).toBe(started.deadlineAt);
    // Only the candidate starts it.
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, '/start') }), 403);
  });

  it('caps the deadline at the end of the window', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 5 * MINUTE, length: 30 * MINUTE, duration: 60 });
    t.clock.advance(25 * MINUTE);
    const started = await startNow(candidate(), iv.id);
    expect(started.deadlineAt).toBe(iv.windowEnd);
  });

  it('marks the interview missed when started after the window, and the close job does the same for one never started', async () => {
    const late = await schedule(t, coach(), candidate().user.id, { startIn: 5 * MINUTE, length: 10 * MINUTE });
    const never = await schedule(t, coach(), candidate().user.id, { startIn: 5 * MINUTE, length: 10 * MINUTE });
    t.clock.advance(15 * MINUTE);
    expectProblem(await candidate().request({ method: 'POST', url: url(late.id, '/start') }), 409, 'window_closed');
    expect((await interviewRow(t, late.id)).status).toBe('missed');
    expectProblem(await candidate().request({ method: 'POST', url: url(late.id, '/start') }), 409, 'window_closed');
    expect((await interviewRow(t, never.id)).status).toBe('scheduled');
    await t.runJobs();
    expect((await interviewRow(t, never.id)).status).toBe('missed');
    expect((await interviewRow(t, late.id)).status).toBe('missed');
    // The coach hears of each no-show once, in the app and by email; the candidate is not nagged.
    for (const iv of [late, never]) {
      const told = await notificationsOf(t, coach().user.id, 'interview_missed', iv.id);
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toMatch(/did not start the interview before its window closed/);
      expect(await notificationsOf(t, candidate().user.id, 'interview_missed', iv.id)).toHaveLength(0);
    }
    await t.runJobs();
    expect(await notificationsOf(t, coach().user.id, 'interview_missed', never.id)).toHaveLength(1);
    expect(await mailsTo(t, coach().user.email, 'interview_missed')).toHaveLength(2);
  });
});

describe('the deadline', () => {
  it('refuses answers after the deadline before the job runs, then the job completes with what was answered', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, length: 2 * HOUR, duration: 20, count: 2 });
    const started = await startNow(candidate(), iv.id);
    const [q1, q2] = started.questions;
    const first = await candidate().request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: q1!.id, text: 'Idempotency keys stored with the result, so a retried request returns the first outcome.' },
    });
    expect(first.statusCode, first.body).toBe(201);
    // Results are released on finalize: the candidate does not see the grade.
    expect(first.json()).toMatchObject({ evaluation: null, finalScore: null });

    t.clock.advance(20 * MINUTE);
    expectProblem(
      await candidate().request({
        method: 'POST',
        url: url(iv.id, '/answers'),
        payload: { questionId: q2!.id, text: 'Too late, but trying anyway with an answer.' },
      }),
      409,
      'deadline_passed',
    );
    expectProblem(
      await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${q2!.id}`), payload: { text: 'late draft' } }),
      409,
      'deadline_passed',
    );
    expect((await interviewRow(t, iv.id)).status).toBe('in_progress');
    expect((await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id))).length).toBe(1);

    await t.runJobs();
    const row = await interviewRow(t, iv.id);
    const [stored] = await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id));
    expect(row).toMatchObject({ status: 'completed', completedAt: t.clock.now() });
    // The unanswered question counts as 0.
    expect(row.overallScore).toBe(Math.round(stored!.score / 2));
    const told = await notificationsOf(t, coach().user.id, 'interview_completed', iv.id);
    expect(told).toHaveLength(1);
    expect(told[0]!.body).toMatch(/ran out of time/);
    // Running jobs again does nothing more.
    await t.runJobs();
    expect(await notificationsOf(t, coach().user.id, 'interview_completed', iv.id)).toHaveLength(1);
  });

  it('grades what the candidate was still typing when time ran out, and ignores blank drafts', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, length: 2 * HOUR, duration: 20, count: 3 });
    const started = await startNow(candidate(), iv.id);
    const [q1, q2, q3] = started.questions;
    const sent = await candidate().request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: q1!.id, text: 'A queue decouples producers from consumers and absorbs bursts of load.' },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const unsent = 'Retries with exponential backoff and jitter, plus idempotency keys so a repeated request does no harm.';
    for (const [q, text] of [
      [q2!, unsent],
      [q3!, '   '],
    ] as const) {
      const res = await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text } });
      expect(res.statusCode, res.body).toBe(204);
    }
    t.clock.advance(20 * MINUTE);
    await t.runJobs();

    const row = await interviewRow(t, iv.id);
    expect(row.status).toBe('completed');
    const stored = await t.database.db.select().from(answers).where(eq(answers.interviewId, iv.id));
    expect(stored.map((a) => a.questionId).sort()).toEqual([q1!.id, q2!.id].sort());
    const fromDraft = stored.find((a) => a.questionId === q2!.id)!;
    expect(fromDraft.text).toBe(unsent);
    expect(fromDraft.evaluation.score).toBe(fromDraft.score);
    // Three questions, the blank one counting 0.
    expect(row.overallScore).toBe(Math.round(stored.reduce((sum, a) => sum + a.score, 0) / 3));
  });

  it('is kept in the database: an app built afresh on the same database completes the interview', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, duration: 15 });
    await startNow(candidate(), iv.id);
    t.clock.advance(16 * MINUTE);
    const [bank, skills] = await Promise.all([loadQuestionBank(), loadSkillsTaxonomy()]);
    const restarted = await buildApp({
      config: t.config,
      database: t.database,
      evaluator: { name: 'none', version: '0', evaluate: () => Promise.reject(new Error('no grading in this test')) },
      bank,
      skills,
      clock: t.clock,
      logger: false,
      webDistDir: path.join(t.config.dataDir, 'no-web'),
    });
    try {
      await restarted.ready();
      await restarted.jobRunner.runDue();
    } finally {
      await restarted.close();
    }
    expect(await interviewRow(t, iv.id)).toMatchObject({ status: 'completed', overallScore: null });
  });

  it('lets the candidate finish early, which cancels the deadline job', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, duration: 30 });
    await startNow(candidate(), iv.id);
    const done = await candidate().request({ method: 'POST', url: url(iv.id, '/complete') });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', overallScore: null, resultsVisible: false });
    expect(await pendingJob(t, 'deadline', iv.id)).toBeUndefined();
    expect(await notificationsOf(t, coach().user.id, 'interview_completed', iv.id)).toHaveLength(1);
    expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/complete') }), 409, 'interview_completed');
  });

  it('does not let anyone but the candidate complete it, nor complete it before it starts', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0 });
    expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/complete') }), 409, 'invalid_state');
    await startNow(candidate(), iv.id);
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, '/complete') }), 403);
    expect((await interviewRow(t, iv.id)).status).toBe('in_progress');
  });
});

describe('drafts', () => {
  it('autosaves per question while in progress, shown to the candidate only and dropped once answered', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0, count: 2 });
    const q = iv.questions[0]!;
    expectProblem(
      await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text: 'too early' } }),
      409,
      'invalid_state',
    );
    await startNow(candidate(), iv.id);
    const saved = await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text: 'First thoughts' } });
    expect(saved.statusCode, saved.body).toBe(204);
    t.clock.advance(5000);
    expect(
      (await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text: 'Second thoughts' } })).statusCode,
    ).toBe(204);
    const seen: Interview = (await candidate().request({ method: 'GET', url: url(iv.id) })).json();
    expect(seen.drafts).toEqual([{ questionId: q.id, text: 'Second thoughts', updatedAt: t.clock.now().toISOString() }]);
    const coachView: Interview = (await coach().request({ method: 'GET', url: url(iv.id) })).json();
    expect(coachView.drafts).toBeUndefined();

    expectProblem(await coach().request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text: 'coach typing' } }), 403);
    expectProblem(await candidate().request({ method: 'PUT', url: url(iv.id, `/drafts/${newId()}`), payload: { text: 'stray' } }), 404);
    expectProblem(
      await org.candidates[1]!.request({ method: 'PUT', url: url(iv.id, `/drafts/${q.id}`), payload: { text: 'not mine' } }),
      404,
    );
    const drafts = await t.database.db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, iv.id));
    expect(drafts.map((d) => d.text)).toEqual(['Second thoughts']);

    await candidate().request({
      method: 'POST',
      url: url(iv.id, '/answers'),
      payload: { questionId: q.id, text: 'Second thoughts, now sent as the answer.' },
    });
    expect(await t.database.db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, iv.id))).toEqual([]);
  });
});

describe('the reminder', () => {
  it('notifies and mails the candidate with the invite fifteen minutes before the window, once', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: HOUR });
    await t.runJobs();
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(0);
    t.clock.advance(44 * MINUTE);
    await t.runJobs();
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(0);
    t.clock.advance(MINUTE);
    await t.runJobs();
    const [notice] = await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id);
    expect(notice).toMatchObject({ link: `/interviews/${iv.id}` });
    const mails = (await mailsTo(t, candidate().user.email, 'interview_starting_soon')).filter((m) => m.ics?.includes(iv.id));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.ics).toMatch(/METHOD:REQUEST/);
    expect(mails[0]!.status).toBe('stored');
    t.clock.advance(MINUTE);
    await t.runJobs();
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(1);
  });
});

describe('rescheduling', () => {
  it('moves the reminder and the window close, and sends an updated invite', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: HOUR, length: HOUR });
    const windowStart = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString();
    const windowEnd = new Date(t.clock.now().getTime() + 5 * HOUR).toISOString();
    const res = await coach().request({ method: 'PATCH', url: url(iv.id), payload: { windowStart, windowEnd, durationMinutes: 50 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ windowStart, windowEnd, durationMinutes: 50, status: 'scheduled' });
    expect((await pendingJob(t, 'reminder', iv.id))!.runAt.toISOString()).toBe(
      new Date(Date.parse(windowStart) - 15 * MINUTE).toISOString(),
    );
    expect((await pendingJob(t, 'windowClose', iv.id))!.runAt.toISOString()).toBe(windowEnd);

    expect(await notificationsOf(t, candidate().user.id, 'interview_rescheduled', iv.id)).toHaveLength(1);
    const [mail] = (await mailsTo(t, candidate().user.email, 'interview_rescheduled')).filter((m) => m.ics?.includes(iv.id));
    expect(mail!.ics).toMatch(/SEQUENCE:1/);
    const [audit] = await auditOfTarget(t, iv.id, 'interview.update');
    expect(JSON.parse(audit!.before!)).toMatchObject({ windowStart: iv.windowStart, durationMinutes: 30 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ windowStart, durationMinutes: 50 });

    // The old reminder time and the old window end pass without effect.
    t.clock.advance(2 * HOUR);
    await t.runJobs();
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(0);
    expect((await interviewRow(t, iv.id)).status).toBe('scheduled');
    t.clock.advance(50 * MINUTE);
    await t.runJobs();
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(1);
  });

  it('refuses a window in the past, a change by the candidate or another coach, and a change after the start', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0 });
    const past = new Date(t.clock.now().getTime() - HOUR).toISOString();
    expectProblem(await coach().request({ method: 'PATCH', url: url(iv.id), payload: { windowEnd: past } }), 400, 'validation_failed');
    expectProblem(await coach().request({ method: 'PATCH', url: url(iv.id), payload: {} }), 400);
    expectProblem(await candidate().request({ method: 'PATCH', url: url(iv.id), payload: { durationMinutes: 90 } }), 403);
    expectProblem(await org.coaches[1]!.request({ method: 'PATCH', url: url(iv.id), payload: { durationMinutes: 90 } }), 404);
    await startNow(candidate(), iv.id);
    expectProblem(await coach().request({ method: 'PATCH', url: url(iv.id), payload: { durationMinutes: 90 } }), 409, 'invalid_state');
    expect((await interviewRow(t, iv.id)).durationMinutes).toBe(30);
    expect(await auditOfTarget(t, iv.id, 'interview.update')).toHaveLength(0);
  });
});

describe('cancelling', () => {
  it('cancels before the start, withdraws the invite and the jobs, and audits the reason', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: HOUR, length: HOUR });
    const res = await coach().request({ method: 'POST', url: url(iv.id, '/cancel'), payload: { reason: 'Role filled' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'cancelled', cancelledAt: t.clock.now().toISOString() });
    expect(await pendingJob(t, 'reminder', iv.id)).toBeUndefined();
    expect(await pendingJob(t, 'windowClose', iv.id)).toBeUndefined();
    const [notice] = await notificationsOf(t, candidate().user.id, 'interview_cancelled', iv.id);
    expect(notice!.body).toContain('Role filled');
    const [mail] = (await mailsTo(t, candidate().user.email, 'interview_cancelled')).filter((m) => m.ics?.includes(iv.id));
    expect(mail!.ics).toMatch(/METHOD:CANCEL/);
    expect(mail!.ics).toMatch(/SEQUENCE:1/);
    const [audit] = await auditOfTarget(t, iv.id, 'interview.cancel');
    expect(JSON.parse(audit!.after!)).toEqual({ status: 'cancelled', reason: 'Role filled' });

    t.clock.advance(HOUR);
    expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/start') }), 409, 'invalid_state');
    t.clock.advance(2 * HOUR);
    await t.runJobs();
    expect((await interviewRow(t, iv.id)).status).toBe('cancelled');
    expect(await notificationsOf(t, candidate().user.id, 'interview_starting_soon', iv.id)).toHaveLength(0);
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, '/cancel'), payload: {} }), 409, 'invalid_state');
  });

  it('cannot cancel an interview under way, nor can the candidate cancel', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 0 });
    expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/cancel'), payload: {} }), 403);
    await startNow(candidate(), iv.id);
    expectProblem(await coach().request({ method: 'POST', url: url(iv.id, '/cancel'), payload: {} }), 409, 'invalid_state');
    expect((await interviewRow(t, iv.id)).status).toBe('in_progress');
  });
});
