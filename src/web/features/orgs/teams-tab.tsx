import { Pencil, Plus, Trash2, UsersRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Team } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { Dialog } from '../../ui/dialog.js';
import { TextField } from '../../ui/field.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCreateTeam, useDeleteTeam, useRenameTeam, useTeams } from '../../lib/api/orgs.js';
import { AdminOnly, useOrgContext } from './org-layout.js';

/** A name error the person can fix in the field (empty, too long, already taken). */
function nameError(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  if (err.fieldErrors.name) return sentence(err.fieldErrors.name);
  if (err.status === 409) return err.message;
  return undefined;
}

export function TeamsTab() {
  return (
    <AdminOnly>
      <Teams />
    </AdminOnly>
  );
}

function Teams() {
  const { org } = useOrgContext();
  const teams = useTeams(org.id);
  const create = useCreateTeam(org.id);
  const remove = useDeleteTeam(org.id);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [renaming, setRenaming] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    if (!name.trim()) {
      setError('Enter a team name.');
      form.querySelector('input')?.focus();
      return;
    }
    setError(undefined);
    setNotice(null);
    create.mutate(name.trim(), {
      onSuccess: (team) => {
        setName('');
        setNotice(`Team “${team.name}” created.`);
      },
      onError: (err) => {
        setError(nameError(err));
        form.querySelector('input')?.focus();
      },
    });
  }

  return (
    <section aria-labelledby="teams-heading" className="space-y-5">
      <title>{`Teams · ${org.name} · Panelist`}</title>
      <div>
        <h2 id="teams-heading" className="text-lg font-semibold tracking-tight text-fg">
          Teams
        </h2>
        <p className="text-sm text-fg-muted">Group members by department, class or cohort, then filter members and results by team.</p>
      </div>

      <form onSubmit={onCreate} noValidate className="card flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:p-5">
        <div className="flex-1">
          <TextField
            label="New team"
            name="team-name"
            placeholder="e.g. Platform engineering"
            maxLength={120}
            value={name}
            onChange={(e) => setName(e.target.value)}
            error={error}
          />
        </div>
        <Button type="submit" loading={create.isPending} loadingText="Adding…" className="sm:mt-7">
          <Plus className="size-4" aria-hidden="true" /> Add team
        </Button>
      </form>
      {create.error && !error ? <Alert title="Could not add the team">{errorMessage(create.error)}</Alert> : null}
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <div className="card overflow-hidden">
        {teams.isPending ? (
          <div className="space-y-3 p-5" aria-hidden="true">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-5 w-1/4" />
          </div>
        ) : teams.isError ? (
          <div className="p-5">
            <Alert title="Could not load the teams">{errorMessage(teams.error)}</Alert>
          </div>
        ) : teams.data.items.length === 0 ? (
          <p className="px-5 py-12 text-center text-fg-muted">No teams yet. Teams are optional; add one above when you need them.</p>
        ) : (
          <ul className="divide-y divide-border" aria-label="Teams">
            {teams.data.items.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-3 px-4 py-3 sm:px-5">
                <span className="grid size-9 shrink-0 place-items-center rounded-xl bg-surface-muted text-fg-muted" aria-hidden="true">
                  <UsersRound className="size-4" />
                </span>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium text-fg">{t.name}</p>
                  <Link to={`../members?team=${t.id}`} className="text-sm text-primary underline-offset-4 hover:underline">
                    {t.memberCount} {t.memberCount === 1 ? 'member' : 'members'}
                    <span className="sr-only"> in {t.name}</span>
                  </Link>
                </div>
                <div className="flex gap-1">
                  <Button variant="ghost" size="sm" onClick={() => setRenaming(t)}>
                    <Pencil className="size-4" aria-hidden="true" /> Rename<span className="sr-only"> {t.name}</span>
                  </Button>
                  <Button
                    variant="ghost"
                    size="sm"
                    className="text-danger hover:text-danger"
                    onClick={() => {
                      remove.reset();
                      setDeleting(t);
                    }}
                  >
                    <Trash2 className="size-4" aria-hidden="true" /> Delete<span className="sr-only"> {t.name}</span>
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>

      <RenameTeamDialog team={renaming} onClose={() => setRenaming(null)} onRenamed={(t) => setNotice(`Team renamed to “${t.name}”.`)} />
      <ConfirmDialog
        open={deleting !== null}
        tone="danger"
        title={deleting ? `Delete the team “${deleting.name}”?` : ''}
        confirmLabel="Delete team"
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const gone = deleting;
          remove.mutate(gone.id, {
            onSuccess: () => {
              setDeleting(null);
              setNotice(`Team “${gone.name}” deleted.`);
            },
          });
        }}
      >
        <div className="space-y-3">
          <p>
            {deleting && deleting.memberCount > 0
              ? `Its ${deleting.memberCount} ${deleting.memberCount === 1 ? 'member stays' : 'members stay'} in the organization without a team.`
              : 'Nobody is in this team.'}
          </p>
          {remove.error ? <Alert>{errorMessage(remove.error)}</Alert> : null}
        </div>
      </ConfirmDialog>
    </section>
  );
}

function RenameTeamDialog({ team, onClose, onRenamed }: { team: Team | null; onClose: () => void; onRenamed: (t: Team) => void }) {
  return (
    <Dialog open={team !== null} title="Rename team" onClose={onClose}>
      {team ? <RenameTeamForm key={team.id} team={team} onClose={onClose} onRenamed={onRenamed} /> : null}
    </Dialog>
  );
}

function RenameTeamForm({ team, onClose, onRenamed }: { team: Team; onClose: () => void; onRenamed: (t: Team) => void }) {
  const { org } = useOrgContext();
  const rename = useRenameTeam(org.id);
  const [name, setName] = useState(team.name);
  const [error, setError] = useState<string | undefined>();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a team name.');
      return;
    }
    rename.mutate(
      { teamId: team.id, name: name.trim() },
      {
        onSuccess: (t) => {
          onRenamed(t);
          onClose();
        },
        onError: (err) => setError(nameError(err)),
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      {rename.error && !error ? <Alert>{errorMessage(rename.error)}</Alert> : null}
      <TextField
        label="Team name"
        name="team-rename"
        autoFocus
        maxLength={120}
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={error}
      />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button type="submit" loading={rename.isPending} loadingText="Saving…">
          Save name
        </Button>
      </div>
    </form>
  );
}
