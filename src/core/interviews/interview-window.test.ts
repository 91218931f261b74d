import { describe, expect, it } from 'vitest';
import { checkStart, deadlineFor, reminderAt, windowProblems } from './interview-window.js';

const at = (iso: string) => new Date(iso);
const window = { windowStart: at('2026-03-02T10:00:00Z'), windowEnd: at('2026-03-02T12:00:00Z') };

describe('interview window', () => {
  it('opens at windowStart and is closed from windowEnd on', () => {
    expect(checkStart(window, at('2026-03-02T09:59:59Z'))).toEqual({ ok: false, reason: 'not_yet_open', opensAt: window.windowStart });
    expect(checkStart(window, at('2026-03-02T10:00:00Z'))).toEqual({ ok: true });
    expect(checkStart(window, at('2026-03-02T11:59:59Z'))).toEqual({ ok: true });
    expect(checkStart(window, at('2026-03-02T12:00:00Z'))).toEqual({ ok: false, reason: 'window_closed' });
  });

  it('gives the full duration unless the window closes first', () => {
    expect(deadlineFor(at('2026-03-02T10:30:00Z'), 45, window.windowEnd)).toEqual(at('2026-03-02T11:15:00Z'));
    expect(deadlineFor(at('2026-03-02T11:50:00Z'), 45, window.windowEnd)).toEqual(window.windowEnd);
  });

  it('reminds fifteen minutes before the start, or at once when that has passed', () => {
    expect(reminderAt(window.windowStart, at('2026-03-02T08:00:00Z'))).toEqual(at('2026-03-02T09:45:00Z'));
    expect(reminderAt(window.windowStart, at('2026-03-02T09:55:00Z'))).toEqual(at('2026-03-02T09:55:00Z'));
  });

  it('refuses windows in the past, allowing a start a few minutes ago', () => {
    const now = at('2026-03-02T10:03:00Z');
    expect(windowProblems(window, now, { startChanged: true })).toEqual({});
    expect(windowProblems(window, at('2026-03-02T10:06:00Z'), { startChanged: true })).toEqual({ windowStart: 'is in the past' });
    // An unchanged start that has passed is fine: the coach is only moving the end.
    expect(windowProblems(window, at('2026-03-02T11:00:00Z'), { startChanged: false })).toEqual({});
    expect(windowProblems(window, at('2026-03-02T12:00:00Z'), { startChanged: false })).toEqual({ windowEnd: 'is in the past' });
    expect(
      windowProblems({ windowStart: window.windowEnd, windowEnd: window.windowStart }, at('2026-03-02T08:00:00Z'), { startChanged: true }),
    ).toEqual({
      windowEnd: 'must be after windowStart',
    });
  });
});
