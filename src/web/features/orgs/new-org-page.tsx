import { ArrowLeft, ShieldCheck } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button, buttonClass } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { useCreateOrg } from '../../lib/api/orgs.js';

export function NewOrgPage() {
  const create = useCreateOrg();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setError('Enter a name for the organization.');
      document.querySelector<HTMLInputElement>('input[name="name"]')?.focus();
      return;
    }
    setError(undefined);
    create.mutate(name.trim(), {
      onSuccess: (org) => void navigate(`/orgs/${org.id}/teams`, { replace: true }),
      onError: (err) => {
        if (err instanceof ApiError && err.fieldErrors.name) setError(sentence(err.fieldErrors.name));
      },
    });
  }

  const formError = create.error && !error ? errorMessage(create.error) : null;

  return (
    <div className="mx-auto max-w-xl space-y-8">
      <title>New organization · Panelist</title>
      <Link to="/orgs" className="inline-flex items-center gap-1.5 rounded-md text-sm font-medium text-fg-muted hover:text-fg">
        <ArrowLeft className="size-4" aria-hidden="true" /> Organizations
      </Link>
      <PageHeader
        title="Create an organization"
        description="A school, a bootcamp, a hiring team: one place for its coaches and candidates."
      />
      <form onSubmit={onSubmit} noValidate className="card space-y-6 p-5 sm:p-6">
        {formError ? <Alert title="Could not create the organization">{formError}</Alert> : null}
        <TextField
          label="Organization name"
          name="name"
          autoComplete="organization"
          required
          maxLength={120}
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={error}
          hint="People see this name in invitations and on their dashboard. You can change it later."
        />
        <Alert tone="info" icon={ShieldCheck}>
          You become its first admin. Next you can add teams and invite coaches and candidates by email.
        </Alert>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Link to="/orgs" className={buttonClass('ghost')}>
            Cancel
          </Link>
          <Button type="submit" loading={create.isPending} loadingText="Creating…">
            Create organization
          </Button>
        </div>
      </form>
    </div>
  );
}
