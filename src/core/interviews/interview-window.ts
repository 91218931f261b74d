/**
 * The time rules of an assigned interview: when it may start, when it must end, when the
 * candidate is reminded. Pure: the caller passes the clock's time.
 */

export const REMINDER_LEAD_MS = 15 * 60_000;
/** A window may start this long before "now", so a coach can schedule "from now" from a slow form. */
export const WINDOW_START_GRACE_MS = 5 * 60_000;

export interface InterviewWindow {
  windowStart: Date;
  windowEnd: Date;
}

export type StartCheck = { ok: true } | { ok: false; reason: 'not_yet_open'; opensAt: Date } | { ok: false; reason: 'window_closed' };

/** The window is [windowStart, windowEnd): the end instant already belongs to "closed". */
export function checkStart(window: InterviewWindow, now: Date): StartCheck {
  if (now < window.windowStart) return { ok: false, reason: 'not_yet_open', opensAt: window.windowStart };
  if (now >= window.windowEnd) return { ok: false, reason: 'window_closed' };
  return { ok: true };
}

/** The server's deadline: the full duration from the start, but never past the window's end. */
export function deadlineFor(startedAt: Date, durationMinutes: number, windowEnd: Date): Date {
  const byDuration = startedAt.getTime() + durationMinutes * 60_000;
  return new Date(Math.min(byDuration, windowEnd.getTime()));
}

/** Fifteen minutes before the window opens; at once when that moment has already passed. */
export function reminderAt(windowStart: Date, now: Date): Date {
  return new Date(Math.max(windowStart.getTime() - REMINDER_LEAD_MS, now.getTime()));
}

/** Problems with a proposed window, as field → message (empty when it is acceptable). */
export function windowProblems(window: InterviewWindow, now: Date, opts: { startChanged: boolean }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (window.windowEnd <= window.windowStart) problems.windowEnd = 'must be after windowStart';
  if (window.windowEnd <= now) problems.windowEnd = 'is in the past';
  if (opts.startChanged && window.windowStart.getTime() < now.getTime() - WINDOW_START_GRACE_MS) problems.windowStart = 'is in the past';
  return problems;
}
