import { Navigate, useParams } from 'react-router';
import { LoadFailure } from '../../ui/load-failure.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { useInterview } from '../../lib/api/interviews.js';
import { AssignedInterview } from './assigned-interview.js';
import { InterviewSession } from './interview-session.js';

export function InterviewPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const query = useInterview(id);

  if (query.isPending) return <InterviewSkeleton />;
  if (query.isError)
    return (
      <LoadFailure
        what="Interview"
        error={query.error}
        onRetry={() => void query.refetch()}
        back={{ to: '/', label: 'Back to dashboard' }}
      />
    );

  const interview = query.data;
  if (interview.kind === 'assigned') {
    // Coaches and admins open the same link from a notification: they review, not answer.
    if (user && interview.candidate && interview.candidate.id !== user.id)
      return <Navigate to={`/coach/interviews/${interview.id}`} replace />;
    return <AssignedInterview interview={interview} />;
  }
  if (interview.status === 'completed') return <Navigate to={`/interviews/${interview.id}/report`} replace />;
  return <InterviewSession key={interview.id} interview={interview} />;
}

export function InterviewSkeleton() {
  return (
    <div className="mx-auto max-w-3xl space-y-6" role="status">
      <span className="sr-only">Loading interview…</span>
      <Skeleton className="h-8 w-32" />
      <div className="space-y-3">
        <Skeleton className="h-4 w-64" />
        <Skeleton className="h-2 w-full" />
      </div>
      <div className="card space-y-3 p-7">
        <Skeleton className="h-5 w-24" />
        <Skeleton className="h-7 w-full" />
        <Skeleton className="h-7 w-2/3" />
      </div>
      <Skeleton className="h-56 w-full rounded-xl" />
    </div>
  );
}
