import type { FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { CURRENT_PRIVACY_VERSION, CURRENT_TERMS_VERSION, PASSWORD_MIN_LENGTH } from '../../../contract/index.js';
import { ApiError, errorMessage } from '../../lib/api-client.js';
import { Alert } from '../../ui/alert.js';
import { Button } from '../../ui/button.js';
import { NewAccountFields, serverFieldErrors, useAccountForm } from '../../ui/account-form.js';
import { useRegister } from '../../lib/api/auth.js';
import { AuthLayout } from '../../ui/auth-layout.js';

export function RegisterPage() {
  const register = useRegister();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useAccountForm();
  const { values, fieldErrors, setFieldErrors } = form;

  function onSubmit(e: FormEvent) {
    e.preventDefault();
    if (!form.checkBeforeSubmit(e)) return;
    register.mutate(
      { name: values.name.trim(), email: values.email.trim(), password: values.password },
      {
        onSuccess: () => void navigate('/', { replace: true }),
        onError: (err) => setFieldErrors(serverFieldErrors(err)),
      },
    );
  }

  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  // The sign-in after registering fails only when the email already had an account.
  const signInFailed = register.error instanceof ApiError && register.error.status === 401;
  const formError = register.error && !hasFieldErrors && !signInFailed ? errorMessage(register.error) : null;

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
        {signInFailed ? (
          <Alert tone="info" title="Check your inbox">
            We sent a mail to {values.email.trim()}. If you already have an account with this address,{' '}
            <Link to="/login" className="font-medium underline">
              log in
            </Link>{' '}
            or{' '}
            <Link to={`/reset-password?email=${encodeURIComponent(values.email.trim())}`} className="font-medium underline">
              reset your password
            </Link>
            .
          </Alert>
        ) : null}
        {hasFieldErrors ? (
          <p className="sr-only" role="alert">
            Please fix the highlighted fields.
          </p>
        ) : null}
        <NewAccountFields
          form={form}
          passwordHint={`At least ${PASSWORD_MIN_LENGTH} characters. A short phrase is easier to remember than symbols.`}
        />
        <p className="text-sm text-fg-muted">
          By creating an account you accept the terms of use (version {CURRENT_TERMS_VERSION}) and the privacy notice (version{' '}
          {CURRENT_PRIVACY_VERSION}); both are recorded with your account, which you can download or delete at any time.
        </p>
        <Button type="submit" size="lg" className="w-full" loading={register.isPending} loadingText="Creating your account…">
          Create account
        </Button>
      </form>
    </AuthLayout>
  );
}
