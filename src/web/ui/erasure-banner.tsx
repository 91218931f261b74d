import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { erasureQuery } from '../lib/api/privacy.js';
import { formatDateTime } from '../lib/format.js';

/** On every page after signing in while the account's deletion is pending: when, and where to cancel. */
export function ErasureBanner() {
  const status = useQuery(erasureQuery);
  if (status.data?.status !== 'pending' || !status.data.dueAt) return null;
  return (
    <div role="status" className="border-b border-danger/30 bg-danger-soft print:hidden">
      <p className="mx-auto max-w-6xl px-4 py-2 text-sm text-danger sm:px-6">
        Your account will be deleted on {formatDateTime(status.data.dueAt)}.{' '}
        <Link to="/account/privacy" className="font-medium underline underline-offset-2">
          Keep my account
        </Link>
      </p>
    </div>
  );
}
