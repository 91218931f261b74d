import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH, registerBody } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { sentence, zodFieldErrors } from '../../lib/form.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { TextField } from '../../ui/field.js';
import { useRegister } from './api.js';
import { AuthLayout } from './auth-layout.js';
import { PasswordField } from './password-field.js';

export interface AccountFields {
  name: string;
  email: string;
  password: string;
}

/** Friendly client-side checks that mirror the contract, so most mistakes never reach the server. */
export function validateAccount(values: AccountFields): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!values.name.trim()) errors.name = 'Enter your name.';
  if (!/^\S+@\S+\.\S+$/.test(values.email.trim())) errors.email = 'Enter a valid email address, like name@example.com.';
  if (values.password.length < PASSWORD_MIN_LENGTH) errors.password = `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (Object.keys(errors).length) return errors;
  const parsed = registerBody.safeParse(values);
  return parsed.success ? {} : zodFieldErrors(parsed.error);
}

/** Server field errors, phrased as sentences; email_taken becomes an email field error. */
export function serverFieldErrors(err: unknown): Record<string, string> {
  if (!(err instanceof ApiError)) return {};
  const known = ['name', 'email', 'password'];
  const errors = Object.fromEntries(
    Object.entries(err.fieldErrors)
      .filter(([k]) => known.includes(k))
      .map(([k, v]) => [k, sentence(v)]),
  );
  if (err.code === 'email_taken') errors.email = sentence(err.message || 'An account with this email already exists.');
  return errors;
}

export function RegisterPage() {
  const register = useRegister();
  const navigate = useNavigate();
  const location = useLocation();
  const [values, setValues] = useState<AccountFields>({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set = (key: keyof AccountFields) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    const errors = validateAccount(values);
    setFieldErrors(errors);
    if (Object.keys(errors).length) {
      focusFirstInvalid(e.currentTarget as HTMLFormElement);
      return;
    }
    register.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate('/', { replace: true }),
        onError: (err) => setFieldErrors(serverFieldErrors(err)),
      },
    );
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  const formError = register.error && !hasFieldErrors ? errorMessage(register.error) : null;

  return (
    <AuthLayout
      title="Create your account"
      subtitle="Free, private practice with instant, specific feedback."
      footer={
        <>
          Already have an account?{' '}
          <Link to="/login" state={location.state} className="font-medium text-primary underline-offset-4 hover:underline">
            Log in
          </Link>
        </>
      }
    >
      <title>Create account · Panelist</title>
      <form onSubmit={onSubmit} noValidate className="space-y-5">
        {formError ? <Alert title="Could not create your account">{formError}</Alert> : null}
        {hasFieldErrors ? (
          <p className="sr-only" role="alert">
            Please fix the highlighted fields.
          </p>
        ) : null}
        <TextField label="Name" name="name" autoComplete="name" autoFocus required value={values.name} onChange={set('name')} error={fieldErrors.name} />
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="email"
          inputMode="email"
          required
          value={values.email}
          onChange={set('email')}
          error={fieldErrors.email}
        />
        <PasswordField
          label="Password"
          name="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={values.password}
          onChange={set('password')}
          error={fieldErrors.password}
          hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase is easier to remember than symbols.`}
        />
        <Button type="submit" size="lg" className="w-full" loading={register.isPending} loadingText="Creating your account…">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}

export function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
