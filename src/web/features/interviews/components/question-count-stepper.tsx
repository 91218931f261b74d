import { Clock, Minus, Plus } from 'lucide-react';
import { useId } from 'react';

export const MIN_QUESTIONS = 1;
export const MAX_QUESTIONS = 20;

/** How many questions, with buttons either side and the time it will take. */
export function QuestionCountStepper({
  value,
  onChange,
  error,
  minutes,
}: {
  value: number;
  onChange: (count: number) => void;
  error: string | undefined;
  minutes: number;
}) {
  const countId = useId();
  return (
    <div className="space-y-1.5">
      <label htmlFor={countId} className="text-sm font-medium text-fg">
        Number of questions
      </label>
      <div className="flex items-center gap-3">
        <div className="flex items-center rounded-xl border border-border-strong bg-surface">
          <button
            type="button"
            className="grid size-11 place-items-center rounded-l-xl text-fg-muted hover:bg-surface-muted hover:text-fg disabled:opacity-40"
            onClick={() => onChange(Math.max(MIN_QUESTIONS, (value || 1) - 1))}
            disabled={value <= MIN_QUESTIONS}
            aria-label="Fewer questions"
            aria-controls={countId}
          >
            <Minus className="size-4" aria-hidden="true" />
          </button>
          <input
            id={countId}
            name="questionCount"
            type="number"
            inputMode="numeric"
            min={MIN_QUESTIONS}
            max={MAX_QUESTIONS}
            value={Number.isNaN(value) ? '' : value}
            onChange={(e) => onChange(e.target.valueAsNumber)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${countId}-hint`}
            className="h-11 w-14 border-x border-border bg-transparent text-center font-medium tabular-nums text-fg [appearance:textfield] focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-inner-spin-button]:appearance-none"
          />
          <button
            type="button"
            className="grid size-11 place-items-center rounded-r-xl text-fg-muted hover:bg-surface-muted hover:text-fg disabled:opacity-40"
            onClick={() => onChange(Math.min(MAX_QUESTIONS, (value || 0) + 1))}
            disabled={value >= MAX_QUESTIONS}
            aria-label="More questions"
            aria-controls={countId}
          >
            <Plus className="size-4" aria-hidden="true" />
          </button>
        </div>
        <p id={`${countId}-hint`} className="flex items-center gap-1.5 text-sm text-fg-subtle">
          <Clock className="size-4" aria-hidden="true" /> About {minutes} minutes
        </p>
      </div>
      {error ? <p className="text-sm font-medium text-danger">{error}</p> : null}
    </div>
  );
}
