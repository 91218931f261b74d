import { expect } from 'vitest';
import type { Interview } from '../../contract/interviews.js';
import type { Browser, TestApp } from './test-app.js';

/** Builds interviews through the API: assigned ones with times relative to the test clock, and practice ones. */

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

/** A practice interview (technical, backend, mid) the candidate starts for themselves. */
export async function startPractice(b: Browser, questionCount = 2): Promise<Interview> {
  const res = await b.request({
    method: 'POST',
    url: '/api/v1/interviews',
    payload: { kind: 'practice', type: 'technical', role: 'Backend engineer', level: 'mid', questionCount },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
