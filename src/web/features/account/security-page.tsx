import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { useCurrentUser, useRequestPasswordReset, useVerifyEmail } from '../../lib/api/auth.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Badge } from '../../ui/badge.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PageHeader } from '../../ui/page-header.js';
import { PasswordField } from '../../ui/password-field.js';
import { AccountNav, sectionClass } from './account-nav.js';
import { SignInMethodsSection } from './sign-in-methods-section.js';
import { TwoFactorSection } from './two-factor-section.js';
import { linkedIdentitiesQuery, useChangeEmail, useChangePassword, useConfirmEmailChange, useResendVerification } from './api.js';

const fieldErrorsOf = (err: unknown) =>
  err instanceof ApiError ? Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])) : {};

function EmailStatus() {
  const user = useCurrentUser();
  const resend = useResendVerification();
  const verify = useVerifyEmail();
  const [code, setCode] = useState('');
  if (!user) return null;
  if (user.emailVerified) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
        {user.email} <Badge tone="success">Confirmed</Badge>
      </p>
    );
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    verify.mutate({ code: code.trim() });
  }
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm text-fg-muted">
        {user.email} <Badge tone="warning">Not confirmed yet</Badge>
      </p>
      <p className="text-sm text-fg-muted">Until you confirm it, you cannot invite people to an organization or share results.</p>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Code from the welcome mail"
          name="verifyCode"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={verify.error ? errorMessage(verify.error) : undefined}
        />
        <Button type="submit" loading={verify.isPending} loadingText="Confirming…">
          Confirm
        </Button>
        <Button type="button" variant="secondary" loading={resend.isPending} loadingText="Sending…" onClick={() => resend.mutate()}>
          Send a new mail
        </Button>
      </form>
      {resend.isSuccess ? <Alert tone="success">{resend.data.message}</Alert> : null}
    </div>
  );
}

function ChangePassword() {
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  function submit(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = 'Enter your current password.';
    if (next.length < PASSWORD_MIN_LENGTH) found.newPassword = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {change.isSuccess ? (
        <Alert tone="success" title="Password changed">
          Your other sessions and API tokens were signed out.
        </Alert>
      ) : null}
      {change.error && Object.keys(errors).length === 0 ? <Alert title="Could not change it">{errorMessage(change.error)}</Alert> : null}
      <PasswordField
        label="Current password"
        name="currentPassword"
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={errors.currentPassword}
      />
      <PasswordField
        label="New password"
        name="newPassword"
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={errors.newPassword}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters. Other devices are signed out.`}
      />
      <Button type="submit" loading={change.isPending} loadingText="Saving…">
        Change password
      </Button>
    </form>
  );
}

/**
 * An account made by single sign-on has no password, so nothing here can ask for the current
 * one: the only way to set it is the reset mail, which proves the person reads the address.
 */
function SetPasswordByMail() {
  const user = useCurrentUser();
  const request = useRequestPasswordReset();
  if (!user) return null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-fg-muted">
        You sign in with single sign-on and have not set a password. We can mail {user.email} a link and a code that set one; single sign-on
        keeps working.
      </p>
      {request.isSuccess ? (
        <Alert tone="success" title="Mail sent">
          Open the mail and follow the link, or enter its code on the reset page. It is valid for 10 minutes.
        </Alert>
      ) : null}
      {request.error ? <Alert title="Could not send the mail">{errorMessage(request.error)}</Alert> : null}
      <Button type="button" loading={request.isPending} loadingText="Sending…" onClick={() => request.mutate({ email: user.email })}>
        Mail me a link to set a password
      </Button>
    </div>
  );
}

/** Said where a form would ask for a password the account does not have. */
function NeedsPasswordFirst({ what }: { what: string }) {
  return <p className="text-sm text-fg-muted">{what} asks for your password. Set a password above first.</p>;
}

function ChangeEmail() {
  const change = useChangeEmail();
  const confirm = useConfirmEmailChange();
  const [newEmail, setNewEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  function request(e: FormEvent) {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(newEmail.trim())) found.newEmail = 'Enter a valid email address.';
    if (!password) found.password = 'Enter your password.';
    setErrors(found);
    if (Object.keys(found).length) return;
    change.mutate({ newEmail: newEmail.trim(), password }, { onError: (err) => setErrors(fieldErrorsOf(err)) });
  }
  function finish(e: FormEvent) {
    e.preventDefault();
    confirm.mutate({ code: code.trim() }, { onError: (err) => setErrors(fieldErrorsOf(err)) });
  }
  if (confirm.isSuccess) {
    return (
      <Alert tone="success" title="Email changed">
        You now sign in as {newEmail.trim().toLowerCase()}.
      </Alert>
    );
  }
  if (change.isSuccess) {
    return (
      <form onSubmit={finish} noValidate className="space-y-4">
        <Alert tone="info">{change.data.message}</Alert>
        <TextField
          label={`Code sent to ${newEmail.trim()}`}
          name="changeCode"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={
            errors.code ??
            (confirm.error && !(confirm.error instanceof ApiError && confirm.error.fieldErrors.code)
              ? errorMessage(confirm.error)
              : undefined)
          }
        />
        <Button type="submit" loading={confirm.isPending} loadingText="Confirming…">
          Confirm new email
        </Button>
      </form>
    );
  }
  return (
    <form onSubmit={request} noValidate className="space-y-4">
      {change.error && Object.keys(errors).length === 0 ? (
        <Alert title="Could not start the change">{errorMessage(change.error)}</Alert>
      ) : null}
      <TextField
        label="New email"
        type="email"
        name="newEmail"
        autoComplete="email"
        inputMode="email"
        value={newEmail}
        onChange={(e) => setNewEmail(e.target.value)}
        error={errors.newEmail}
      />
      <PasswordField
        label="Your password"
        name="emailPassword"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={errors.password}
      />
      <Button type="submit" variant="secondary" loading={change.isPending} loadingText="Sending…">
        Send a code to the new address
      </Button>
    </form>
  );
}

export function SecurityPage() {
  // Until the identities load, assume a password: nearly every account has one, and the forms
  // refuse a wrong current password anyway.
  const identities = useQuery(linkedIdentitiesQuery);
  const noPassword = identities.data?.hasPassword === false;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <title>Security · Panelist</title>
      <PageHeader title="Your account" description="Your email, your password and where you are signed in." />
      <AccountNav />
      <section aria-labelledby="email-heading" className={sectionClass}>
        <h2 id="email-heading" className="text-lg font-semibold text-fg">
          Email
        </h2>
        <EmailStatus />
      </section>
      <section aria-labelledby="password-heading" className={sectionClass}>
        <h2 id="password-heading" className="text-lg font-semibold text-fg">
          Password
        </h2>
        {noPassword ? <SetPasswordByMail /> : <ChangePassword />}
      </section>
      <section aria-labelledby="two-factor-heading" className={sectionClass}>
        <h2 id="two-factor-heading" className="text-lg font-semibold text-fg">
          Two-factor sign-in
        </h2>
        {noPassword ? <NeedsPasswordFirst what="Turning on two-factor sign-in" /> : <TwoFactorSection />}
      </section>
      <section aria-labelledby="sign-in-methods-heading" className={sectionClass}>
        <h2 id="sign-in-methods-heading" className="text-lg font-semibold text-fg">
          Single sign-on
        </h2>
        <SignInMethodsSection />
      </section>
      <section aria-labelledby="change-email-heading" className={sectionClass}>
        <h2 id="change-email-heading" className="text-lg font-semibold text-fg">
          Change email
        </h2>
        {noPassword ? <NeedsPasswordFirst what="Changing your email" /> : <ChangeEmail />}
      </section>
    </div>
  );
}
