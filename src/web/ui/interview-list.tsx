import { ChevronRight } from 'lucide-react';
import { Link } from 'react-router';
import type { InterviewSummary } from '../../contract/index.js';
import { formatRelativeDay } from '../lib/format.js';
import { cn } from './cn.js';
import { ListSkeleton } from './skeleton.js';
import { interviewTypeIcons, interviewTypeLabel, levelLabel, scoreBand, scoreTextClass } from '../lib/interview-meta.js';
import { StatusBadge, statusLabel } from './status-badge.js';

/** Practice reports open directly; an assigned interview's page decides what its candidate may see. */
export function interviewHref(i: Pick<InterviewSummary, 'id' | 'status' | 'kind'>): string {
  return i.kind !== 'assigned' && i.status === 'completed' ? `/interviews/${i.id}/report` : `/interviews/${i.id}`;
}

function hasScore(i: InterviewSummary): boolean {
  return (i.status === 'completed' || i.status === 'reviewed') && i.overallScore !== null && i.resultsVisible !== false;
}

function spokenStatus(i: InterviewSummary, audience: 'candidate' | 'coach'): string {
  const { label } = statusLabel(i, audience);
  if (hasScore(i)) return `${label}, score ${i.overallScore}`;
  if (i.status === 'in_progress') return `In progress, ${i.answeredCount} of ${i.questionCount} answered`;
  return label;
}

/**
 * One interview in a list. For coaches (`audience="coach"`) the row names the candidate and
 * `href` usually leads to the review page.
 */
export function InterviewRow({
  interview,
  href,
  audience = 'candidate',
}: {
  interview: InterviewSummary;
  href?: string;
  audience?: 'candidate' | 'coach';
}) {
  const Icon = interviewTypeIcons[interview.type];
  const band = scoreBand(interview.overallScore);
  const scored = hasScore(interview);
  const when = interview.completedAt ?? interview.createdAt;
  const title = audience === 'coach' && interview.candidate ? interview.candidate.name : interview.role;
  return (
    <li>
      <Link
        to={href ?? interviewHref(interview)}
        className="group flex items-center gap-3 px-4 py-4 transition-colors hover:bg-surface-muted/70 focus-visible:-outline-offset-2 sm:gap-4 sm:px-5"
      >
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <Icon className="size-5" />
        </span>
        <span className="min-w-0 flex-1">
          <span className="line-clamp-2 font-medium break-words text-fg sm:line-clamp-1">{title}</span>
          <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-subtle">
            {audience === 'coach' ? (
              <>
                <span>{interview.role}</span>
                <span aria-hidden="true">·</span>
              </>
            ) : null}
            <span>{interviewTypeLabel(interview.type)}</span>
            <span aria-hidden="true">·</span>
            <span>{levelLabel(interview.level)}</span>
            <span aria-hidden="true">·</span>
            <time dateTime={when}>{formatRelativeDay(when)}</time>
            {audience === 'candidate' && interview.kind === 'assigned' && interview.coach ? (
              <>
                <span aria-hidden="true">·</span>
                <span>Set by {interview.coach.name}</span>
              </>
            ) : null}
          </span>
        </span>
        <span className="hidden sm:block">
          <StatusBadge interview={interview} audience={audience} />
        </span>
        <span className="w-16 shrink-0 text-right">
          {scored ? (
            <span aria-hidden="true">
              <span className={cn('block text-xl font-semibold tabular-nums', scoreTextClass[band.tone])}>{interview.overallScore}</span>
              <span className="block text-xs text-fg-subtle">{band.label}</span>
            </span>
          ) : (
            <span className="text-sm font-medium text-primary sm:hidden" aria-hidden="true">
              {interview.status === 'in_progress'
                ? `${interview.answeredCount}/${interview.questionCount}`
                : statusLabel(interview, audience).label}
            </span>
          )}
          <span className="sr-only">{spokenStatus(interview, audience)}</span>
        </span>
        <ChevronRight className="size-4 shrink-0 text-fg-subtle transition-transform group-hover:translate-x-0.5" aria-hidden="true" />
      </Link>
    </li>
  );
}

export function InterviewListSkeleton({ rows = 3 }: { rows?: number }) {
  return <ListSkeleton rows={rows} trailing="h-6 w-10" />;
}
