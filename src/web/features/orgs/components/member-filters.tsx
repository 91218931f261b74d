import { Search } from 'lucide-react';
import type { OrgRole, Team } from '../../../../contract/index.js';
import { roles } from '../../../lib/org-meta.js';
import { SelectField, TextField } from '../../../ui/field.js';

/** Search by name or email and filter by role and team; the page keeps them in the URL. */
export function MemberFilters({
  search,
  setSearch,
  role,
  teamId,
  teams,
  setParam,
}: {
  search: string;
  setSearch: (text: string) => void;
  role: OrgRole | undefined;
  teamId: string | undefined;
  teams: Team[] | undefined;
  setParam: (key: string, value: string | undefined) => void;
}) {
  return (
    <div role="search" aria-label="Filter members" className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]">
      <div className="relative">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className="pl-10"
          autoComplete="off"
        />
        <Search className="pointer-events-none absolute bottom-3.5 left-3.5 size-4 text-fg-subtle" aria-hidden="true" />
      </div>
      <SelectField label="Role" value={role ?? ''} onChange={(e) => setParam('role', e.target.value || undefined)}>
        <option value="">All roles</option>
        {roles.map((r) => (
          <option key={r.value} value={r.value}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Team"
        value={teamId ?? ''}
        onChange={(e) => setParam('team', e.target.value || undefined)}
        disabled={!teams?.length}
      >
        <option value="">All teams</option>
        {(teams ?? []).map((t: Team) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
