import { SearchX } from 'lucide-react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '../lib/api-client.js';
import { Alert } from './alert.js';
import { Button, buttonClass } from './button.js';

interface LoadFailureProps {
  /** What the page shows, capitalized: "Interview", "Job description". */
  what: string;
  error: unknown;
  /** Offers "Try again" when the failure was not a missing record. */
  onRetry?: () => void;
  /** Shown under the heading when the record does not exist for this user. */
  notFoundHint?: string;
  back: { to: string; label: string };
}

/** Full-page message for a detail page whose record could not be loaded. */
export function LoadFailure({
  what,
  error,
  onRetry,
  notFoundHint = 'It may have been deleted, or the link is wrong.',
  back,
}: LoadFailureProps) {
  // A malformed id answers 400; to the reader it is the same as a missing record.
  const notFound = error instanceof ApiError && (error.status === 404 || error.status === 400);
  return (
    <div className="mx-auto max-w-lg space-y-6 py-10 text-center">
      <title>{`${what} · Panelist`}</title>
      {notFound ? (
        <>
          <div className="mx-auto grid size-14 place-items-center rounded-2xl bg-surface-muted text-fg-muted">
            <SearchX className="size-7" aria-hidden="true" />
          </div>
          <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
            {what} not found
          </h1>
          <p className="text-fg-muted">{notFoundHint}</p>
        </>
      ) : (
        <>
          <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold">
            Could not load the {what.toLowerCase()}
          </h1>
          <Alert>{errorMessage(error)}</Alert>
          {onRetry ? (
            <Button variant="secondary" onClick={onRetry}>
              Try again
            </Button>
          ) : null}
        </>
      )}
      <Link to={back.to} className={buttonClass('primary')}>
        {back.label}
      </Link>
    </div>
  );
}
