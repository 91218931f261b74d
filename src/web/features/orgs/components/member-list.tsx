import { Trash2 } from 'lucide-react';
import type { Member, OrgRole, Team } from '../../../../contract/index.js';
import { formatDate, initials } from '../../../lib/format.js';
import { Badge } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { Spinner } from '../../../ui/spinner.js';
import { roleLabel, roles, roleTone } from '../../../lib/org-meta.js';

export interface MemberActions {
  canEdit: boolean;
  selfId: string;
  teams: Team[];
  teamNames: Map<string, string>;
  coachNames: Map<string, string>;
  /** The member whose change is being saved, to show a spinner in their row. */
  busyUserId: string | null;
  onRole: (member: Member, role: OrgRole) => void;
  onTeam: (member: Member, teamId: string | null) => void;
  onRemove: (member: Member) => void;
}

export const compactSelect =
  'h-9 w-full min-w-0 rounded-lg border border-border-strong bg-surface px-2.5 pr-8 text-sm text-fg transition-colors hover:border-fg-subtle focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring disabled:opacity-60';

function Person({ member, self }: { member: Member; self: boolean }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      <span
        className="grid size-9 shrink-0 place-items-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-fg"
        aria-hidden="true"
      >
        {initials(member.name)}
      </span>
      <div className="min-w-0">
        <p className="truncate font-medium text-fg">
          {member.name}
          {self ? <span className="ml-1.5 text-sm font-normal text-fg-subtle">(you)</span> : null}
        </p>
        <p className="truncate text-sm text-fg-subtle" title={member.email}>
          {member.email}
        </p>
      </div>
    </div>
  );
}

function Coaching({ member, coachNames }: { member: Member; coachNames: Map<string, string> }) {
  if (member.role === 'candidate') {
    if (member.coachIds.length === 0) return <span className="text-fg-subtle">No coach yet</span>;
    const names = member.coachIds.map((id) => coachNames.get(id)).filter(Boolean);
    return (
      <span className="text-fg-muted">
        Coached by{' '}
        {names.length === member.coachIds.length
          ? names.join(', ')
          : `${member.coachIds.length} ${member.coachIds.length === 1 ? 'coach' : 'coaches'}`}
      </span>
    );
  }
  if (member.candidateCount === 0) return <span className="text-fg-subtle">{member.role === 'coach' ? 'No candidates yet' : '—'}</span>;
  return (
    <span className="text-fg-muted">
      {member.candidateCount} {member.candidateCount === 1 ? 'candidate' : 'candidates'}
    </span>
  );
}

function RoleControl({ member, actions }: { member: Member; actions: MemberActions }) {
  if (!actions.canEdit) return <Badge tone={roleTone[member.role]}>{roleLabel(member.role)}</Badge>;
  return (
    <select
      aria-label={`Role of ${member.name}`}
      className={compactSelect}
      value={member.role}
      onChange={(e) => actions.onRole(member, e.target.value as OrgRole)}
    >
      {roles.map((r) => (
        <option key={r.value} value={r.value}>
          {r.label}
        </option>
      ))}
    </select>
  );
}

function TeamControl({ member, actions }: { member: Member; actions: MemberActions }) {
  const name = member.teamId ? (actions.teamNames.get(member.teamId) ?? 'A team') : null;
  if (!actions.canEdit) return <span className={name ? 'text-fg-muted' : 'text-fg-subtle'}>{name ?? 'No team'}</span>;
  return (
    <select
      aria-label={`Team of ${member.name}`}
      className={compactSelect}
      value={member.teamId ?? ''}
      disabled={actions.busyUserId === member.userId}
      onChange={(e) => actions.onTeam(member, e.target.value || null)}
    >
      <option value="">No team</option>
      {actions.teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </select>
  );
}

function RemoveButton({ member, actions, compact }: { member: Member; actions: MemberActions; compact?: boolean }) {
  const self = member.userId === actions.selfId;
  return (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => actions.onRemove(member)}
      className={cn('text-danger hover:text-danger', compact ? 'px-2.5' : '')}
    >
      <Trash2 className="size-4" aria-hidden="true" />
      <span className={compact ? 'sr-only' : undefined}>{self ? 'Leave' : 'Remove'}</span>
      <span className="sr-only"> {self ? 'the organization' : member.name}</span>
    </Button>
  );
}

/** Wide screens: a real table, so screen readers can move by row and column. */
export function MemberTable({ members, actions }: { members: Member[]; actions: MemberActions }) {
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">Members</caption>
      <thead className="border-b border-border bg-surface-muted/60 text-xs font-medium tracking-wide text-fg-subtle uppercase">
        <tr>
          <th scope="col" className="w-[34%] px-5 py-3 font-medium">
            Member
          </th>
          <th scope="col" className="w-40 px-3 py-3 font-medium">
            Role
          </th>
          <th scope="col" className="w-52 px-3 py-3 font-medium">
            Team
          </th>
          <th scope="col" className="hidden px-3 py-3 font-medium lg:table-cell">
            Coaching
          </th>
          <th scope="col" className="hidden px-3 py-3 font-medium xl:table-cell">
            Joined
          </th>
          {actions.canEdit ? (
            <th scope="col" className="w-16 px-3 py-3 font-medium">
              <span className="sr-only">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {members.map((m) => (
          <tr key={m.userId} className="align-middle">
            <td className="max-w-64 px-5 py-3">
              <Person member={m} self={m.userId === actions.selfId} />
            </td>
            <td className="px-3 py-3">
              <RoleControl member={m} actions={actions} />
            </td>
            <td className="px-3 py-3">
              <div className="flex items-center gap-2">
                <TeamControl member={m} actions={actions} />
                {actions.busyUserId === m.userId ? <Spinner className="size-4 shrink-0 text-fg-subtle" label="Saving" /> : null}
              </div>
            </td>
            <td className="hidden px-3 py-3 lg:table-cell">
              <Coaching member={m} coachNames={actions.coachNames} />
            </td>
            <td className="hidden px-3 py-3 whitespace-nowrap text-fg-subtle xl:table-cell">
              <time dateTime={m.joinedAt}>{formatDate(m.joinedAt)}</time>
            </td>
            {actions.canEdit ? (
              <td className="px-3 py-3 text-right">
                <RemoveButton member={m} actions={actions} compact />
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Narrow screens: one card per member with labelled controls stacked. */
export function MemberCards({ members, actions }: { members: Member[]; actions: MemberActions }) {
  return (
    <ul className="divide-y divide-border">
      {members.map((m) => (
        <li key={m.userId} className="space-y-3 px-4 py-4">
          <div className="flex items-start justify-between gap-2">
            <Person member={m} self={m.userId === actions.selfId} />
            {actions.canEdit ? <RemoveButton member={m} actions={actions} compact /> : null}
          </div>
          {actions.canEdit ? (
            <div className="grid grid-cols-2 gap-2">
              <RoleControl member={m} actions={actions} />
              <TeamControl member={m} actions={actions} />
            </div>
          ) : (
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <RoleControl member={m} actions={actions} />
              <TeamControl member={m} actions={actions} />
            </div>
          )}
          <p className="text-sm">
            <Coaching member={m} coachNames={actions.coachNames} />
          </p>
        </li>
      ))}
    </ul>
  );
}
