/** Words and numbers for interview windows, deadlines and countdowns, in the viewer's time zone. */

const dayTime = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});
const dayTimeYear = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});
const timeOnly = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** "Tue 12 Mar, 09:00" (with the year when it is not this year). */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  return (d.getFullYear() === new Date().getFullYear() ? dayTime : dayTimeYear).format(d);
}

export function formatTime(iso: string): string {
  return timeOnly.format(new Date(iso));
}

/** "Tue 12 Mar, 09:00 – 17:00" on one day, else both ends in full. */
export function formatWindow(startIso: string, endIso: string): string {
  const start = new Date(startIso);
  const end = new Date(endIso);
  return sameDay(start, end) ? `${formatWhen(startIso)} – ${formatTime(endIso)}` : `${formatWhen(startIso)} – ${formatWhen(endIso)}`;
}

/** 5400 → "1 h 30 min"; 59 → "under a minute"; 200000 → "2 days 7 h". Coarse on purpose: it is read, not timed. */
export function formatSpan(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return 'under a minute';
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (days > 0) return hours ? `${days} ${days === 1 ? 'day' : 'days'} ${hours} h` : `${days} ${days === 1 ? 'day' : 'days'}`;
  if (hours > 0) return minutes ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** The same span in full words, for screen readers: "1 hour 30 minutes". */
export function formatSpanWords(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  if (s < 60) return 'less than a minute';
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const part = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days > 0) return [part(days, 'day'), hours ? part(hours, 'hour') : ''].filter(Boolean).join(' ');
  return [hours ? part(hours, 'hour') : '', minutes ? part(minutes, 'minute') : ''].filter(Boolean).join(' ');
}

/** 90 → "1 h 30 min", 45 → "45 min". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The viewer's time zone, e.g. "Europe/Paris (UTC+01:00)", so a coach knows how the times are read. */
export function timeZoneLabel(at = new Date()): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '−';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${zone ?? 'local time'} (UTC${sign}${hh}:${mm})`;
}
