import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import type { CreatedShareLink, ShareLink, SharedReport } from '../../contract/interviews-sharing.js';
import { users } from '../auth/auth.table.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { schedule, startNow } from '../testing/interview-fixture.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { reportShareLinks } from './report-share-links.table.js';

// Share links: a mentor reads a report without an account; the candidate alone makes and revokes them.

let t: TestApp;
let alice: Browser;
let bob: Browser;
let unconfirmed: Browser;
let org: OrgFixture;
let iv: Interview;

const DAY = 24 * 3600_000;
const ANSWER =
  'A B-tree index keeps keys sorted so the database finds rows without a full scan; it speeds up reads but every insert and update must maintain it, so it costs writes and space.';

async function confirm(b: Browser) {
  await t.database.db.update(users).set({ emailVerifiedAt: t.clock.now() }).where(eq(users.id, b.user.id));
}

async function finishedPractice(b: Browser): Promise<Interview> {
  const res = await b.request({
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { kind: 'practice', type: 'technical', role: 'Backend Engineer', level: 'mid', questionCount: 2 },
  });
  expect(res.statusCode, res.body).toBe(201);
  const created: Interview = res.json();
  const answered = await b.request({
    method: 'POST',
    url: `/api/v1/interviews/${created.id}/answers`,
    payload: { questionId: created.questions[0]!.id, text: ANSWER },
  });
  expect(answered.statusCode, answered.body).toBe(201);
  const done = await b.request({ method: 'POST', url: `/api/v1/interviews/${created.id}/complete` });
  expect(done.statusCode, done.body).toBe(200);
  return done.json();
}

beforeAll(async () => {
  t = await createTestApp();
  alice = await registerUser(t.app, { name: 'Alice' });
  bob = await registerUser(t.app, { name: 'Bob' });
  unconfirmed = await registerUser(t.app, { name: 'Una' });
  org = await createOrgFixture(t, { coaches: 1, candidates: 1 });
  await confirm(alice);
  await confirm(bob);
  iv = await finishedPractice(alice);
  // Grading the first answer warms the evaluator, which is slow on a busy machine.
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const links = (id: string) => `/api/v1/interviews/${id}/share-links`;
const create = (b: Browser, id: string, payload: object = {}) => b.request({ method: 'POST', url: links(id), payload });
const open = (token: string) => t.app.inject({ method: 'GET', url: `/api/v1/shared/${token}` });
const countLinks = async () => (await t.database.db.select().from(reportShareLinks)).length;

describe('share links', () => {
  let link: CreatedShareLink;

  it('makes an unguessable link with an expiry; the database keeps only its hash', async () => {
    const res = await create(alice, iv.id, { expiresInDays: 7 });
    expect(res.statusCode, res.body).toBe(201);
    link = res.json();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(link.url).toMatch(new RegExp(`/shared/${link.token}$`));
    expect(link.expiresAt).toBe(new Date(t.clock.now().getTime() + 7 * DAY).toISOString());
    expect(link).toMatchObject({ active: true, includeAnswers: false, includeFeedback: true, revokedAt: null });
    const stored = await t.database.db.select().from(reportShareLinks).where(eq(reportShareLinks.id, link.id));
    expect(stored[0]!.tokenHash).not.toContain(link.token);
    expect(JSON.stringify(stored)).not.toContain(link.token);
  });

  it('opens without signing in, showing scores and questions but not the answers unless chosen', async () => {
    const res = await open(link.token);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const shared: SharedReport = res.json();
    expect(shared.role).toBe('Backend Engineer');
    expect(shared.overallScore).toBe(iv.overallScore);
    expect(shared.questions.map((q) => q.text)).toEqual(iv.questions.map((q) => q.text));
    expect(shared.questions[0]!.strengths).toBeDefined();
    expect(res.body).not.toContain(ANSWER.slice(0, 40));
    // Nothing of the account: no email, no ids of the user or the interview.
    expect(res.body).not.toContain(alice.user.email);
    expect(res.body).not.toContain(alice.user.id);
    expect(res.body).not.toContain(iv.id);

    const withAnswers: CreatedShareLink = (await create(alice, iv.id, { includeAnswers: true, includeFeedback: false })).json();
    const full: SharedReport = (await open(withAnswers.token)).json();
    expect(full.questions[0]!.answer).toBe(ANSWER);
    expect(full.questions[0]).not.toHaveProperty('strengths');
    expect(full.strengths).toEqual([]);
  });

  it('the token opens the report and nothing else of the account', async () => {
    const anon = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${link.token}` } });
    expectProblem(await anon(`/api/v1/interviews/${iv.id}`), 401);
    expectProblem(await anon(`/api/v1/interviews/${iv.id}/report`), 401);
    expectProblem(await anon(links(iv.id)), 401);
    expectProblem(await open('x'.repeat(43)), 404);
    expectProblem(await open('short'), 400);
  });

  it('the owner lists links; another user can neither list, create nor revoke them', async () => {
    const listed: ShareLink[] = (await alice.request({ method: 'GET', url: links(iv.id) })).json().items;
    expect(listed.map((l) => l.id)).toContain(link.id);
    expect(JSON.stringify(listed)).not.toContain(link.token);

    const before = await countLinks();
    expectProblem(await bob.request({ method: 'GET', url: links(iv.id) }), 404);
    expectProblem(await create(bob, iv.id), 404);
    expectProblem(await bob.request({ method: 'DELETE', url: `/api/v1/share-links/${link.id}` }), 404);
    expect(await countLinks()).toBe(before);
    expect((await open(link.token)).statusCode).toBe(200);
  });

  it('revoking closes the link at once (404), and it stays closed', async () => {
    const res = await alice.request({ method: 'DELETE', url: `/api/v1/share-links/${link.id}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ active: false, revokedAt: t.clock.now().toISOString() });
    expectProblem(await open(link.token), 404);
    const again = await alice.request({ method: 'DELETE', url: `/api/v1/share-links/${link.id}` });
    expect(again.json().revokedAt).toBe(res.json().revokedAt);
  });

  it('expires: 404 from the expiry on', async () => {
    const short: CreatedShareLink = (await create(alice, iv.id, { expiresInDays: 1 })).json();
    t.clock.advance(DAY - 1000);
    expect((await open(short.token)).statusCode).toBe(200);
    t.clock.advance(1000);
    expectProblem(await open(short.token), 404);
  });

  it('refuses bad expiries, unfinished interviews and unconfirmed addresses, creating nothing', async () => {
    const before = await countLinks();
    expectProblem(await create(alice, iv.id, { expiresInDays: 0 }), 400);
    expectProblem(await create(alice, iv.id, { expiresInDays: 91 }), 400);
    const open_: Interview = (
      await alice.request({
        method: 'POST',
        url: '/api/v1/interviews',
        payload: { kind: 'practice', type: 'behavioral', role: 'Nurse', level: 'junior', questionCount: 1 },
      })
    ).json();
    expectProblem(await create(alice, open_.id), 409, 'invalid_state');
    const una = await finishedPractice(unconfirmed);
    const refused = await create(unconfirmed, una.id);
    expectProblem(refused, 403);
    expect(refused.json().details).toMatchObject({ reason: 'email_unconfirmed' });
    expect(await countLinks()).toBe(before);
  });

  it('a coach of an assigned interview cannot share the candidate’s report', async () => {
    const coach = org.coaches[0]!;
    const candidate = org.candidates[0]!;
    await confirm(coach);
    const assigned = await schedule(t, coach, candidate.user.id, { startIn: 0, count: 1, release: 'immediately' });
    await startNow(candidate, assigned.id);
    await candidate.request({ method: 'POST', url: `/api/v1/interviews/${assigned.id}/complete` });
    expectProblem(await create(coach, assigned.id), 403);
  });
});
