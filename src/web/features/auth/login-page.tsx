import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { oidcStartUrl, useLogin, useOidcProviders } from '../../lib/api/auth.js';
import { SSO_ERROR_MESSAGES } from '../../../contract/index.js';
import { buttonClass } from '../../ui/button.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { PasswordField } from '../../ui/password-field.js';

function loginErrorTitle(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Could not log you in';
  if (error.status === 429) return 'Too many attempts';
  return error.problem.code === 'two_factor_required' ? 'Two-factor sign-in' : 'Could not log you in';
}

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const providers = useOidcProviders().data?.items ?? [];
  // A single sign-on that failed comes back here as ?sso_error=<reason>.
  const ssoError = new URLSearchParams(location.search).get('sso_error');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [emailCode, setEmailCode] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  // After repeated failures the server accepts the password together with a mailed code.
  const [codeAsked, setCodeAsked] = useState(false);
  // With two-factor on, the right password is followed by the authenticator's code (or a recovery code).
  const [secondFactor, setSecondFactor] = useState<'totp' | 'recovery' | null>(null);
  const [factorCode, setFactorCode] = useState('');

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'Enter the email address you registered with.';
    if (!password) errors.password = 'Enter your password.';
    if (codeAsked && emailCode && !/^\d{6}$/.test(emailCode.trim())) errors.emailCode = 'Enter the 6 digits from the email.';
    if (secondFactor === 'totp' && factorCode && !/^\d{6}$/.test(factorCode.trim()))
      errors.factorCode = 'Enter the 6 digits the app shows.';
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    login.mutate(
      {
        email: email.trim(),
        password,
        ...(codeAsked && emailCode.trim() ? { emailCode: emailCode.trim() } : {}),
        ...(secondFactor && factorCode.trim() ? { [secondFactor === 'totp' ? 'totpCode' : 'recoveryCode']: factorCode.trim() } : {}),
      },
      {
        onSuccess: () => void navigate(from && from.startsWith('/') ? from : '/', { replace: true }),
        onError: (err) => {
          if (
            err instanceof ApiError &&
            err.status === 429 &&
            (err.problem.details as { emailCodeAccepted?: boolean } | undefined)?.emailCodeAccepted
          ) {
            setCodeAsked(true);
          }
          if (err instanceof ApiError && err.problem.code === 'two_factor_required') {
            setSecondFactor((f) => f ?? 'totp');
            setFactorCode('');
            // The password was right: keep it, so only the code needs typing.
            document.querySelector<HTMLInputElement>('input[name="factorCode"]')?.focus();
            return;
          }
          if (err instanceof ApiError) {
            setFieldErrors(
              Object.fromEntries(
                Object.entries(err.fieldErrors)
                  .filter(([k]) => k === 'email' || k === 'password')
                  .map(([k, v]) => [k, sentence(v)]),
              ),
            );
          }
          // Keep the email; clear the password and put the cursor there for the next attempt.
          setPassword('');
          document.querySelector<HTMLInputElement>('input[name="password"]')?.focus();
        },
      },
    );
  }

  const formError = login.error && Object.keys(fieldErrors).length === 0 ? errorMessage(login.error) : null;

  return (
    <AuthLayout
      title="Welcome back"
      subtitle="Log in to continue practising."
      footer={
        <>
          New to Panelist?{' '}
          <Link to="/register" state={location.state} className="font-medium text-primary underline-offset-4 hover:underline">
            Create an account
          </Link>
        </>
      }
    >
      <title>Log in · Panelist</title>
      {ssoError ? (
        <div className="mb-5">
          <Alert title="Single sign-on did not work">
            {SSO_ERROR_MESSAGES[ssoError] ?? 'Single sign-on did not work. Try again, or sign in with your password.'}
          </Alert>
        </div>
      ) : null}
      {providers.length > 0 ? (
        <div className="mb-6 space-y-3">
          {providers.map((p) => (
            // A full page load: the server answers with a redirect to the provider.
            <a
              key={p.id}
              href={oidcStartUrl(p.id, from && from.startsWith('/') ? from : '/')}
              className={buttonClass('secondary', 'lg', 'w-full')}
            >
              Continue with {p.name}
            </a>
          ))}
          <p className="flex items-center gap-3 text-sm text-fg-muted before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
            or with your email
          </p>
        </div>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={formError ? 'login-error' : undefined}>
        {formError ? (
          <div id="login-error">
            <Alert
              title={loginErrorTitle(login.error)}
              tone={
                login.error instanceof ApiError && login.error.problem.code === 'two_factor_required' && !fieldErrors.factorCode
                  ? 'info'
                  : 'error'
              }
            >
              {formError}
            </Alert>
          </div>
        ) : null}
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
        <PasswordField
          label="Password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrors.password}
        />
        {codeAsked ? (
          <TextField
            label="Code from the email"
            name="emailCode"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            hint="If the password is right, we email you a 6-digit code. Enter it here with your password."
            value={emailCode}
            onChange={(e) => setEmailCode(e.target.value)}
            error={fieldErrors.emailCode}
          />
        ) : null}
        {secondFactor ? (
          <div className="space-y-2">
            <TextField
              label={secondFactor === 'totp' ? 'Code from your authenticator app' : 'Recovery code'}
              name="factorCode"
              autoComplete="one-time-code"
              inputMode={secondFactor === 'totp' ? 'numeric' : 'text'}
              maxLength={secondFactor === 'totp' ? 6 : 11}
              autoFocus
              value={factorCode}
              onChange={(e) => setFactorCode(e.target.value)}
              error={fieldErrors.factorCode}
            />
            <button
              type="button"
              className="text-sm font-medium text-primary underline-offset-4 hover:underline"
              onClick={() => {
                setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp');
                setFactorCode('');
              }}
            >
              {secondFactor === 'totp' ? 'Use a recovery code instead' : 'Use the authenticator app instead'}
            </button>
          </div>
        ) : null}
        <Button type="submit" size="lg" className="w-full" loading={login.isPending} loadingText="Logging in…">
          Log in
        </Button>
        <p className="text-center text-sm">
          <Link
            to={`/reset-password${email.trim() ? `?email=${encodeURIComponent(email.trim())}` : ''}`}
            className="font-medium text-primary underline-offset-4 hover:underline"
          >
            Forgot your password?
          </Link>
        </p>
      </form>
    </AuthLayout>
  );
}
