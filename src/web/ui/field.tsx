import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from './cn.js';

const control =
  'block w-full rounded-xl border bg-surface px-3.5 text-fg placeholder:text-fg-subtle transition-colors focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring disabled:opacity-60';
/** Text controls only: a <select> always matches :read-only, and must not look disabled. */
const readOnlyLook = 'read-only:bg-surface-muted';

function controlClass(invalid: boolean, extra?: string) {
  return cn(control, invalid ? 'border-danger' : 'border-border-strong hover:border-fg-subtle', extra);
}

interface FieldShellProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  optional?: boolean | undefined;
  /** Shown to the right of the label, e.g. a "Forgot?" link or a counter. */
  aside?: ReactNode | undefined;
  children: ReactNode;
}

function FieldShell({ id, label, hint, error, optional, aside, children }: FieldShellProps) {
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
          {optional ? <span className="ml-1.5 font-normal text-fg-subtle">(optional)</span> : null}
        </label>
        {aside}
      </div>
      {children}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-sm text-fg-subtle">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm font-medium text-danger">
          <svg viewBox="0 0 20 20" className="mt-0.5 size-4 shrink-0" fill="currentColor" aria-hidden="true">
            <path
              fillRule="evenodd"
              d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
              clipRule="evenodd"
            />
          </svg>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint: unknown, error: unknown) {
  return error ? `${id}-error` : hint ? `${id}-hint` : undefined;
}

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  aside?: ReactNode;
}

export function TextField({ id: givenId, label, hint, error, optional, aside, className, ...rest }: TextFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} aside={aside}>
      <input
        id={id}
        className={controlClass(Boolean(error), cn('h-11', readOnlyLook, className))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
    </FieldShell>
  );
}

interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  aside?: ReactNode;
  /** Extra ids for aria-describedby (a live word count, say). */
  describedById?: string;
}

export function TextAreaField({ id: givenId, label, hint, error, optional, aside, className, describedById, ...rest }: TextAreaFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const described = [describedBy(id, hint, error), describedById].filter(Boolean).join(' ') || undefined;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} aside={aside}>
      <textarea
        id={id}
        className={controlClass(Boolean(error), cn('py-3 leading-relaxed', readOnlyLook, className))}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...rest}
      />
    </FieldShell>
  );
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
  aside?: ReactNode;
}

/** A native <select>: the platform's own picker on phones and full keyboard support everywhere. */
export function SelectField({ id: givenId, label, hint, error, optional, aside, className, children, ...rest }: SelectFieldProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} optional={optional} aside={aside}>
      <select
        id={id}
        className={controlClass(Boolean(error), cn('h-11 pr-9', className))}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...rest}
      >
        {children}
      </select>
    </FieldShell>
  );
}
