import { Building2, CalendarClock, CheckCircle2, LogIn, Mail, UserRound } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH, type AcceptedInvitation, type InvitationPreview } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { formatDateTime } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PageSpinner } from '../../ui/spinner.js';
import { focusFirstInvalid, serverFieldErrors } from '../../ui/account-form.js';
import { useLogout, useSession } from '../../lib/api/auth.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { PasswordField } from '../../ui/password-field.js';
import { roles, withArticle } from '../../lib/org-meta.js';
import { useAcceptInvitation, useInvitationPreview } from './api.js';

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useInvitationPreview(token);
  const session = useSession();
  const accept = useAcceptInvitation();

  if (accept.isSuccess) return <Accepted accepted={accept.data} />;

  if (!token) {
    return (
      <AuthLayout title="Invitation link incomplete">
        <title>Invitation · Panelist</title>
        <Alert title="This link is missing its code">
          Open the full link from the invitation email; it ends in ?token=… Copying it by hand sometimes cuts it short.
        </Alert>
      </AuthLayout>
    );
  }
  if (preview.isPending || session.isPending) {
    return (
      <AuthLayout title="Your invitation">
        <title>Invitation · Panelist</title>
        <PageSpinner label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.isError) return <PreviewProblem error={preview.error} />;

  const invitation = preview.data;
  const user = session.data?.user ?? null;
  return (
    <AuthLayout
      title={`Join ${invitation.orgName}`}
      subtitle={`${invitation.invitedBy ?? 'An admin'} invited you to join as ${withArticle(invitation.role)}.`}
    >
      <title>{`Join ${invitation.orgName} · Panelist`}</title>
      <div className="space-y-6">
        <InvitationDetails invitation={invitation} />
        {user ? (
          user.email.toLowerCase() === invitation.email.toLowerCase() ? (
            <AcceptSignedIn token={token} accept={accept} />
          ) : (
            <WrongAccount invitation={invitation} signedInAs={user.email} />
          )
        ) : invitation.accountExists ? (
          <SignInToAccept invitation={invitation} token={token} />
        ) : (
          <CreateAccountAndAccept invitation={invitation} token={token} accept={accept} />
        )}
      </div>
    </AuthLayout>
  );
}

function InvitationDetails({ invitation }: { invitation: InvitationPreview }) {
  const role = roles.find((r) => r.value === invitation.role);
  const rows = [
    { Icon: Building2, label: 'Organization', value: invitation.orgName },
    { Icon: UserRound, label: 'Role', value: role ? `${role.label} — ${role.description}` : invitation.role },
    { Icon: Mail, label: 'For', value: invitation.email },
    { Icon: CalendarClock, label: 'Valid until', value: formatDateTime(invitation.expiresAt) },
  ];
  return (
    <dl className="card divide-y divide-border">
      {rows.map(({ Icon, label, value }) => (
        <div key={label} className="flex gap-3 px-4 py-3">
          <Icon className="mt-0.5 size-4 shrink-0 text-fg-subtle" aria-hidden="true" />
          <dt className="w-24 shrink-0 text-sm text-fg-subtle">{label}</dt>
          <dd className="min-w-0 text-sm font-medium break-words text-fg">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

type AcceptMutation = ReturnType<typeof useAcceptInvitation>;

function AcceptSignedIn({ token, accept }: { token: string; accept: AcceptMutation }) {
  return (
    <div className="space-y-4">
      {accept.error ? <Alert title="Could not accept the invitation">{errorMessage(accept.error)}</Alert> : null}
      <Button size="lg" className="w-full" loading={accept.isPending} loadingText="Joining…" onClick={() => accept.mutate({ token })}>
        Accept invitation
      </Button>
      <p className="text-center text-sm text-fg-subtle">Not for you? Simply ignore it; it expires on its own.</p>
    </div>
  );
}

function WrongAccount({ invitation, signedInAs }: { invitation: InvitationPreview; signedInAs: string }) {
  const logout = useLogout();
  return (
    <div className="space-y-4">
      <Alert tone="info" title="You are signed in with another email">
        This invitation is for <strong>{invitation.email}</strong>, and you are signed in as <strong>{signedInAs}</strong>. Log out, then
        accept it with the invited email.
      </Alert>
      <Button size="lg" variant="secondary" className="w-full" loading={logout.isPending} onClick={() => logout.mutate()}>
        Log out and continue
      </Button>
    </div>
  );
}

function SignInToAccept({ invitation, token }: { invitation: InvitationPreview; token: string }) {
  const here = `/invitations/accept?token=${encodeURIComponent(token)}`;
  return (
    <div className="space-y-4">
      <p className="text-fg-muted">
        There is already a Panelist account for <strong className="text-fg">{invitation.email}</strong>. Log in with it and you come
        straight back here to accept.
      </p>
      <Link to="/login" state={{ from: here }} className={buttonClass('primary', 'lg', 'w-full')}>
        <LogIn className="size-4" aria-hidden="true" /> Log in to accept
      </Link>
    </div>
  );
}

function CreateAccountAndAccept({ invitation, token, accept }: { invitation: InvitationPreview; token: string; accept: AcceptMutation }) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = 'Enter your name.';
    if (password.length < PASSWORD_MIN_LENGTH) next.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setErrors(next);
    if (Object.keys(next).length) {
      focusFirstInvalid(e.currentTarget);
      return;
    }
    const form = e.currentTarget;
    accept.mutate(
      { token, name: name.trim(), password },
      {
        onError: (err) => {
          const fe = serverFieldErrors(err);
          setErrors(fe);
          if (Object.keys(fe).length) focusFirstInvalid(form);
        },
      },
    );
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  const formError = accept.error && !hasFieldErrors ? errorMessage(accept.error) : null;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-labelledby="create-account-heading">
      <div className="space-y-1">
        <h2 id="create-account-heading" className="text-lg font-semibold text-fg">
          Create your account to join
        </h2>
        <p className="text-sm text-fg-muted">One step: your account is created and the invitation accepted together.</p>
      </div>
      {formError ? <Alert title="Could not accept the invitation">{formError}</Alert> : null}
      {hasFieldErrors ? (
        <p className="sr-only" role="alert">
          Please fix the highlighted fields.
        </p>
      ) : null}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        value={invitation.email}
        readOnly
        hint="The invitation is for this address."
      />
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        required
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errors.name}
      />
      <PasswordField
        label="Password"
        name="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase is easier to remember than symbols.`}
      />
      <Button type="submit" size="lg" className="w-full" loading={accept.isPending} loadingText="Joining…">
        Create account and join
      </Button>
    </form>
  );
}

function Accepted({ accepted }: { accepted: AcceptedInvitation }) {
  const staff = accepted.role === 'admin' || accepted.role === 'coach';
  return (
    <AuthLayout title={`Welcome to ${accepted.orgName}`}>
      <title>{`Joined ${accepted.orgName} · Panelist`}</title>
      <div className="space-y-6">
        <Alert tone="success" icon={CheckCircle2} title="Invitation accepted">
          You are now {withArticle(accepted.role)} in {accepted.orgName}.
          {staff ? '' : ' Interviews your coaches schedule for you will appear on your dashboard.'}
        </Alert>
        <div className="flex flex-col gap-2">
          {staff ? (
            <Link to={`/orgs/${accepted.orgId}`} className={buttonClass('primary', 'lg', 'w-full')}>
              Open {accepted.orgName}
            </Link>
          ) : null}
          <Link to="/" className={buttonClass(staff ? 'secondary' : 'primary', 'lg', 'w-full')}>
            Go to your dashboard
          </Link>
        </div>
      </div>
    </AuthLayout>
  );
}

function PreviewProblem({ error }: { error: unknown }) {
  const status = error instanceof ApiError ? error.status : 0;
  // 410: the server says why (expired, used or withdrawn); 404/400: the token is not one of ours.
  const used = status === 410;
  const unknown = status === 404 || status === 400;
  return (
    <AuthLayout
      title={used || unknown ? 'This invitation no longer works' : 'Could not open the invitation'}
      footer={
        <Link to="/" className={linkClass}>
          Go to Panelist
        </Link>
      }
    >
      <title>Invitation · Panelist</title>
      <Alert title={used ? 'Expired, used or withdrawn' : unknown ? 'This link is not valid' : 'Something went wrong'}>
        {unknown
          ? 'Check that you opened the whole link from the email (copying it by hand can cut it short), or ask the person who invited you for a new invitation.'
          : errorMessage(error)}
      </Alert>
    </AuthLayout>
  );
}
