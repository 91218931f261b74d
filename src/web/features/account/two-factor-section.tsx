import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PasswordField } from '../../ui/password-field.js';
import { twoFactorQuery, useBeginTwoFactor, useDisableTwoFactor, useEnableTwoFactor, useRenewRecoveryCodes } from './api.js';

/** Shown once, right after they are made: the server keeps only their hashes. */
function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <Alert tone="success" title="Save your recovery codes now">
      <p>Each code signs you in once if you lose your phone. They are shown only this time.</p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </Alert>
  );
}

function Enrol({ onCodes }: { onCodes: (codes: string[]) => void }) {
  const begin = useBeginTwoFactor();
  const enable = useEnableTwoFactor();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  if (begin.isSuccess) {
    const setup = begin.data;
    const submit = (e: FormEvent) => {
      e.preventDefault();
      // The status refetch swaps this form for the enrolled view, so the codes are kept above it.
      enable.mutate(code.trim(), { onSuccess: (r) => onCodes(r.recoveryCodes) });
    };
    return (
      <form onSubmit={submit} noValidate className="space-y-4">
        <p className="text-sm text-fg-muted">Scan this code with an authenticator app (Aegis, Google Authenticator, 1Password…).</p>
        <img
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.qrSvg)}`}
          alt="QR code of your two-factor secret"
          width={176}
          height={176}
          className="rounded-lg bg-white p-1"
        />
        <p className="text-sm text-fg-muted">
          Or type this key: <code className="break-all font-mono text-fg">{setup.secret}</code>
        </p>
        <TextField
          label="6-digit code from the app"
          name="totpSetupCode"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={enable.error ? errorMessage(enable.error) : undefined}
        />
        <Button type="submit" loading={enable.isPending} loadingText="Checking…">
          Turn on two-factor
        </Button>
      </form>
    );
  }
  const start = (e: FormEvent) => {
    e.preventDefault();
    begin.mutate(password);
  };
  return (
    <form onSubmit={start} noValidate className="space-y-4">
      <p className="text-sm text-fg-muted">Sign-ins will ask for a code from your phone as well as your password.</p>
      <PasswordField
        label="Confirm with your password"
        name="twoFactorPassword"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={begin.error ? errorMessage(begin.error) : undefined}
      />
      <Button type="submit" loading={begin.isPending} loadingText="Preparing…">
        Set up two-factor
      </Button>
    </form>
  );
}

function Enrolled({ codesLeft }: { codesLeft: number }) {
  const disable = useDisableTwoFactor();
  const renew = useRenewRecoveryCodes();
  const [password, setPassword] = useState('');
  const run = (action: 'disable' | 'renew') => (e: FormEvent) => {
    e.preventDefault();
    if (action === 'disable') disable.mutate(password, { onSuccess: () => setPassword('') });
    else renew.mutate(password, { onSuccess: () => setPassword('') });
  };
  const error = disable.error ?? renew.error;
  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">{codesLeft} recovery codes left.</p>
      {renew.isSuccess ? <RecoveryCodes codes={renew.data.recoveryCodes} /> : null}
      <form onSubmit={run('disable')} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <PasswordField
          label="Confirm with your password"
          name="twoFactorPassword"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={error ? errorMessage(error) : undefined}
        />
        <Button type="button" variant="secondary" loading={renew.isPending} onClick={run('renew')}>
          New recovery codes
        </Button>
        <Button type="submit" variant="danger" loading={disable.isPending} loadingText="Turning off…">
          Turn off
        </Button>
      </form>
    </div>
  );
}

export function TwoFactorSection() {
  const status = useQuery(twoFactorQuery);
  const [freshCodes, setFreshCodes] = useState<string[] | null>(null);
  if (!status.data) return status.error ? <Alert>{errorMessage(status.error)}</Alert> : null;
  const s = status.data;
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
        Two-factor sign-in {s.enabled ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
      </p>
      {s.requiredByOrg && !s.enabled ? (
        <Alert tone="info" title="Required by your organization">
          An organization where you coach or are an admin asks for two-factor sign-in. Turn it on to use Panelist.
        </Alert>
      ) : null}
      {freshCodes && s.enabled ? <RecoveryCodes codes={freshCodes} /> : null}
      {s.enabled ? <Enrolled codesLeft={s.recoveryCodesLeft} /> : <Enrol onCodes={setFreshCodes} />}
    </div>
  );
}
