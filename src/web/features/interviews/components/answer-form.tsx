import { CloudCheck, CloudOff } from 'lucide-react';
import type { FormEvent, KeyboardEvent } from 'react';
import { MAX_ANSWER_CHARS } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { TextAreaField } from '../../../ui/field.js';
import { Spinner } from '../../../ui/spinner.js';
import type { DraftSaveState } from '../draft-saver.js';

/** The answer being written: the text, how its draft is kept, and the submit button. */
export function AnswerForm({
  draft,
  onDraftChange,
  onSubmit,
  onKeyDown,
  onBlur,
  fieldError,
  words,
  assigned,
  synced,
  saveState,
  submit,
}: {
  draft: string;
  onDraftChange: (text: string) => void;
  onSubmit: (e?: FormEvent) => void;
  onKeyDown: (e: KeyboardEvent<HTMLTextAreaElement>) => void;
  onBlur: () => void;
  fieldError: string | undefined;
  words: number;
  assigned: boolean;
  /** Drafts go to the server (assigned interviews), not only to this device. */
  synced: boolean;
  saveState: DraftSaveState;
  submit: { isPending: boolean; isError: boolean; error: unknown };
}) {
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextAreaField
        id="answer-text"
        label="Your answer"
        name="answer"
        rows={10}
        maxLength={MAX_ANSWER_CHARS}
        value={draft}
        onChange={(e) => onDraftChange(e.target.value)}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
        readOnly={submit.isPending}
        placeholder="Type your answer as you would say it in the interview…"
        error={fieldError}
        hint={synced ? <SaveStatus state={saveState} /> : 'Drafts are saved on this device as you type.'}
        describedById="answer-count"
        aside={
          <span id="answer-count" className="text-sm tabular-nums text-fg-subtle">
            {words} {words === 1 ? 'word' : 'words'}
          </span>
        }
        className="min-h-56 resize-y"
      />
      {synced ? (
        <p className="sr-only" role="status">
          {saveState.kind === 'retrying'
            ? 'Connection lost. Your answer is kept on this device and will be sent when the connection is back.'
            : ''}
        </p>
      ) : null}
      {submit.isError && !fieldError ? <Alert title="Your answer was not submitted">{errorMessage(submit.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="hidden text-sm text-fg-subtle sm:block">
          <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Ctrl</kbd> +{' '}
          <kbd className="rounded border border-border bg-surface-muted px-1.5 py-0.5 font-sans text-xs">Enter</kbd> to submit
        </p>
        <Button
          type="submit"
          size="lg"
          loading={submit.isPending}
          loadingText={assigned ? 'Submitting…' : 'Scoring your answer…'}
          className="w-full sm:w-auto"
        >
          Submit answer
        </Button>
      </div>
      {submit.isPending ? (
        <div className="card flex items-center gap-3 p-5 text-fg-muted" role="status">
          <Spinner className="size-5 text-primary" />
          {assigned ? 'Submitting your answer…' : 'Reading your answer and checking it against the rubric…'}
        </div>
      ) : null}
    </form>
  );
}

function SaveStatus({ state }: { state: DraftSaveState }) {
  if (state.kind === 'retrying') {
    return (
      <span className="inline-flex items-center gap-1.5 text-warning">
        <CloudOff className="size-4" aria-hidden="true" /> Offline — kept on this device; it will be sent when the connection is back.
      </span>
    );
  }
  if (state.kind === 'saving') return <span>Saving…</span>;
  if (state.kind === 'saved') {
    return (
      <span className="inline-flex items-center gap-1.5">
        <CloudCheck className="size-4 text-success" aria-hidden="true" /> Draft saved to Panelist as you type.
      </span>
    );
  }
  if (state.kind === 'closed') return <span>Time is up: drafts are no longer saved.</span>;
  return <span>Drafts are saved on this device and to Panelist as you type.</span>;
}
