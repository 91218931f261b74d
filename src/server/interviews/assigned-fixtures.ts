import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import { auditLog } from '../audit/audit.table.js';
import { jobs } from '../jobs/jobs.table.js';
import { mails } from '../mail/mail.table.js';
import { notifications } from '../notifications/notifications.table.js';
import type { Browser, TestApp } from '../testing/test-app.js';
import { interviewJobKeys } from './interview-job-plan.js';
import { interviews } from './interviews.table.js';

/** Helpers for the assigned-interview API tests: schedule relative to the test clock, and read what was recorded. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface ScheduleOptions {
  /** From the test clock's now to windowStart. */
  startIn?: number;
  /** windowEnd − windowStart. */
  length?: number;
  duration?: number;
  count?: number;
  release?: 'on_finalize' | 'immediately';
  orgId?: string;
  type?: string;
  /** More body fields (jobDescriptionId, resumeId, language …). */
  extra?: Record<string, unknown>;
}

export function scheduleBody(t: TestApp, candidateId: string, o: ScheduleOptions = {}) {
  const start = t.clock.now().getTime() + (o.startIn ?? HOUR);
  return {
    kind: 'assigned',
    candidateId,
    type: o.type ?? 'technical',
    role: 'Backend engineer',
    level: 'mid',
    questionCount: o.count ?? 2,
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + (o.length ?? 2 * HOUR)).toISOString(),
    durationMinutes: o.duration ?? 30,
    releaseResults: o.release ?? 'on_finalize',
    ...(o.orgId ? { orgId: o.orgId } : {}),
    ...o.extra,
  };
}

export async function schedule(t: TestApp, coach: Browser, candidateId: string, o: ScheduleOptions = {}): Promise<Interview> {
  const res = await coach.request({ method: 'POST', url: '/api/v1/interviews', payload: scheduleBody(t, candidateId, o) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

export async function startNow(b: Browser, interviewId: string): Promise<Interview> {
  const res = await b.request({ method: 'POST', url: `/api/v1/interviews/${interviewId}/start` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

export async function interviewRow(t: TestApp, id: string) {
  const [row] = await t.database.db.select().from(interviews).where(eq(interviews.id, id));
  return row!;
}

export async function notificationsOf(t: TestApp, userId: string, kind: string, interviewId: string) {
  const rows = await t.database.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, kind)));
  return rows.filter((n) => n.data.interviewId === interviewId);
}

export async function mailsTo(t: TestApp, email: string, kind: string) {
  return t.database.db
    .select()
    .from(mails)
    .where(and(eq(mails.to, email), eq(mails.kind, kind)));
}

export async function auditOf(t: TestApp, targetId: string, action?: string) {
  const rows = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId));
  return rows.filter((r) => !action || r.action === action);
}

/** The unfinished job of a kind for an interview, if any. */
export async function pendingJob(t: TestApp, key: keyof typeof interviewJobKeys, interviewId: string) {
  const rows = await t.database.db
    .select()
    .from(jobs)
    .where(eq(jobs.dedupeKey, interviewJobKeys[key](interviewId)));
  return rows.find((j) => !j.completedAt && !j.failedAt);
}
