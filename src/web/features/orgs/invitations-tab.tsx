import { Mail, RotateCw, Send, XCircle } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { invitationStatus, type Invitation, type InvitationStatus, type OrgRole } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { formatDate, formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { ChoiceChips } from '../../ui/choice-chips.js';
import { cn } from '../../ui/cn.js';
import { ConfirmDialog } from '../../ui/confirm-dialog.js';
import { SelectField, TextField } from '../../ui/field.js';
import { Pagination } from '../../ui/pagination.js';
import { Skeleton } from '../../ui/skeleton.js';
import { EmailText } from './components/email-text.js';
import { useCurrentUser, useResendVerification } from '../../lib/api/auth.js';
import { useInvitations, useInvite, useRevokeInvitation, useTeams } from '../../lib/api/orgs.js';
import { invitationStatusLabel, invitationStatusTone, roleLabel, roles, roleTone } from '../../lib/org-meta.js';
import { useOrgContext } from './org-layout.js';

const PAGE_SIZE = 20;

export function InvitationsTab() {
  const { org, isAdmin } = useOrgContext();
  const [params, setParams] = useSearchParams();
  const statusParam = invitationStatus.safeParse(params.get('status'));
  const status = statusParam.success ? statusParam.data : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const invitations = useInvitations(org.id, { status, page, limit: PAGE_SIZE });
  const teams = useTeams(org.id);
  const teamNames = new Map((teams.data?.items ?? []).map((t) => [t.id, t.name]));
  const invite = useInvite(org.id);
  const revoke = useRevokeInvitation(org.id);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);

  function setFilter(next: InvitationStatus | undefined) {
    setParams(next ? { status: next } : {}, { replace: true });
  }

  function sendAgain(inv: Invitation) {
    setNotice(null);
    invite.mutate(
      { email: inv.email, role: inv.role, ...(inv.teamId ? { teamId: inv.teamId } : {}) },
      {
        onSuccess: () => setNotice({ tone: 'success', text: `A new invitation is on its way to ${inv.email}.` }),
        onError: (err) => setNotice({ tone: 'error', text: `Could not invite ${inv.email} again: ${errorMessage(err)}` }),
      },
    );
  }

  return (
    <div className="space-y-8">
      <title>{`Invitations · ${org.name} · Panelist`}</title>
      <InviteForm
        onSent={(inv) =>
          setNotice({
            tone: 'success',
            text: `Invitation sent to ${inv.email}. The link in the email works once, until ${formatDateTime(inv.expiresAt)}.`,
          })
        }
      />

      <section aria-labelledby="invitations-heading" className="space-y-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h2 id="invitations-heading" className="text-lg font-semibold tracking-tight text-fg">
              Sent invitations
            </h2>
            <p className="text-sm text-fg-muted">{isAdmin ? 'Everyone invited to the organization.' : 'The candidates you invited.'}</p>
          </div>
          <ChoiceChips legend="Show invitations" options={filters} value={status} onChange={setFilter} />
        </div>
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        <div className="card overflow-hidden">
          {invitations.isPending ? (
            <div className="space-y-3 p-5" aria-hidden="true">
              <Skeleton className="h-5 w-1/2" />
              <Skeleton className="h-5 w-1/3" />
            </div>
          ) : invitations.isError ? (
            <div className="p-5">
              <Alert title="Could not load the invitations">{errorMessage(invitations.error)}</Alert>
            </div>
          ) : invitations.data.items.length === 0 ? (
            <p className="px-5 py-12 text-center text-fg-muted">
              {status
                ? `No ${invitationStatusLabel[status].toLowerCase()} invitations.`
                : 'No invitations yet. Invite someone with the form above.'}
            </p>
          ) : (
            <ul className="divide-y divide-border" aria-label="Invitations">
              {invitations.data.items.map((inv) => (
                <InvitationRow
                  key={inv.id}
                  invitation={inv}
                  teamName={inv.teamId ? teamNames.get(inv.teamId) : undefined}
                  busy={invite.isPending && invite.variables?.email === inv.email}
                  onSendAgain={() => sendAgain(inv)}
                  onRevoke={() => {
                    revoke.reset();
                    setRevoking(inv);
                  }}
                />
              ))}
            </ul>
          )}
        </div>
        {invitations.data ? (
          <Pagination
            page={invitations.data.page}
            pages={invitations.data.pages}
            onPage={(p) => setParams({ ...(status ? { status } : {}), page: String(p) }, { replace: true })}
            label="Invitation pages"
          />
        ) : null}
      </section>

      <ConfirmDialog
        open={revoking !== null}
        tone="danger"
        title="Revoke this invitation?"
        confirmLabel="Revoke invitation"
        busy={revoke.isPending}
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (!revoking) return;
          const inv = revoking;
          revoke.mutate(inv.id, {
            onSuccess: () => {
              setRevoking(null);
              setNotice({ tone: 'success', text: `The invitation for ${inv.email} was revoked; its link no longer works.` });
            },
          });
        }}
      >
        <div className="space-y-3">
          <p>The link sent to {revoking?.email} stops working at once. You can invite them again later.</p>
          {revoke.error ? <Alert>{errorMessage(revoke.error)}</Alert> : null}
        </div>
      </ConfirmDialog>
    </div>
  );
}

function InviteForm({ onSent }: { onSent: (invitation: Invitation) => void }) {
  const { org, isAdmin } = useOrgContext();
  const teams = useTeams(org.id);
  const invite = useInvite(org.id);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<OrgRole>('candidate');
  const [teamId, setTeamId] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const next: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) next.email = 'Enter an email address, like name@example.com.';
    setErrors(next);
    if (Object.keys(next).length) {
      form.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
      return;
    }
    invite.mutate(
      { email: email.trim(), role: isAdmin ? role : 'candidate', ...(teamId ? { teamId } : {}) },
      {
        onSuccess: (inv) => {
          setEmail('');
          onSent(inv);
          form.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
        },
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const fe: Record<string, string> = {};
          if (err.fieldErrors.email) fe.email = sentence(err.fieldErrors.email);
          if (err.code === 'already_member' || err.status === 409) fe.email = sentence(err.message);
          setErrors(fe);
          if (fe.email) form.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
        },
      },
    );
  }

  const user = useCurrentUser();
  // The server refuses invitations from an unconfirmed address; say so before anyone types, and
  // also when the refusal comes back (the address may have changed in another tab).
  const refusedUnconfirmed = invite.error instanceof ApiError && invite.error.problem.details?.reason === 'email_unconfirmed';
  const unconfirmed = refusedUnconfirmed || (user !== null && !user.emailVerified);
  const formError = invite.error && !refusedUnconfirmed && Object.keys(errors).length === 0 ? errorMessage(invite.error) : null;
  const teamOptions = teams.data?.items ?? [];

  return (
    <section aria-labelledby="invite-heading" className="card p-4 sm:p-6">
      <div className="mb-5 flex items-start gap-3">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <Mail className="size-5" />
        </span>
        <div>
          <h2 id="invite-heading" className="text-lg font-semibold tracking-tight text-fg">
            {isAdmin ? 'Invite people' : 'Invite a candidate'}
          </h2>
          <p className="text-sm text-fg-muted">
            {isAdmin
              ? 'They get an email with a link to join. New people create their account from the link.'
              : 'They get an email with a link to join as a candidate. An admin can then assign them to you.'}
          </p>
        </div>
      </div>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        {unconfirmed ? <ConfirmEmailFirst refusedAt={refusedUnconfirmed ? invite.submittedAt : 0} /> : null}
        {formError ? <Alert title="Could not send the invitation">{formError}</Alert> : null}
        <div
          className={cn(
            'grid gap-4',
            isAdmin ? 'md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_minmax(0,1fr)]' : 'md:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]',
          )}
        >
          <TextField
            label="Email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={errors.email}
          />
          {isAdmin ? (
            <SelectField label="Role" name="role" value={role} onChange={(e) => setRole(e.target.value as OrgRole)}>
              {roles.map((r) => (
                <option key={r.value} value={r.value}>
                  {r.label}
                </option>
              ))}
            </SelectField>
          ) : null}
          <SelectField
            label="Team"
            name="team"
            optional
            value={teamId}
            onChange={(e) => setTeamId(e.target.value)}
            disabled={teamOptions.length === 0}
          >
            <option value="">{teamOptions.length === 0 ? 'No teams yet' : 'No team'}</option>
            {teamOptions.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-fg-subtle">{isAdmin ? roles.find((r) => r.value === role)?.description : null}</p>
          <Button
            type="submit"
            loading={invite.isPending && invite.variables?.email === email.trim()}
            loadingText="Sending…"
            className="shrink-0"
          >
            <Send className="size-4" aria-hidden="true" /> Send invitation
          </Button>
        </div>
      </form>
    </section>
  );
}

/** Invitations wait for a confirmed address: a way to get the confirmation mail again, right here. */
/** `refusedAt`: when the invitation the server refused was sent (0 when none was refused). */
function ConfirmEmailFirst({ refusedAt }: { refusedAt: number }) {
  const resend = useResendVerification();
  // A mail sent after the refusal means it has been acted on: a success sentence inside a red
  // alert would read as another failure. A refusal after the mail is news again.
  const sentAfterRefusal = resend.isSuccess && resend.submittedAt > refusedAt;
  const refused = refusedAt > 0 && !sentAfterRefusal;
  return (
    <Alert tone={refused ? 'error' : 'info'} title="Confirm your email first">
      <p>
        An invitation is sent in your name, so it waits until your address is confirmed. Use the link in the confirmation mail, or enter its
        code on{' '}
        <Link to="/account/security" className="underline">
          your account’s security page
        </Link>
        .
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button
          type="button"
          size="sm"
          variant="secondary"
          loading={resend.isPending}
          loadingText="Sending…"
          onClick={() => resend.mutate()}
        >
          Send the confirmation mail again
        </Button>
        {resend.isSuccess && !refused ? <span role="status">{resend.data.message}</span> : null}
        {resend.isError ? <span>{errorMessage(resend.error)}</span> : null}
      </div>
    </Alert>
  );
}

const filters: Array<{ value: InvitationStatus | undefined; label: string }> = [
  { value: undefined, label: 'All' },
  { value: 'pending', label: 'Pending' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'expired', label: 'Expired' },
  { value: 'revoked', label: 'Revoked' },
];

function InvitationRow({
  invitation: inv,
  teamName,
  busy,
  onSendAgain,
  onRevoke,
}: {
  invitation: Invitation;
  teamName: string | undefined;
  busy: boolean;
  onSendAgain: () => void;
  onRevoke: () => void;
}) {
  return (
    <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:px-5">
      <div className="min-w-0 flex-1 space-y-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="min-w-0 font-medium text-fg [overflow-wrap:anywhere]">
            <EmailText email={inv.email} />
          </span>
          <Badge tone={roleTone[inv.role]}>{roleLabel(inv.role)}</Badge>
          <Badge tone={invitationStatusTone[inv.status]}>{invitationStatusLabel[inv.status]}</Badge>
        </div>
        <p className="text-sm text-fg-subtle">
          {teamName ? `${teamName} · ` : ''}
          {inv.invitedBy ? `Invited by ${inv.invitedBy.name}` : 'Invited'} on{' '}
          <time dateTime={inv.createdAt}>{formatDate(inv.createdAt)}</time>
          {inv.status === 'pending' ? (
            <>
              {' '}
              · expires <time dateTime={inv.expiresAt}>{formatDateTime(inv.expiresAt)}</time>
            </>
          ) : inv.status === 'expired' ? (
            <>
              {' '}
              · expired <time dateTime={inv.expiresAt}>{formatDate(inv.expiresAt)}</time>
            </>
          ) : null}
        </p>
      </div>
      {inv.status !== 'accepted' ? (
        <div className="flex shrink-0 gap-1 max-sm:-ml-3">
          <Button variant="ghost" size="sm" onClick={onSendAgain} loading={busy}>
            {inv.status === 'pending' ? <Send className="size-4" aria-hidden="true" /> : <RotateCw className="size-4" aria-hidden="true" />}
            {inv.status === 'pending' ? 'Send again' : 'Invite again'}
            <span className="sr-only"> to {inv.email}</span>
          </Button>
          {inv.status === 'pending' ? (
            <Button variant="ghost" size="sm" className="text-danger hover:text-danger" onClick={onRevoke}>
              <XCircle className="size-4" aria-hidden="true" /> Revoke<span className="sr-only"> the invitation for {inv.email}</span>
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
