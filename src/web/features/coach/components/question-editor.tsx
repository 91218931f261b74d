import { ArrowDown, ArrowUp, ChevronDown, Code2, Plus, Save, Trash2 } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { QUESTION_TYPES, type EditedQuestion, type Interview, type QuestionType } from '../../../../contract/index.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { cn } from '../../../ui/cn.js';
import { SelectField, TextAreaField } from '../../../ui/field.js';
import { interviewTypeLabel } from '../../../lib/interview-meta.js';
import { useReplaceQuestions } from '../../../lib/api/coach.js';
import { CodingPick } from '../../../ui/coding/coding-pick.js';

const MIN_TEXT = 10;
const MAX_QUESTIONS = 20;
const MAX_KEY_POINTS = 10;
const MAX_KEY_POINT_CHARS = 300;

interface Item {
  /** Stable across moves, for React keys and focus. */
  key: string;
  id?: string;
  type: QuestionType;
  text: string;
  /** One key point per line, as typed; split when saved. */
  keyPoints: string;
  referenceAnswer: string;
  /** A coding problem from the bank (its slug and title): asked with the code editor and graded by its tests. */
  coding?: { slug: string; title: string } | undefined;
}

let counter = 0;
const newKey = () => `new-${++counter}`;

function fromInterview(interview: Interview): Item[] {
  return [...interview.questions]
    .sort((a, b) => a.order - b.order)
    .map((q) => ({
      key: q.id,
      id: q.id,
      type: q.type,
      text: q.text,
      keyPoints: (q.keyPoints ?? []).join('\n'),
      referenceAnswer: q.referenceAnswer ?? '',
      coding: q.coding ? { slug: q.coding.slug, title: q.coding.title } : undefined,
    }));
}

function keyPointsOf(q: Item): string[] {
  return q.keyPoints
    .split('\n')
    .map((k) => k.trim())
    .filter(Boolean);
}

function toBody(items: Item[]): EditedQuestion[] {
  return items.map((q) =>
    q.coding
      ? // The server asks the bank's problem; the title is sent only because every question has a text.
        { ...(q.id ? { id: q.id } : { codingProblem: q.coding.slug }), type: q.type, text: q.coding.title }
      : toTextQuestion(q),
  );
}

function toTextQuestion(q: Item): EditedQuestion {
  return {
    ...(q.id ? { id: q.id } : {}),
    type: q.type,
    text: q.text.trim(),
    keyPoints: keyPointsOf(q),
    ...(q.referenceAnswer.trim() ? { referenceAnswer: q.referenceAnswer.trim() } : {}),
  };
}

const same = (a: Item[], b: Item[]) => JSON.stringify(toBody(a)) === JSON.stringify(toBody(b));

/**
 * The questions of a scheduled interview, editable until the candidate can start: text, type,
 * key points and reference answer; reorder with buttons (so the keyboard and screen readers can
 * do it), add and remove, then save the whole ordered list at once.
 */
export function QuestionEditor({ interview, onSaved }: { interview: Interview; onSaved?: () => void }) {
  const [saved, setSaved] = useState(() => fromInterview(interview));
  const [items, setItems] = useState(saved);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const replace = useReplaceQuestions(interview.id);
  const focusNext = useRef<string | null>(null);
  const dirty = !same(items, saved);
  const defaultType: QuestionType = interview.type === 'mixed' ? 'behavioral' : interview.type === 'coding' ? 'technical' : interview.type;

  // After a move, add or remove, focus lands where the person expects it (read from a ref set by the handler).
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    document.getElementById(target)?.focus();
  });

  const update = (key: string, patch: Partial<Item>) => setItems((list) => list.map((q) => (q.key === key ? { ...q, ...patch } : q)));

  function move(index: number, delta: -1 | 1) {
    const to = index + delta;
    if (to < 0 || to >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(to, 0, moved!);
    setItems(next);
    // Keep focus on the same button of the moved question; at an end, on its other arrow.
    const atEnd = to === 0 || to === next.length - 1;
    const direction = atEnd ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down';
    focusNext.current = `q-${moved!.key}-${direction}`;
    setAnnouncement(`Question moved ${delta === -1 ? 'up' : 'down'} to position ${to + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const next = items.filter((_, i) => i !== index);
    setItems(next);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusNext.current = neighbour ? `q-${neighbour.key}-heading` : 'add-question';
    setAnnouncement(`Question ${index + 1} removed. ${next.length} ${next.length === 1 ? 'question' : 'questions'} left.`);
  }

  function add() {
    const item: Item = { key: newKey(), type: defaultType, text: '', keyPoints: '', referenceAnswer: '' };
    setItems((list) => [...list, item]);
    focusNext.current = `q-${item.key}-text`;
    setAnnouncement(`Question ${items.length + 1} added.`);
  }

  function addCoding() {
    const item: Item = { key: newKey(), type: 'technical', text: '', keyPoints: '', referenceAnswer: '', coding: { slug: '', title: '' } };
    setItems((list) => [...list, item]);
    focusNext.current = `q-${item.key}-text`;
    setAnnouncement(`Question ${items.length + 1} added: choose its coding problem.`);
  }

  function save() {
    const found: Record<string, string> = {};
    for (const q of items) {
      if (q.coding) {
        if (!q.coding.slug) found[q.key] = 'Choose a coding problem.';
        continue;
      }
      if (q.text.trim().length < MIN_TEXT) found[q.key] = `Write at least ${MIN_TEXT} characters.`;
      const points = keyPointsOf(q);
      if (points.length > MAX_KEY_POINTS) found[`${q.key}:points`] = `Keep it to ${MAX_KEY_POINTS} key points; this has ${points.length}.`;
      else if (points.some((k) => k.length > MAX_KEY_POINT_CHARS))
        found[`${q.key}:points`] = `Keep each key point under ${MAX_KEY_POINT_CHARS} characters.`;
    }
    setErrors(found);
    const firstBad = items.find((q) => found[q.key] || found[`${q.key}:points`]);
    if (firstBad) {
      document.getElementById(found[firstBad.key] ? `q-${firstBad.key}-text` : `q-${firstBad.key}-points`)?.focus();
      return;
    }
    replace.mutate(toBody(items), {
      onSuccess: (next) => {
        const fresh = fromInterview(next);
        setSaved(fresh);
        setItems(fresh);
        setAnnouncement('Questions saved.');
        onSaved?.();
      },
    });
  }

  const locked = replace.error instanceof ApiError && replace.error.code === 'invalid_state';

  return (
    <section aria-labelledby="questions-heading" className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 id="questions-heading" className="text-lg font-semibold tracking-tight text-fg">
            Questions <span className="text-base font-normal text-fg-subtle">({items.length})</span>
          </h2>
          <p className="text-sm text-fg-subtle">
            The candidate sees only the question text, once they start. Key points and the reference answer guide the scoring.
          </p>
        </div>
      </div>

      <ol className="space-y-4">
        {items.map((q, i) => (
          <li key={q.key} className="card space-y-4 p-4 sm:p-5">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id={`q-${q.key}-heading`} tabIndex={-1} className="font-semibold text-fg">
                Question {i + 1}
                {!q.id ? <span className="ml-2 text-sm font-normal text-fg-subtle">(new)</span> : null}
              </h3>
              <div className="flex items-center gap-1" role="group" aria-label={`Arrange question ${i + 1}`}>
                <IconButton id={`q-${q.key}-up`} label={`Move question ${i + 1} up`} disabled={i === 0} onClick={() => move(i, -1)}>
                  <ArrowUp className="size-4" aria-hidden="true" />
                </IconButton>
                <IconButton
                  id={`q-${q.key}-down`}
                  label={`Move question ${i + 1} down`}
                  disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                >
                  <ArrowDown className="size-4" aria-hidden="true" />
                </IconButton>
                <IconButton label={`Remove question ${i + 1}`} disabled={items.length <= 1} onClick={() => remove(i)} danger>
                  <Trash2 className="size-4" aria-hidden="true" />
                </IconButton>
              </div>
            </div>

            {q.coding ? (
              <CodingPick
                id={`q-${q.key}-text`}
                saved={Boolean(q.id)}
                value={q.coding}
                error={errors[q.key]}
                onPick={(coding) => {
                  update(q.key, { coding, text: coding.title });
                  if (errors[q.key]) setErrors(({ [q.key]: _gone, ...rest }) => rest);
                }}
              />
            ) : (
              <TextQuestionFields q={q} errors={errors} setErrors={setErrors} update={update} />
            )}
          </li>
        ))}
      </ol>

      <div className="flex flex-wrap gap-2">
        <Button id="add-question" variant="secondary" onClick={add} disabled={items.length >= MAX_QUESTIONS}>
          <Plus className="size-4" aria-hidden="true" /> Add question
        </Button>
        <Button variant="secondary" onClick={addCoding} disabled={items.length >= MAX_QUESTIONS}>
          <Code2 className="size-4" aria-hidden="true" /> Add coding problem
        </Button>
      </div>

      {replace.isError ? (
        <Alert title={locked ? 'The questions can no longer change' : 'The questions were not saved'}>
          {locked ? 'The candidate can already start this interview, so its questions are fixed.' : errorMessage(replace.error)}
        </Alert>
      ) : null}

      <div
        className={cn(
          'sticky bottom-0 z-10 -mx-4 flex flex-col gap-3 border-t border-border bg-bg/90 px-4 py-3 backdrop-blur-md sm:mx-0 sm:flex-row sm:items-center sm:justify-between sm:rounded-2xl sm:border sm:px-5',
          !dirty && 'sm:border-transparent sm:bg-transparent sm:backdrop-blur-none',
        )}
      >
        <p className="text-sm text-fg-muted">
          {dirty ? 'You have unsaved changes.' : replace.isSuccess ? 'All changes saved.' : 'No changes yet.'}
        </p>
        <div className="flex gap-2">
          {dirty ? (
            <Button
              variant="ghost"
              onClick={() => {
                setItems(saved);
                setErrors({});
                setAnnouncement('Changes discarded.');
              }}
            >
              Discard
            </Button>
          ) : null}
          <Button onClick={save} disabled={!dirty} loading={replace.isPending} loadingText="Saving…" className="flex-1 sm:flex-none">
            <Save className="size-4" aria-hidden="true" /> Save questions
          </Button>
        </div>
      </div>

      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}

/** The fields of a question the coach writes: type, text, key points and an optional reference answer. */
function TextQuestionFields({
  q,
  errors,
  setErrors,
  update,
}: {
  q: Item;
  errors: Record<string, string>;
  setErrors: React.Dispatch<React.SetStateAction<Record<string, string>>>;
  update: (key: string, patch: Partial<Item>) => void;
}) {
  return (
    <>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <SelectField label="Type" value={q.type} onChange={(e) => update(q.key, { type: e.target.value as QuestionType })}>
          {QUESTION_TYPES.map((t) => (
            <option key={t} value={t}>
              {interviewTypeLabel(t)}
            </option>
          ))}
        </SelectField>
        <TextAreaField
          id={`q-${q.key}-text`}
          label="Question"
          rows={3}
          maxLength={2000}
          value={q.text}
          onChange={(e) => {
            update(q.key, { text: e.target.value });
            if (errors[q.key]) setErrors(({ [q.key]: _gone, ...rest }) => rest);
          }}
          error={errors[q.key]}
          className="resize-y"
        />
      </div>

      <TextAreaField
        id={`q-${q.key}-points`}
        label="Key points"
        optional
        rows={Math.min(6, Math.max(3, q.keyPoints.split('\n').length))}
        value={q.keyPoints}
        onChange={(e) => {
          update(q.key, { keyPoints: e.target.value });
          if (errors[`${q.key}:points`]) setErrors(({ [`${q.key}:points`]: _gone, ...rest }) => rest);
        }}
        error={errors[`${q.key}:points`]}
        placeholder={'One per line, e.g.\nStates the trade-off\nGives a measurable result'}
        hint="One per line: what a good answer covers. The engine checks answers against them; only coaches see them."
        className="resize-y"
      />

      <details className="group rounded-xl border border-border">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-xl px-3.5 py-2.5 text-sm font-medium text-fg-muted hover:text-fg [&::-webkit-details-marker]:hidden">
          {q.referenceAnswer.trim() ? 'Reference answer' : 'Add a reference answer (optional)'}
          <ChevronDown className="size-4 transition-transform group-open:rotate-180" aria-hidden="true" />
        </summary>
        <div className="border-t border-border p-3.5">
          <TextAreaField
            label="Reference answer"
            rows={4}
            maxLength={5000}
            value={q.referenceAnswer}
            onChange={(e) => update(q.key, { referenceAnswer: e.target.value })}
            hint="A model answer the engine compares against. Leave empty to rely on the key points."
          />
        </div>
      </details>
    </>
  );
}

function IconButton({
  id,
  label,
  disabled,
  onClick,
  danger,
  children,
}: {
  id?: string;
  label: string;
  disabled?: boolean;
  onClick: () => void;
  danger?: boolean;
  children: React.ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      aria-label={label}
      title={label}
      disabled={disabled}
      onClick={onClick}
      className={cn(
        'grid size-9 place-items-center rounded-lg border border-border text-fg-muted transition-colors hover:bg-surface-muted hover:text-fg disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent',
        danger && 'hover:text-danger',
      )}
    >
      {children}
    </button>
  );
}
