import { and, asc, eq } from 'drizzle-orm';
import { auditLog } from '../audit/audit.table.js';
import { interviewJobKeys } from '../interviews/interview-job-plan.js';
import { interviews } from '../interviews/interviews.table.js';
import { jobs } from '../jobs/jobs.table.js';
import { mails } from '../mail/mail.table.js';
import { notifications } from '../notifications/notifications.table.js';
import type { TestApp } from './test-app.js';

/**
 * What the app stored, read straight from the tables so a test can check the side effects an
 * API response does not show (audit entries, queued mails, notifications, jobs).
 */

/** An organization's audit log, oldest first, with before/after parsed. */
export async function auditOfOrg(t: TestApp, orgId: string) {
  const rows = await t.database.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.orgId, orgId))
    .orderBy(asc(auditLog.createdAt), asc(auditLog.id));
  return rows.map((r) => ({ ...r, before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null }));
}

/** The audit entries about one resource, optionally of one action. */
export async function auditOfTarget(t: TestApp, targetId: string, action?: string) {
  const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
  return rows.filter((r) => !action || r.action === action);
}

/** Mails to an address, oldest first, optionally of one kind. */
export async function mailsTo(t: TestApp, to: string, kind?: string) {
  return t.database.db
    .select()
    .from(mails)
    .where(and(eq(mails.to, to), kind ? eq(mails.kind, kind) : undefined))
    .orderBy(asc(mails.createdAt), asc(mails.id));
}

/** The invitation token out of the link in the last invitation mail to this address. */
export async function invitationTokenFor(t: TestApp, email: string): Promise<string> {
  const last = (await mailsTo(t, email, 'invitation')).at(-1);
  const token = last && /\/invitations\/accept\?token=([\w-]+)/.exec(last.text)?.[1];
  if (!token) throw new Error(`no invitation mail to ${email}`);
  return token;
}

export async function notificationsOf(t: TestApp, userId: string, kind: string, interviewId: string) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.filter((n) => n.data.interviewId === interviewId);
}

export async function interviewRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, id));
  return row!;
}

/** The unfinished job of a kind for an interview, if any. */
export async function pendingJob(t: TestApp, key: keyof typeof interviewJobKeys, interviewId: string) {
  const rows = await t.database.db
    .select()
    .from(jobs)
    .where(eq(jobs.dedupeKey, interviewJobKeys[key](interviewId)));
  return rows.find((j) => !j.completedAt && !j.failedAt);
}
