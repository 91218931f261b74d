import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mail, MailList } from '../../contract/notifications.js';
import { queueMail } from '../mail/mail-outbox.js';
import {
  browserFrom,
  createTestApp,
  expectProblem,
  registerUser,
  STRONG_PASSWORD,
  type Browser,
  type TestApp,
} from '../testing/test-app.js';

let t: TestApp;
let root: Browser;
let user: Browser;
const ids: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  const token = await t.app.services.auth.createSetupToken();
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/setup',
    payload: { token, email: 'root@example.com', password: STRONG_PASSWORD, name: 'Root' },
  });
  root = browserFrom(t.app, res);
  user = await registerUser(t.app);
  for (const [to, subject] of [
    ['ana@example.com', 'First'],
    ['bob@example.com', 'Second'],
    ['ana@example.com', 'Third'],
  ] as const) {
    ids.push(await t.database.db.transaction((tx) => queueMail(tx, { to, subject, text: `${subject} body`, kind: 'test' }, t.clock.now())));
    t.clock.advance(1000);
  }
  ids.push(
    await t.database.db.transaction((tx) =>
      queueMail(
        tx,
        { to: 'under_score%@example.com', subject: 'Wildcards', text: 'x', ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n', kind: 'test' },
        t.clock.now(),
      ),
    ),
  );
});
afterAll(() => t.close());

describe('GET /api/v1/admin/mails', () => {
  it('lists the outbox newest first, paginated', async () => {
    const res = await root.request({ method: 'GET', url: '/api/v1/admin/mails?limit=3' });
    expect(res.statusCode).toBe(200);
    const list = res.json() as MailList;
    // Four queued here, and the confirmation mail of the user who registered first.
    expect(list).toMatchObject({ total: 5, page: 1, limit: 3, pages: 2 });
    expect(list.items.map((m) => m.subject)).toEqual(['Wildcards', 'Third', 'Second']);
    const page2 = (await root.request({ method: 'GET', url: '/api/v1/admin/mails?limit=3&page=2' })).json() as MailList;
    expect(page2.items.map((m) => m.subject)).toEqual(['First', 'Confirm your email for Panelist']);
  });

  it('filters by recipient, case-insensitively, with LIKE wildcards taken literally', async () => {
    const ana = (await root.request({ method: 'GET', url: '/api/v1/admin/mails?to=ANA@' })).json() as MailList;
    expect(ana.items.map((m) => m.subject)).toEqual(['Third', 'First']);
    const literal = (
      await root.request({ method: 'GET', url: `/api/v1/admin/mails?to=${encodeURIComponent('_score%')}` })
    ).json() as MailList;
    expect(literal.items.map((m) => m.subject)).toEqual(['Wildcards']);
    const none = (await root.request({ method: 'GET', url: `/api/v1/admin/mails?to=${encodeURIComponent('%')}` })).json() as MailList;
    expect(none.total).toBe(1);
  });

  it('shows mails as stored once the send-mail job has run without SMTP', async () => {
    expect(await t.runJobs()).toBe(5);
    const list = (await root.request({ method: 'GET', url: '/api/v1/admin/mails' })).json() as MailList;
    expect(list.items.every((m) => m.status === 'stored' && m.attempts === 1 && m.sentAt === null)).toBe(true);
  });

  it('is for platform admins only', async () => {
    expectProblem(await user.request({ method: 'GET', url: '/api/v1/admin/mails' }), 403, 'forbidden');
    expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/admin/mails' }), 401);
  });

  it('rejects a bad page size', async () => {
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/admin/mails?limit=1000' }), 400, 'validation_failed');
  });
});

describe('GET /api/v1/admin/mails/:id', () => {
  it('returns one mail with its body and calendar part', async () => {
    const res = await root.request({ method: 'GET', url: `/api/v1/admin/mails/${ids[3]}` });
    expect(res.statusCode).toBe(200);
    const mail = res.json() as Mail;
    expect(mail).toMatchObject({
      id: ids[3],
      to: 'under_score%@example.com',
      subject: 'Wildcards',
      text: 'x',
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      kind: 'test',
    });
  });

  it('404 for an unknown id, 400 for a malformed one, 403 for other users, 401 anonymous', async () => {
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/admin/mails/01950000-0000-7000-8000-000000000000' }), 404);
    expectProblem(await root.request({ method: 'GET', url: '/api/v1/admin/mails/not-an-id' }), 400);
    expectProblem(await user.request({ method: 'GET', url: `/api/v1/admin/mails/${ids[0]}` }), 403);
    expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/admin/mails/${ids[0]}` }), 401);
  });
});
