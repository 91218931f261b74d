import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, registerBody } from '../../contract/index.js';
import { ApiError } from '../lib/api-client.js';
import { sentence, zodFieldErrors } from '../lib/form.js';
import { TextField } from './field.js';
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

export function focusFirstInvalid(form: HTMLFormElement) {
  requestAnimationFrame(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}

/**
 * State of a new-account form (register, first-admin setup): values, field errors, and a submit
 * check that shows client-side errors and focuses the first invalid field.
 */
export function useAccountForm() {
  const [values, setValues] = useState<AccountFields>({ name: '', email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const set = (key: keyof AccountFields) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));
  /** True when the values may be sent; otherwise the errors are shown. */
  function checkBeforeSubmit(e: FormEvent): boolean {
    const errors = validateAccount(values);
    setFieldErrors(errors);
    if (Object.keys(errors).length === 0) return true;
    focusFirstInvalid(e.currentTarget as HTMLFormElement);
    return false;
  }
  return { values, set, fieldErrors, setFieldErrors, checkBeforeSubmit };
}

/** Name, email and a new password, with their errors. */
export function NewAccountFields({
  form,
  passwordHint,
}: {
  form: Pick<ReturnType<typeof useAccountForm>, 'values' | 'set' | 'fieldErrors'>;
  passwordHint: string;
}) {
  const { values, set, fieldErrors } = form;
  return (
    <>
      <TextField
        label="Name"
        name="name"
        autoComplete="name"
        autoFocus
        required
        value={values.name}
        onChange={set('name')}
        error={fieldErrors.name}
      />
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
        hint={passwordHint}
      />
    </>
  );
}
