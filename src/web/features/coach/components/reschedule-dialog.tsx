import { useState, type FormEvent } from 'react';
import type { Interview, UpdateInterviewBody } from '../../../../contract/index.js';
import { ApiError, errorMessage } from '../../../lib/api-client.js';
import { sentence } from '../../../lib/form.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { Dialog } from '../../../ui/dialog.js';
import { TextField } from '../../../ui/field.js';
import { timeZoneLabel } from '../../../lib/schedule-format.js';
import { useUpdateInterview } from '../../../lib/api/coach.js';
import { isoToLocalInput, localInputToIso } from '../datetime-local.js';

/** Move the window or change the time allowed, before the candidate starts. */
export function RescheduleDialog({ interview, open, onClose }: { interview: Interview; open: boolean; onClose: () => void }) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Reschedule"
      description={`${interview.candidate?.name ?? 'The candidate'} is told about the new time. Times are in your time zone, ${timeZoneLabel()}.`}
    >
      {/* Mounted only while open, so each opening starts from the interview's current values. */}
      {open ? <RescheduleForm interview={interview} onClose={onClose} /> : null}
    </Dialog>
  );
}

function RescheduleForm({ interview, onClose }: { interview: Interview; onClose: () => void }) {
  const update = useUpdateInterview(interview.id);
  const [start, setStart] = useState(() => isoToLocalInput(interview.windowStart));
  const [end, setEnd] = useState(() => isoToLocalInput(interview.windowEnd));
  const [duration, setDuration] = useState(() => String(interview.durationMinutes ?? 30));
  const [errors, setErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const startIso = localInputToIso(start);
    const endIso = localInputToIso(end);
    const minutes = Number(duration);
    const found: Record<string, string> = {};
    if (!startIso) found.windowStart = 'Enter when the window opens.';
    if (!endIso) found.windowEnd = 'Enter when the window closes.';
    else if (startIso && Date.parse(endIso) <= Date.parse(startIso)) found.windowEnd = 'The window must close after it opens.';
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) found.durationMinutes = 'Choose between 1 and 480 minutes.';
    setErrors(found);
    if (Object.keys(found).length) return;
    const body: UpdateInterviewBody = {};
    const moved = (iso: string, was: string | null | undefined) => !was || Date.parse(iso) !== Date.parse(was);
    if (moved(startIso!, interview.windowStart)) body.windowStart = startIso!;
    if (moved(endIso!, interview.windowEnd)) body.windowEnd = endIso!;
    if (minutes !== interview.durationMinutes) body.durationMinutes = minutes;
    if (Object.keys(body).length === 0) return onClose();
    update.mutate(body, {
      onSuccess: onClose,
      onError: (err) => {
        if (err instanceof ApiError) setErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])));
      },
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField
        label="Window opens"
        type="datetime-local"
        value={start}
        onChange={(e) => setStart(e.target.value)}
        error={errors.windowStart}
      />
      <TextField
        label="Window closes"
        type="datetime-local"
        value={end}
        onChange={(e) => setEnd(e.target.value)}
        error={errors.windowEnd}
      />
      <TextField
        label="Time to answer (minutes)"
        type="number"
        inputMode="numeric"
        min={1}
        max={480}
        value={duration}
        onChange={(e) => setDuration(e.target.value)}
        error={errors.durationMinutes}
        className="max-w-40"
      />
      {update.isError && !Object.keys(errors).length ? <Alert title="Not rescheduled">{errorMessage(update.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Keep as is
        </Button>
        <Button type="submit" loading={update.isPending} loadingText="Saving…">
          Save new time
        </Button>
      </div>
    </form>
  );
}
