import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../lib/api/auth.js';
import { errorMessage } from '../lib/api-client.js';
import { Alert } from '../ui/alert.js';
import { Button } from '../ui/button.js';
import { PageSpinner } from '../ui/spinner.js';

/** Pages for signed-in people; everyone else is sent to log in and brought back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSpinner label="Checking your session…" />;
  if (session.isError) {
    return (
      <main className="mx-auto max-w-md px-4 py-24">
        <Alert title="Panelist is not reachable">{errorMessage(session.error)}</Alert>
        <Button className="mt-4" variant="secondary" onClick={() => void session.refetch()}>
          Try again
        </Button>
      </main>
    );
  }
  if (!session.data) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={from === '/' ? undefined : { from }} />;
  }
  return <Outlet />;
}

/** Log in and register make no sense when already signed in. */
export function GuestOnly() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageSpinner />;
  if (session.data) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') ? from : '/'} replace />;
  }
  return <Outlet />;
}
