import type { DbOrTx } from '../../db/client.js';
import { newId } from '../ids.js';
import { enqueueJob } from '../jobs/job-queue.js';
import { mails } from './mail.table.js';

export const SEND_MAIL_JOB = 'send-mail';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** An iCalendar (RFC 5545) document sent as an invite.ics attachment. */
  ics?: string;
  /** What the mail is about (invitation, interview_scheduled …), for the outbox page and logs. */
  kind: string;
}

/**
 * Puts a mail in the outbox inside the caller's transaction; the send-mail job delivers it
 * after commit, with retries. Nothing is sent for a change that rolls back.
 */
export async function queueMail(tx: DbOrTx, mail: OutgoingMail, now: Date): Promise<string> {
  const id = newId();
  await tx.insert(mails).values({
    id,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    ics: mail.ics ?? null,
    kind: mail.kind,
    status: 'queued',
    createdAt: now,
  });
  await enqueueJob(tx, { kind: SEND_MAIL_JOB, payload: { mailId: id }, runAt: now, dedupeKey: `mail:${id}` }, now);
  return id;
}
