import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { useConfirmPasswordReset, useRequestPasswordReset } from '../../lib/api/auth.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { PasswordField } from '../../ui/password-field.js';

const linkClass = 'font-medium text-primary underline-offset-4 hover:underline';

/**
 * Forgotten password: ask for a code by email, then enter it with a new password. Opened from
 * the mail's link, the token stands in for the code and only the new password is asked.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const request = useRequestPasswordReset();
  const confirm = useConfirmPasswordReset();
  const codeStep = Boolean(token) || request.isSuccess;

  function ask(e: FormEvent) {
    e.preventDefault();
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) return setFieldErrors({ email: 'Enter the email address of your account.' });
    setFieldErrors({});
    request.mutate({ email: email.trim() });
  }

  function finish(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!token && !/^\d{6}$/.test(code.trim())) errors.code = 'Enter the 6 digits from the email.';
    if (password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    confirm.mutate(
      { email: email.trim(), password, ...(token ? { token } : { code: code.trim() }) },
      {
        onError: (err) => {
          if (err instanceof ApiError) {
            setFieldErrors(Object.fromEntries(Object.entries(err.fieldErrors).map(([k, v]) => [k, sentence(v)])));
          }
        },
      },
    );
  }

  const footer = (
    <>
      Remembered it?{' '}
      <Link to="/login" className={linkClass}>
        Log in
      </Link>
    </>
  );

  if (confirm.isSuccess) {
    return (
      <AuthLayout title="Password changed" subtitle="You were signed out everywhere, so nobody else stays in." footer={footer}>
        <title>Password changed · Panelist</title>
        <Alert tone="success" title="Your new password is set">
          <Link to="/login" className="font-medium underline">
            Log in with it
          </Link>
          .
        </Alert>
      </AuthLayout>
    );
  }

  if (!codeStep) {
    return (
      <AuthLayout title="Reset your password" subtitle="We email you a 6-digit code that works for 10 minutes." footer={footer}>
        <title>Reset password · Panelist</title>
        <form onSubmit={ask} noValidate className="space-y-5">
          {request.error ? <Alert title="Could not send the code">{errorMessage(request.error)}</Alert> : null}
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="email"
            inputMode="email"
            autoFocus
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fieldErrors.email}
          />
          <Button type="submit" size="lg" className="w-full" loading={request.isPending} loadingText="Sending…">
            Email me a code
          </Button>
        </form>
      </AuthLayout>
    );
  }

  const formError = confirm.error && Object.keys(fieldErrors).length === 0 ? errorMessage(confirm.error) : null;
  return (
    <AuthLayout
      title="Choose a new password"
      subtitle={token ? `For ${email}.` : `If ${email} has an account, a code is on its way. It works for 10 minutes.`}
      footer={footer}
    >
      <title>New password · Panelist</title>
      <form onSubmit={finish} noValidate className="space-y-5">
        {formError ? <Alert title="Could not change the password">{formError}</Alert> : null}
        {token ? null : (
          <TextField
            label="Code from the email"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            autoFocus
            required
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              // A new attempt: the last answer's "wrong code" no longer applies.
              setFieldErrors(({ code: _old, ...rest }) => rest);
            }}
            error={fieldErrors.code}
            hint="Three wrong tries spend the code; then ask for a new one."
          />
        )}
        <PasswordField
          label="New password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. Setting it signs you out on every device.`}
        />
        <Button type="submit" size="lg" className="w-full" loading={confirm.isPending} loadingText="Saving…">
          Set new password
        </Button>
        {token ? null : (
          <p className="text-center text-sm">
            <button type="button" className={linkClass} onClick={() => request.reset()}>
              Use another email or send a new code
            </button>
          </p>
        )}
      </form>
    </AuthLayout>
  );
}
