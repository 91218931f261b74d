import { Bookmark, BookmarkCheck } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '../lib/api-client.js';
import { Button } from './button.js';
import { useRemoveSaved, useSaveQuestion, useSavedQuestions } from '../lib/api/saved-questions.js';

/**
 * Bookmark a question to practise it later; pressed when it is saved (the same text saved from
 * any interview counts). Pressing again removes it.
 */
export function SaveQuestionButton({ interviewId, questionId, text }: { interviewId: string; questionId: string; text: string }) {
  const list = useSavedQuestions();
  const save = useSaveQuestion();
  const remove = useRemoveSaved();
  const [status, setStatus] = useState('');
  const saved = list.data?.items.find((s) => s.text === text);
  const busy = save.isPending || remove.isPending;

  function toggle() {
    setStatus('');
    if (saved)
      remove.mutate(saved.id, {
        onSuccess: () => setStatus('Removed from saved questions.'),
        onError: (e) => setStatus(errorMessage(e)),
      });
    else
      save.mutate(
        { interviewId, questionId },
        { onSuccess: () => setStatus('Saved. Practise it from Saved questions.'), onError: (e) => setStatus(errorMessage(e)) },
      );
  }

  return (
    <span className="inline-flex items-center gap-2 print:hidden">
      <Button
        variant="ghost"
        size="sm"
        aria-pressed={!!saved}
        onClick={toggle}
        disabled={busy || list.isPending}
        data-testid="save-question"
      >
        {saved ? <BookmarkCheck className="size-4 text-primary" aria-hidden="true" /> : <Bookmark className="size-4" aria-hidden="true" />}
        {saved ? 'Saved' : 'Save question'}
      </Button>
      <span className="sr-only" role="status">
        {status}
      </span>
    </span>
  );
}
