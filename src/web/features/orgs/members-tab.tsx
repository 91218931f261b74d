import { Search, UserPlus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { orgRole, type Member, type OrgRole, type Team } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { useMediaQuery } from '../../lib/use-media-query.js';
import { Alert } from '../../ui/alert.js';
import { buttonClass } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useAssignments, useMembers, useRemoveMember, useTeams, useUpdateMember } from '../../lib/api/orgs.js';
import { MemberCards, MemberTable, type MemberActions } from './components/member-list.js';
import { roleLabel, roles, withArticle } from '../../lib/org-meta.js';
import { useOrgContext } from './org-layout.js';

const PAGE_SIZE = 20;

type Pending = { kind: 'role'; member: Member; role: OrgRole } | { kind: 'remove'; member: Member };

export function MembersTab() {
  const { org, isAdmin, userId } = useOrgContext();
  const [params, setParams] = useSearchParams();
  const roleParam = orgRole.safeParse(params.get('role'));
  const role = roleParam.success ? roleParam.data : undefined;
  const teamId = params.get('team') ?? undefined;
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [search, setSearch] = useState(q);
  const wide = useMediaQuery('(min-width: 768px)');

  const filter = { role, teamId, q: q || undefined, page, limit: PAGE_SIZE };
  const members = useMembers(org.id, filter);
  const teams = useTeams(org.id);
  const assignments = useAssignments(org.id);
  const update = useUpdateMember(org.id);
  const remove = useRemoveMember(org.id);
  const [pending, setPending] = useState<Pending | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function setParam(key: string, value: string | undefined) {
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        if (key !== 'page') next.delete('page');
        return next;
      },
      { replace: true },
    );
  }

  // Search as the person types, without a request per keystroke.
  useEffect(() => {
    if (search.trim() === q) return;
    const t = setTimeout(() => setParam('q', search.trim() || undefined), 300);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- setParam is rebuilt every render
  }, [search, q]);

  const teamNames = useMemo(() => new Map((teams.data?.items ?? []).map((t) => [t.id, t.name])), [teams.data]);
  const coachNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const a of assignments.data?.items ?? []) names.set(a.coach.id, a.coach.name);
    for (const m of members.data?.items ?? []) names.set(m.userId, m.name);
    return names;
  }, [assignments.data, members.data]);

  const actions: MemberActions = {
    canEdit: isAdmin,
    selfId: userId,
    teams: teams.data?.items ?? [],
    teamNames,
    coachNames,
    busyUserId: update.isPending ? (update.variables?.userId ?? null) : null,
    onRole: (member, next) => {
      update.reset();
      setPending({ kind: 'role', member, role: next });
    },
    onTeam: (member, next) => {
      if (next === member.teamId) return;
      setNotice(null);
      update.mutate(
        { userId: member.userId, body: { teamId: next } },
        {
          onSuccess: () =>
            setNotice(next ? `${member.name} moved to ${teamNames.get(next) ?? 'the team'}.` : `${member.name} is no longer in a team.`),
          onError: (err) => setNotice(`Could not change ${member.name}'s team: ${errorMessage(err)}`),
        },
      );
    },
    onRemove: (member) => {
      remove.reset();
      setPending({ kind: 'remove', member });
    },
  };

  function confirm() {
    if (!pending) return;
    const { member } = pending;
    if (pending.kind === 'role') {
      update.mutate(
        { userId: member.userId, body: { role: pending.role } },
        {
          onSuccess: () => {
            setPending(null);
            setNotice(`${member.name} is now ${withArticle(pending.role)}.`);
          },
        },
      );
    } else {
      remove.mutate(member.userId, {
        onSuccess: () => {
          setPending(null);
          setNotice(`${member.name} was removed from ${org.name}.`);
        },
      });
    }
  }

  const dialogError = pending?.kind === 'role' ? update.error : pending?.kind === 'remove' ? remove.error : null;
  const filtered = Boolean(role || teamId || q);

  return (
    <section aria-labelledby="members-heading" className="space-y-5">
      <title>{`Members · ${org.name} · Panelist`}</title>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="members-heading" className="text-lg font-semibold tracking-tight text-fg">
            Members
          </h2>
          <p className="text-sm text-fg-muted">
            {isAdmin ? 'Change roles and teams, or remove people who have left.' : 'Admins, coaches, and the candidates assigned to you.'}
          </p>
        </div>
        <Link to="../invitations" className={buttonClass('secondary', 'sm')}>
          <UserPlus className="size-4" aria-hidden="true" /> Invite people
        </Link>
      </div>

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
          disabled={!teams.data?.items.length}
        >
          <option value="">All teams</option>
          {(teams.data?.items ?? []).map((t: Team) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </SelectField>
      </div>

      {notice ? (
        <Alert tone={notice.startsWith('Could not') ? 'error' : 'success'} className="animate-fade-up">
          {notice}
        </Alert>
      ) : null}

      <div className="card overflow-hidden">
        {members.isPending ? (
          <ul className="divide-y divide-border" aria-hidden="true">
            {[0, 1, 2].map((i) => (
              <li key={i} className="flex items-center gap-4 px-5 py-4">
                <Skeleton className="size-9 rounded-full" />
                <div className="flex-1 space-y-2">
                  <Skeleton className="h-4 w-1/3" />
                  <Skeleton className="h-3 w-1/2" />
                </div>
              </li>
            ))}
          </ul>
        ) : members.isError ? (
          <div className="p-5">
            <Alert title="Could not load the members">{errorMessage(members.error)}</Alert>
          </div>
        ) : members.data.items.length === 0 ? (
          <p className="px-5 py-12 text-center text-fg-muted">
            {filtered ? 'Nobody matches these filters.' : 'No members yet. Invite people to get started.'}
          </p>
        ) : wide ? (
          <MemberTable members={members.data.items} actions={actions} />
        ) : (
          <MemberCards members={members.data.items} actions={actions} />
        )}
      </div>
      <p className="sr-only" aria-live="polite">
        {members.data ? `${members.data.total} ${members.data.total === 1 ? 'member' : 'members'}${filtered ? ' match' : ''}` : ''}
      </p>
      {members.data ? (
        <Pagination page={members.data.page} pages={members.data.pages} onPage={(p) => setParam('page', String(p))} label="Member pages" />
      ) : null}

      <ConfirmDialog
        open={pending?.kind === 'role'}
        title={pending?.kind === 'role' ? `Make ${pending.member.name} ${withArticle(pending.role)}?` : ''}
        confirmLabel="Change role"
        busy={update.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'role' ? (
          <div className="space-y-3">
            <p>
              {pending.member.userId === userId ? 'Your' : `${pending.member.name}'s`} role changes from {roleLabel(pending.member.role)} to{' '}
              {roleLabel(pending.role)}. {roleConsequence(pending.member, pending.role, pending.member.userId === userId)}
            </p>
            {dialogError ? <ProblemAlert error={dialogError} /> : null}
          </div>
        ) : null}
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'remove'}
        tone="danger"
        title={
          pending?.kind === 'remove' ? (pending.member.userId === userId ? `Leave ${org.name}?` : `Remove ${pending.member.name}?`) : ''
        }
        confirmLabel={pending?.kind === 'remove' && pending.member.userId === userId ? 'Leave organization' : 'Remove member'}
        busy={remove.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending?.kind === 'remove' ? (
          <div className="space-y-3">
            <p>
              {pending.member.userId === userId ? 'You lose' : `${pending.member.name} loses`} access to {org.name}, and any coach
              assignments end. Their own practice interviews stay theirs.
            </p>
            {dialogError ? <ProblemAlert error={dialogError} /> : null}
          </div>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function roleConsequence(member: Member, next: OrgRole, self: boolean): string {
  const they = self ? 'You' : 'They';
  const their = self ? 'Your' : 'Their';
  if (next === 'admin') return 'Admins manage members, teams, invitations and assignments.';
  if (next === 'candidate' && member.role !== 'candidate')
    return member.candidateCount > 0
      ? `${their} ${member.candidateCount} candidate ${member.candidateCount === 1 ? 'assignment ends' : 'assignments end'}.`
      : `${they} will no longer coach anyone here.`;
  if (member.role === 'candidate')
    return member.coachIds.length > 0 ? `${their} coach assignments end.` : `${they} can then be assigned candidates.`;
  if (member.role === 'admin') return `${they} will no longer be able to manage the organization.`;
  return '';
}

/** Explains the problems people can run into here in their terms; 409 is the "last admin" rule. */
export function ProblemAlert({ error }: { error: unknown }) {
  const lastAdmin = error instanceof ApiError && error.status === 409 && /admin/i.test(error.message);
  return <Alert title={lastAdmin ? 'An organization needs at least one admin' : 'That did not work'}>{errorMessage(error)}</Alert>;
}
