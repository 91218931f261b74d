import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-client.js';
import { useVerifyEmail } from '../../lib/api/auth.js';
import { Alert } from '../../ui/alert.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { Spinner } from '../../ui/spinner.js';

/** The link from the welcome mail: confirms the address, signed in or not. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const verify = useVerifyEmail();
  const sent = useRef(false);

  useEffect(() => {
    // Once, even under StrictMode's double effects: the token works a single time.
    if (!token || sent.current) return;
    sent.current = true;
    verify.mutate({ token });
  }, [token, verify]);

  return (
    <AuthLayout title="Confirm your email" subtitle="One click from the mail we sent you.">
      <title>Confirm email · Panelist</title>
      {!token ? (
        <Alert title="This link is incomplete">Open the link from the mail again, or ask for a new one on your account page.</Alert>
      ) : verify.isSuccess ? (
        <Alert tone="success" title="Email confirmed">
          Thank you. You can now invite people to your organizations and share your results.{' '}
          <Link to="/" className="font-medium underline">
            Continue to Panelist
          </Link>
        </Alert>
      ) : verify.isError ? (
        <Alert title="Could not confirm your email">
          {errorMessage(verify.error)} You can ask for a new mail on{' '}
          <Link to="/account/security" className="font-medium underline">
            your account page
          </Link>
          .
        </Alert>
      ) : (
        <p role="status" className="flex items-center gap-2 text-fg-muted">
          <Spinner /> Confirming…
        </p>
      )}
    </AuthLayout>
  );
}
