import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildInterviewInvite } from '../../core/calendar/interview-invite.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { jobs } from '../jobs/jobs.table.js';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { startFakeSmtpServer } from '../testing/fake-smtp-server.js';
import { SEND_MAIL_JOB, queueMail, type OutgoingMail } from './mail-outbox.js';
import { mails } from './mail.table.js';
import { createStoringMailer } from './mailer.js';

let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;
let t: TestApp;
beforeAll(async () => {
  smtp = await startFakeSmtpServer();
  t = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'Panelist Test <panelist@example.org>' });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.received.length = 0;
  smtp.reject(0);
});

const invite = () =>
  buildInterviewInvite({
    interviewId: '01950000-0000-7000-8000-000000000001',
    title: 'Behavioral interview',
    description: 'Six questions, 45 minutes.',
    start: new Date('2026-03-05T14:00:00Z'),
    end: new Date('2026-03-05T14:45:00Z'),
    organizer: { name: 'Coach', email: 'coach@example.com' },
    attendee: { name: 'Cara', email: 'cara@example.com' },
    sequence: 0,
    url: 'http://localhost:3000/interviews/01950000-0000-7000-8000-000000000001',
    stamp: t.clock.now(),
  });

async function queue(mail: Partial<OutgoingMail> = {}) {
  return t.database.db.transaction((tx) =>
    queueMail(
      tx,
      {
        to: 'cara@example.com',
        subject: 'Your interview is scheduled',
        text: 'See you on Thursday.',
        kind: 'interview_scheduled',
        ...mail,
      },
      t.clock.now(),
    ),
  );
}

async function mailRow(id: string) {
  const [row] = await t.database.db.select().from(mails).where(eq(mails.id, id));
  return row!;
}

describe('the send-mail job over SMTP', () => {
  it('delivers subject, body and the calendar invite (alternative and invite.ics), and records it', async () => {
    const id = await queue({ ics: invite(), html: '<p>See you on <b>Thursday</b>.</p>' });
    expect(await t.runJobs()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const { raw, to, from } = smtp.received[0]!;
    expect(to).toEqual(['cara@example.com']);
    expect(from).toBe('panelist@example.org');
    expect(raw).toMatch(/^From: Panelist Test <panelist@example\.org>$/m);
    expect(raw).toMatch(/^Subject: Your interview is scheduled$/m);
    expect(raw).toContain('See you on Thursday.');
    expect(raw).toMatch(/^Content-Type: text\/html/m);
    // The invitation twice: an inline alternative calendar clients act on, and a file to open.
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST$/m);
    expect(raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=REQUEST; name=invite\.ics$/m);
    expect(raw).toMatch(/^Content-Disposition: attachment; filename=invite\.ics$/m);
    expect(raw).toContain('UID:interview-01950000-0000-7000-8000-000000000001@panelist');

    const row = await mailRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
    expect(row.sentAt).toEqual(t.clock.now());
    expect(raw).toContain(`Message-ID: ${row.messageId}`);
  });

  it('a cancellation goes out as METHOD:CANCEL', async () => {
    const cancel = invite().replace('METHOD:REQUEST', 'METHOD:CANCEL');
    await queue({ ics: cancel, subject: 'Interview cancelled' });
    await t.runJobs();
    expect(smtp.received[0]!.raw).toMatch(/^Content-Type: text\/calendar; charset=utf-8; method=CANCEL$/m);
  });

  it('retries later when the server refuses with 451, then sends exactly once', async () => {
    smtp.reject(1);
    const id = await queue();
    expect(await t.runJobs()).toBe(1);
    expect(smtp.received).toHaveLength(0);
    let row = await mailRow(id);
    expect(row).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(row.lastError).toMatch(/451/);
    // Nothing is due until the backoff has passed.
    expect(await t.runJobs()).toBe(0);
    t.clock.advance(10_000);
    expect(await t.runJobs()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    row = await mailRow(id);
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null });

    // A second send-mail job for the same mail (a retry after a crash) sends nothing more.
    await t.database.db.transaction((tx) =>
      enqueueJob(tx, { kind: SEND_MAIL_JOB, payload: { mailId: id }, runAt: t.clock.now() }, t.clock.now()),
    );
    t.clock.advance(3_600_000);
    expect(await t.runJobs()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(await mailRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('marks the mail failed after the job’s last attempt', async () => {
    smtp.reject(100);
    const id = await queue();
    await t.database.db
      .update(jobs)
      .set({ maxAttempts: 3 })
      .where(eq(jobs.dedupeKey, `mail:${id}`));
    for (let i = 0; i < 4; i++) {
      await t.runJobs();
      t.clock.advance(3_600_000);
    }
    const row = await mailRow(id);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toMatch(/451/);
    const [job] = await t.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `mail:${id}`));
    expect(job!.failedAt).not.toBeNull();
    expect(smtp.received).toHaveLength(0);
  });

  it('sends nothing for a mail whose transaction rolled back', async () => {
    await t.database.db
      .transaction(async (tx) => {
        await queueMail(tx, { to: 'x@example.com', subject: 'never', text: 'never', kind: 'test' }, t.clock.now());
        tx.rollback();
      })
      .catch(() => {});
    expect(await t.runJobs()).toBe(0);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('without SMTP_URL', () => {
  // The stored status through the whole app is covered in admin/admin-mails.routes.test.ts.
  it('logs the subject and recipient, never the body', async () => {
    const logged: unknown[] = [];
    const log = { info: (...args: unknown[]) => logged.push(args) } as unknown as FastifyBaseLogger;
    const result = await createStoringMailer(log).send({
      from: 'a@b.c',
      to: 'cara@example.com',
      subject: 'Reset code',
      text: 'secret 123456',
    });
    expect(result).toEqual({ status: 'stored' });
    expect(JSON.stringify(logged)).toContain('cara@example.com');
    expect(JSON.stringify(logged)).toContain('Reset code');
    expect(JSON.stringify(logged)).not.toContain('123456');
  });
});
