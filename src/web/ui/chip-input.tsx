import { X } from 'lucide-react';
import { useId, useRef, useState, type ClipboardEvent, type KeyboardEvent, type ReactNode } from 'react';
import { cn } from './cn.js';

export type ChipTone = 'neutral' | 'primary' | 'success' | 'warning' | 'danger';

export const chipTones: Record<ChipTone, string> = {
  neutral: 'bg-surface-muted text-fg-muted ring-border',
  primary: 'bg-primary-soft text-primary-soft-fg ring-primary/20',
  success: 'bg-success-soft text-success ring-success/25',
  warning: 'bg-warning-soft text-warning ring-warning/25',
  danger: 'bg-danger-soft text-danger ring-danger/25',
};

const chipBase = 'inline-flex max-w-full items-center gap-1 rounded-lg px-2.5 py-1 text-sm font-medium ring-1 ring-inset';

/** A read-only list of chips (skills, section names). */
export function ChipList({
  items,
  tone = 'neutral',
  label,
  className,
  empty,
}: {
  items: readonly ReactNode[];
  tone?: ChipTone;
  label?: string;
  className?: string;
  empty?: ReactNode;
}) {
  if (!items.length) return empty ? <p className="text-sm text-fg-subtle">{empty}</p> : null;
  return (
    <ul aria-label={label} className={cn('flex flex-wrap gap-1.5', className)}>
      {items.map((item, i) => (
        <li key={typeof item === 'string' ? item : i} className={cn(chipBase, chipTones[tone])}>
          <span className="min-w-0 truncate">{item}</span>
        </li>
      ))}
    </ul>
  );
}

interface ChipInputProps {
  label: ReactNode;
  value: string[];
  onChange: (next: string[]) => void;
  hint?: ReactNode;
  placeholder?: string;
  tone?: ChipTone;
  /** Most chips allowed; the input hides when full. */
  max?: number;
  maxLength?: number;
  id?: string;
  error?: string | undefined;
  /** Shown right of the label. */
  aside?: ReactNode;
}

function splitEntries(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Editable chips: type and press Enter or comma to add (pasting a list adds each item), each
 * chip has its own remove button, Backspace in the empty box removes the last one. Changes are
 * announced, since chips appearing and disappearing are otherwise silent.
 */
export function ChipInput({
  label,
  value,
  onChange,
  hint,
  placeholder = 'Type and press Enter',
  tone = 'neutral',
  max = 100,
  maxLength = 100,
  id: givenId,
  error,
  aside,
}: ChipInputProps) {
  const autoId = useId();
  const id = givenId ?? autoId;
  const [text, setText] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement>(null);
  const full = value.length >= max;

  function add(entries: string[]) {
    const known = new Set(value.map((v) => v.toLowerCase()));
    const added: string[] = [];
    for (const raw of entries) {
      const entry = raw.slice(0, maxLength);
      if (!entry || known.has(entry.toLowerCase()) || value.length + added.length >= max) continue;
      known.add(entry.toLowerCase());
      added.push(entry);
    }
    if (added.length) {
      onChange([...value, ...added]);
      setAnnouncement(`Added ${added.join(', ')}`);
    }
  }

  function remove(index: number, refocus: boolean) {
    const removed = value[index];
    onChange(value.filter((_, i) => i !== index));
    setAnnouncement(`Removed ${removed}`);
    if (refocus) inputRef.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'Enter' || e.key === ',') {
      if (!text.trim()) {
        // An empty Enter should not submit the surrounding form by accident.
        if (e.key === 'Enter') e.preventDefault();
        return;
      }
      e.preventDefault();
      add(splitEntries(text));
      setText('');
    } else if (e.key === 'Backspace' && !text && value.length) {
      e.preventDefault();
      remove(value.length - 1, false);
    }
  }

  function onPaste(e: ClipboardEvent<HTMLInputElement>) {
    const pasted = e.clipboardData.getData('text');
    if (!/[,;\n]/.test(pasted)) return;
    e.preventDefault();
    add(splitEntries(text + pasted));
    setText('');
  }

  const describedBy = [error ? `${id}-error` : hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="text-sm font-medium text-fg">
          {label}
        </label>
        {aside}
      </div>
      <div
        className={cn(
          'flex min-h-11 flex-wrap items-center gap-1.5 rounded-xl border bg-surface px-2 py-1.5 transition-colors has-[input:focus-visible]:outline-2 has-[input:focus-visible]:outline-ring',
          error ? 'border-danger' : 'border-border-strong hover:border-fg-subtle',
        )}
        onClick={(e) => {
          if (e.target === e.currentTarget) inputRef.current?.focus();
        }}
      >
        {value.length ? (
          <ul className="contents" aria-label={typeof label === 'string' ? label : undefined}>
            {value.map((chip, i) => (
              <li key={chip} className={cn(chipBase, 'py-0.5 pr-1', chipTones[tone])}>
                <span className="min-w-0 truncate">{chip}</span>
                <button
                  type="button"
                  onClick={() => remove(i, true)}
                  className="grid size-6 shrink-0 place-items-center rounded-md opacity-75 hover:bg-fg/10 hover:opacity-100 focus-visible:outline-2 focus-visible:outline-ring"
                  aria-label={`Remove ${chip}`}
                >
                  <X className="size-3.5" aria-hidden="true" />
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={() => {
            if (text.trim()) {
              add(splitEntries(text));
              setText('');
            }
          }}
          maxLength={maxLength}
          disabled={full}
          placeholder={full ? `Limit of ${max} reached` : placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className="h-8 min-w-[8rem] flex-1 bg-transparent px-1.5 text-fg outline-none placeholder:text-fg-subtle disabled:cursor-not-allowed"
        />
      </div>
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-sm text-fg-subtle">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
      <p className="sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
