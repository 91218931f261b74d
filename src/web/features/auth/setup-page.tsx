import { ShieldCheck } from 'lucide-react';
import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { useSetup, useSetupLinkState } from '../../lib/api/auth.js';
import { PageSpinner } from '../../ui/spinner.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { NewAccountFields, serverFieldErrors, useAccountForm } from '../../ui/account-form.js';

/** First-run page: the one-time link printed by the server creates the first platform admin. */
export function SetupPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const setup = useSetup();
  const link = useSetupLinkState(token);
  const navigate = useNavigate();
  const form = useAccountForm();
  const { values, fieldErrors, setFieldErrors } = form;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form.checkBeforeSubmit(e)) return;
    setup.mutate(
      { token, name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate('/', { replace: true }),
        onError: (err) => setFieldErrors(serverFieldErrors(err)),
      },
    );
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = setup.error && !hasFieldErrors ? errorMessage(setup.error) : null;

  return (
    <AuthLayout
      title="Set up Panelist"
      subtitle="Create the first administrator account for this server."
      footer={
        <Link to="/login" className="font-medium text-primary underline-offset-4 hover:underline">
          Back to log in
        </Link>
      }
    >
      <title>Set up · Panelist</title>
      {!token ? (
        <Alert title="This setup link is incomplete">
          Open the full link printed by the server when it first started (it ends in <code>?token=…</code>), or run{' '}
          <code>panelist create-admin</code>.
        </Alert>
      ) : link.isPending ? (
        <PageSpinner label="Checking the setup link…" />
      ) : link.data?.state === 'used' ? (
        <Alert title="This setup link was already used">
          It created this server&apos;s platform admin. Log in with that account, or run <code>panelist create-admin</code> to add another
          admin.
        </Alert>
      ) : link.data?.state === 'expired' ? (
        <Alert title="This setup link has expired">
          Restart the server for a new link (it is printed in the log), or run <code>panelist create-admin</code>.
        </Alert>
      ) : link.data?.state === 'unknown' ? (
        <Alert title="This is not a valid setup link">
          Check that you copied the whole link printed by the server, or run <code>panelist create-admin</code>.
        </Alert>
      ) : (
        <form onSubmit={onSubmit} noValidate className="space-y-5">
          <Alert tone="info" icon={ShieldCheck}>
            This link works once. The account gets full admin rights.
          </Alert>
          {formError ? <Alert title="Setup failed">{formError}</Alert> : null}
          <NewAccountFields form={form} passwordHint={`At least ${PASSWORD_MIN_LENGTH} characters.`} />
          <Button type="submit" size="lg" className="w-full" loading={setup.isPending} loadingText="Creating admin…">
            Create admin account
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}
