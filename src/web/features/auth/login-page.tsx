import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { useLogin } from '../../lib/api/auth.js';
import { AuthLayout } from '../../ui/auth-layout.js';
import { PasswordField } from '../../ui/password-field.js';

export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errors: Record<string, string> = {};
    if (!/^\S+@\S+\.\S+$/.test(email.trim())) errors.email = 'Enter the email address you registered with.';
    if (!password) errors.password = 'Enter your password.';
    setFieldErrors(errors);
    if (Object.keys(errors).length) return;
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: () => void navigate(from && from.startsWith('/') ? from : '/', { replace: true }),
        onError: (err) => {
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
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-describedby={formError ? 'login-error' : undefined}>
        {formError ? (
          <div id="login-error">
            <Alert title={login.error instanceof ApiError && login.error.status === 429 ? 'Too many attempts' : 'Could not log you in'}>
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
        <Button type="submit" size="lg" className="w-full" loading={login.isPending} loadingText="Logging in…">
          Log in
        </Button>
      </form>
    </AuthLayout>
  );
}
