import { Globe } from 'lucide-react';
import { formatMinutes } from '../../../lib/schedule-format.js';
import { serverNowMs } from '../../../lib/server-clock.js';
import { TextField } from '../../../ui/field.js';
import { toLocalInput } from '../datetime-local.js';
import type { ScheduleDraft, UpdateDraft } from '../schedule-draft.js';

/** "In 15 min": time for the coach to review and edit the questions before the candidate can start. */
const REVIEW_MINUTES = 15;

/** Whether a window start (datetime-local) is already open or about to open: the questions are then fixed. */
function opensNow(localStart: string): boolean {
  const at = Date.parse(localStart);
  return !Number.isNaN(at) && at <= serverNowMs() + 60_000;
}

/** When the candidate may start and how long they have, with a warning when the window is shorter than the time. */
export function ScheduleWindow({
  draft,
  errors,
  update,
  tz,
  windowMinutes,
  suggested,
}: {
  draft: ScheduleDraft;
  errors: Record<string, string>;
  update: UpdateDraft;
  tz: string;
  windowMinutes: number | null;
  suggested: number;
}) {
  return (
    <section aria-labelledby="when-heading" className="card space-y-5 p-5 sm:p-6">
      <div className="space-y-1">
        <h2 id="when-heading" className="font-semibold text-fg">
          When
        </h2>
        <p className="flex items-center gap-1.5 text-sm text-fg-subtle">
          <Globe className="size-4 shrink-0" aria-hidden="true" /> Times are in your time zone: {tz}. The candidate sees them in theirs.
        </p>
      </div>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2">
        <TextField
          label="Window opens"
          name="windowStart"
          type="datetime-local"
          value={draft.windowStart}
          onChange={(e) => update('windowStart', e.target.value)}
          error={errors.windowStart}
          aside={
            <span className="flex gap-3">
              <button
                type="button"
                className="rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline"
                onClick={() => update('windowStart', toLocalInput(new Date()))}
              >
                Now
              </button>
              <button
                type="button"
                className="rounded-md text-sm font-medium text-primary underline-offset-4 hover:underline"
                onClick={() => update('windowStart', toLocalInput(new Date(serverNowMs() + REVIEW_MINUTES * 60_000)))}
              >
                In {REVIEW_MINUTES} min
              </button>
            </span>
          }
          hint={
            opensNow(draft.windowStart)
              ? `The candidate can start at once, so the questions are fixed from now: you can still read them. To edit them first, open the window in ${REVIEW_MINUTES} minutes.`
              : undefined
          }
        />
        <TextField
          label="Window closes"
          name="windowEnd"
          type="datetime-local"
          value={draft.windowEnd}
          onChange={(e) => update('windowEnd', e.target.value)}
          error={errors.windowEnd}
        />
      </div>
      <TextField
        label="Time to answer (minutes)"
        name="durationMinutes"
        type="number"
        inputMode="numeric"
        min={1}
        max={480}
        value={Number.isNaN(draft.durationMinutes) ? '' : draft.durationMinutes}
        onChange={(e) => update('durationMinutes', e.target.valueAsNumber)}
        error={errors.durationMinutes}
        hint={`The clock starts when the candidate presses Start; about ${suggested} minutes suits ${draft.questionCount || 1} questions.`}
        className="max-w-40"
      />
      {windowMinutes !== null && windowMinutes > 0 && draft.durationMinutes > windowMinutes ? (
        <p className="rounded-xl bg-warning-soft px-4 py-3 text-sm font-medium text-warning">
          The window is only {formatMinutes(windowMinutes)} long, so the candidate will have at most that, not{' '}
          {formatMinutes(draft.durationMinutes)}.
        </p>
      ) : null}
    </section>
  );
}
