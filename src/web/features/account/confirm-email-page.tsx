import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { PageHeader } from '../../ui/page-header.js';
import { Spinner } from '../../ui/spinner.js';
import { useConfirmEmailChange } from './api.js';

/** The link mailed to a new address: moves the account to it. */
export function ConfirmEmailChangePage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const confirm = useConfirmEmailChange();
  const sent = useRef(false);
  useEffect(() => {
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate({ token });
  }, [token, confirm]);

  return (
    <div className="mx-auto max-w-xl space-y-6">
      <title>Confirm new email · Panelist</title>
      <PageHeader title="Confirm your new email" />
      {!token ? (
        <Alert title="This link is incomplete">Open the link from the mail again.</Alert>
      ) : confirm.isSuccess ? (
        <Alert tone="success" title="Email changed">
          You now sign in with the new address.{' '}
          <Link to="/account/security" className="font-medium underline">
            Back to your account
          </Link>
        </Alert>
      ) : confirm.isError ? (
        <Alert title="Could not change your email">{errorMessage(confirm.error)}</Alert>
      ) : (
        <p role="status" className="flex items-center gap-2 text-fg-muted">
          <Spinner /> Confirming…
        </p>
      )}
    </div>
  );
}
