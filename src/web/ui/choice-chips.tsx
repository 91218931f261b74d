import { useId, useState } from 'react';
import { cn } from './cn.js';

interface ChoiceChipsProps<T> {
  /** Spoken name of the group, e.g. "Show invitations". */
  legend: string;
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  className?: string;
}

/**
 * One choice out of a few, as radio buttons that look like chips (arrow keys move between them).
 * The choice shows at once even when `onChange` starts a navigation that settles later
 * (e.g. a filter kept in the address bar).
 */
export function ChoiceChips<T extends string | number | boolean | undefined>({
  legend,
  options,
  value,
  onChange,
  className,
}: ChoiceChipsProps<T>) {
  const name = useId();
  // Shown at once; follows `value` whenever it changes from outside (back button, a link).
  const [shown, setShown] = useState(value);
  const [last, setLast] = useState(value);
  if (last !== value) {
    setLast(value);
    setShown(value);
  }
  return (
    <fieldset className={cn('flex max-w-full flex-wrap gap-1.5', className)}>
      <legend className="sr-only">{legend}</legend>
      {options.map((o) => (
        <label
          key={String(o.value)}
          className={cn(
            'relative cursor-pointer rounded-full px-3 py-1.5 text-sm font-medium ring-1 transition-colors ring-inset has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-ring',
            shown === o.value
              ? 'bg-primary-soft text-primary-soft-fg ring-primary/30'
              : 'text-fg-muted ring-border hover:bg-surface-muted hover:text-fg',
          )}
        >
          <input
            type="radio"
            name={name}
            className="absolute inset-0 cursor-pointer opacity-0"
            checked={shown === o.value}
            onChange={() => {
              setShown(o.value);
              onChange(o.value);
            }}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}
