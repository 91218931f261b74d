import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview, Report } from '../../contract/interviews.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule, startNow } from '../testing/interview-fixture.js';
import { pdfText as textOf } from '../testing/pdf-text.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';

// The report as a PDF: real text, read back with pdfjs the way a reader or search would.

let t: TestApp;
let alice: Browser;
let bob: Browser;
let org: OrgFixture;
let iv: Interview;
let report: Report;

const ANSWER =
  'Идемпотентность: I store an idempotency key with the first result, so a retried payment request returns that result instead of charging twice; keys expire after a day.';

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
  org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
  const res = await alice.request({
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { kind: 'practice', type: 'technical', role: 'Backend Engineer', level: 'mid', questionCount: 2 },
  });
  iv = res.json();
  await alice.request({
    method: 'POST',
    url: `/api/v1/interviews/${iv.id}/answers`,
    payload: { questionId: iv.questions[0]!.id, text: ANSWER },
  });
  await alice.request({ method: 'POST', url: `/api/v1/interviews/${iv.id}/complete` });
  report = (await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report` })).json();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('report PDF', () => {
  it('is a PDF whose text holds the overall score, every question, its score and the answer (Cyrillic too)', async () => {
    const res = await alice.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="panelist-report-backend-engineer.pdf"');
    const pdf = res.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await textOf(pdf);
    expect(text).toContain('Interview report');
    expect(text).toContain('Backend Engineer');
    expect(report.overallScore).not.toBeNull();
    expect(text).toMatch(new RegExp(`Overall score ${report.overallScore} out of 100`));
    for (const q of report.questions) expect(text).toContain(q.text.replace(/\s+/g, ' ').slice(0, 60));
    const first = report.questions[0]!;
    expect(text).toContain(`score ${first.score}/100`);
    expect(text).toContain('not answered');
    // As on the report page and in the End-interview dialog.
    expect(text).toContain('1 unanswered question counts as 0 here and in each dimension.');
    expect(text).toContain('Идемпотентность');
    // The chart's dimension labels are text too.
    for (const d of ['Relevance', 'Correctness', 'Completeness', 'Clarity', 'Structure']) expect(text).toContain(d);
  });

  it('is the same 404 for another user, 401 signed out', async () => {
    expectProblem(await bob.request({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report.pdf` }), 404);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/interviews/${iv.id}/report.pdf` }), 401);
  });

  it('follows the release rule of assigned interviews: 403 for the candidate before release', async () => {
    const candidate = org.candidates[0]!;
    const assigned = await schedule(t, org.coaches[0]!, candidate.user.id, { startIn: 0, count: 1, release: 'on_finalize' });
    await startNow(candidate, assigned.id);
    await candidate.request({ method: 'POST', url: `/api/v1/interviews/${assigned.id}/complete` });
    expectProblem(await candidate.request({ method: 'GET', url: `/api/v1/interviews/${assigned.id}/report.pdf` }), 403);
    const coachView = await org.coaches[0]!.request({ method: 'GET', url: `/api/v1/interviews/${assigned.id}/report.pdf` });
    expect(coachView.statusCode).toBe(200);
  });
});
