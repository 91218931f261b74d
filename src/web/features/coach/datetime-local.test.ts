import { describe, expect, it } from 'vitest';
import { addHours, isoToLocalInput, localInputToIso, nextWholeHour, toLocalInput } from './datetime-local.js';

describe('datetime-local values', () => {
  it('round-trips through the local wall time', () => {
    const iso = '2031-05-06T07:08:00.000Z';
    expect(localInputToIso(isoToLocalInput(iso))).toBe(iso);
    expect(toLocalInput(new Date(2031, 0, 2, 3, 4))).toBe('2031-01-02T03:04');
  });

  it('reads a value as local time', () => {
    expect(localInputToIso('2031-01-02T03:04')).toBe(new Date(2031, 0, 2, 3, 4).toISOString());
  });

  it('rejects what is not a date', () => {
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
    expect(localInputToIso('2031-13-45T99:99')).toBeNull();
    expect(isoToLocalInput(null)).toBe('');
  });

  it('defaults to the next whole hour', () => {
    expect(toLocalInput(nextWholeHour(new Date(2031, 0, 2, 3, 4, 5)))).toBe('2031-01-02T04:00');
    expect(toLocalInput(nextWholeHour(new Date(2031, 0, 2, 23, 30)))).toBe('2031-01-03T00:00');
    expect(addHours(new Date(0), 2).getTime()).toBe(7_200_000);
  });
});
