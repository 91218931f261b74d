import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationList } from '../../contract/notifications.js';
import { mails } from '../mail/mail.table.js';
import { createTestApp, expectProblem, registerUser, type Browser, type TestApp } from '../testing/test-app.js';
import { notify, type NewNotification } from './notify.js';

let t: TestApp;
let ana: Browser;
let bob: Browser;

beforeAll(async () => {
  t = await createTestApp();
  ana = await registerUser(t.app, { name: 'Ana' });
  bob = await registerUser(t.app, { name: 'Bob' });
});
afterAll(() => t.close());

async function send(userId: string, n: Partial<NewNotification> = {}) {
  t.clock.advance(1000);
  return t.database.db.transaction((tx) =>
    notify(tx, { userId, kind: 'interview_scheduled', title: 'Interview scheduled', body: 'Thursday 14:00', ...n }, t.clock.now()),
  ) as Promise<string>;
}

const list = async (who: Browser, query = '') => {
  const res = await who.request({ method: 'GET', url: `/api/v1/notifications${query}` });
  expect(res.statusCode).toBe(200);
  return res.json() as NotificationList;
};

describe('notifications', () => {
  const anas: string[] = [];
  let bobs: string;

  beforeAll(async () => {
    for (const title of ['one', 'two', 'three'])
      anas.push(await send(ana.user.id, { title, link: '/interviews/x', data: { interviewId: 'x' } }));
    bobs = await send(bob.user.id, { title: 'bob only' });
  });

  it('lists the caller’s own, newest first, with the unread count and pages', async () => {
    const all = await list(ana);
    expect(all).toMatchObject({ total: 3, unread: 3, page: 1, pages: 1 });
    expect(all.items.map((n) => n.title)).toEqual(['three', 'two', 'one']);
    expect(all.items[0]).toMatchObject({
      kind: 'interview_scheduled',
      body: 'Thursday 14:00',
      link: '/interviews/x',
      data: { interviewId: 'x' },
      readAt: null,
    });
    const page2 = await list(ana, '?limit=2&page=2');
    expect(page2).toMatchObject({ total: 3, pages: 2, unread: 3 });
    expect(page2.items.map((n) => n.title)).toEqual(['one']);
    expect((await list(bob)).items.map((n) => n.title)).toEqual(['bob only']);
  });

  it('marks some read; another user’s ids are ignored and their notifications stay unread', async () => {
    const res = await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: [anas[0], bobs] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ unread: 2 });
    const mine = await list(ana);
    expect(mine.items.find((n) => n.id === anas[0])!.readAt).toBe(t.clock.now().toISOString());
    const theirs = await list(bob);
    expect(theirs).toMatchObject({ unread: 1 });
    expect(theirs.items[0]!.readAt).toBeNull();
    // Only unread ones are left with unreadOnly.
    expect((await list(ana, '?unreadOnly=true')).items.map((n) => n.title)).toEqual(['three', 'two']);
  });

  it('marks all read', async () => {
    const res = await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } });
    expect(res.json()).toEqual({ unread: 0 });
    expect((await list(ana, '?unreadOnly=true')).total).toBe(0);
    expect((await list(bob)).unread).toBe(1);
  });

  it('refuses an empty request, a missing CSRF header and anonymous callers', async () => {
    expectProblem(await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: {} }), 400, 'validation_failed');
    expectProblem(await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { ids: ['nope'] } }), 400);
    expectProblem(
      await ana.request({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true }, headers: { 'x-csrf-token': '' } }),
      403,
      'csrf_failed',
    );
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/notifications' }), 401);
    expectProblem(await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read', payload: { all: true } }), 401);
    expect((await list(bob)).unread).toBe(1);
  });

  it('notify() with an email queues it to the account address; a rolled-back one leaves nothing', async () => {
    const id = await send(bob.user.id, { title: 'with mail', email: { subject: 'Scheduled', text: 'Thursday' } });
    // Besides the confirmation mail every registration sends.
    const mailsToBob = () =>
      t.database.db
        .select()
        .from(mails)
        .where(and(eq(mails.to, bob.user.email), ne(mails.kind, 'verify_email')));
    const queued = await mailsToBob();
    expect(queued).toHaveLength(1);
    expect(queued[0]).toMatchObject({ subject: 'Scheduled', kind: 'interview_scheduled', status: 'queued' });
    expect((await list(bob)).items[0]!.id).toBe(id);

    await t.database.db
      .transaction(async (tx) => {
        await notify(
          tx,
          { userId: bob.user.id, kind: 'interview_cancelled', title: 'rolled back', body: '', email: { subject: 'x', text: 'x' } },
          t.clock.now(),
        );
        tx.rollback();
      })
      .catch(() => {});
    expect((await list(bob)).items.map((n) => n.title)).not.toContain('rolled back');
    expect(await mailsToBob()).toHaveLength(1);
  });

  it('honours the channels a person chose per kind: email off keeps the in-app one, in-app off keeps the email', async () => {
    const carl = await registerUser(t.app, { name: 'Carl' });
    const mailsOf = (kind: string) =>
      t.database.db
        .select()
        .from(mails)
        .where(and(eq(mails.to, carl.user.email), eq(mails.kind, kind)));
    const put = await carl.request({
      method: 'PUT',
      url: '/api/v1/me/preferences',
      payload: {
        theme: 'system',
        language: 'en',
        notifications: { interview_scheduled: { inApp: true, email: false }, interview_cancelled: { inApp: false, email: true } },
      },
    });
    expect(put.statusCode).toBe(200);
    const mail = { subject: 'About your interview', text: 'Details inside' };

    await send(carl.user.id, { kind: 'interview_scheduled', title: 'scheduled, no mail', email: mail });
    expect(await mailsOf('interview_scheduled')).toHaveLength(0);
    expect((await list(carl)).items.map((n) => n.title)).toEqual(['scheduled, no mail']);

    expect(await send(carl.user.id, { kind: 'interview_cancelled', title: 'cancelled, mail only', email: mail })).toBeNull();
    expect(await mailsOf('interview_cancelled')).toHaveLength(1);
    expect((await list(carl)).items.map((n) => n.title)).toEqual(['scheduled, no mail']);

    // A kind never chosen uses both channels.
    await send(carl.user.id, { kind: 'results_ready', title: 'results', email: mail });
    expect(await mailsOf('results_ready')).toHaveLength(1);
    expect((await list(carl)).items.map((n) => n.title)).toEqual(['results', 'scheduled, no mail']);
  });
});
