import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { useRenameOrg, useRetention, useSaveRetention } from '../../lib/api/orgs.js';
import { Skeleton } from '../../ui/skeleton.js';
import { AdminOnly, useOrgContext } from './org-layout.js';

export function SettingsTab() {
  return (
    <AdminOnly>
      <Settings />
      <RetentionSettings />
    </AdminOnly>
  );
}

function Settings() {
  const { org } = useOrgContext();
  const rename = useRenameOrg(org.id);
  const [name, setName] = useState(org.name);
  const [error, setError] = useState<string | undefined>();
  const [saved, setSaved] = useState(false);

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!name.trim()) {
      setError('Enter a name for the organization.');
      return;
    }
    setError(undefined);
    rename.mutate(name.trim(), {
      onSuccess: () => setSaved(true),
      onError: (err) => {
        if (err instanceof ApiError && err.fieldErrors.name) setError(sentence(err.fieldErrors.name));
      },
    });
  }

  return (
    <section aria-labelledby="settings-heading" className="max-w-2xl space-y-5">
      <title>{`Settings · ${org.name} · Panelist`}</title>
      <div>
        <h2 id="settings-heading" className="text-lg font-semibold tracking-tight text-fg">
          Settings
        </h2>
        <p className="text-sm text-fg-muted">Created on {formatDate(org.createdAt)}.</p>
      </div>
      <form onSubmit={onSubmit} noValidate className="card space-y-5 p-4 sm:p-6">
        {rename.error && !error ? <Alert title="Could not rename the organization">{errorMessage(rename.error)}</Alert> : null}
        {saved ? <Alert tone="success">Saved. Members see the new name from now on.</Alert> : null}
        <TextField
          label="Organization name"
          name="org-name"
          maxLength={120}
          value={name}
          onChange={(e) => {
            setName(e.target.value);
            setSaved(false);
          }}
          error={error}
          hint="Shown in invitations, on dashboards and in emails."
        />
        <div className="flex justify-end">
          <Button type="submit" loading={rename.isPending} loadingText="Saving…" disabled={name.trim() === org.name}>
            Save name
          </Button>
        </div>
      </form>
    </section>
  );
}

const MAX_DAYS = 3650;
type RetentionField = 'interviewDays' | 'resumeDays' | 'recordingDays';

/** A whole number of days from 1 to 3650; empty is "keep until deleted" where that is allowed. */
function daysOf(text: string, emptyAllowed: boolean): { value: number | null } | { error: string } {
  const t = text.trim();
  if (!t) return emptyAllowed ? { value: null } : { error: 'Enter a number of days.' };
  if (!/^\d+$/.test(t)) return { error: 'Enter whole days, like 365.' };
  const n = Number(t);
  if (n < 1 || n > MAX_DAYS) return { error: `Enter between 1 and ${MAX_DAYS} days (ten years).` };
  return { value: n };
}

/**
 * How long the organization keeps ended interviews, candidates' resumes and recorded answers; a
 * daily job deletes what is older, each deletion in the audit log.
 */
function RetentionSettings() {
  const { org } = useOrgContext();
  const current = useRetention(org.id);
  return (
    <section aria-labelledby="retention-heading" className="mt-8 max-w-2xl space-y-5">
      <div>
        <h2 id="retention-heading" className="text-lg font-semibold tracking-tight text-fg">
          Data retention
        </h2>
        <p className="text-sm text-fg-muted">
          A daily job deletes what is older than these periods; each deletion is in the audit log. Shorter periods keep less personal data.
        </p>
      </div>
      {current.isError ? (
        <Alert title="Could not load the retention periods">{errorMessage(current.error)}</Alert>
      ) : current.isPending ? (
        <Skeleton className="h-48 w-full" />
      ) : (
        <RetentionForm
          orgId={org.id}
          initial={{
            interviewDays: current.data.interviewDays?.toString() ?? '',
            resumeDays: current.data.resumeDays?.toString() ?? '',
            recordingDays: String(current.data.recordingDays),
          }}
        />
      )}
    </section>
  );
}

function RetentionForm({ orgId, initial }: { orgId: string; initial: Record<RetentionField, string> }) {
  const save = useSaveRetention(orgId);
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<Partial<Record<RetentionField, string>>>({});
  const [saved, setSaved] = useState(false);

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const parsed = {
      interviewDays: daysOf(form.interviewDays, true),
      resumeDays: daysOf(form.resumeDays, true),
      recordingDays: daysOf(form.recordingDays, false),
    };
    const found: Partial<Record<RetentionField, string>> = {};
    for (const [k, v] of Object.entries(parsed)) if ('error' in v) found[k as RetentionField] = v.error;
    setErrors(found);
    const firstBad = Object.keys(found)[0];
    if (firstBad) {
      e.currentTarget.querySelector<HTMLInputElement>(`input[name="${firstBad}"]`)?.focus();
      return;
    }
    const value = (k: RetentionField) => (parsed[k] as { value: number | null }).value;
    save.mutate(
      { interviewDays: value('interviewDays'), resumeDays: value('resumeDays'), recordingDays: value('recordingDays')! },
      {
        onSuccess: () => setSaved(true),
        onError: (err) => {
          if (!(err instanceof ApiError)) return;
          const fe: Partial<Record<RetentionField, string>> = {};
          if (err.fieldErrors.interviewDays) fe.interviewDays = sentence(err.fieldErrors.interviewDays);
          if (err.fieldErrors.resumeDays) fe.resumeDays = sentence(err.fieldErrors.resumeDays);
          if (err.fieldErrors.days) fe.recordingDays = sentence(err.fieldErrors.days);
          setErrors(fe);
        },
      },
    );
  }

  const field = (name: RetentionField, label: string, hint: string) => (
    <TextField
      label={label}
      name={name}
      inputMode="numeric"
      aside={<span className="text-sm text-fg-subtle">days</span>}
      value={form[name]}
      onChange={(e) => {
        setForm((f) => ({ ...f, [name]: e.target.value }));
        setSaved(false);
      }}
      error={errors[name]}
      hint={hint}
    />
  );

  return (
    <form onSubmit={onSubmit} noValidate className="card space-y-5 p-4 sm:p-6">
      {save.error && Object.keys(errors).length === 0 ? (
        <Alert title="Could not save the retention periods">{errorMessage(save.error)}</Alert>
      ) : null}
      {saved ? <Alert tone="success">Saved. The daily clean-up uses these periods from now on.</Alert> : null}
      {field(
        'interviewDays',
        'Keep ended interviews for',
        'Counted from the end of the interview. Empty: keep until someone deletes them.',
      )}
      {field(
        'resumeDays',
        'Keep candidates’ resumes for',
        'Counted from the last change; a candidate in several organizations gets the shortest period. Empty: keep them.',
      )}
      {field('recordingDays', 'Keep recorded answers for', 'Audio and video of answers, counted from the recording.')}
      <div className="flex justify-end">
        <Button type="submit" loading={save.isPending} loadingText="Saving…">
          Save retention periods
        </Button>
      </div>
    </form>
  );
}
