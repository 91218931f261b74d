import { useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { formatDate } from '../../lib/format.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { useRenameOrg } from '../../lib/api/orgs.js';
import { AdminOnly, useOrgContext } from './org-layout.js';

export function SettingsTab() {
  return (
    <AdminOnly>
      <Settings />
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
