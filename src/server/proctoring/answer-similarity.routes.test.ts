import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import type { IntegrityReport } from '../../contract/proctoring.js';
import { honest, lightlyEdited, original } from '../../core/proctoring/similarity-fixtures.js';
import { MINUTE, schedule, startNow } from '../testing/interview-fixture.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { createTestApp, expectProblem, type Browser, type TestApp } from '../testing/test-app.js';

let t: TestApp;
let org: OrgFixture;
let elsewhere: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgFixture(t, {
    coaches: 1,
    candidates: 4,
    assign: [
      [0, 0],
      [0, 1],
      [0, 2],
      [0, 3],
    ],
  });
  elsewhere = await createOrgFixture(t, { name: 'Elsewhere Ltd', coaches: 1, candidates: 1, assign: [[0, 0]] });
});
afterAll(async () => {
  await t?.close();
});

const QUESTION = 'How would you find out why an API endpoint became slow last week?';

/** An assigned one-question interview on the shared question, answered and submitted by the candidate. */
async function answered(coach: Browser, candidate: Browser, text: string, durationSeconds: number): Promise<Interview> {
  const iv = await schedule(t, coach, candidate.user.id, { startIn: 2 * MINUTE, count: 1, type: 'behavioral' });
  const put = await coach.request({
    method: 'PUT',
    url: `/api/v1/interviews/${iv.id}/questions`,
    payload: { questions: [{ id: iv.questions[0]!.id, type: 'technical', text: QUESTION }] },
  });
  expect(put.statusCode, put.body).toBe(200);
  t.clock.advance(3 * MINUTE);
  const started = await startNow(candidate, iv.id);
  const questionId = started.questions[0]!.id;
  const res = await candidate.request({
    method: 'POST',
    url: `/api/v1/interviews/${iv.id}/answers`,
    payload: { questionId, text, durationSeconds },
  });
  expect(res.statusCode, res.body).toBe(201);
  const done = await candidate.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` });
  expect(done.statusCode, done.body).toBe(200);
  return iv;
}

async function integrity(who: Browser, id: string): Promise<IntegrityReport> {
  const res = await who.request({ method: 'GET', url: `/api/v1/interviews/${id}/integrity` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('answer similarity after an assigned interview', () => {
  it('flags a copy and a lightly edited copy of another candidate’s answer, on both sides, and leaves an honest answer alone', async () => {
    const coach = org.coaches[0]!;
    const first = await answered(coach, org.candidates[0]!, original, 300);
    await t.runJobs();
    const edited = await answered(coach, org.candidates[1]!, lightlyEdited, 280);
    const fair = await answered(coach, org.candidates[2]!, honest, 260);
    // The same text elsewhere is not this organization's business.
    await answered(elsewhere.coaches[0]!, elsewhere.candidates[0]!, original, 300);
    await t.runJobs();

    const copy = await integrity(coach, edited.id);
    expect(copy.similarity).toHaveLength(1);
    const match = copy.similarity[0]!;
    expect(match).toMatchObject({ source: 'other_answer', otherInterviewId: first.id });
    expect(match.shingleSimilarity).toBeGreaterThan(0.5);
    // The meaning-level figure from word vectors comes with it: a light edit keeps nearly every word.
    expect(match.embeddingSimilarity).toBeGreaterThan(0.9);
    expect(match.passages.some((p) => p.answer.includes('run EXPLAIN ANALYZE on them') && p.other.includes('run EXPLAIN ANALYZE'))).toBe(
      true,
    );
    expect(copy.flags.filter((f) => f.kind === 'similarity').map((f) => f.message)).toEqual([
      expect.stringMatching(/^Question 1: up to \d+ % of the answer matches another candidate's answer\.$/),
    ]);

    // The earlier answer learns of the later copy, so its coach sees the pair from either side.
    const source = await integrity(coach, first.id);
    expect(source.similarity.map((m) => m.otherInterviewId)).toEqual([edited.id]);
    expect(source.similarity[0]!.embeddingSimilarity).toBe(match.embeddingSimilarity);
    expect(source.flags.some((f) => f.kind === 'similarity')).toBe(true);

    const clean = await integrity(coach, fair.id);
    expect(clean.similarity).toEqual([]);
    expect(clean.flags).toEqual([]);
    expect(clean.typing).toEqual([expect.objectContaining({ pastedShare: 0, oneBurst: false })]);
  });

  it('raises a typing flag for an answer that arrived faster than anyone types', async () => {
    const coach = org.coaches[0]!;
    const iv = await answered(coach, org.candidates[3]!, honest.replace('tracing tool', 'APM tool'), 6);
    await t.runJobs();
    const report = await integrity(coach, iv.id);
    expect(report.typing[0]!.oneBurst).toBe(true);
    expect(report.flags.find((f) => f.kind === 'typing')?.message).toMatch(/one burst \(it arrived at \d+(\.\d)? characters a second\)/);
    // Reviewing the flag keeps it reviewed when the check runs again.
    const flag = report.flags.find((f) => f.kind === 'typing')!;
    const review = await coach.request({
      method: 'POST',
      url: `/api/v1/interviews/${iv.id}/integrity/flags/${flag.id}/review`,
      payload: { note: 'Candidate drafted offline, agreed beforehand.' },
    });
    expect(review.statusCode, review.body).toBe(200);
  });

  it('shows findings to the interview’s staff only', async () => {
    const iv = await answered(org.coaches[0]!, org.candidates[0]!, lightlyEdited, 200);
    await t.runJobs();
    const mine = await org.candidates[0]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/integrity` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).not.toHaveProperty('similarity');
    const stranger = await elsewhere.coaches[0]!.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/integrity` });
    expectProblem(stranger, 404);
  });
});
