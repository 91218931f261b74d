import { Bookmark, Play, Trash2 } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api-client.js';
import { useCreateInterview } from '../../lib/api/interviews.js';
import { formatDateTime } from '../../lib/format.js';
import { interviewTypeLabel } from '../../lib/interview-meta.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button, buttonClass } from '../../ui/button.js';
import { LoadFailure } from '../../ui/load-failure.js';
import { PageHeader } from '../../ui/page-header.js';
import { Skeleton } from '../../ui/skeleton.js';
import { useRemoveSaved, useSavedQuestions } from '../../lib/api/saved-questions.js';

const MAX_PER_PRACTICE = 20;

/** The candidate's bookmarks: tick some, practise them as one interview, or remove them. */
export function SavedQuestionsPage() {
  const navigate = useNavigate();
  const list = useSavedQuestions();
  const remove = useRemoveSaved();
  const create = useCreateInterview();
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const items = list.data?.items ?? [];
  const chosen = items.filter((s) => !unticked.has(s.id)).slice(0, MAX_PER_PRACTICE);

  function practise() {
    if (chosen.length === 0) return;
    create.mutate(
      {
        kind: 'practice',
        type: 'mixed',
        role: 'Saved questions',
        level: 'mid',
        questionCount: chosen.length,
        savedQuestionIds: chosen.map((s) => s.id),
      },
      { onSuccess: (iv) => void navigate(`/interviews/${iv.id}`) },
    );
  }

  return (
    <div className="space-y-8">
      <title>Saved questions · Panelist</title>
      <PageHeader
        eyebrow="Practice"
        title="Saved questions"
        description="Questions you bookmarked during practice or in a report. Practise them again as one interview."
        actions={
          items.length > 0 ? (
            <Button onClick={practise} loading={create.isPending} loadingText="Preparing…" disabled={chosen.length === 0}>
              <Play className="size-4" aria-hidden="true" /> Practise {chosen.length} selected
            </Button>
          ) : null
        }
      />
      {create.isError ? <Alert title="Could not start the practice">{errorMessage(create.error)}</Alert> : null}
      {remove.isError ? <Alert title="Could not remove the question">{errorMessage(remove.error)}</Alert> : null}

      {list.isPending ? (
        <div className="space-y-3" role="status">
          <span className="sr-only">Loading saved questions…</span>
          <Skeleton className="h-20 w-full" />
          <Skeleton className="h-20 w-full" />
        </div>
      ) : list.isError ? (
        <LoadFailure
          what="Saved questions"
          error={list.error}
          onRetry={() => void list.refetch()}
          back={{ to: '/', label: 'Back to dashboard' }}
        />
      ) : items.length === 0 ? (
        <div className="card flex flex-col items-center gap-3 p-10 text-center">
          <Bookmark className="size-8 text-fg-subtle" aria-hidden="true" />
          <h2 className="text-lg font-semibold">No saved questions yet</h2>
          <p className="max-w-md text-sm text-fg-muted">
            Press “Save question” beside a question while you practise or in a report, and it appears here.
          </p>
          <Link to="/practice/new" className={buttonClass('primary', 'md', 'mt-2')}>
            Start a practice interview
          </Link>
        </div>
      ) : (
        <ul className="space-y-3" aria-label="Saved questions">
          {items.map((s) => {
            const ticked = !unticked.has(s.id);
            return (
              <li key={s.id} className="card flex items-start gap-3 p-4 sm:p-5">
                <input
                  type="checkbox"
                  className="mt-1 size-4 shrink-0 accent-primary"
                  checked={ticked}
                  aria-label={`Practise: ${s.text}`}
                  onChange={() =>
                    setUnticked((prev) => {
                      const next = new Set(prev);
                      if (ticked) next.add(s.id);
                      else next.delete(s.id);
                      return next;
                    })
                  }
                />
                <div className="min-w-0 flex-1 space-y-2">
                  <p className="font-medium text-fg">{s.text}</p>
                  <p className="flex flex-wrap items-center gap-2 text-sm text-fg-subtle">
                    <Badge>{interviewTypeLabel(s.type)}</Badge> Saved {formatDateTime(s.savedAt)}
                  </p>
                </div>
                <Button variant="ghost" size="sm" onClick={() => remove.mutate(s.id)} aria-label={`Remove: ${s.text}`}>
                  <Trash2 className="size-4" aria-hidden="true" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
