/** Between ISO instants and the value of an <input type="datetime-local"> (local wall time, minutes). */

const pad = (n: number) => String(n).padStart(2, '0');

/** A Date as "2025-03-12T09:30" in the device's time zone. */
export function toLocalInput(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function isoToLocalInput(iso: string | null | undefined): string {
  return iso ? toLocalInput(new Date(iso)) : '';
}

/** "2025-03-12T09:30" read as local time → ISO UTC, or null when empty or not a date. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The next whole hour from `now`, a sensible default opening for a new interview. */
export function nextWholeHour(now: Date): Date {
  const d = new Date(now);
  d.setMinutes(0, 0, 0);
  d.setHours(d.getHours() + 1);
  return d;
}

export function addHours(date: Date, hours: number): Date {
  return new Date(date.getTime() + hours * 3_600_000);
}
