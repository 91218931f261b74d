import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import type { ServerMessage } from '../../contract/notifications.js';
import type { IntegrityEvent, IntegrityReceipt, IntegrityReport, PrecheckBody, UnhashedIntegrityEvent } from '../../contract/proctoring.js';
import { chainEvents, hashEvent } from '../../core/proctoring/integrity-chain.js';
import { HOUR, MINUTE, schedule } from '../testing/interview-fixture.js';
import { createOrgFixture, type OrgFixture } from '../testing/org-fixture.js';
import { auditOfTarget, interviewRow, notificationsOf } from '../testing/recorded.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { interviewQuestions, answerDrafts } from '../interviews/interviews.table.js';
import { integrityEvents } from './proctoring.table.js';
import { connectLive, type LiveClient } from '../testing/live-client.js';

let t: TestApp;
let org: OrgFixture;

beforeAll(async () => {
  t = await createTestApp();
  org = await createOrgFixture(t, {
    coaches: 2,
    candidates: 2,
    assign: [
      [0, 0],
      [0, 1],
    ],
  });
});
afterAll(async () => {
  await t?.close();
});

const coach = () => org.coaches[0]!;
const candidate = () => org.candidates[0]!;
const url = (id: string, rest = '') => `/api/v1/interviews/${id}${rest}`;

const ALL_PASS: PrecheckBody = {
  checks: ['browser', 'fullscreen', 'single_screen', 'camera', 'face', 'microphone', 'speaker', 'network'].map((name) => ({
    name: name as PrecheckBody['checks'][number]['name'],
    passed: true,
  })),
  warnings: [],
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131',
};

/** A proctored interview whose window is open now. */
async function openInterview(level: 'light' | 'full' = 'light', who: Browser = candidate()): Promise<Interview> {
  const iv = await schedule(t, coach(), who.user.id, { startIn: 2 * MINUTE, extra: { proctoring: level } });
  t.clock.advance(3 * MINUTE);
  return iv;
}

async function precheck(who: Browser, id: string, body: PrecheckBody = ALL_PASS) {
  return who.request({ method: 'POST', url: url(id, '/precheck'), payload: body });
}

async function started(level: 'light' | 'full' = 'light', who: Browser = candidate()): Promise<{ iv: Interview; nonce: string }> {
  const iv = await openInterview(level, who);
  expect((await precheck(who, iv.id)).statusCode).toBe(200);
  const res = await who.request({ method: 'POST', url: url(iv.id, '/start') });
  expect(res.statusCode, res.body).toBe(200);
  const body: Interview = res.json();
  expect(body.integrityNonce).toMatch(/^[0-9a-f]{64}$/);
  return { iv, nonce: body.integrityNonce! };
}

let clockSeq = 0;
function events(
  kinds: UnhashedIntegrityEvent['kind'][],
  from = 1,
  details: UnhashedIntegrityEvent['details'] = {},
): UnhashedIntegrityEvent[] {
  return kinds.map((kind, i) => ({
    seq: from + i,
    kind,
    at: new Date(Date.parse('2026-12-01T10:00:00Z') + ++clockSeq * 1000).toISOString(),
    details,
  }));
}

/** Chains events after a given previous hash (the nonce, or the last event's hash). */
function chainFrom(previous: string, list: UnhashedIntegrityEvent[]): IntegrityEvent[] {
  return chainEvents(previous, list);
}

async function send(who: Browser, id: string, list: IntegrityEvent[]) {
  return who.request({ method: 'POST', url: url(id, '/integrity-events'), payload: { events: list } });
}

async function report(who: Browser, id: string): Promise<IntegrityReport> {
  const res = await who.request({ method: 'GET', url: url(id, '/integrity') });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describe('scheduling and the pre-check', () => {
  it('keeps the level on the interview; off is the default', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { extra: { proctoring: 'full' } });
    expect(iv.proctoring).toBe('full');
    const plain = await schedule(t, coach(), candidate().user.id);
    expect(plain.proctoring).toBe('off');
    expectProblem(
      await coach().request({ method: 'POST', url: '/api/v1/interviews', payload: { kind: 'assigned', proctoring: 'heavy' } }),
      400,
    );
  });

  it('refuses to start before the pre-check, and names the failed check after a failed one', async () => {
    const iv = await openInterview('full');
    const before = expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/start') }), 409, 'precheck_required');
    expect(before.detail).toMatch(/pre-check/);

    const noMic = {
      ...ALL_PASS,
      checks: ALL_PASS.checks.map((c) => (c.name === 'microphone' ? { ...c, passed: false, detail: 'silence' } : c)),
    };
    const res = await precheck(candidate(), iv.id, noMic);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ passed: false, failed: ['microphone'], level: 'full' });
    const problem = expectProblem(await candidate().request({ method: 'POST', url: url(iv.id, '/start') }), 409, 'precheck_required');
    expect(problem.detail).toContain('microphone');
    expect(problem.details).toMatchObject({ failed: ['microphone'] });
    expect((await interviewRow(t, iv.id))!.status).toBe('scheduled');

    expect((await precheck(candidate(), iv.id)).json()).toMatchObject({ passed: true, failed: [] });
    expect((await candidate().request({ method: 'POST', url: url(iv.id, '/start') })).statusCode).toBe(200);
  });

  it('light needs no camera; an unknown screen count passes with a warning; a missing required check fails', async () => {
    const iv = await openInterview('light');
    const light = {
      ...ALL_PASS,
      checks: [
        { name: 'browser' as const, passed: true },
        { name: 'fullscreen' as const, passed: true },
        { name: 'single_screen' as const, passed: null },
        { name: 'network' as const, passed: true },
      ],
    };
    const ok = (await precheck(candidate(), iv.id, light)).json();
    expect(ok).toMatchObject({ passed: true, failed: [] });
    expect(ok.warnings.join(' ')).toMatch(/second screen/);
    const missing = (await precheck(candidate(), iv.id, { ...light, checks: light.checks.slice(0, 3) })).json();
    expect(missing).toMatchObject({ passed: false, failed: ['network'] });
  });

  it('an unproctored interview starts without a pre-check and gets no nonce', async () => {
    const iv = await schedule(t, coach(), candidate().user.id, { startIn: 2 * MINUTE });
    t.clock.advance(3 * MINUTE);
    const res = await candidate().request({ method: 'POST', url: url(iv.id, '/start') });
    expect(res.statusCode).toBe(200);
    expect(res.json().integrityNonce).toBeNull();
    expectProblem(await precheck(candidate(), iv.id), 409, 'invalid_state');
  });

  it('only the candidate runs it: the coach gets 403, someone else 404', async () => {
    const iv = await openInterview('light');
    expectProblem(await precheck(coach(), iv.id), 403);
    const stranger = await registerUser(t.app, { name: 'Stranger' });
    expectProblem(await precheck(stranger, iv.id), 404);
    expectProblem(
      await precheck(candidate(), iv.id, {
        ...ALL_PASS,
        checks: [
          { name: 'browser', passed: true },
          { name: 'browser', passed: true },
        ],
      }),
      400,
    );
  });
});

describe('integrity events', () => {
  it('stores a verified chain, sent in batches, and the coach reads it verified', async () => {
    const { iv, nonce } = await started();
    const all = chainFrom(nonce, events(['window_blur', 'tab_hidden', 'copy', 'online']));
    const first = await send(candidate(), iv.id, all.slice(0, 2));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ accepted: 2, nextSeq: 3, lastHash: all[1]!.hash, terminated: false });
    const second: IntegrityReceipt = (await send(candidate(), iv.id, all.slice(2))).json();
    expect(second).toMatchObject({ accepted: 2, nextSeq: 5 });

    const r = await report(coach(), iv.id);
    expect(r).toMatchObject({ viewer: 'staff', chainValid: true, tamperedAt: null, level: 'light' });
    expect(r.events.map((e) => e.kind)).toEqual(['window_blur', 'tab_hidden', 'copy', 'online']);
    expect(r.events.every((e) => e.problem === null && e.receivedAt)).toBe(true);
    expect(r.counts).toMatchObject({ tab_hidden: 1, window_blur: 1 });

    const mine = await report(candidate(), iv.id);
    expect(mine).toMatchObject({ viewer: 'candidate', nextSeq: 5, lastHash: all[3]!.hash });
    expect(mine).not.toHaveProperty('events');
    expect(mine).not.toHaveProperty('flags');
  });

  it.each([
    ['a broken hash', (c: IntegrityEvent[]) => [c[0]!, { ...c[1]!, details: { edited: true } }, c[2]!], 2, 'broken_hash'],
    ['a gap (a deleted event)', (c: IntegrityEvent[]) => [c[0]!, c[2]!], 3, 'gap'],
    ['events out of order', (c: IntegrityEvent[]) => [c[0]!, c[2]!, c[1]!], 3, 'gap'],
    ['a replayed event', (c: IntegrityEvent[]) => [c[0]!, c[1]!, c[0]!, c[2]!], 1, 'replay'],
  ])('marks %s as tampered, with where, and keeps every event', async (_, mutate, at, problem) => {
    const { iv, nonce } = await started();
    const chain = chainFrom(nonce, events(['window_blur', 'copy', 'online']));
    const sent = mutate(chain);
    const res = await send(candidate(), iv.id, sent);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().accepted).toBe(sent.length);
    const r = await report(coach(), iv.id);
    expect(r.chainValid).toBe(false);
    expect(r.tamperedAt).toBe(at);
    expect(r.tamperProblem).toBe(problem);
    expect(r.events).toHaveLength(sent.length);
    expect(r.flags.find((f) => f.kind === 'tampered')?.message).toContain(`event ${at}`);
  });

  it('sees a replay across batches, and a row edited in the database afterwards', async () => {
    const { iv, nonce } = await started();
    const chain = chainFrom(nonce, events(['window_blur', 'copy']));
    await send(candidate(), iv.id, chain);
    expect((await report(coach(), iv.id)).chainValid).toBe(true);
    await send(candidate(), iv.id, [chain[1]!]);
    expect(await report(coach(), iv.id)).toMatchObject({ chainValid: false, tamperedAt: 2, tamperProblem: 'replay' });

    const other = await started('light', org.candidates[1]!);
    const honest = chainFrom(other.nonce, events(['copy', 'online']));
    await send(org.candidates[1]!, other.iv.id, honest);
    await t.database.db.update(integrityEvents).set({ kind: 'online' }).where(eq(integrityEvents.hash, honest[0]!.hash));
    expect(await report(coach(), other.iv.id)).toMatchObject({ chainValid: false, tamperedAt: 1 });
  });

  it('accepts events only from the candidate of an in-progress interview', async () => {
    const { iv, nonce } = await started();
    const list = chainFrom(nonce, events(['copy']));
    expectProblem(await send(coach(), iv.id, list), 403);
    const stranger = await registerUser(t.app, { name: 'Stranger 2' });
    expectProblem(await send(stranger, iv.id, list), 404);
    expectProblem(await send(org.candidates[1]!, iv.id, list), 404);
    expectProblem(await send(candidate(), iv.id, [{ ...list[0]!, hash: 'XYZ' }]), 400);

    expect((await candidate().request({ method: 'POST', url: url(iv.id, '/complete') })).statusCode).toBe(200);
    expectProblem(await send(candidate(), iv.id, list), 409, 'interview_completed');
    const rows = await t.database.db.select().from(integrityEvents).where(eq(integrityEvents.interviewId, iv.id));
    expect(rows).toHaveLength(0);

    const scheduled = await openInterview();
    expectProblem(await send(candidate(), scheduled.id, list), 409);
  });

  it('the integrity view: 404 to outsiders and other candidates', async () => {
    const { iv } = await started();
    const stranger = await registerUser(t.app, { name: 'Stranger 3' });
    expectProblem(await stranger.request({ method: 'GET', url: url(iv.id, '/integrity') }), 404);
    expectProblem(await org.candidates[1]!.request({ method: 'GET', url: url(iv.id, '/integrity') }), 404);
    expect(((await report(org.admin, iv.id)) as unknown as { viewer: string }).viewer).toBe('staff');
  });
});

describe('thresholds', () => {
  it('warn the candidate and notify the coach once reached, advisory by default', async () => {
    const { iv, nonce } = await started();
    const one = chainFrom(nonce, events(['tab_hidden']));
    const first: IntegrityReceipt = (await send(candidate(), iv.id, one)).json();
    expect(first.newWarnings).toEqual([]);
    const two = chainFrom(one[0]!.hash, events(['tab_hidden', 'paste'], 2, { fromOutside: false, length: 12 }));
    const second: IntegrityReceipt = (await send(candidate(), iv.id, two)).json();
    expect(second.newWarnings).toMatchObject([{ category: 'tab_switch', count: 2, threshold: 2 }]);
    expect(second.newWarnings[0]!.message).toMatch(/left the interview tab twice/);
    expect(second).toMatchObject({ terminated: false, counts: { tab_switch: 2, suspicious_input: 0 } });

    const [notice] = await notificationsOf(t, coach().user.id, 'integrity_threshold', iv.id);
    expect(notice).toMatchObject({ title: 'Proctoring threshold reached', link: `/coach/interviews/${iv.id}` });
    expect((await interviewRow(t, iv.id))!.status).toBe('in_progress');
    const r = await report(coach(), iv.id);
    expect(r.flags).toMatchObject([{ kind: 'threshold', category: 'tab_switch', reviewedAt: null }]);

    // A third switch does not warn or notify again.
    const three = chainFrom(two[1]!.hash, events(['tab_hidden'], 4));
    expect(((await send(candidate(), iv.id, three)).json() as IntegrityReceipt).newWarnings).toEqual([]);
    expect(await notificationsOf(t, coach().user.id, 'integrity_threshold', iv.id)).toHaveLength(1);
  });

  it('terminate the interview when the organization chose it: answers and drafts kept and graded', async () => {
    const settings = await org.admin.request({
      method: 'PATCH',
      url: `/api/v1/orgs/${org.orgId}/proctoring-settings`,
      payload: { terminateOnThreshold: true, thresholds: { fullscreen_exit: 2 } },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({ terminateOnThreshold: true, thresholds: { fullscreen_exit: 2, tab_switch: 2 } });
    expect(await auditOfTarget(t, org.orgId, 'proctoring.settings')).toHaveLength(1);
    expectProblem(
      await coach().request({
        method: 'PATCH',
        url: `/api/v1/orgs/${org.orgId}/proctoring-settings`,
        payload: { terminateOnThreshold: false },
      }),
      403,
    );

    try {
      const { iv, nonce } = await started();
      const [q1] = await t.database.db.select().from(interviewQuestions).where(eq(interviewQuestions.interviewId, iv.id));
      await candidate().request({
        method: 'PUT',
        url: url(iv.id, `/drafts/${q1!.id}`),
        payload: { text: 'A hash map stores key value pairs in buckets chosen by hashing the key.' },
      });
      const one = chainFrom(nonce, events(['fullscreen_exit']));
      expect(((await send(candidate(), iv.id, one)).json() as IntegrityReceipt).terminated).toBe(false);
      const res = await send(candidate(), iv.id, chainFrom(one[0]!.hash, events(['fullscreen_exit'], 2)));
      expect(res.json()).toMatchObject({ terminated: true, newWarnings: [{ category: 'fullscreen_exit' }] });
      const row = await interviewRow(t, iv.id);
      expect(row!.status).toBe('terminated');
      expect(row!.completedAt).not.toBeNull();
      const got: Interview = (await coach().request({ method: 'GET', url: url(iv.id) })).json();
      expect(got.answers.map((a) => a.questionId)).toContain(q1!.id);
      expect(await t.database.db.select().from(answerDrafts).where(eq(answerDrafts.interviewId, iv.id))).toHaveLength(0);
      const [notice] = await notificationsOf(t, coach().user.id, 'integrity_threshold', iv.id);
      expect(notice!.title).toMatch(/ended/);
      expect((await report(coach(), iv.id)).terminatedReason).toMatch(/full screen/);
      expectProblem(
        await candidate().request({ method: 'POST', url: url(iv.id, '/answers'), payload: { questionId: q1!.id, text: 'late' } }),
        409,
      );
    } finally {
      await org.admin.request({
        method: 'PATCH',
        url: `/api/v1/orgs/${org.orgId}/proctoring-settings`,
        payload: { terminateOnThreshold: false, thresholds: { fullscreen_exit: 1 } },
      });
    }
  });

  it('a coach marks a flag reviewed with a note, audited; the candidate cannot', async () => {
    const { iv, nonce } = await started();
    await send(candidate(), iv.id, chainFrom(nonce, events(['fullscreen_exit'])));
    const [flag] = (await report(coach(), iv.id)).flags;
    const path = url(iv.id, `/integrity/flags/${flag!.id}/review`);
    expectProblem(await candidate().request({ method: 'POST', url: path, payload: { note: 'fine' } }), 403);
    expectProblem(await coach().request({ method: 'POST', url: path, payload: { note: '' } }), 400);
    const res = await coach().request({
      method: 'POST',
      url: path,
      payload: { note: 'Asked the candidate: the browser left full screen on a notification.' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ reviewedBy: { id: coach().user.id }, reviewNote: expect.stringMatching(/notification/) });
    expect(await auditOfTarget(t, iv.id, 'integrity.flag.review')).toHaveLength(1);
  });
});

describe('integrity events over the live connection', () => {
  let base: string;
  const sockets: LiveClient[] = [];
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `ws://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1/ws`;
  });
  afterAll(() => {
    for (const s of sockets) s.ws.terminate();
  });
  async function live(who: Browser): Promise<LiveClient> {
    const c = await connectLive(base, { cookie: who.cookie });
    sockets.push(c);
    expect((await c.next()).type).toBe('hello');
    return c;
  }

  it('stores the batch as the HTTP route does and answers with a receipt under the same ref', async () => {
    const { iv, nonce } = await started();
    const chain = chainFrom(nonce, events(['tab_hidden', 'paste', 'tab_hidden'], 1, { fromOutside: true }));
    const c = await live(candidate());
    c.send({ type: 'integrity_events', ref: 'a1', interviewId: iv.id, events: chain.slice(0, 2) });
    c.send({ type: 'integrity_events', ref: 'a2', interviewId: iv.id, events: chain.slice(2) });
    const first = await c.next();
    const second = await c.next();
    expect(first).toMatchObject({ type: 'integrity_receipt', ref: 'a1', receipt: { accepted: 2, nextSeq: 3, warnings: [] } });
    // The second batch reaches the tab-switch threshold: the warning comes back at once.
    expect(second).toMatchObject({ type: 'integrity_receipt', ref: 'a2', receipt: { accepted: 1, nextSeq: 4 } });
    expect((second as Extract<ServerMessage, { type: 'integrity_receipt' }>).receipt.newWarnings.map((w) => w.category)).toEqual([
      'tab_switch',
    ]);
    const r = await report(coach(), iv.id);
    expect(r.chainValid).toBe(true);
    expect(r.events.map((e) => e.kind)).toEqual(['tab_hidden', 'paste', 'tab_hidden']);
    expect(await notificationsOf(t, coach().user.id, 'integrity_threshold', iv.id)).toHaveLength(1);
  });

  it('refuses events for someone else’s interview or the coach’s socket, and stores nothing', async () => {
    const { iv, nonce } = await started();
    const chain = chainFrom(nonce, events(['copy']));
    const other = await live(org.candidates[1]!);
    other.send({ type: 'integrity_events', ref: 'x', interviewId: iv.id, events: chain });
    expect(await other.next()).toMatchObject({ type: 'integrity_rejected', ref: 'x', status: 404 });
    const staff = await live(coach());
    staff.send({ type: 'integrity_events', ref: 'y', interviewId: iv.id, events: chain });
    expect(await staff.next()).toMatchObject({ type: 'integrity_rejected', ref: 'y', status: 403 });
    expect((await report(coach(), iv.id)).events).toEqual([]);
  });

  it('a malformed batch closes the socket as unsupported, like any unknown message', async () => {
    const { iv } = await started();
    const c = await live(candidate());
    c.send({ type: 'integrity_events', ref: 'z', interviewId: iv.id, events: [{ seq: 1, kind: 'copy' }] });
    expect((await c.closed).code).toBe(1003);
    expect((await report(coach(), iv.id)).events).toEqual([]);
  });
});

it('hashEvent is what a browser must compute (documented example)', () => {
  const e = { seq: 1, kind: 'copy' as const, at: '2026-12-01T10:00:00.000Z', details: {} };
  expect(hashEvent('nonce', e)).toHaveLength(64);
  expect(HOUR).toBe(60 * MINUTE);
});
