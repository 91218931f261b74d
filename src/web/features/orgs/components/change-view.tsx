import { ArrowRight } from 'lucide-react';
import { orgRole } from '../../../../contract/index.js';
import { roleLabel } from '../../../lib/org-meta.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Names for the ids an audit entry holds (members, teams), so people read names, not UUIDs. */
export type NameLookup = (id: string) => string | undefined;

/** "removedAssignments" → "Removed assignments"; "teamId" → "Team". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/Id$/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function formatValue(key: string, value: unknown, lookup: NameLookup): string {
  if (value === null || value === undefined) return key.endsWith('Id') ? 'none' : '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') {
    if (key === 'role' && orgRole.safeParse(value).success) return roleLabel(orgRole.parse(value));
    if (UUID.test(value)) return lookup(value) ?? `${value.slice(0, 8)}…`;
    return value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map((v) => formatValue(key, v, lookup)).join(', ') || '—';
  return JSON.stringify(value);
}

function asRecord(v: unknown): Record<string, unknown> | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  return { value: v };
}

/**
 * What an audited action changed, as "Field: old → new" lines. Fields that did not change are
 * left out; an entry with only "after" (something created) lists its values.
 */
export function ChangeView({ before, after, lookup }: { before: unknown; after: unknown; lookup: NameLookup }) {
  const b = asRecord(before);
  const a = asRecord(after);
  if (!b && !a) return null;
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const rows = keys
    .map((key) => {
      const old = b && key in b ? b[key] : undefined;
      const now = a && key in a ? a[key] : undefined;
      return { key, old, now, changed: b !== null && a !== null && key in b && key in a && JSON.stringify(old) !== JSON.stringify(now) };
    })
    .filter((r) => !(b && a && r.key in b && r.key in a && !r.changed));
  if (rows.length === 0) return null;

  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 rounded-xl bg-surface-muted/70 px-3.5 py-2.5 text-sm">
      {rows.map(({ key, old, now, changed }) => (
        <div key={key} className="contents">
          <dt className="text-fg-subtle">{fieldLabel(key)}</dt>
          <dd className="min-w-0 break-words text-fg">
            {changed ? (
              <span className="inline-flex flex-wrap items-center gap-1.5">
                <span className="text-fg-muted line-through decoration-fg-subtle/60">{formatValue(key, old, lookup)}</span>
                <ArrowRight className="size-3.5 text-fg-subtle" aria-hidden="true" />
                <span className="sr-only">changed to</span>
                <span className="font-medium">{formatValue(key, now, lookup)}</span>
              </span>
            ) : now !== undefined ? (
              <span>{formatValue(key, now, lookup)}</span>
            ) : (
              <span className="text-fg-muted">
                <span className="sr-only">was </span>
                {formatValue(key, old, lookup)}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
