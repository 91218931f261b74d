import { ArrowRight, GraduationCap } from 'lucide-react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { buttonClass } from './button.js';
import { coachCandidatesQuery, useIsCoach } from '../lib/api/coach.js';

/** On the personal dashboard of someone who also coaches: the way to their coaching work. */
export function CoachShortcut() {
  const { isCoach } = useIsCoach();
  const candidates = useQuery({ ...coachCandidatesQuery, enabled: isCoach });
  if (!isCoach) return null;
  const items = candidates.data?.items ?? [];
  const toReview = items.reduce((n, c) => n + c.toReview, 0);
  const upcoming = items.reduce((n, c) => n + c.upcoming, 0);
  return (
    <section
      aria-labelledby="coach-shortcut-heading"
      className="card flex flex-col gap-4 p-5 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex gap-3.5">
        <span className="grid size-10 shrink-0 place-items-center rounded-xl bg-primary-soft text-primary-soft-fg" aria-hidden="true">
          <GraduationCap className="size-5" />
        </span>
        <div>
          <h2 id="coach-shortcut-heading" className="font-semibold text-fg">
            Coaching
          </h2>
          <p className="text-sm text-fg-muted">
            {candidates.isPending
              ? 'Your candidates and their interviews.'
              : `${items.length} ${items.length === 1 ? 'candidate' : 'candidates'} · ${upcoming} upcoming · ${toReview} to review`}
          </p>
        </div>
      </div>
      <Link to="/coach" className={buttonClass(toReview > 0 ? 'primary' : 'secondary', 'md', 'w-full sm:w-auto')}>
        {toReview > 0 ? 'Review interviews' : 'Open coaching'} <ArrowRight className="size-4" aria-hidden="true" />
      </Link>
    </section>
  );
}
