import { ArrowRight, Clock, MessageSquareText, Play, Sparkles, Target, TrendingUp } from 'lucide-react';
import { Link } from 'react-router';
import type { InterviewSummary } from '../../../contract/index.js';
import { errorMessage } from '../../lib/api-client.js';
import { firstName } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { buttonClass } from '../../ui/button.js';
import { cn } from '../../ui/cn.js';
import { ProgressBar } from '../../ui/progress-bar.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useCurrentUser } from '../../lib/api/auth.js';
import { CoachShortcut } from '../../ui/coach-shortcut.js';
import { PlatformAdminShortcut } from '../../ui/platform-admin-shortcut.js';
import { useInterviewList } from '../../lib/api/interviews.js';
import { InterviewListSkeleton, InterviewRow } from '../../ui/interview-list.js';
import { UpcomingInterviews } from '../../ui/upcoming-interviews.js';
import { interviewTypeLabel, levelLabel, scoreBand, scoreTextClass } from '../../lib/interview-meta.js';

const RECENT = 6;

function greeting(now = new Date()): string {
  const h = now.getHours();
  if (h < 5) return 'Working late';
  if (h < 12) return 'Good morning';
  if (h < 18) return 'Good afternoon';
  return 'Good evening';
}

/** Set by a coach and still to take: listed under "Upcoming interviews", not with the history. */
function isUpcoming(i: InterviewSummary): boolean {
  return i.kind === 'assigned' && (i.status === 'scheduled' || i.status === 'in_progress');
}

export function DashboardPage() {
  const user = useCurrentUser();
  const list = useInterviewList({ page: 1, limit: 20 });
  // Interviews a coach set that are still to take are listed under "Upcoming interviews" instead.
  const all = list.data?.items ?? [];
  const items = all.filter((i) => !isUpcoming(i));
  const upcoming = all.length - items.length;
  const inProgress = items.find((i) => i.status === 'in_progress');
  const isNew = list.isSuccess && items.length === 0;
  if (!user) return null;

  return (
    <div className="space-y-10">
      <title>Dashboard · Panelist</title>
      <div className="space-y-1.5">
        <h1 tabIndex={-1} data-page-heading className="text-2xl font-semibold tracking-tight text-fg sm:text-3xl">
          {greeting()}, {firstName(user.name)}
        </h1>
        <p className="text-fg-muted">
          {upcoming > 0
            ? `Your coach has set you ${upcoming === 1 ? 'an interview' : `${upcoming} interviews`}. A practice round first is a good warm-up.`
            : isNew
              ? 'Welcome to Panelist. Your first practice interview takes about ten minutes.'
              : 'Ready for another round? Short, regular sessions build confidence fastest.'}
        </p>
      </div>

      <UpcomingInterviews />
      <CoachShortcut />
      <PlatformAdminShortcut />

      <div className={cn('grid grid-cols-1 gap-5', inProgress ? 'lg:grid-cols-[minmax(0,1.4fr)_minmax(0,1fr)]' : '')}>
        <StartCard />
        {inProgress ? <ContinueCard interview={inProgress} /> : null}
      </div>

      {list.isError ? <Alert title="Could not load your interviews">{errorMessage(list.error)}</Alert> : null}

      {!isNew && !list.isError ? (
        <Stats items={items} total={list.data ? list.data.total - upcoming : undefined} loading={list.isPending} />
      ) : null}

      <section aria-labelledby="recent-heading" className="space-y-4">
        <div className="flex items-end justify-between gap-3">
          <h2 id="recent-heading" className="text-lg font-semibold tracking-tight text-fg">
            Recent interviews
          </h2>
          {list.data && list.data.total > RECENT ? (
            <Link
              to="/interviews"
              className="inline-flex items-center gap-1 rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline"
            >
              View all <ArrowRight className="size-3.5" aria-hidden="true" />
            </Link>
          ) : null}
        </div>
        <div className="card overflow-hidden">
          {list.isPending ? (
            <InterviewListSkeleton />
          ) : isNew ? (
            <EmptyState />
          ) : list.isError || items.length === 0 ? (
            <p className="px-5 py-10 text-center text-fg-muted">Your interviews will appear here.</p>
          ) : (
            <ul className="divide-y divide-border">
              {items.slice(0, RECENT).map((i) => (
                <InterviewRow key={i.id} interview={i} />
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

function StartCard() {
  return (
    <section aria-labelledby="start-heading" className="card relative overflow-hidden p-6 sm:p-8">
      <div aria-hidden="true" className="pointer-events-none absolute -top-24 -right-20 size-72 rounded-full bg-primary/10 blur-3xl" />
      <div className="relative flex h-full flex-col gap-6 sm:flex-row sm:items-center sm:justify-between">
        <div className="max-w-lg space-y-2">
          <span className="inline-flex items-center gap-1.5 rounded-full bg-primary-soft px-2.5 py-1 text-xs font-medium text-primary-soft-fg">
            <Sparkles className="size-3.5" aria-hidden="true" /> Tailored questions, instant feedback
          </span>
          <h2 id="start-heading" className="text-xl font-semibold tracking-tight text-fg sm:text-2xl">
            Start a practice interview
          </h2>
          <p className="text-fg-muted">
            Choose the interview type, role and level. Answer at your own pace and get a score with specific notes on every answer.
          </p>
        </div>
        <Link to="/practice/new" className={buttonClass('primary', 'lg', 'shrink-0')}>
          <Play className="size-4" aria-hidden="true" /> Start a practice interview
        </Link>
      </div>
    </section>
  );
}

function ContinueCard({ interview }: { interview: InterviewSummary }) {
  return (
    <section aria-labelledby="continue-heading" className="card flex flex-col justify-between gap-5 p-6">
      <div className="space-y-1">
        <p className="text-sm font-medium text-primary">Pick up where you left off</p>
        <h2 id="continue-heading" className="truncate text-lg font-semibold text-fg">
          {interview.role}
        </h2>
        <p className="text-sm text-fg-subtle">
          {interviewTypeLabel(interview.type)} · {levelLabel(interview.level)}
        </p>
      </div>
      <div className="space-y-2">
        <div className="flex justify-between text-sm text-fg-muted">
          <span>
            {interview.answeredCount} of {interview.questionCount} answered
          </span>
        </div>
        <ProgressBar
          value={interview.answeredCount}
          max={interview.questionCount}
          label="Interview progress"
          valueText={`${interview.answeredCount} of ${interview.questionCount} questions answered`}
        />
      </div>
      <Link to={`/interviews/${interview.id}`} className={buttonClass('secondary', 'md', 'w-full')}>
        Resume interview <ArrowRight className="size-4" aria-hidden="true" />
      </Link>
    </section>
  );
}

function Stats({ items, total, loading }: { items: InterviewSummary[]; total: number | undefined; loading: boolean }) {
  const scores = items
    .filter((i) => (i.status === 'completed' || i.status === 'reviewed') && i.overallScore !== null)
    .map((i) => i.overallScore as number);
  const average = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  const latest = scores[0] ?? null;
  const stats = [
    { label: 'Interviews', value: total ?? '—', hint: 'started so far', Icon: MessageSquareText, tone: undefined },
    {
      label: 'Average score',
      value: average ?? '—',
      hint: scores.length === 0 ? 'finish one to see it' : scores.length === 1 ? 'from 1 completed' : `across ${scores.length} completed`,
      Icon: Target,
      tone: average,
    },
    {
      label: 'Latest score',
      value: latest ?? '—',
      hint: latest === null ? 'no completed interview yet' : scoreBand(latest).label,
      Icon: TrendingUp,
      tone: latest,
    },
  ];
  return (
    <section aria-label="Your progress" className="grid grid-cols-3 gap-2.5 sm:gap-4">
      {stats.map(({ label, value, hint, Icon, tone }) => (
        <div key={label} className="card flex items-center gap-4 p-3.5 sm:p-5">
          <span className="hidden size-11 shrink-0 place-items-center rounded-xl bg-surface-muted text-fg-muted md:grid" aria-hidden="true">
            <Icon className="size-5" />
          </span>
          <div className="min-w-0">
            <p className="text-xs text-fg-muted sm:text-sm">{label}</p>
            {loading ? (
              <Skeleton className="mt-1 h-7 w-12" />
            ) : (
              <p
                className={cn(
                  'text-2xl font-semibold tabular-nums tracking-tight',
                  tone !== undefined && tone !== null ? scoreTextClass[scoreBand(tone).tone] : 'text-fg',
                )}
              >
                {value}
              </p>
            )}
            <p className="hidden truncate text-xs text-fg-subtle sm:block">{hint}</p>
          </div>
        </div>
      ))}
    </section>
  );
}

function EmptyState() {
  const steps = [
    { Icon: Target, text: 'Pick a type, role and level' },
    { Icon: Clock, text: 'Answer a few questions at your pace' },
    { Icon: TrendingUp, text: 'Get a score and what to improve' },
  ];
  return (
    <div className="px-6 py-12 text-center sm:py-16">
      <div className="mx-auto grid size-14 place-items-center rounded-2xl bg-primary-soft text-primary-soft-fg">
        <MessageSquareText className="size-7" aria-hidden="true" />
      </div>
      <h3 className="mt-5 text-lg font-semibold text-fg">No interviews yet</h3>
      <p className="mx-auto mt-1.5 max-w-md text-fg-muted">Your practice sessions and scores will show up here. Here is how it works:</p>
      <ol className="mx-auto mt-6 grid max-w-2xl gap-3 text-left sm:grid-cols-3">
        {steps.map(({ Icon, text }, i) => (
          <li
            key={text}
            className="flex items-center gap-3 rounded-xl border border-border bg-surface-muted/60 px-4 py-3 text-sm text-fg-muted"
          >
            <span className="grid size-7 shrink-0 place-items-center rounded-full bg-surface text-xs font-semibold text-fg ring-1 ring-border">
              {i + 1}
            </span>
            <Icon className="size-4 shrink-0 text-primary" aria-hidden="true" />
            <span>{text}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
