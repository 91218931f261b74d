import { History } from 'lucide-react';
import { useId, useState } from 'react';
import type { SavedAtsAnalysis } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { formatDateTime } from '../../../lib/format.js';
import { Alert } from '../../../ui/alert.js';
import { Badge, type BadgeTone } from '../../../ui/badge.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { Pagination } from '../../../ui/pagination.js';
import { Skeleton } from '../../../ui/skeleton.js';
import { useResumeAnalyses } from '../../../lib/api/resumes.js';

interface PastAnalysesProps {
  resumeId: string;
  /** The analysis shown in the report below, if any. */
  openId: string | null;
  onOpen: (analysis: SavedAtsAnalysis) => void;
}

const scoreTone = (score: number): BadgeTone => (score >= 75 ? 'success' : score >= 50 ? 'warning' : 'danger');

/** Every ATS check run on this resume, newest first; opening one shows its full report. */
export function PastAnalyses({ resumeId, openId, onOpen }: PastAnalysesProps) {
  const id = useId();
  const [page, setPage] = useState(1);
  const query = useResumeAnalyses(resumeId, page);

  return (
    <section aria-labelledby={`${id}-heading`} className="card p-5 sm:p-6">
      <h2 id={`${id}-heading`} className="flex items-center gap-2 font-semibold text-fg">
        <History className="size-4 text-primary" aria-hidden="true" /> Past analyses
      </h2>
      {query.isPending ? (
        <div className="mt-4 space-y-2" aria-busy="true">
          <Skeleton className="h-12 w-full rounded-xl" />
          <Skeleton className="h-12 w-full rounded-xl" />
        </div>
      ) : query.isError ? (
        <Alert className="mt-4" title="Could not load past analyses">
          {errorMessage(query.error)}
        </Alert>
      ) : query.data.total === 0 ? (
        <p className="mt-2 text-sm text-fg-muted">No checks yet. Each ATS check you run is kept here, so you can compare versions.</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-fg-muted">
            {query.data.total} check{query.data.total === 1 ? '' : 's'}, newest first.
          </p>
          <ul className="mt-4 divide-y divide-border" aria-label="Past analyses">
            {query.data.items.map((a) => {
              const open = a.id === openId;
              return (
                <li key={a.id} className={cn('flex items-center gap-3 py-3', open && 'font-medium')}>
                  <Badge tone={scoreTone(a.score)} className="min-w-12 justify-center tabular-nums">
                    {a.score}
                  </Badge>
                  <div className="min-w-0 flex-1">
                    <p className="truncate text-sm text-fg">{a.jobDescription.title ?? 'Pasted job description'}</p>
                    <p className="text-xs text-fg-subtle">
                      <time dateTime={a.createdAt}>{formatDateTime(a.createdAt)}</time>
                    </p>
                  </div>
                  <Button variant={open ? 'secondary' : 'ghost'} size="sm" aria-pressed={open} onClick={() => onOpen(a)}>
                    {open ? 'Shown' : 'Open'}
                    <span className="sr-only">
                      {' '}
                      the check of {formatDateTime(a.createdAt)}, score {a.score}
                    </span>
                  </Button>
                </li>
              );
            })}
          </ul>
          <Pagination
            className="mt-3"
            page={page}
            pages={query.data.pages}
            onPage={setPage}
            label="Past analyses pages"
            previousLabel="Newer"
            nextLabel="Older"
          />
        </>
      )}
    </section>
  );
}
