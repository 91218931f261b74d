import { CalendarX, Hourglass, Send, ShieldX, Undo2 } from 'lucide-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, Navigate } from 'react-router';
import type { Interview } from '../../../contract/index.js';
import { formatDateTime } from '../../lib/format.js';
import { buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { Spinner } from '../../ui/spinner.js';
import { useInterview } from '../../lib/api/interviews.js';
import { AssignedLobby } from './assigned-lobby.js';
import { DraftSaver } from './draft-saver.js';
import { InterviewSession } from './interview-session.js';
import { interviewTypeLabel, levelLabel } from '../../lib/interview-meta.js';
import { formatWindow } from '../../lib/schedule-format.js';
import { useHasPassed } from '../../lib/server-clock.js';
import { useIntegrityObserver } from '../../lib/proctoring/use-integrity-observer.js';
import { IntegrityBanner } from '../../ui/integrity-banner.js';
import { useInterviewLiveRefresh } from './use-interview-live-refresh.js';

/** An interview a coach set, from the candidate's side: before, during and after. */
export function AssignedInterview({ interview }: { interview: Interview }) {
  useInterviewLiveRefresh(interview.id, interview.status === 'scheduled' || interview.status === 'completed');
  switch (interview.status) {
    case 'scheduled':
      return <AssignedLobby interview={interview} />;
    case 'in_progress':
      return <AssignedSession key={interview.id} interview={interview} />;
    case 'completed':
    case 'reviewed':
      if (interview.resultsVisible) return <Navigate to={`/interviews/${interview.id}/report`} replace />;
      return <Submitted interview={interview} />;
    case 'missed':
      return (
        <Outcome interview={interview} tone="danger" icon={<CalendarX className="size-7" />} title="This interview was missed">
          <p>
            The window{interview.windowEnd ? ` closed on ${formatDateTime(interview.windowEnd)}` : ' closed'} before the interview was
            started.
            {interview.coach ? ` Ask ${interview.coach.name} to schedule it again.` : ' Ask your coach to schedule it again.'}
          </p>
        </Outcome>
      );
    case 'terminated':
      return (
        <Outcome interview={interview} tone="danger" icon={<ShieldX className="size-7" />} title="This interview was ended">
          <p>
            It reached a proctoring limit your organization set, so it ended early. The answers you wrote are kept and{' '}
            {interview.coach ? `${interview.coach.name} will` : 'your coach will'} review them together with what was observed.
          </p>
        </Outcome>
      );
    case 'cancelled':
      return (
        <Outcome interview={interview} tone="neutral" icon={<Undo2 className="size-7" />} title="This interview was cancelled">
          <p>
            {interview.coach ? `${interview.coach.name} cancelled it` : 'Your coach cancelled it'}
            {interview.cancelledAt ? ` on ${formatDateTime(interview.cancelledAt)}` : ''}. There is nothing you need to do.
          </p>
        </Outcome>
      );
  }
}

/** Sends drafts to the server while the candidate answers, and takes over when time runs out. */
function AssignedSession({ interview }: { interview: Interview }) {
  const [saver] = useState(() => new DraftSaver(interview.id));
  const [timeUp, setTimeUp] = useState(false);
  const expired = useHasPassed(interview.deadlineAt);
  const lastSeconds = interview.deadlineAt ? new Date(Date.parse(interview.deadlineAt) - 5000).toISOString() : null;
  const almostUp = useHasPassed(lastSeconds);

  // Whatever is typed in the last seconds goes out before the server closes the interview.
  useEffect(() => {
    if (almostUp) saver.flush();
  }, [almostUp, saver]);

  useEffect(() => {
    const flush = () => saver.flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.flush();
    };
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.flush();
    };
  }, [saver]);

  const refresh = useInterview(interview.id);
  const integrity = useIntegrityObserver(interview.id, interview.proctoring, null, () => {
    saver.flush();
    void refresh.refetch();
  });

  if (expired || timeUp) return <TimeUp interview={interview} saver={saver} />;
  return (
    <>
      {integrity.latest.length > 0 ? (
        <div className="mx-auto mb-4 max-w-3xl">
          <IntegrityBanner warnings={integrity.latest} />
        </div>
      ) : null}
      <InterviewSession interview={interview} saver={saver} onTimeUp={() => setTimeUp(true)} />
    </>
  );
}

/** The deadline passed: the server completes the interview (a job); ask until it has. */
function TimeUp({ interview, saver }: { interview: Interview; saver: DraftSaver }) {
  useInterview(interview.id, { refetchInterval: 3000 });
  useEffect(() => saver.close(), [saver]);
  return (
    <Outcome interview={interview} tone="warning" icon={<Hourglass className="size-7" />} title="Time is up">
      <p>
        Your interview has been submitted with the answers you sent. {interview.coach ? `${interview.coach.name} will` : 'Your coach will'}{' '}
        review them and release your results.
      </p>
      <p className="mt-4 inline-flex items-center gap-2 text-sm text-fg-subtle" role="status">
        <Spinner className="size-4" /> Closing the interview…
      </p>
    </Outcome>
  );
}

function Submitted({ interview }: { interview: Interview }) {
  const byDeadline =
    !!interview.completedAt && !!interview.deadlineAt && Date.parse(interview.completedAt) >= Date.parse(interview.deadlineAt) - 1000;
  return (
    <Outcome interview={interview} tone="success" icon={<Send className="size-7" />} title="Submitted — your coach will review it">
      {byDeadline ? <p className="mb-2">Time ran out, so Panelist submitted your interview for you.</p> : null}
      <p>
        You answered {interview.answeredCount} of {interview.questionCount} {interview.questionCount === 1 ? 'question' : 'questions'}
        {interview.completedAt ? `, submitted on ${formatDateTime(interview.completedAt)}` : ''}.{' '}
        {interview.coach ? `${interview.coach.name} will` : 'Your coach will'} review your answers and release your scores and feedback. You
        will get a notification when they are ready.
      </p>
    </Outcome>
  );
}

const tones = {
  success: 'bg-success-soft text-success',
  warning: 'bg-warning-soft text-warning',
  danger: 'bg-danger-soft text-danger',
  neutral: 'bg-surface-muted text-fg-muted',
} as const;

function Outcome({
  interview,
  tone,
  icon,
  title,
  children,
}: {
  interview: Interview;
  tone: keyof typeof tones;
  icon: ReactNode;
  title: string;
  children: ReactNode;
}) {
  return (
    <div className="mx-auto max-w-xl space-y-6 py-6 text-center sm:py-10">
      <title>{`${title} · Panelist`}</title>
      <div className={cn('mx-auto grid size-14 place-items-center rounded-2xl', tones[tone])} aria-hidden="true">
        {icon}
      </div>
      <div className="space-y-3">
        <p className="text-sm font-medium text-primary">
          {interview.role} · {interviewTypeLabel(interview.type)} · {levelLabel(interview.level)}
        </p>
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight text-balance text-fg sm:text-3xl">
          {title}
        </h1>
        <div className="text-fg-muted text-pretty">{children}</div>
      </div>
      {interview.windowStart && interview.windowEnd ? (
        <p className="text-sm text-fg-subtle">Window: {formatWindow(interview.windowStart, interview.windowEnd)}</p>
      ) : null}
      <Link to="/" className={buttonClass('primary')}>
        Back to dashboard
      </Link>
    </div>
  );
}
