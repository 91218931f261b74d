import { Link2, UserMinus } from 'lucide-react';
import { useMemo, useState, type FormEvent } from 'react';
import type { Assignment } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { formatDate, initials } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { SelectField } from '../../ui/field.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useAssign, useAssignments, useMembers, useUnassign } from '../../lib/api/orgs.js';
import { useOrgContext } from './org-layout.js';

/** Pickers list up to this many people per role; the members page has search for larger orgs. */
const PICKER_LIMIT = 100;

export function AssignmentsTab() {
  const { org, isAdmin, userId } = useOrgContext();
  const assignments = useAssignments(org.id);
  const unassign = useUnassign(org.id);
  const [removing, setRemoving] = useState<Assignment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const byCoach = useMemo(() => {
    const groups = new Map<string, { coach: Assignment['coach']; items: Assignment[] }>();
    for (const a of assignments.data?.items ?? []) {
      const g = groups.get(a.coach.id) ?? { coach: a.coach, items: [] };
      g.items.push(a);
      groups.set(a.coach.id, g);
    }
    return [...groups.values()].sort((a, b) => a.coach.name.localeCompare(b.coach.name));
  }, [assignments.data]);

  return (
    <div className="space-y-8">
      <title>{`Assignments · ${org.name} · Panelist`}</title>
      {isAdmin ? <AssignForm onAssigned={(a) => setNotice(`${a.coach.name} now coaches ${a.candidate.name}.`)} /> : null}

      <section aria-labelledby="assignments-heading" className="space-y-4">
        <div>
          <h2 id="assignments-heading" className="text-lg font-semibold tracking-tight text-fg">
            {isAdmin ? 'Who coaches whom' : 'Your candidates'}
          </h2>
          <p className="text-sm text-fg-muted">
            {isAdmin
              ? 'A coach schedules interviews for, and reviews, only the candidates assigned to them.'
              : 'You can schedule interviews for these candidates and review their results.'}
          </p>
        </div>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {assignments.isPending ? (
          <div className="card space-y-3 p-5" aria-hidden="true">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-5 w-1/2" />
          </div>
        ) : assignments.isError ? (
          <Alert title="Could not load the assignments">{errorMessage(assignments.error)}</Alert>
        ) : byCoach.length === 0 ? (
          <p className="card px-5 py-12 text-center text-fg-muted">
            {isAdmin
              ? 'No assignments yet. Pick a coach and a candidate above.'
              : 'No candidates are assigned to you yet. An admin assigns them.'}
          </p>
        ) : (
          <ul className="grid gap-4 lg:grid-cols-2">
            {byCoach.map(({ coach, items }) => (
              <li key={coach.id} className="card overflow-hidden">
                <h3 className="flex items-center gap-3 border-b border-border bg-surface-muted/50 px-4 py-3 sm:px-5">
                  <span
                    className="grid size-8 shrink-0 place-items-center rounded-full bg-success-soft text-xs font-semibold text-success"
                    aria-hidden="true"
                  >
                    {initials(coach.name)}
                  </span>
                  <span className="min-w-0 flex-1 truncate font-semibold text-fg">
                    {coach.id === userId ? `${coach.name} (you)` : coach.name}
                  </span>
                  <span className="text-sm font-normal text-fg-subtle">
                    {items.length} {items.length === 1 ? 'candidate' : 'candidates'}
                  </span>
                </h3>
                <ul className="divide-y divide-border" aria-label={`Candidates of ${coach.name}`}>
                  {items.map((a) => (
                    <li key={a.candidate.id} className="flex items-center gap-3 px-4 py-2.5 sm:px-5">
                      <div className="min-w-0 flex-1">
                        <p className="truncate text-fg">{a.candidate.name}</p>
                        <p className="text-sm text-fg-subtle">
                          since <time dateTime={a.createdAt}>{formatDate(a.createdAt)}</time>
                        </p>
                      </div>
                      {isAdmin ? (
                        <Button
                          variant="ghost"
                          size="sm"
                          className="text-danger hover:text-danger"
                          onClick={() => {
                            unassign.reset();
                            setRemoving(a);
                          }}
                        >
                          <UserMinus className="size-4" aria-hidden="true" />
                          <span className="max-sm:sr-only">Unassign</span>
                          <span className="sr-only">
                            {' '}
                            {a.candidate.name} from {a.coach.name}
                          </span>
                        </Button>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

      <ConfirmDialog
        open={removing !== null}
        tone="danger"
        title={removing ? `Stop ${removing.coach.name} coaching ${removing.candidate.name}?` : ''}
        confirmLabel="Unassign"
        busy={unassign.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (!removing) return;
          const a = removing;
          unassign.mutate(
            { coachId: a.coach.id, candidateId: a.candidate.id },
            {
              onSuccess: () => {
                setRemoving(null);
                setNotice(`${a.coach.name} no longer coaches ${a.candidate.name}.`);
              },
            },
          );
        }}
      >
        <div className="space-y-3">
          <p>
            The coach can no longer schedule interviews for this candidate or see their results. Interviews already done stay on record.
          </p>
          {unassign.error ? <Alert>{errorMessage(unassign.error)}</Alert> : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}

function AssignForm({ onAssigned }: { onAssigned: (a: Assignment) => void }) {
  const { org } = useOrgContext();
  const coaches = useMembers(org.id, { role: 'coach', page: 1, limit: PICKER_LIMIT });
  const admins = useMembers(org.id, { role: 'admin', page: 1, limit: PICKER_LIMIT });
  const candidates = useMembers(org.id, { role: 'candidate', page: 1, limit: PICKER_LIMIT });
  const assign = useAssign(org.id);
  const [coachId, setCoachId] = useState('');
  const [candidateId, setCandidateId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!coachId) next.coach = 'Choose a coach.';
    if (!candidateId) next.candidate = 'Choose a candidate.';
    setErrors(next);
    if (Object.keys(next).length) return;
    assign.mutate(
      { coachId, candidateId },
      {
        onSuccess: (a) => {
          setCandidateId('');
          onAssigned(a);
        },
      },
    );
  }

  const loading = coaches.isPending || admins.isPending || candidates.isPending;
  const noCoaches = !loading && (coaches.data?.total ?? 0) + (admins.data?.total ?? 0) === 0;
  const noCandidates = !loading && (candidates.data?.total ?? 0) === 0;

  return (
    <section aria-labelledby="assign-heading" className="card p-4 sm:p-6">
      <div className="mb-5 flex items-start gap-3">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <Link2 className="size-5" />
        </span>
        <div>
          <h2 id="assign-heading" className="text-lg font-semibold tracking-tight text-fg">
            Assign a coach
          </h2>
          <p className="text-sm text-fg-muted">A candidate can have several coaches; a coach can have many candidates.</p>
        </div>
      </div>
      {noCandidates ? (
        <Alert tone="info">No candidates in this organization yet. Invite candidates first; they appear here once they accept.</Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          {assign.error ? <Alert title="Could not assign">{errorMessage(assign.error)}</Alert> : null}
          <div className="grid gap-4 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)_auto] md:items-start">
            <SelectField
              label="Coach"
              value={coachId}
              onChange={(e) => setCoachId(e.target.value)}
              error={errors.coach}
              disabled={loading || noCoaches}
            >
              <option value="">{loading ? 'Loading…' : 'Choose a coach'}</option>
              {coaches.data?.items.length ? (
                <optgroup label="Coaches">
                  {coaches.data.items.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name} ({m.email})
                    </option>
                  ))}
                </optgroup>
              ) : null}
              {admins.data?.items.length ? (
                <optgroup label="Admins">
                  {admins.data.items.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.name} ({m.email})
                    </option>
                  ))}
                </optgroup>
              ) : null}
            </SelectField>
            <SelectField
              label="Candidate"
              value={candidateId}
              onChange={(e) => setCandidateId(e.target.value)}
              error={errors.candidate}
              disabled={loading}
            >
              <option value="">{loading ? 'Loading…' : 'Choose a candidate'}</option>
              {candidates.data?.items.map((m) => (
                <option key={m.userId} value={m.userId}>
                  {m.name} ({m.email})
                  {m.coachIds.length ? ` · ${m.coachIds.length} ${m.coachIds.length === 1 ? 'coach' : 'coaches'}` : ' · no coach yet'}
                </option>
              ))}
            </SelectField>
            <Button type="submit" loading={assign.isPending} loadingText="Assigning…" className="md:mt-7">
              Assign
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
