import { useState, type FormEvent } from 'react';
import type { Interview } from '../../../../contract/index.js';
import { errorMessage } from '../../../lib/api-client.js';
import { Alert } from '../../../ui/alert.js';
import { Button } from '../../../ui/button.js';
import { Dialog } from '../../../ui/dialog.js';
import { TextAreaField } from '../../../ui/field.js';
import { useCancelInterview } from '../../../lib/api/coach.js';

/** Cancelling cannot be undone, so it asks first; the optional reason goes to the candidate. */
export function CancelDialog({ interview, open, onClose }: { interview: Interview; open: boolean; onClose: () => void }) {
  const name = interview.candidate?.name ?? 'The candidate';
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Cancel this interview?"
      description={`${name} is told it is cancelled. This cannot be undone; you can schedule a new one later.`}
    >
      {open ? <CancelForm interview={interview} onClose={onClose} /> : null}
    </Dialog>
  );
}

function CancelForm({ interview, onClose }: { interview: Interview; onClose: () => void }) {
  const cancel = useCancelInterview(interview.id);
  const [reason, setReason] = useState('');
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    cancel.mutate(reason.trim() ? { reason: reason.trim() } : {}, { onSuccess: onClose });
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextAreaField
        label="Reason"
        optional
        rows={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint="Shared with the candidate."
      />
      {cancel.isError ? <Alert title="Not cancelled">{errorMessage(cancel.error)}</Alert> : null}
      <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
        <Button variant="secondary" onClick={onClose}>
          Keep interview
        </Button>
        <Button type="submit" variant="danger" loading={cancel.isPending} loadingText="Cancelling…">
          Cancel interview
        </Button>
      </div>
    </form>
  );
}
