import { ChevronLeft, ChevronRight, Plus } from 'lucide-react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { PageHeader } from '../../ui/page-header.js';
import { useInterviewList } from '../../lib/api/interviews.js';
import { InterviewListSkeleton, InterviewRow } from '../../ui/interview-list.js';

const PAGE_SIZE = 10;

export function HistoryPage() {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useInterviewList({ page, limit: PAGE_SIZE });
  const goTo = (p: number) => setParams(p === 1 ? {} : { page: String(p) });

  return (
    <div className="space-y-8">
      <title>Interview history · Panelist</title>
      <PageHeader
        title="Interview history"
        description="Every practice session you have started and every interview a coach set for you, newest first."
        actions={
          // The header carries this button on wider screens.
          <div className="md:hidden">
            <Link to="/practice/new" className={buttonClass('primary')}>
              <Plus className="size-4" aria-hidden="true" /> New practice
            </Link>
          </div>
        }
      />
      <section aria-label="Interviews" className="card overflow-hidden">
        {list.isPending ? (
          <InterviewListSkeleton rows={5} />
        ) : list.isError ? (
          <div className="p-5">
            <Alert title="Could not load your interviews">{errorMessage(list.error)}</Alert>
          </div>
        ) : list.data.items.length === 0 ? (
          <p className="px-5 py-12 text-center text-fg-muted">No interviews yet. Your practice sessions will appear here.</p>
        ) : (
          <ul className="divide-y divide-border">
            {list.data.items.map((i) => (
              <InterviewRow key={i.id} interview={i} />
            ))}
          </ul>
        )}
      </section>
      {list.data && list.data.pages > 1 ? (
        <nav aria-label="Pagination" className="flex items-center justify-between gap-3">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            <ChevronLeft className="size-4" aria-hidden="true" /> Newer
          </Button>
          <p className="text-sm text-fg-muted" aria-live="polite">
            Page {list.data.page} of {list.data.pages}
          </p>
          <Button variant="secondary" size="sm" disabled={page >= list.data.pages} onClick={() => goTo(page + 1)}>
            Older <ChevronRight className="size-4" aria-hidden="true" />
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
