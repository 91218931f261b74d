import { Eye, EyeOff } from 'lucide-react';
import { useState, type ComponentProps } from 'react';
import { TextField } from './field.js';

/** A password input with a show/hide switch (helps on phones, where typos are common). */
export function PasswordField(props: Omit<ComponentProps<typeof TextField>, 'type'>) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="relative">
      <TextField {...props} type={visible ? 'text' : 'password'} className="pr-12" spellCheck={false} autoCapitalize="off" />
      <button
        type="button"
        onClick={() => setVisible((v) => !v)}
        aria-pressed={visible}
        title={visible ? 'Hide password' : 'Show password'}
        className="absolute top-8 right-1.5 grid size-8 place-items-center rounded-lg text-fg-subtle transition-colors hover:bg-surface-muted hover:text-fg"
      >
        {visible ? <EyeOff className="size-4" aria-hidden="true" /> : <Eye className="size-4" aria-hidden="true" />}
        <span className="sr-only">{visible ? 'Hide password' : 'Show password'}</span>
      </button>
    </div>
  );
}
