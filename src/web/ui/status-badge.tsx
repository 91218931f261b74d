import type { InterviewSummary } from '../../contract/index.js';
import { Badge, type BadgeTone } from './badge.js';

type Audience = 'candidate' | 'coach';

/** The words for an interview's state, as the person looking at it thinks of it. */
export function statusLabel(
  i: Pick<InterviewSummary, 'status' | 'kind' | 'resultsVisible'>,
  audience: Audience = 'candidate',
): { label: string; tone: BadgeTone } {
  switch (i.status) {
    case 'scheduled':
      return { label: 'Scheduled', tone: 'primary' };
    case 'in_progress':
      return { label: 'In progress', tone: 'primary' };
    case 'completed':
      if (i.kind !== 'assigned') return { label: 'Completed', tone: 'success' };
      if (audience === 'coach') return { label: 'To review', tone: 'warning' };
      return i.resultsVisible ? { label: 'Completed', tone: 'success' } : { label: 'Submitted', tone: 'neutral' };
    case 'reviewed':
      return { label: 'Reviewed', tone: 'success' };
    case 'missed':
      return { label: 'Missed', tone: 'danger' };
    case 'cancelled':
      return { label: 'Cancelled', tone: 'neutral' };
    case 'terminated':
      return { label: 'Ended by proctoring', tone: 'danger' };
  }
}

export function StatusBadge({
  interview,
  audience = 'candidate',
  className,
}: {
  interview: Pick<InterviewSummary, 'status' | 'kind' | 'resultsVisible' | 'answeredCount' | 'questionCount'>;
  audience?: Audience;
  className?: string;
}) {
  const { label, tone } = statusLabel(interview, audience);
  return (
    <Badge tone={tone} {...(className ? { className } : {})}>
      {label}
      {interview.status === 'in_progress' ? (
        <>
          {' '}
          · {interview.answeredCount}/{interview.questionCount}
        </>
      ) : null}
    </Badge>
  );
}
