import { ChevronRight } from 'lucide-react';
import { Link } from 'react-router';
import type { InterviewSummary } from '../../../../contract/index.js';
import { formatRelativeDay } from '../../../lib/format.js';
import { Badge } from '../../../ui/badge.js';
import { cn } from '../../../ui/cn.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { interviewTypeIcons, interviewTypeLabel, levelLabel, scoreBand, scoreTextClass } from '../meta.js';

export function interviewHref(i: Pick<InterviewSummary, 'id' | 'status'>): string {
  return i.status === 'completed' ? `/interviews/${i.id}/report` : `/interviews/${i.id}`;
}

function StatusBadge({ interview }: { interview: InterviewSummary }) {
  if (interview.status === 'completed') return <Badge tone="success">Completed</Badge>;
  return (
    <Badge tone="primary">
      In progress · {interview.answeredCount}/{interview.questionCount}
    </Badge>
  );
}

export function InterviewRow({ interview }: { interview: InterviewSummary }) {
  const Icon = interviewTypeIcons[interview.type];
  const band = scoreBand(interview.overallScore);
  const completed = interview.status === 'completed';
  return (
    <li>
      <Link
        to={interviewHref(interview)}
        className="group flex items-center gap-3 px-4 py-4 transition-colors hover:bg-surface-muted/70 focus-visible:-outline-offset-2 sm:gap-4 sm:px-5"
      >
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <Icon className="size-5" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="line-clamp-2 font-medium break-words text-fg sm:line-clamp-1">{interview.role}</span>
          <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
            <span>{interviewTypeLabel(interview.type)}</span>
            <span aria-hidden="true">·</span>
            <span>{levelLabel(interview.level)}</span>
            <span aria-hidden="true">·</span>
            <time dateTime={interview.completedAt ?? interview.createdAt}>{formatRelativeDay(interview.completedAt ?? interview.createdAt)}</time>
          </span>
        </span>
        <span className="hidden sm:block">
          <StatusBadge interview={interview} />
        </span>
        <span className="w-14 shrink-0 text-right">
          {completed && interview.overallScore !== null ? (
            <>
              <span className={cn('block text-xl font-semibold tabular-nums', scoreTextClass[band.tone])}>{interview.overallScore}</span>
              <span className="block text-xs text-fg-subtle">{band.label}</span>
            </>
          ) : (
            <span className="text-sm font-medium text-primary sm:hidden">
              {interview.answeredCount}/{interview.questionCount}
            </span>
          )}
          <span className="sr-only">
            {completed ? `Completed, score ${interview.overallScore ?? 'not available'}` : `In progress, ${interview.answeredCount} of ${interview.questionCount} answered`}
          </span>
        </span>
        <ChevronRight className="size-4 shrink-0 text-fg-subtle transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      </Link>
    </li>
  );
}

export function InterviewListSkeleton({ rows = 3 }: { rows?: number }) {
  return (
    <ul className="divide-y divide-border" aria-hidden="true">
      {Array.from({ length: rows }, (_, i) => (
        <li key={i} className="flex items-center gap-4 px-5 py-4">
          <Skeleton className="size-10 rounded-xl" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-2/5" />
            <Skeleton className="h-3 w-3/5" />
          </div>
          <Skeleton className="h-6 w-10" />
        </li>
      ))}
    </ul>
  );
}
