import { UserPlus } from 'lucide-react';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { orgRole } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { useMediaQuery } from '../../lib/use-media-query.js';
import { Alert } from '../../ui/alert.js';
import { buttonClass } from '../../ui/button.js';
import { Pagination } from '../../ui/pagination.js';
import { useAssignments, useMembers, useRemoveMember, useTeams, useUpdateMember } from '../../lib/api/orgs.js';
import { MemberDialogs, type Pending } from './components/member-dialogs.js';
import { MemberFilters } from './components/member-filters.js';
import { type MemberActions } from './components/member-list.js';
import { MemberResults } from './components/member-results.js';
import { withArticle } from '../../lib/org-meta.js';
import { useOrgContext } from './org-layout.js';

const PAGE_SIZE = 20;

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

      <MemberFilters search={search} setSearch={setSearch} role={role} teamId={teamId} teams={teams.data?.items} setParam={setParam} />

      {notice ? (
        <Alert tone={notice.startsWith('Could not') ? 'error' : 'success'} className="animate-fade-up">
          {notice}
        </Alert>
      ) : null}

      <MemberResults members={members} actions={actions} wide={wide} filtered={filtered} />

      <p className="sr-only" aria-live="polite">
        {members.data ? `${members.data.total} ${members.data.total === 1 ? 'member' : 'members'}${filtered ? ' match' : ''}` : ''}
      </p>
      {members.data ? (
        <Pagination page={members.data.page} pages={members.data.pages} onPage={(p) => setParam('page', String(p))} label="Member pages" />
      ) : null}

      <MemberDialogs
        pending={pending}
        orgName={org.name}
        userId={userId}
        dialogError={dialogError}
        updating={update.isPending}
        removing={remove.isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      />
    </section>
  );
}
