import { CalendarClock, CalendarPlus, ClipboardCheck, Inbox, Trophy, Users } from 'lucide-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { CoachedCandidate, InterviewSummary } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { initials } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useInterviewList } from '../../lib/api/interviews.js';
import { InterviewListSkeleton } from '../../ui/interview-list.js';
import { scoreBand, scoreTextClass } from '../../lib/interview-meta.js';
import { useCoachCandidates } from '../../lib/api/coach.js';
import { CoachInterviewRow } from './components/coach-interview-row.js';
import { useCoachLiveRefresh } from './use-coach-live-refresh.js';

const upcomingParams = { scope: 'coach', status: ['scheduled', 'in_progress'], limit: 20 } as const;
const toReviewParams = { scope: 'coach', status: ['completed'], limit: 20 } as const;
const recentParams = { scope: 'coach', status: ['reviewed'], limit: 5 } as const;

export function CoachDashboardPage() {
  const candidates = useCoachCandidates();
  const upcoming = useInterviewList(upcomingParams);
  const toReview = useInterviewList(toReviewParams);
  const recent = useInterviewList(recentParams);
  const live = (upcoming.data?.items ?? []).some((i) => i.status === 'in_progress');
  useCoachLiveRefresh(live);

  const upcomingItems = [...(upcoming.data?.items ?? [])].sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === 'in_progress' ? -1 : 1) ||
      Date.parse(a.windowStart ?? a.createdAt) - Date.parse(b.windowStart ?? b.createdAt),
  );

  return (
    <div className="space-y-8">
      <title>Coaching · Panelist</title>
      <PageHeader
        eyebrow="Coaching"
        title="Your candidates"
        description="Schedule interviews for the candidates you coach, review their answers and release their results."
        actions={
          <Link to="/coach/schedule" className={buttonClass('primary')}>
            <CalendarPlus className="size-4" aria-hidden="true" /> Schedule an interview
          </Link>
        }
      />

      <section aria-label="At a glance" className="grid grid-cols-3 gap-2.5 sm:gap-4">
        <Stat label="Candidates" value={candidates.data?.items.length} loading={candidates.isPending} Icon={Users} />
        <Stat label="Upcoming" value={upcoming.data?.total} loading={upcoming.isPending} Icon={CalendarClock} />
        <Stat
          label="To review"
          value={toReview.data?.total}
          loading={toReview.isPending}
          Icon={ClipboardCheck}
          highlight={(toReview.data?.total ?? 0) > 0}
        />
      </section>

      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1.35fr)_minmax(0,1fr)]">
        <div className="min-w-0 space-y-8">
          <InterviewSection
            id="review"
            title="To review"
            description="Completed interviews waiting for your review and finalization."
            query={toReview}
            items={toReview.data?.items ?? []}
            empty={
              <Empty Icon={Inbox} title="Nothing to review">
                When a candidate completes an interview you scheduled, it appears here.
              </Empty>
            }
          />
          <InterviewSection
            id="upcoming"
            title="Upcoming interviews"
            description="Scheduled or being taken right now."
            query={upcoming}
            items={upcomingItems}
            empty={
              <Empty Icon={CalendarClock} title="No interviews scheduled">
                {candidates.data?.items.length ? (
                  <>
                    <Link to="/coach/schedule" className="font-medium text-primary underline-offset-4 hover:underline">
                      Schedule an interview
                    </Link>{' '}
                    for one of your candidates.
                  </>
                ) : (
                  'Once candidates are assigned to you, schedule interviews for them here.'
                )}
              </Empty>
            }
          />
          <InterviewSection
            id="recent"
            title="Recent results"
            description="Interviews you have finalized; their candidates can see the results."
            query={recent}
            items={recent.data?.items ?? []}
            empty={
              <Empty Icon={Trophy} title="No results yet">
                Finalized reviews show here with their final scores.
              </Empty>
            }
          />
        </div>
        <CandidatesSection />
      </div>
    </div>
  );
}

function Stat({
  label,
  value,
  loading,
  Icon,
  highlight,
}: {
  label: string;
  value: number | undefined;
  loading: boolean;
  Icon: typeof Users;
  highlight?: boolean;
}) {
  return (
    <div className="card flex items-center gap-4 p-3.5 sm:p-5">
      <span
        className={cn(
          'hidden size-11 shrink-0 place-items-center rounded-xl md:grid',
          highlight ? 'bg-warning-soft text-warning' : 'bg-surface-muted text-fg-muted',
        )}
        aria-hidden="true"
      >
        <Icon className="size-5" />
      </span>
      <div className="min-w-0">
        <p className="text-xs text-fg-muted sm:text-sm">{label}</p>
        {loading ? (
          <Skeleton className="mt-1 h-7 w-10" />
        ) : (
          <p className={cn('text-2xl font-semibold tabular-nums tracking-tight', highlight ? 'text-warning' : 'text-fg')}>{value ?? '—'}</p>
        )}
      </div>
    </div>
  );
}

function InterviewSection({
  id,
  title,
  description,
  query,
  items,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  query: { isPending: boolean; isError: boolean; error: unknown; data?: { total: number } | undefined };
  items: InterviewSummary[];
  empty: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-3">
      <div>
        <h2 id={`${id}-heading`} className="text-lg font-semibold tracking-tight text-fg">
          {title}
          {query.data?.total ? <span className="ml-2 text-base font-normal text-fg-subtle">({query.data.total})</span> : null}
        </h2>
        <p className="text-sm text-fg-subtle">
          {description}
          {query.data && query.data.total > items.length ? ` Showing the first ${items.length}.` : ''}
        </p>
      </div>
      <div className="card overflow-hidden">
        {query.isPending ? (
          <InterviewListSkeleton rows={2} />
        ) : query.isError ? (
          <div className="p-4">
            <Alert title={`Could not load ${title.toLowerCase()}`}>{errorMessage(query.error)}</Alert>
          </div>
        ) : items.length === 0 ? (
          empty
        ) : (
          <ul className="divide-y divide-border">
            {items.map((i) => (
              <CoachInterviewRow key={i.id} interview={i} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function Empty({ Icon, title, children }: { Icon: typeof Users; title: string; children: ReactNode }) {
  return (
    <div className="flex gap-4 px-5 py-6">
      <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-surface-muted text-fg-subtle" aria-hidden="true">
        <Icon className="size-5" />
      </span>
      <div className="min-w-0">
        <p className="font-medium text-fg">{title}</p>
        <p className="mt-0.5 text-sm text-fg-muted">{children}</p>
      </div>
    </div>
  );
}

function CandidatesSection() {
  const candidates = useCoachCandidates();
  const items = candidates.data?.items ?? [];
  return (
    <section aria-labelledby="candidates-heading" className="min-w-0 space-y-3">
      <div>
        <h2 id="candidates-heading" className="text-lg font-semibold tracking-tight text-fg">
          My candidates
          {items.length ? <span className="ml-2 text-base font-normal text-fg-subtle">({items.length})</span> : null}
        </h2>
        <p className="text-sm text-fg-subtle">Everyone you coach, in every organization.</p>
      </div>
      <div className="card overflow-hidden">
        {candidates.isPending ? (
          <div className="space-y-3 p-5" aria-hidden="true">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </div>
        ) : candidates.isError ? (
          <div className="p-4">
            <Alert title="Could not load your candidates">{errorMessage(candidates.error)}</Alert>
          </div>
        ) : items.length === 0 ? (
          <Empty Icon={Users} title="No candidates yet">
            Ask your organization’s admin to assign candidates to you. They will appear here, ready for you to schedule interviews.
          </Empty>
        ) : (
          <ul className="divide-y divide-border">
            {items.map((c) => (
              <CandidateRow key={`${c.orgId}:${c.userId}`} candidate={c} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function CandidateRow({ candidate }: { candidate: CoachedCandidate }) {
  const band = scoreBand(candidate.lastScore);
  return (
    <li className="space-y-3 px-4 py-4 sm:px-5">
      <div className="flex items-start gap-3">
        <span
          className="grid size-9 shrink-0 place-items-center rounded-full bg-primary-soft text-xs font-semibold text-primary-soft-fg"
          aria-hidden="true"
        >
          {initials(candidate.name)}
        </span>
        <div className="min-w-0 flex-1">
          <p className="truncate font-medium text-fg">{candidate.name}</p>
          <p className="truncate text-sm text-fg-subtle">{candidate.email}</p>
          <p className="truncate text-sm text-fg-subtle">{candidate.orgName}</p>
        </div>
        <div className="shrink-0 text-right">
          <p
            className={cn(
              'text-lg font-semibold tabular-nums',
              candidate.lastScore === null ? 'text-fg-subtle' : scoreTextClass[band.tone],
            )}
          >
            {candidate.lastScore ?? '—'}
          </p>
          <p className="text-xs text-fg-subtle">last score</p>
        </div>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-2 pl-12">
        <dl className="flex gap-4 text-sm">
          <div className="flex gap-1.5">
            <dt className="text-fg-subtle">Upcoming</dt>
            <dd className="font-medium tabular-nums text-fg">{candidate.upcoming}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-fg-subtle">To review</dt>
            <dd className={cn('font-medium tabular-nums', candidate.toReview > 0 ? 'text-warning' : 'text-fg')}>{candidate.toReview}</dd>
          </div>
        </dl>
        <Link
          to={`/coach/schedule?candidateId=${encodeURIComponent(candidate.userId)}&orgId=${encodeURIComponent(candidate.orgId)}`}
          className={buttonClass('secondary', 'sm')}
          aria-label={`Schedule an interview for ${candidate.name}`}
        >
          <CalendarPlus className="size-4" aria-hidden="true" /> Schedule
        </Link>
      </div>
    </li>
  );
}
