import type { ResumeLink, ResumePosition } from '../../../contract/index.js';

const monthNames = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "2021-03" → "Mar 2021", "2021" → "2021", "present" → "Present", null → "?". */
export function formatMonth(value: string | null): string {
  if (!value) return '?';
  if (value === 'present') return 'Present';
  const [y, m] = value.split('-').map(Number);
  if (!y) return value;
  return m ? monthNames.format(Date.UTC(y, m - 1, 1)) : String(y);
}

function monthIndex(value: string | null, now: Date, end: boolean): number | null {
  if (!value) return null;
  if (value === 'present') return now.getFullYear() * 12 + now.getMonth();
  const [y, m] = value.split('-').map(Number);
  if (!y) return null;
  // A bare year counts from January when starting and to December when ending.
  return y * 12 + (m ? m - 1 : end ? 11 : 0);
}

/** "2 yrs 3 mos" between start and end (inclusive of both months), or null when a date is missing. */
export function positionDuration(p: Pick<ResumePosition, 'start' | 'end'>, now = new Date()): string | null {
  const from = monthIndex(p.start, now, false);
  const to = monthIndex(p.end, now, true);
  if (from === null || to === null || to < from) return null;
  const months = to - from + 1;
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const parts = [];
  if (years) parts.push(`${years} yr${years === 1 ? '' : 's'}`);
  if (rest) parts.push(`${rest} mo${rest === 1 ? '' : 's'}`);
  return parts.join(' ') || null;
}

export function formatYears(years: number | null): string {
  if (years === null) return 'Not stated';
  const rounded = Math.round(years * 10) / 10;
  return `${rounded} year${rounded === 1 ? '' : 's'}`;
}

export const linkKindLabels: Record<ResumeLink['kind'], string> = {
  linkedin: 'LinkedIn',
  github: 'GitHub',
  website: 'Website',
  other: 'Link',
};

/** A clickable href for a link as written on a resume ("github.com/ada" → https://github.com/ada); null when unsafe. */
export function linkHref(url: string): string | null {
  const trimmed = url.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  try {
    const parsed = new URL(withScheme);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Canonical section names ("work_experience") as headings ("Work experience"). */
export function sectionLabel(name: string): string {
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const MONTH_OR_YEAR = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
